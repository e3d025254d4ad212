// expect: SV|RE
// Sends SIGKILL to the supervising parent.
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    if (kill(getppid(), SIGKILL) != 0) {
        perror("kill");
        return 1;
    }
    puts("ESCAPED");
    return 0;
}
