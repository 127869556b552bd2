// iota: enumerations, skipped values, expressions, typed enums with String.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}[d]
}

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)

const (
	FlagA = 1 << iota
	FlagB
	_
	FlagD
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	x = "x"
	y
	z = iota
	w
)

const single = iota

func main() {
	fmt.Println(Sunday, Wednesday, Saturday)
	fmt.Printf("%v %d %s %+v %#v\n", Friday, Friday, Friday, Monday, Tuesday)
	fmt.Println(KB, MB, GB)
	fmt.Println(FlagA, FlagB, FlagD, FlagA|FlagD)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(x, y, z, w, single)
	for day := Sunday; day <= Saturday; day++ {
		fmt.Print(day, " ")
	}
	fmt.Println()
	days := []Weekday{Monday, Friday}
	fmt.Println(days)
	m := map[Weekday]int{Monday: 1, Sunday: 0}
	fmt.Println(m)
}
