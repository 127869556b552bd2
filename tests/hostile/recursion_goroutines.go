// hostile: each level starts a goroutine and waits on a channel for its answer: goroutines pile up until the memory cap
// flags: --memory 64MiB
// exit: 2
// stderr: runtime: out of memory: cannot allocate
// stderr: fatal error: out of memory
// within: 120s
// rss: 400MiB
package main

func depth(n int) int {
	answer := make(chan int)
	go func() { answer <- depth(n+1) + 1 }()
	return <-answer
}

func main() { println(depth(0)) }
