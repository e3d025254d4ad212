// expect: CE
// compile-expect: CE
// Makes cgo run the C compiler over /etc/shadow at build time (or fails to build where cgo is off).
package main

// #include "/etc/shadow"
import "C"

import "fmt"

func main() {
	fmt.Println("ESCAPED")
}
