// expect: AC
// The control, a plain C++ program must run and be accepted, or the other verdicts prove nothing.
#include <iostream>

int main() {
    std::cout << "ok\n";
    return 0;
}
