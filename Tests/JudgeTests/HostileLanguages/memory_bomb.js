// expect: MLE|RE
// Allocates 1 GiB in 16 MiB buffers and fills every one of them (buffers live outside the V8 heap).
const blocks = [];
for (let i = 0; i < 64; i++) {
  blocks.push(Buffer.alloc(16 << 20, i + 1));
}
console.log(blocks.length);
