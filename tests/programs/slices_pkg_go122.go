// gopark: go1.22
// The slices package (Go 1.21+).
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	fmt.Println(slices.Contains(s, 9), slices.Contains(s, 7), slices.Index(s, 1), slices.Index(s, 7))
	fmt.Println(slices.Max(s), slices.Min(s), slices.IsSorted(s))
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s))
	i, found := slices.BinarySearch(s, 5)
	fmt.Println(i, found)
	i, found = slices.BinarySearch(s, 7)
	fmt.Println(i, found)
	slices.Reverse(s)
	fmt.Println(s)
	fmt.Println(slices.IndexFunc(s, func(v int) bool { return v < 3 }), slices.ContainsFunc(s, func(v int) bool { return v > 100 }))

	fmt.Println(slices.Equal([]int{1, 2}, []int{1, 2}), slices.Equal([]int{1}, []int{1, 2}), slices.Equal([]int{}, nil))
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
	fmt.Println(slices.Insert([]int{1, 2, 5}, 2, 3, 4))
	fmt.Println(slices.Delete([]int{0, 1, 2, 3, 4}, 1, 3))
	c := slices.Clone(s)
	c[0] = 100
	fmt.Println(s[0], c[0], len(c))
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}), slices.Compare([]int{1, 2}, []int{1, 2}), slices.Compare([]int{1, 2, 0}, []int{1, 2}))

	words := []string{"banana", "Apple", "cherry", "apple"}
	slices.Sort(words)
	fmt.Println(words)
	slices.SortFunc(words, func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	fmt.Println(words[2:])
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}}
	slices.SortStableFunc(people, func(a, b Person) int { return a.Age - b.Age })
	fmt.Println(people)
	idx := slices.IndexFunc(people, func(p Person) bool { return p.Name == "Carol" })
	fmt.Println(idx, people[idx])
	n, ok := slices.BinarySearchFunc(people, 30, func(p Person, age int) int { return p.Age - age })
	fmt.Println(n, ok)
	oldest := slices.MaxFunc(people, func(a, b Person) int { return a.Age - b.Age })
	fmt.Println(oldest)
	grown := slices.Grow([]int{1}, 10)
	fmt.Println(len(grown), cap(grown) >= 11)
	fmt.Println(slices.Repeat([]string{"ab"}, 3))
}
