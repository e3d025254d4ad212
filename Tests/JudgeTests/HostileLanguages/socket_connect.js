// expect: RE
// Opens a TCP connection to a public DNS server.
const net = require("net");

const socket = net.connect({ host: "1.1.1.1", port: 53 });
socket.setTimeout(1000);
socket.on("connect", () => {
  console.log("ESCAPED");
  process.exit(0);
});
socket.on("timeout", () => {
  console.error("connect timed out");
  process.exit(1);
});
socket.on("error", (error) => {
  console.error("connect failed:", error.message);
  process.exit(1);
});
