// An unbuffered channel hands a value over: everything the sender did before the send happens
// before the receive completes, so the receiver may use the object, and after the handoff the
// sender no longer touches it.
package main

import (
	"fmt"
	"strings"
)

type page struct {
	url   string
	words []string
}

func main() {
	pages := make(chan *page)
	done := make(chan int)
	go func() {
		total := 0
		for p := range pages {
			p.words = append(p.words, "(seen)") // the receiver owns it now
			total += len(p.words)
		}
		done <- total
	}()
	for _, text := range []string{"a b c", "d e"} {
		p := &page{url: "x", words: strings.Fields(text)}
		pages <- p // hand over: p is not used again on this side
	}
	close(pages)
	fmt.Println("words counted:", <-done)
}
