// range over slices, arrays, strings, maps, channels; blank identifiers.
package main

import (
	"fmt"
	"sort"
)

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range s {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i := range s {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for _, v := range s {
		fmt.Print(v, " ")
	}
	fmt.Println()
	n := 0
	for range s {
		n++
	}
	fmt.Println(n)

	// the range expression is evaluated once
	nums := []int{1, 2, 3}
	for i, v := range nums {
		if i == 0 {
			nums = append(nums, 99) // does not extend the loop
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(nums))
	// but element writes through the same array are seen
	vals := []int{1, 2, 3}
	for i, v := range vals {
		if i+1 < len(vals) {
			vals[i+1] *= 10
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	arr := [4]int{10, 20, 30, 40}
	total := 0
	for _, v := range arr {
		total += v
	}
	fmt.Println(total)

	for i, r := range "aé😀" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()

	m := map[string]int{"x": 1, "y": 2, "z": 3}
	sum := 0
	var keys []string
	for k, v := range m {
		sum += v
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(sum, keys)
	cnt := 0
	for k := range m {
		if m[k] > 1 {
			cnt++
		}
	}
	fmt.Println(cnt)

	ch := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		ch <- i * i
	}
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()

	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
	var nilMap map[string]int
	for range nilMap {
		fmt.Println("never")
	}
	// ranging over a pointer to array
	pa := &arr
	for i := range pa {
		pa[i]++
	}
	fmt.Println(arr)
}
