// Error values: errors.New, custom types, wrapping, errors.Is/As/Unwrap.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string {
	return "invalid " + e.Field + " (code " + strconv.Itoa(e.Code) + ")"
}

type TempErr struct{ msg string }

func (t TempErr) Error() string   { return t.msg }
func (t TempErr) Temporary() bool { return true }

// A custom Is method makes errors comparable by kind.
type KindErr struct{ Kind string }

func (k KindErr) Error() string { return "kind " + k.Kind }
func (k KindErr) Is(target error) bool {
	t, ok := target.(KindErr)
	return ok && t.Kind == k.Kind
}

func lookup(key string) (int, error) {
	switch key {
	case "a":
		return 1, nil
	case "bad":
		return 0, &ValidationError{"key", 42}
	}
	return 0, fmt.Errorf("lookup %q: %w", key, ErrNotFound)
}

func main() {
	for _, k := range []string{"a", "zzz", "bad"} {
		v, err := lookup(k)
		if err != nil {
			fmt.Println("error:", err)
			fmt.Println("  is ErrNotFound:", errors.Is(err, ErrNotFound))
			var ve *ValidationError
			if errors.As(err, &ve) {
				fmt.Println("  validation field:", ve.Field, ve.Code)
			}
			continue
		}
		fmt.Println("value:", v)
	}

	e1 := fmt.Errorf("level1: %w", ErrNotFound)
	e2 := fmt.Errorf("level2: %w", e1)
	fmt.Println(e2)
	fmt.Println(errors.Unwrap(e2) == e1, errors.Unwrap(e1) == ErrNotFound, errors.Unwrap(ErrNotFound))
	fmt.Println(errors.Is(e2, ErrNotFound), errors.Is(e2, e1), errors.Is(e1, e2))
	e3 := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(e3, errors.Is(e3, ErrNotFound), errors.Unwrap(e3) == nil)

	var te error = fmt.Errorf("ctx: %w", TempErr{"timeout"})
	var tmp interface{ Temporary() bool }
	fmt.Println(errors.As(te, &tmp), tmp.Temporary())
	var tv TempErr
	fmt.Println(errors.As(te, &tv), tv.msg)

	ke := fmt.Errorf("wrapped: %w", KindErr{"io"})
	fmt.Println(errors.Is(ke, KindErr{"io"}), errors.Is(ke, KindErr{"net"}))

	fmt.Println(errors.New("x") == errors.New("x"), ErrNotFound == ErrNotFound)
	var nilErr error
	fmt.Println(nilErr == nil, nilErr, errors.Is(nil, ErrNotFound), errors.Is(nil, nil))
	fmt.Printf("%v|%s|%q\n", ErrNotFound, ErrNotFound, ErrNotFound)
	fmt.Printf("%T %T %T\n", ErrNotFound, e1, &ValidationError{})
}
