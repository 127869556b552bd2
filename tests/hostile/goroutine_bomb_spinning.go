// hostile: a goroutine bomb of goroutines that spin (for {}) runs until stopped, in bounded memory; the page's Stop ends it
// flags: --procs 4 --memory 256MiB
// exit: killed
// within: 10s
// rss: 600MiB
package main

func main() {
	for {
		go func() {
			for {
			}
		}()
	}
}
