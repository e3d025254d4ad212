// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
const fs = require("fs");

process.stdout.write(fs.readFileSync(process.env.PROCTOR_TEST_SECRET, "utf8"));
console.log("ESCAPED");
