// expect: SV|RE
// Fork bomb through the raw fork syscall (clone with only SIGCHLD where the architecture has no fork); a child that ever runs says so.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static long rawFork(void) {
#ifdef SYS_fork
    return syscall(SYS_fork);
#else
    return syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
#endif
}

int main(void) {
    for (;;) {
        long pid = rawFork();
        if (pid < 0) return 1;
        if (pid == 0) {
            puts("ESCAPED");
            fflush(stdout);
        }
    }
}
