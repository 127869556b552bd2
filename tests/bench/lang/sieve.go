// Sieve of Eratosthenes over a []bool: slice indexing and stores in tight loops.
package main

import "fmt"

func sieve(n int) (int, int) {
	composite := make([]bool, n+1)
	count := 0
	last := 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			last = i
			for j := i * i; j <= n; j += i {
				composite[j] = true
			}
		}
	}
	return count, last
}

func main() {
	total := 0
	count, last := 0, 0
	for r := 0; r < 4; r++ {
		count, last = sieve(2000000)
		total += count
	}
	fmt.Printf("sieve(2000000): %d primes, largest %d, 4 runs: %d\n", count, last, total)
}
