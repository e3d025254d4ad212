// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
#include <cstdlib>
#include <fstream>
#include <iostream>

int main() {
    const char* path = std::getenv("PROCTOR_TEST_SECRET");
    if (path == nullptr) return 2;
    std::ifstream file(path);
    if (!file) return 1;
    std::cout << file.rdbuf() << "ESCAPED\n";
    return 0;
}
