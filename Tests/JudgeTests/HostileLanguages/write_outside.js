// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
const fs = require("fs");

fs.writeFileSync(process.env.PROCTOR_TEST_OUTSIDE, "ESCAPED\n");
console.log("ESCAPED");
