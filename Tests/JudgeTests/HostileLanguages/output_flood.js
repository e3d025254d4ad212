// expect: OLE|MLE|TLE
// Prints lines forever. libuv queues what a full pipe does not take, so the queue may reach the memory limit (or, on a busy machine, the CPU limit) before the output limit.
const line = "x".repeat(1023) + "\n";
for (;;) {
  process.stdout.write(line);
}
