package main

// A method matches an interface's only when name and signature both match (Go's method sets):
// Error() int does not make an error, String(int) string no Stringer. Once this crashed gopark,
// which matched by name alone and then called Error() expecting a string.

import (
	"errors"
	"fmt"
)

type WrongError struct{}

func (WrongError) Error() int { return 1 }

type WrongStringer struct{}

func (WrongStringer) String(n int) string { return "never" }

type Inner struct{}

func (Inner) Error() int { return 2 }

type Outer struct{ Inner } // promotes the wrong Error

type Good struct{}

func (Good) Error() string { return "good" }

type Shape interface{ Area() float64 }

type Square struct{ side int }

func (s Square) Area() int { return s.side * s.side }

func kind(x interface{}) string {
	switch v := x.(type) {
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	case Shape:
		return fmt.Sprint("shape ", v.Area())
	default:
		return fmt.Sprintf("plain %T", v)
	}
}

func main() {
	for _, x := range []interface{}{WrongError{}, WrongStringer{}, Outer{}, Good{}, Square{3}, &Good{}} {
		fmt.Println(kind(x))
	}
	_, ok := interface{}(WrongError{}).(error)
	fmt.Println("WrongError is an error:", ok)
	fmt.Println(errors.Is(Good{}, Good{}))
	fmt.Println(WrongError{}, Outer{})
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = interface{}(Square{2}).(Shape)
}
