// expect: OLE
// Prints lines forever.
package main

import (
	"bufio"
	"os"
	"strings"
)

func main() {
	line := strings.Repeat("x", 1023) + "\n"
	out := bufio.NewWriter(os.Stdout)
	for {
		if _, err := out.WriteString(line); err != nil {
			os.Exit(1)
		}
	}
}
