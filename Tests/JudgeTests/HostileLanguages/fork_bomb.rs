// expect: SV|RE
// Fork bomb through the C library's fork, declared by hand (no crates); a child that ever runs says so.
use std::io::Write;

extern "C" {
    fn fork() -> i32;
}

fn main() {
    loop {
        let pid = unsafe { fork() };
        if pid < 0 {
            std::process::exit(1);
        }
        if pid == 0 {
            let mut out = std::io::stdout();
            let _ = writeln!(out, "ESCAPED");
            let _ = out.flush();
        }
    }
}
