// copy and full slice expressions (3-index slicing).
package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src, []int{9, 9})
	fmt.Println(n, src)
	// overlapping copy works like memmove
	s := []int{0, 1, 2, 3, 4, 5, 6}
	copy(s[2:], s)
	fmt.Println(s)
	s = []int{0, 1, 2, 3, 4, 5, 6}
	copy(s, s[3:])
	fmt.Println(s)
	// copy from a string
	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	fmt.Println(n, bs, string(bs[:3]))
	fmt.Println(copy([]int{}, src), copy(dst, []int(nil)))

	// 3-index slicing limits capacity
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	a := arr[2:4:5]
	fmt.Println(a, len(a), cap(a))
	a = append(a, 100) // fits in capacity: writes arr[4]
	fmt.Println(arr)
	a = append(a, 200) // exceeds capacity: copies
	a[0] = -2
	fmt.Println(arr, a)
	b := arr[:0:0]
	fmt.Println(b, len(b), cap(b))
	c := src[1:2:3]
	fmt.Println(c, len(c), cap(c))
	d := c[:2]
	fmt.Println(d)
	full := src[:len(src):len(src)]
	e1 := append(full, 7)
	e2 := append(full, 8)
	fmt.Println(e1, e2)

	// delete and insert idioms
	x := []string{"a", "b", "c", "d", "e"}
	x = append(x[:1], x[2:]...)
	fmt.Println(x, len(x))
	x = append(x[:2], append([]string{"Z"}, x[2:]...)...)
	fmt.Println(x, len(x))
	// filter in place
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8}
	out := nums[:0]
	for _, v := range nums {
		if v%2 == 0 {
			out = append(out, v)
		}
	}
	fmt.Println(out, nums)
	// reverse
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	fmt.Println(out)
}
