// sort: Ints, Strings, Float64s, Slice, SliceStable, Sort, Stable, Search, Reverse.
package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	ints := []int{5, 2, 8, -1, 9, 2}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints))
	strs := []string{"peach", "apple", "Banana", "cherry", ""}
	sort.Strings(strs)
	fmt.Printf("%q\n", strs)
	fl := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}, {"Eve", 30}}
	sort.Sort(ByAge(people))
	fmt.Println(people[0].Age, people[2].Age, people[4])
	sort.Stable(ByAge(people))
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name < people[j].Name })
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	sort.Slice(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Println(people)
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	sort.Sort(sort.Reverse(sort.StringSlice(strs)))
	fmt.Printf("%q\n", strs)
	fmt.Println(sort.IsSorted(ByAge(people)), sort.SliceIsSorted(ints, func(i, j int) bool { return ints[i] > ints[j] }))

	sorted := []int{1, 3, 5, 7, 9, 11}
	fmt.Println(sort.SearchInts(sorted, 7), sort.SearchInts(sorted, 4), sort.SearchInts(sorted, 100))
	idx := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= 6 })
	fmt.Println(idx, sorted[idx])
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"))

	// sort a map's keys for a deterministic iteration
	m := map[string]int{"zeta": 1, "alpha": 2, "mid": 3}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()
	// multi-key sort
	words := []string{"bb", "a", "ccc", "aa", "b", "c"}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) < len(words[j])
		}
		return words[i] < words[j]
	})
	fmt.Println(words)
	big := make([]int, 1000)
	for i := range big {
		big[i] = (i * 7919) % 1000
	}
	sort.Ints(big)
	fmt.Println(big[0], big[500], big[999], sort.IntsAreSorted(big))
}
