// hostile: for {} in threads mode never ends: the runner kills the CLI after its time (expected); the page's Stop ends it
// flags: --mode threads
// exit: killed
// within: 3s
// rss: 300MiB
package main

func main() {
	for {
	}
}
