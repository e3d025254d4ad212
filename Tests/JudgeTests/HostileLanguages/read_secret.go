// expect: RE
// Reads the judge's expected output (a file outside the run's directory) and prints it.
package main

import (
	"fmt"
	"os"
)

func main() {
	path := os.Getenv("PROCTOR_TEST_SECRET")
	if path == "" {
		os.Exit(2)
	}
	secret, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "read failed:", err)
		os.Exit(1)
	}
	os.Stdout.Write(secret)
	fmt.Println("ESCAPED")
}
