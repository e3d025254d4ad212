// expect: AC
// The control, a plain Go program must run and be accepted, or the other verdicts prove nothing.
package main

import "fmt"

func main() {
	fmt.Println("ok")
}
