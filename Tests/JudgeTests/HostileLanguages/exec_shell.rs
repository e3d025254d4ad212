// expect: RE
// Replaces itself with /bin/sh (exec without fork), which Landlock does not let it execute.
use std::os::unix::process::CommandExt;
use std::process::Command;

fn main() {
    let error = Command::new("/bin/sh").arg("-c").arg("echo ESCAPED").exec();
    eprintln!("exec failed: {error}");
    std::process::exit(1);
}
