// hostile: a panic whose message is 20 MB: all of it on the CLI, then the goroutine's trace; the page's capped transcript drops the line, says so, and keeps the trace
// exit: 2
// stderr: panic: xxxxxxxxxx
// stderr: goroutine 1 [running]:
// stderr: main.main()
// page-stderr: [earlier output dropped]
// page-stderr: goroutine 1 [running]:
// page-stderr: main.main()
// within: 30s
// rss: 600MiB
package main

import "strings"

func main() {
	panic(strings.Repeat("x", 20<<20))
}
