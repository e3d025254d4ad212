// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *path = getenv("PROCTOR_TEST_OUTSIDE");
    if (path == NULL) return 2;
    FILE *file = fopen(path, "w");
    if (file == NULL) return 1;
    fputs("ESCAPED\n", file);
    if (fclose(file) != 0) return 1;
    puts("ESCAPED");
    return 0;
}
