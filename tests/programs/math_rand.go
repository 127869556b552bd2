// math/rand with a fixed seed: only generator-independent facts are printed.
package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	r := rand.New(rand.NewSource(42))
	inRange := true
	for i := 0; i < 1000; i++ {
		n := r.Intn(10)
		f := r.Float64()
		if n < 0 || n >= 10 || f < 0 || f >= 1 {
			inRange = false
		}
	}
	fmt.Println("Intn and Float64 in range:", inRange)
	p := r.Perm(8)
	sort.Ints(p)
	fmt.Println("sorted Perm(8):", p)
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	sort.Strings(s)
	fmt.Println("shuffled then sorted:", s)

	// the same seed gives the same sequence
	a := rand.New(rand.NewSource(7))
	b := rand.New(rand.NewSource(7))
	same := true
	for i := 0; i < 100; i++ {
		if a.Int63() != b.Int63() {
			same = false
		}
	}
	fmt.Println("same seed, same sequence:", same)

	// top-level functions
	counts := make([]int, 3)
	for i := 0; i < 3000; i++ {
		counts[rand.Intn(3)]++
	}
	fmt.Println("every bucket hit:", counts[0] > 0 && counts[1] > 0 && counts[2] > 0, counts[0]+counts[1]+counts[2])
	v := rand.Int63n(100)
	fmt.Println("Int63n(100) in range:", v >= 0 && v < 100)
	i32 := rand.Int31n(5)
	fmt.Println("Int31n(5) in range:", i32 >= 0 && i32 < 5, rand.Int() >= 0)
	e := r.ExpFloat64()
	nf := r.NormFloat64()
	fmt.Println(e >= 0, nf == nf)
}
