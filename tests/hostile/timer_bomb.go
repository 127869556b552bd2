// hostile: timers created without end (time.AfterFunc an hour away) end at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: fatal error: out of memory
// within: 90s
// page-known: in the page it has not reached the cap within 90 s (the CLI: 1 s); bounded by the cap, but the page's timer path is far slower: open
// rss: 600MiB
package main

import "time"

func main() {
	for {
		time.AfterFunc(time.Hour, func() {})
	}
}
