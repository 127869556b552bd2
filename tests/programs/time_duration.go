// time.Duration: constants, arithmetic, String form, conversions, rounding.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	ds := []time.Duration{
		0, 1, 999, 1500 * time.Nanosecond, 1500 * time.Microsecond, 1500 * time.Millisecond,
		90 * time.Second, 61 * time.Minute, 25*time.Hour + 30*time.Second,
		-2 * time.Second, 100 * time.Millisecond, time.Duration(1<<63 - 1),
		3*time.Hour + 4*time.Minute + 5*time.Second + 6*time.Millisecond,
	}
	for _, d := range ds {
		fmt.Printf("%v|%s|%d\n", d, d, d)
	}
	d := 2*time.Hour + 45*time.Minute + 30*time.Second + 500*time.Millisecond
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds())
	fmt.Println(d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	fmt.Println(d.Round(time.Hour), d.Round(time.Minute), d.Truncate(time.Hour), d.Truncate(time.Minute))
	fmt.Println((-d).Abs() == d)
	n := 3
	fmt.Println(time.Duration(n)*time.Second, time.Second*time.Duration(n), time.Second/4)
	fmt.Println(time.Second > time.Millisecond, time.Minute/time.Second, int64(time.Millisecond))
	timeout := 250 * time.Millisecond
	fmt.Printf("%T %v %.1f\n", timeout, timeout, timeout.Seconds())
	fmt.Println(time.Duration(1.5 * float64(time.Second)))
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p.Minutes())
	_, err = time.ParseDuration("abc")
	fmt.Println(err)
	var total time.Duration
	for _, ms := range []int{100, 250, 650} {
		total += time.Duration(ms) * time.Millisecond
	}
	fmt.Println(total)
}
