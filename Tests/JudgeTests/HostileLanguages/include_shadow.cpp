// expect: CE
// compile-expect: CE
// Makes the compiler read /etc/shadow into a string (its text would appear in the diagnostics).
#include <iostream>

static const char* secret =
#include "/etc/shadow"
;

int main() {
    std::cout << secret << "ESCAPED\n";
    return 0;
}
