// expect: CE
// compile-expect: CE
// Makes the compiler read /etc/shadow into the program, which would then print it.
const SHADOW: &str = include_str!("/etc/shadow");

fn main() {
    print!("{SHADOW}");
    println!("ESCAPED");
}
