// expect: AC
// The control, a plain Node.js program must run and be accepted, or the other verdicts prove nothing.
console.log("ok");
