// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
fn main() {
    let path = std::env::var("PROCTOR_TEST_OUTSIDE").expect("PROCTOR_TEST_OUTSIDE is not set");
    std::fs::write(&path, "ESCAPED\n").expect("writing outside failed");
    println!("ESCAPED");
}
