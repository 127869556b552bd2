// Package fmt: formatted printing. The formatting itself (verbs, flags, widths, printing of any
// value, calling String and Error methods) is native: Sprint, Sprintln and Sprintf. Everything
// else is Go over those and io.Writer.
package fmt

import (
	"errors"
	"io"
	"os"
)

// Stringer is implemented by any value that has a String method, which defines the "native"
// format for that value (%v, Print).
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method (%#v).
type GoStringer interface {
	GoString() string
}

// Sprint formats using the default formats for its operands and returns the resulting string.
// Spaces are added between operands when neither is a string.
func Sprint(a ...any) string

// Sprintln formats using the default formats for its operands and returns the resulting string.
// Spaces are always added between operands and a newline is appended.
func Sprintln(a ...any) string

// Sprintf formats according to a format specifier and returns the resulting string.
func Sprintf(format string, a ...any) string

// Print formats using the default formats and writes to standard output.
func Print(a ...any) (n int, err error) {
	return io.WriteString(os.Stdout, Sprint(a...))
}

// Println formats using the default formats and writes to standard output, with spaces between
// operands and a newline at the end.
func Println(a ...any) (n int, err error) {
	return io.WriteString(os.Stdout, Sprintln(a...))
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return io.WriteString(os.Stdout, Sprintf(format, a...))
}

// Fprint formats using the default formats and writes to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return io.WriteString(w, Sprint(a...))
}

// Fprintln formats using the default formats and writes to w, with spaces between operands and a
// newline at the end.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return io.WriteString(w, Sprintln(a...))
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return io.WriteString(w, Sprintf(format, a...))
}

// Append formats using the default formats and appends the result to b.
func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

// Appendln is Append with Sprintln's spacing and trailing newline.
func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

// Appendf formats according to a format specifier and appends the result to b.
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

// Errorf formats according to a format specifier and returns the string as an error. An operand
// of the %w verb (which must implement error) is wrapped: errors.Unwrap, Is and As see it.
func Errorf(format string, a ...any) error {
	// Find the %w verbs, and rewrite them as %v for Sprintf.
	var wrapped []int
	var b []byte
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		b = append(b, c)
		if c != '%' {
			continue
		}
		i++
		// flags
		for i < len(format) && isFlag(format[i]) {
			b = append(b, format[i])
			i++
		}
		// width, precision, argument indexes
		for i < len(format) && isWidth(format[i]) {
			if format[i] == '*' {
				arg++
			}
			b = append(b, format[i])
			i++
		}
		if i >= len(format) {
			break
		}
		c = format[i]
		if c == '%' {
			b = append(b, c)
			continue
		}
		if c == 'w' {
			wrapped = append(wrapped, arg)
			c = 'v'
		}
		b = append(b, c)
		arg++
	}
	s := Sprintf(string(b), a...)
	var errs []error
	for _, n := range wrapped {
		if n < len(a) {
			if e, ok := a[n].(error); ok {
				errs = append(errs, e)
			}
		}
	}
	switch len(errs) {
	case 0:
		return errors.New(s)
	case 1:
		return &wrapError{msg: s, err: errs[0]}
	default:
		return &wrapErrors{msg: s, errs: errs}
	}
}

func isFlag(c byte) bool {
	return c == '+' || c == '-' || c == '#' || c == ' ' || c == '0'
}

func isWidth(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == '*' || c == '[' || c == ']'
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}
