// hostile: a goroutine bomb (every goroutine blocks forever) in coroutines mode ends at the memory cap
// flags: --mode coroutines --memory 256MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 120s
// rss: 600MiB
package main

func main() {
	block := make(chan int)
	for {
		go func() { <-block }()
	}
}
