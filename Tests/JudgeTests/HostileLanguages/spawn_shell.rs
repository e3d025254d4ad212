// expect: SV|RE
// Runs /bin/sh through the standard library's process Command, which needs a new process and an exec.
use std::process::Command;

fn main() {
    match Command::new("/bin/sh").arg("-c").arg("echo ESCAPED").status() {
        Ok(status) if status.success() => {}
        Ok(status) => {
            eprintln!("shell failed: {status}");
            std::process::exit(1);
        }
        Err(error) => {
            eprintln!("spawn failed: {error}");
            std::process::exit(1);
        }
    }
}
