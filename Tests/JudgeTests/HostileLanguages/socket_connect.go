// expect: RE
// Opens a TCP connection to a public DNS server.
package main

import (
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	connection, err := net.DialTimeout("tcp", "1.1.1.1:53", time.Second)
	if err != nil {
		fmt.Fprintln(os.Stderr, "connect failed:", err)
		os.Exit(1)
	}
	connection.Close()
	fmt.Println("ESCAPED")
}
