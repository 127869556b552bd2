// Map keys of many types and how fmt orders them.
package main

import "fmt"

type Key struct {
	A string
	B int
}

func main() {
	ints := map[int]string{10: "ten", -5: "minus five", 3: "three", 0: "zero"}
	fmt.Println(ints)
	floats := map[float64]bool{2.5: true, -1: false, 0.25: true}
	fmt.Println(floats)
	bools := map[bool]int{true: 1, false: 0}
	fmt.Println(bools)
	structs := map[Key]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3}
	fmt.Println(structs)
	fmt.Println(structs[Key{"a", 2}])
	runes := map[rune]int{'b': 2, 'a': 1}
	fmt.Println(runes)
	arrays := map[[2]string]int{{"x", "b"}: 1, {"x", "a"}: 2}
	fmt.Println(arrays)
	ifaces := map[interface{}]string{1: "int", "s": "string", 2: "int2"}
	fmt.Println(len(ifaces), ifaces[1], ifaces["s"])
	ptrKey := map[*int]int{}
	a, b := new(int), new(int)
	ptrKey[a] = 1
	ptrKey[b] = 2
	ptrKey[a]++
	fmt.Println(len(ptrKey), ptrKey[a], ptrKey[b])
	type Color int
	colors := map[Color]string{2: "green", 1: "red"}
	fmt.Println(colors)
	chans := map[chan int]int{}
	c := make(chan int)
	chans[c] = 5
	fmt.Println(chans[c], len(chans))
	fmt.Printf("%v|%+v|%#v\n", structs, map[string]int{"z": 1, "y": 2}, map[string]int{"k": 1})
	empty := map[string][]int{}
	fmt.Printf("%v %d %#v\n", empty, len(empty), empty)
	var nilm map[int]int
	fmt.Printf("%v %#v\n", nilm, nilm)
}
