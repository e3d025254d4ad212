// expect: SV|RE
// Runs /bin/sh through os/exec, which needs a new process and an exec.
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	command := exec.Command("/bin/sh", "-c", "echo ESCAPED")
	command.Stdout = os.Stdout
	if err := command.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "shell failed:", err)
		os.Exit(1)
	}
}
