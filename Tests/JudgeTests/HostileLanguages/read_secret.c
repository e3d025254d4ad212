// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *path = getenv("PROCTOR_TEST_SECRET");
    if (path == NULL) return 2;
    FILE *file = fopen(path, "r");
    if (file == NULL) return 1;
    char buffer[4096];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, file)) > 0) fwrite(buffer, 1, count, stdout);
    fclose(file);
    puts("ESCAPED");
    return 0;
}
