// Finding 005 (seed 10129, t_flow): NOT a gopark bug: Go 1.19.8's optimiser miscompiles this.
// 0 - math.MinInt64 wraps to math.MinInt64, >> 255 is -1, so v2 becomes 0 ^ -1 = -1 (the spec:
// signed overflow wraps, and the compiler may not assume it does not happen).
//   go run (1.19.8):              0 0 / 1 0
//   go run -gcflags='-N -l':      0 0 / 1 -1
//   gopark:                       0 0 / 1 -1
// Since then run.sh builds the Go side with -gcflags='-N -l': the reference without the optimiser.
package main

import "fmt"

func main() {
	var v2 int64 = -1
	for i := 0; i < 2; i++ {
		if !(v2>>63 >= v2 && v2 != -19) {
			continue
		}
		if i == 1 {
			v2 ^= (v2 - -9223372036854775808) >> 255
		} else {
			v2 ^= v2
		}
		fmt.Println(i, v2)
	}
}
