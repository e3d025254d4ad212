// expect: SV|RE
// Runs shells in a loop through child_process.execSync (a new process and an exec of /bin/sh each).
const { execSync } = require("child_process");

for (;;) {
  execSync("echo ESCAPED", { stdio: "inherit" });
}
