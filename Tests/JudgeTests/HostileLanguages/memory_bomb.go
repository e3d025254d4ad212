// expect: MLE|RE
// Allocates 1 GiB in 16 MiB blocks and touches every page of them.
package main

import "fmt"

func main() {
	var blocks [][]byte
	for i := 0; i < 64; i++ {
		block := make([]byte, 16<<20)
		for j := 0; j < len(block); j += 4096 {
			block[j] = byte(i + 1)
		}
		blocks = append(blocks, block)
	}
	fmt.Println(len(blocks))
}
