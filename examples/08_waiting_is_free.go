// Example: Waiting costs no CPU: one thread, many waits
// Row: 8, 9
// Watch: run it in coroutines mode. Five "downloads" each wait 200 ms (a sleep stands in for
// the network). All five goroutines are suspended at the same time while the single thread is
// free, so together they take about 200 ms, not 5 x 200 ms: coroutines use the time a thread
// would spend waiting to run other work. The same holds in every mode.
package main

import (
	"fmt"
	"sort"
	"time"
)

func download(id int, results chan<- string) {
	time.Sleep(200 * time.Millisecond) // suspended: the thread runs someone else meanwhile
	results <- fmt.Sprintf("page%d", id)
}

func main() {
	start := time.Now()
	results := make(chan string)
	for id := 1; id <= 5; id++ {
		go download(id, results)
	}
	var pages []string
	for i := 0; i < 5; i++ {
		pages = append(pages, <-results) // arrival order varies: sort below
	}
	elapsed := time.Since(start)
	sort.Strings(pages)
	fmt.Println("downloaded:", pages)
	fmt.Println("the waits overlapped (under 600 ms, not 5 x 200 ms):", elapsed < 600*time.Millisecond)
}
