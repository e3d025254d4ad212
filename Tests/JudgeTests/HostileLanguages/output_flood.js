// expect: OLE
// Prints lines forever (writes to a pipe or a file are synchronous in Node.js on Linux).
const line = "x".repeat(1023) + "\n";
for (;;) {
  process.stdout.write(line);
}
