// expect: TLE
// Spins forever on the CPU.
let counter = 0;
for (;;) {
  counter = (counter + 1) | 0;
}
