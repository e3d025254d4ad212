// expect: SV|RE
// Attaches to the supervising parent through the raw ptrace syscall.
package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	parent := uintptr(os.Getppid())
	_, _, errno := syscall.RawSyscall6(syscall.SYS_PTRACE, syscall.PTRACE_ATTACH, parent, 0, 0, 0, 0)
	if errno != 0 {
		fmt.Fprintln(os.Stderr, "ptrace failed:", errno)
		os.Exit(1)
	}
	fmt.Println("ESCAPED")
}
