// Type assertions and type switches.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Stringer interface{ String() string }

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "°C" }

type Walker interface{ Walk() string }
type Runner interface {
	Walker
	Run() string
}
type Cat struct{}

func (Cat) Walk() string { return "cat walks" }
func (Cat) Run() string  { return "cat runs" }

func classify(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of length " + strconv.Itoa(len(x))
	case error:
		return "error: " + x.Error()
	case Stringer:
		return "stringer: " + x.String()
	case []int:
		return fmt.Sprint("slice with ", len(x), " ints")
	case func() int:
		return fmt.Sprint("func returning ", x())
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	var i interface{} = "hello"
	s := i.(string)
	fmt.Println(s)
	s2, ok := i.(string)
	fmt.Println(s2, ok)
	n, ok := i.(int)
	fmt.Println(n, ok)
	f, ok := i.(fmt.Stringer)
	fmt.Println(f, ok)

	var w Walker = Cat{}
	if r, ok := w.(Runner); ok {
		fmt.Println(r.Run())
	}
	c := w.(Cat)
	fmt.Println(c.Walk())

	things := []interface{}{nil, 1, int64(2), "abc", errors.New("boom"), Temp(21.5),
		[]int{1, 2}, func() int { return 7 }, true, false, 3.5, struct{}{}, Cat{}}
	for _, t := range things {
		fmt.Println(classify(t))
	}

	// switch without binding, and with a single-type case variable
	var v interface{} = Temp(3)
	switch v.(type) {
	case fmt.Stringer:
		fmt.Println("is a Stringer")
	}
	switch t := v.(type) {
	case Temp:
		fmt.Println("Temp plus one:", t+1)
	}
	var e error
	_, isNil := e.(interface{ Error() string })
	fmt.Println(isNil)
}
