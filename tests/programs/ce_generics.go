// gopark: exit=1
// gopark: go119-err
// Generic functions misused: a type argument outside the constraint, a type argument that
// cannot be inferred, a generic function used as a value, a constraint interface as a type.
package main

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Zero[T any]() (z T) { return }

func main() {
	_ = Sum("a", "b")
	_ = Zero()
	f := Sum
	var n Number
	_, _ = f, n
}
