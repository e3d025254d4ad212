// expect: RE|MLE|TLE
// Starts 10,000 sleeping OS threads (each goroutine locked to its own thread in a blocking syscall); the task cap must stop it.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
)

func main() {
	var started sync.WaitGroup
	for i := 0; i < 10000; i++ {
		started.Add(1)
		go func() {
			runtime.LockOSThread()
			started.Done()
			pause := syscall.Timespec{Sec: 60}
			for {
				syscall.Nanosleep(&pause, nil)
			}
		}()
	}
	// The runtime dies with "failed to create new OS thread" (exit status 2) when clone fails.
	started.Wait()
	fmt.Println("all 10000 threads started")
}
