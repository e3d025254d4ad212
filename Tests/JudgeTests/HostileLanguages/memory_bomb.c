// expect: MLE|RE
// Allocates 1 GiB and touches every page of it.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    size_t size = (size_t)1 << 30;
    char *block = malloc(size);
    if (block == NULL) {
        fputs("out of memory\n", stderr);
        return 1;
    }
    for (size_t i = 0; i < size; i += 4096) block[i] = (char)i;
    printf("%d\n", block[size - 4096]);
    return 0;
}
