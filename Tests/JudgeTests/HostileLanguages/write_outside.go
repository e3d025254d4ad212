// expect: RE
// Writes a file outside the run's directory, at the path the harness watches.
package main

import (
	"fmt"
	"os"
)

func main() {
	path := os.Getenv("PROCTOR_TEST_OUTSIDE")
	if path == "" {
		os.Exit(2)
	}
	if err := os.WriteFile(path, []byte("ESCAPED\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "write failed:", err)
		os.Exit(1)
	}
	fmt.Println("ESCAPED")
}
