// expect: AC
// The control, a plain Rust program must run and be accepted, or the other verdicts prove nothing.
fn main() {
    println!("ok");
}
