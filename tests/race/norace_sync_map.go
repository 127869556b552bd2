// sync.Map used from several goroutines: Store, Load, LoadOrStore, Range and Delete are safe
// together, and a value stored before a Load that observes it is fully visible.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type profile struct {
	name string
	age  int
}

func main() {
	var users sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p := &profile{name: fmt.Sprint("user", i), age: 20 + i}
			users.Store(i, p)
			users.LoadOrStore("first", p.name)
		}(i)
	}
	wg.Wait()
	users.Delete("first")
	var lines []string
	users.Range(func(k, v any) bool {
		p := v.(*profile)
		lines = append(lines, fmt.Sprint(k, " ", p.name, " ", p.age))
		return true
	})
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	if v, ok := users.Load(2); ok {
		fmt.Println("loaded:", v.(*profile).name)
	}
}
