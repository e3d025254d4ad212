// expect: RE|MLE|TLE
// Starts 10,000 sleeping threads; the task cap must stop it (all of them starting is a wrong answer).
use std::thread;
use std::time::Duration;

fn main() {
    for i in 0..10_000 {
        let started = thread::Builder::new().spawn(|| loop {
            thread::sleep(Duration::from_secs(60));
        });
        if let Err(error) = started {
            eprintln!("thread {i} not created: {error}");
            std::process::exit(1);
        }
    }
}
