// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
#include <cstdlib>
#include <fstream>
#include <iostream>

int main() {
    const char* path = std::getenv("PROCTOR_TEST_OUTSIDE");
    if (path == nullptr) return 2;
    std::ofstream file(path);
    if (!file) return 1;
    file << "ESCAPED\n";
    file.close();
    if (!file) return 1;
    std::cout << "ESCAPED\n";
    return 0;
}
