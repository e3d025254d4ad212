// expect: MLE|RE
// Allocates 1 GiB in 16 MiB blocks and fills every one of them.
fn main() {
    let mut blocks: Vec<Vec<u8>> = Vec::new();
    for i in 0..64u8 {
        blocks.push(vec![i + 1; 16 << 20]);
    }
    let blocks = std::hint::black_box(blocks);
    println!("{}", blocks.len());
}
