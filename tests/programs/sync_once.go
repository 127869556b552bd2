// sync.Once runs a function exactly once, even when many goroutines race to call it.
package main

import (
	"fmt"
	"sync"
)

type Config struct{ loaded int }

var (
	once   sync.Once
	config *Config
	loads  int
)

func getConfig() *Config {
	once.Do(func() {
		loads++
		config = &Config{loaded: loads}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			getConfig()
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads, "config:", getConfig().loaded)

	// Once does not re-run even if the function panicked
	var o sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		o.Do(func() { panic("first call panics") })
	}()
	ran := false
	o.Do(func() { ran = true })
	fmt.Println("second Do ran:", ran)

	// a different Once is independent; Do with a nested Do of another Once works
	var a, b sync.Once
	a.Do(func() {
		fmt.Println("a runs")
		b.Do(func() { fmt.Println("b runs inside a") })
	})
	b.Do(func() { fmt.Println("b again: never printed") })
	fmt.Println("done")
}
