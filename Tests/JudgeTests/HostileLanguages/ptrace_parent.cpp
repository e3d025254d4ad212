// expect: SV|RE
// Attaches to the supervising parent through the raw ptrace syscall.
#include <cstdio>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

int main() {
    if (syscall(SYS_ptrace, PTRACE_ATTACH, getppid(), nullptr, nullptr) != 0) {
        std::perror("ptrace");
        return 1;
    }
    std::puts("ESCAPED");
    return 0;
}
