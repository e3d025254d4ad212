// expect: RE|MLE|TLE
// Starts 10,000 sleeping threads; the task cap must stop it (all of them starting is a wrong answer).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *sleeper(void *unused) {
    (void)unused;
    for (;;) sleep(60);
    return NULL;
}

int main(void) {
    for (int i = 0; i < 10000; i++) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, sleeper, NULL) != 0) {
            fprintf(stderr, "thread %d not created\n", i);
            return 1;
        }
    }
    return 0;
}
