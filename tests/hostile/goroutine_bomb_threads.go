// hostile: a goroutine bomb in threads mode (a thread per goroutine) ends as Go ends past its thread limit
// flags: --mode threads --memory 256MiB
// exit: 2
// stderr: runtime: program exceeds 10000-thread limit
// stderr: fatal error: thread exhaustion
// page-stderr: runtime: program exceeds 
// page-stderr: -thread limit
// page-stderr: fatal error: thread exhaustion
// within: 120s
// rss: 800MiB
package main

func main() {
	block := make(chan int)
	for {
		go func() { <-block }()
	}
}
