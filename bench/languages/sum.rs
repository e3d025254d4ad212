use std::io::Read;
fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let values: Vec<i64> = text.split_whitespace().map(|x| x.parse().unwrap()).collect();
    println!("{}", values[0] + values[1]);
}
