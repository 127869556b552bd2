// hostile: a goroutine bomb of goroutines asleep on timers (each holds a pending timer) ends at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 120s
// rss: 600MiB
package main

import "time"

func main() {
	for {
		go func() {
			for {
				time.Sleep(time.Hour)
			}
		}()
	}
}
