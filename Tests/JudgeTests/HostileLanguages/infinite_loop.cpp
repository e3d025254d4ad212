// expect: TLE
// Spins forever on the CPU (the volatile counter keeps the loop from being optimised away).
int main() {
    volatile unsigned long counter = 0;
    for (;;) counter = counter + 1;
}
