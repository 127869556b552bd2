// gopark: timeout=60
// The garbage collector reclaims garbage while the program runs: about 128 MB of byte slices
// and half a million tree nodes are allocated with a small live set, partly from several
// goroutines at once. Only checksums are printed.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Node struct {
	Left, Right *Node
	Val         int
}

func build(d int) *Node {
	if d == 0 {
		return &Node{Val: 1}
	}
	return &Node{build(d - 1), build(d - 1), d}
}

func (n *Node) count() int {
	if n == nil {
		return 0
	}
	return 1 + n.Left.count() + n.Right.count()
}

var live [][]byte

func main() {
	live = make([][]byte, 64)
	sum := 0
	for i := 0; i < 1<<19; i++ {
		b := make([]byte, 256)
		b[i%256] = byte(i)
		live[i%64] = b // the old slice in this slot becomes garbage
		sum += int(b[i%256])
	}
	fmt.Println("bytes checksum:", sum)

	longLived := build(12)
	total := 0
	for i := 0; i < 100; i++ {
		total += build(10).count()
	}
	fmt.Println("short-lived nodes:", total, "long-lived tree:", longLived.count())

	var wg sync.WaitGroup
	results := make([]int, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			s := 0
			for i := 0; i < 40; i++ {
				s += build(8).count()
				if i%10 == 0 {
					runtime.Gosched()
				}
			}
			results[g] = s
		}(g)
	}
	wg.Wait()
	fmt.Println("nodes per goroutine:", results)

	// strings and maps as garbage too
	m := map[int]string{}
	for i := 0; i < 20000; i++ {
		m[i%100] = fmt.Sprint("value-", i)
	}
	runtime.GC()
	fmt.Println(len(m), m[42], longLived.count())
}
