// hostile: timers created without end (time.AfterFunc an hour away) end at the memory cap
// flags: --memory 256MiB
// exit: 2
// stderr: fatal error: out of memory
// within: 90s
// rss: 600MiB
package main

import "time"

func main() {
	for {
		time.AfterFunc(time.Hour, func() {})
	}
}
