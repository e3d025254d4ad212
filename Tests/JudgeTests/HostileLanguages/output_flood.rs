// expect: OLE
// Prints lines forever.
use std::io::{BufWriter, Write};

fn main() {
    let line = "x".repeat(1023);
    let mut out = BufWriter::new(std::io::stdout().lock());
    loop {
        if writeln!(out, "{line}").is_err() {
            std::process::exit(1);
        }
    }
}
