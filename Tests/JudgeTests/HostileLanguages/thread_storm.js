// expect: RE|MLE|TLE
// Starts 10,000 sleeping worker threads; the task cap or the memory limit must stop it.
const { Worker } = require("worker_threads");

let online = 0;
for (let i = 0; i < 10000; i++) {
  const worker = new Worker("setInterval(() => {}, 60000);", { eval: true });
  worker.on("error", (error) => {
    console.error(`worker ${i} failed:`, error.message);
    process.exit(1);
  });
  worker.on("online", () => {
    online += 1;
    if (online === 10000) process.exit(0);
  });
}
