// The go statement happens before the new goroutine starts: whatever main wrote before `go`
// is visible inside it, with no other synchronisation. (Writes after the go statement are not:
// race_write_after_go.go.)
package main

import "fmt"

type request struct {
	path    string
	headers map[string]string
}

func main() {
	req := &request{path: "/index"}
	req.headers = map[string]string{"Accept": "text/plain"}
	done := make(chan string)
	go func() {
		done <- req.path + " " + req.headers["Accept"]
	}()
	fmt.Println(<-done)
}
