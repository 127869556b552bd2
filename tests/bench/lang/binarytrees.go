// binary-trees, depth 16 (the Benchmarks Game program, with 4x fewer iterations per depth to keep the
// run near 1 s in Lua 5.4): allocation of many small structs, pointers, GC.
package main

import "fmt"

type Node struct {
	left, right *Node
}

func bottomUp(depth int) *Node {
	if depth <= 0 {
		return &Node{}
	}
	return &Node{left: bottomUp(depth - 1), right: bottomUp(depth - 1)}
}

func check(n *Node) int {
	if n.left == nil {
		return 1
	}
	return 1 + check(n.left) + check(n.right)
}

func main() {
	const minDepth = 4
	const maxDepth = 16
	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, check(bottomUp(stretch)))

	longLived := bottomUp(maxDepth)
	for d := minDepth; d <= maxDepth; d += 2 {
		iters := 1 << (maxDepth - d + minDepth - 2)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += check(bottomUp(d))
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iters, d, sum)
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, check(longLived))
}
