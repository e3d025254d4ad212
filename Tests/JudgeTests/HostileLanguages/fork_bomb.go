// expect: SV|RE
// Fork bomb through the raw clone syscall with only SIGCHLD (fork itself, on every architecture); a child that ever runs says so.
package main

import (
	"os"
	"syscall"
)

func main() {
	for {
		pid, _, errno := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
		if errno != 0 {
			os.Exit(1)
		}
		if pid == 0 {
			syscall.Write(1, []byte("ESCAPED\n"))
		}
	}
}
