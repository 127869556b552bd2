// hostile: timers created without end (time.AfterFunc an hour away) end at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: fatal error: out of memory
// known: timers do not count against the memory cap: the process grows ~50 MB/s past 256 MiB (950 MB at 24 s) and never ends
// within: 20s
// rss: 600MiB
package main

import "time"

func main() {
	for {
		time.AfterFunc(time.Hour, func() {})
	}
}
