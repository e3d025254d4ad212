// expect: CE
// compile-expect: CE
// Makes the compiler read /etc/shadow (its text would appear in the diagnostics).
#include "/etc/shadow"

int main(void) { return 0; }
