// An interface value compared with itself compares what it holds: a NaN is not equal to itself,
// and an uncomparable value panics. (difftest finding 007: one box was taken as equal to itself.)
package main

import (
	"fmt"
	"math"
)

type P struct{ F float64 }

func main() {
	nan := math.NaN()
	var x interface{} = nan
	y := x
	var z interface{} = nan
	fmt.Println(x == x, x == y, x == z, nan == nan)
	var p interface{} = P{nan}
	fmt.Println(p == p, P{nan} == P{nan})
	var a interface{} = [1]float64{nan}
	fmt.Println(a == a)
}

func init() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var s interface{} = []int{1}
	fmt.Println(s == s)
}
