// Map insert and lookup, with int keys and with string keys.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	const n = 200000
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i*7919%1000003] = i
	}
	hits, sum := 0, 0
	for r := 0; r < 4; r++ {
		for k := 0; k < 500000; k++ {
			if v, ok := m[k*13]; ok {
				hits++
				sum += v
			}
		}
	}
	fmt.Printf("int keys: %d entries, %d hits, sum %d\n", len(m), hits, sum)

	s := make(map[string]int)
	for i := 0; i < n; i++ {
		s["k"+strconv.Itoa(i*31%n)] = i
	}
	hits, sum = 0, 0
	for k := 0; k < 2*n; k += 3 {
		if v, ok := s["k"+strconv.Itoa(k)]; ok {
			hits++
			sum += v
		}
	}
	fmt.Printf("string keys: %d entries, %d hits, sum %d\n", len(s), hits, sum)
}
