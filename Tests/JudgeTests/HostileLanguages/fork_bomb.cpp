// expect: SV|RE
// Fork bomb through the C library's fork (a clone without CLONE_THREAD); a child that ever runs says so.
#include <cstdio>
#include <unistd.h>

int main() {
    for (;;) {
        pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            std::puts("ESCAPED");
            std::fflush(stdout);
        }
    }
}
