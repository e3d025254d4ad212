// expect: RE
// Replaces itself with /bin/sh (exec without fork), which Landlock does not let it execute.
package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	err := syscall.Exec("/bin/sh", []string{"sh", "-c", "echo ESCAPED"}, nil)
	fmt.Fprintln(os.Stderr, "exec failed:", err)
	os.Exit(1)
}
