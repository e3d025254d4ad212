// expect: RE
// Reads /etc/passwd through a symbolic link made inside the run's own directory.
#include <fstream>
#include <iostream>
#include <unistd.h>

int main() {
    unlink("passwd_link");
    if (symlink("/etc/passwd", "passwd_link") != 0) return 1;
    std::ifstream file("passwd_link");
    if (!file) return 1;
    std::cout << file.rdbuf() << "ESCAPED\n";
    return 0;
}
