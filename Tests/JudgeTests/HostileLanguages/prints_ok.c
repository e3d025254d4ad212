// expect: AC
// The control, a plain C program must run and be accepted, or the other verdicts prove nothing.
#include <stdio.h>

int main(void) {
    puts("ok");
    return 0;
}
