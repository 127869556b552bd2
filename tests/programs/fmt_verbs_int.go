// fmt integer and character verbs with width, flags and precision.
package main

import "fmt"

func main() {
	n := 42
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", n, n, n, n, n, n)
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d\n", -n, -n, -n, -n, -n, -n)
	fmt.Printf("%x|%X|%#x|%#X|%08x|%-6x|\n", 255, 255, 255, 255, 255, 255)
	fmt.Printf("%x|%X|%x\n", -255, uint8(200), int64(-1))
	fmt.Printf("%c|%c|%c|%5c|%-3c|\n", 'A', 0x4e16, 128512, 'z', 'y')
	fmt.Printf("%q|%q|%q|%q\n", 'a', '\n', 'é', 0x1F600)
	fmt.Printf("%v|%d|%v\n", 'x', 'x', byte('x'))
	fmt.Printf("%.3d|%6.3d|%-6.3d|\n", 7, 7, 7)
	fmt.Printf("%d %d %d %d\n", int8(-128), uint16(65535), int64(-9223372036854775808), uint64(18446744073709551615))
	fmt.Printf("%t|%v|%6t|%-6t|\n", true, false, true, false)
	fmt.Printf("%d%%|%3d%%\n", 50, 7)
	fmt.Printf("%v %d\n", []int{1, 2}, []int{3, 4})
	fmt.Printf("%x %X\n", []int{10, 11}, [2]int{255, 16})
	fmt.Printf("%03d|%3d|%-3d|\n", []int{1, 2}, [2]int8{-1, 5}, []uint{9})
	fmt.Printf("%5v|%-5v|%05v\n", 12, 12, 12)
	type ID int
	fmt.Printf("%d %v %x\n", ID(12), ID(12), ID(12))
	var u uintptr = 10
	fmt.Printf("%d %x\n", u, u)
	fmt.Printf("%x|% x|%X|% X\n", "hi", "hi", []byte("hi"), []byte{1, 171})
	fmt.Printf("%#x %#X\n", "hi", []byte("hi"))
}
