// expect: RE
// Opens a TCP connection to a public DNS server.
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

fn main() {
    let address: SocketAddr = "1.1.1.1:53".parse().unwrap();
    match TcpStream::connect_timeout(&address, Duration::from_secs(1)) {
        Ok(_) => println!("ESCAPED"),
        Err(error) => {
            eprintln!("connect failed: {error}");
            std::process::exit(1);
        }
    }
}
