// hostile: for {} never ends: the runner kills the CLI after its time (expected); the page's Stop ends it
// exit: killed
// within: 3s
// rss: 300MiB
package main

func main() {
	for {
	}
}
