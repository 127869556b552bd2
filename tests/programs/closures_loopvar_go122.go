// gopark: go1.22
// Go 1.22 loop variables: each iteration has its own variable.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	var names []func() string
	for _, s := range []string{"a", "b", "c"} {
		names = append(names, func() string { return s })
	}
	for _, f := range names {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// modifying the loop variable inside the body still affects the loop
	for i := 0; i < 10; i++ {
		fmt.Print(i, " ")
		i += 2
	}
	fmt.Println()

	// goroutines capture their own iteration's variable
	var mu sync.Mutex
	var wg sync.WaitGroup
	var got []int
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(got)
	fmt.Println(got)

	// the per-iteration copy is made before the post statement
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
		i++
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
