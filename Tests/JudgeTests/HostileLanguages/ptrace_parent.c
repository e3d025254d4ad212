// expect: SV|RE
// Attaches to the supervising parent with ptrace.
#include <stdio.h>
#include <sys/ptrace.h>
#include <unistd.h>

int main(void) {
    if (ptrace(PTRACE_ATTACH, getppid(), NULL, NULL) != 0) {
        perror("ptrace");
        return 1;
    }
    puts("ESCAPED");
    return 0;
}
