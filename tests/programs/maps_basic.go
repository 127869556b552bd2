// Maps: literals, lookup, comma-ok, delete, len, printing with sorted keys.
package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	fmt.Println(m, len(m))
	m["four"] = 4
	m["one"] = 100
	fmt.Println(m["one"], m["missing"], len(m))
	v, ok := m["two"]
	fmt.Println(v, ok)
	v, ok = m["zero"]
	fmt.Println(v, ok)
	delete(m, "two")
	delete(m, "not there")
	fmt.Println(m, len(m))

	var nilMap map[string]int
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"], nilMap)
	delete(nilMap, "x") // no-op

	// iteration order is random: only order-independent results here
	sum := 0
	keys := []string{}
	for k, v := range m {
		sum += v
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(sum, keys)

	// counting words
	counts := make(map[string]int)
	for _, w := range []string{"a", "b", "a", "c", "b", "a"} {
		counts[w]++
	}
	fmt.Println(counts)

	// maps of slices and of maps
	groups := map[int][]string{}
	for _, w := range []string{"go", "is", "fun", "and", "fast"} {
		groups[len(w)] = append(groups[len(w)], w)
	}
	fmt.Println(groups)
	nested := map[string]map[string]bool{}
	if nested["x"] == nil {
		nested["x"] = map[string]bool{}
	}
	nested["x"]["y"] = true
	fmt.Println(nested, nested["x"]["y"], nested["q"]["r"])

	// maps are references
	alias := counts
	alias["z"] = 26
	fmt.Println(counts["z"], len(counts))

	// deleting during iteration is allowed
	for k := range counts {
		if k != "a" {
			delete(counts, k)
		}
	}
	fmt.Println(counts)
	type P struct{ Name string }
	mp := map[string]*P{"a": {"Ann"}}
	mp["a"].Name = "Bob"
	fmt.Println(mp["a"].Name, *mp["a"])
	ms := map[string]P{"a": {"Ann"}}
	p := ms["a"]
	p.Name = "Cid"
	ms["a"] = p
	fmt.Println(ms)
}
