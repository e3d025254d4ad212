// expect: CE
// compile-expect: CE
// Makes the preprocessor read an endless file; the compile's time or memory limit must end it.
#include "/dev/zero"

int main(void) { return 0; }
