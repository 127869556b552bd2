// Slices: nil vs empty, make, len/cap, reslicing, sharing the backing array.
package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s, len(s), cap(s), s == nil)
	e := []int{}
	fmt.Println(e, len(e), cap(e), e == nil)
	m := make([]int, 3, 10)
	fmt.Println(m, len(m), cap(m))
	m = m[:cap(m)]
	fmt.Println(m, len(m))
	m = m[2:5]
	fmt.Println(m, len(m), cap(m))

	arr := [6]string{"a", "b", "c", "d", "e", "f"}
	x := arr[1:4]
	y := x[1:3]
	fmt.Println(x, len(x), cap(x), y, len(y), cap(y))
	y[0] = "C"
	fmt.Println(arr, x, y)
	y = append(y, "E") // still fits: overwrites arr[4]
	fmt.Println(arr, y)
	z := x[:5] // reslice up to capacity
	fmt.Println(z)

	// slicing strings gives strings
	str := "hello world"
	fmt.Println(str[6:], str[:5], str[3:8])

	// slices of slices and literals
	board := [][]string{
		{"_", "_", "_"},
		{"_", "_", "_"},
	}
	board[0][0] = "X"
	board[1][2] = "O"
	fmt.Println(board, len(board), len(board[0]))
	pts := []struct{ X, Y int }{{1, 2}, {3, 4}}
	fmt.Println(pts)
	ptrs := []*int{nil}
	fmt.Println(ptrs[0] == nil, len(ptrs))

	// indexing and modifying through a function
	nums := []int{1, 2, 3, 4}
	double(nums)
	fmt.Println(nums)
	var total int
	for _, v := range nums {
		total += v
	}
	fmt.Println("total", total)
	idx := []int{5: 1, 2, 0: 7}
	fmt.Println(idx, len(idx))
	bytes := make([]byte, 3)
	fmt.Println(bytes, string(append(bytes[:0], "hey"...)))
}

func double(s []int) {
	for i := range s {
		s[i] *= 2
	}
}
