// fmt and the methods of the values it prints: Error before String, methods of values reached
// through exported fields only, pointer receivers, panicking methods, GoString for %#v.
package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Both struct{ N int }

func (b Both) Error() string  { return "error wins" }
func (b Both) String() string { return "string loses" }

type PtrStringer struct{ N int }

func (p *PtrStringer) String() string { return fmt.Sprint("ptr ", p.N) }

type Panicky struct{ N int }

func (p Panicky) String() string { panic("boom") }

type NilSafe struct{ name string }

func (n *NilSafe) String() string {
	if n == nil {
		return "nil NilSafe"
	}
	return n.name
}

type ValueOnNil struct{ N int }

func (v ValueOnNil) String() string { return "value" }

type Go struct{ A int }

func (g Go) GoString() string { return "Go!" }

type Outer struct {
	Public  Temp
	private Temp
	Ptr     *PtrStringer
	Val     PtrStringer
	Err     error
	Any     interface{}
}

type Wrapper struct {
	Temp
	N int
}

type badStringer int

func (b badStringer) String(x int) string { return "never" }

func main() {
	fmt.Println(Temp(21.5), []Temp{1, 2}, map[string]Temp{"a": 3})
	fmt.Printf("%v|%s|%q|%x|%d|%5.1f|%T\n", Temp(1), Temp(2), Temp(3), Temp(4), Temp(5), Temp(6), Temp(7))
	fmt.Println(Both{1}, &Both{2})
	fmt.Println(PtrStringer{1}, &PtrStringer{2})
	fmt.Println(Panicky{1})
	fmt.Printf("%d|%s\n", Panicky{2}, Panicky{3})
	var ns *NilSafe
	fmt.Println(ns, &NilSafe{"named"})
	var vn *ValueOnNil
	fmt.Println(vn)
	fmt.Printf("%v %+v %#v\n", Go{1}, Go{2}, Go{3})
	fmt.Printf("%#v\n", []Go{{4}})
	o := Outer{Public: 1, private: 2, Ptr: &PtrStringer{3}, Val: PtrStringer{4}, Err: errors.New("e"), Any: Temp(5)}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Println(Wrapper{Temp(8), 9})
	fmt.Println(badStringer(7))
	fmt.Println(fmt.Errorf("wrapped: %w", Both{}), errors.Unwrap(fmt.Errorf("x: %w", errors.New("inner"))))
	fmt.Printf("%v %s\n", error(nil), []error{errors.New("a"), nil})
	fmt.Printf("%w\n", errors.New("not errorf"))
	fmt.Println(fmt.Sprintf("%6s|%-6v|%06s", Temp(1), Temp(2), Temp(3)))
}

type NotAnError struct{ N int }

func (NotAnError) Error() int { return 42 }

type NamedResult struct{ N int }

type Text string

func (NamedResult) String() Text { return "never" }

func init() {
	fmt.Println(NotAnError{1}, NamedResult{2})
}
