// Finding 007 (by hand, probing what t_float and t_interfaces compare): two interface values
// that share one box compare equal even when the value inside is, or holds, a NaN: the
// comparison takes the same box for the same value. Go compares the values: NaN != NaN.
// Boxes of their own (x == z, P{nan} == P{nan}) are right, and so are map keys.
//   go run: false false false false / false false / false
//   gopark: true true false false / true false / true
// Generator: t_float's "boxed_nan_equality", kept out through KNOWN (gencore.py) until fixed.
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
