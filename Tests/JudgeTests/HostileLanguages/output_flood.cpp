// expect: OLE
// Prints lines forever.
#include <iostream>
#include <string>

int main() {
    std::ios::sync_with_stdio(false);
    const std::string line(1023, 'x');
    for (;;) std::cout << line << '\n';
}
