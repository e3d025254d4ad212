// expect: SV|RE
// Attaches to the supervising parent through the raw ptrace syscall (101 on x86-64, 117 on arm64; no crates).
extern "C" {
    fn syscall(number: i64, ...) -> i64;
}

#[cfg(target_arch = "x86_64")]
const SYS_PTRACE: i64 = 101;
#[cfg(target_arch = "aarch64")]
const SYS_PTRACE: i64 = 117;
const PTRACE_ATTACH: i64 = 16;

fn main() {
    let parent = std::os::unix::process::parent_id() as i64;
    let result = unsafe { syscall(SYS_PTRACE, PTRACE_ATTACH, parent, 0i64, 0i64) };
    if result != 0 {
        eprintln!("ptrace failed: {}", std::io::Error::last_os_error());
        std::process::exit(1);
    }
    println!("ESCAPED");
}
