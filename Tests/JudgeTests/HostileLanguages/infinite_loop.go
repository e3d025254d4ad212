// expect: TLE
// Spins forever on the CPU.
package main

var counter uint64

func main() {
	for {
		counter++
	}
}
