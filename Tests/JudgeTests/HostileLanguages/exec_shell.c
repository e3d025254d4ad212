// expect: RE
// Replaces itself with /bin/sh, which Landlock does not let it execute.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char *const arguments[] = {"sh", "-c", "echo ESCAPED", NULL};
    char *const environment[] = {NULL};
    execve("/bin/sh", arguments, environment);
    perror("execve");
    return 1;
}
