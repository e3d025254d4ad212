// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
fn main() {
    let path = std::env::var("PROCTOR_TEST_SECRET").expect("PROCTOR_TEST_SECRET is not set");
    let secret = std::fs::read_to_string(&path).expect("reading the secret failed");
    print!("{secret}");
    println!("ESCAPED");
}
