// expect: TLE
// Spins forever on the CPU.
fn main() {
    let mut counter: u64 = 0;
    loop {
        counter = std::hint::black_box(counter.wrapping_add(1));
    }
}
