// Package strconv: conversions to and from string representations of basic types. Integers and
// booleans are Go; floating-point formatting/parsing and Go-syntax quoting are natives (exact
// shortest formatting and correct rounding need the engine's algorithms).
package strconv

import "errors"

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange indicates that a value is out of range for the target type.
var ErrRange = errors.New("value out of range")

// ErrSyntax indicates that a value does not have the right syntax for the target type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason the conversion failed (e.g. ErrRange, ErrSyntax, etc.)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error {
	return e.Err
}

func syntaxError(fn, str string) *NumError {
	return &NumError{fn, str, ErrSyntax}
}

func rangeError(fn, str string) *NumError {
	return &NumError{fn, str, ErrRange}
}

func baseError(fn, str string, base int) *NumError {
	return &NumError{fn, str, errors.New("invalid base " + Itoa(base))}
}

func bitSizeError(fn, str string, bitSize int) *NumError {
	return &NumError{fn, str, errors.New("invalid bit size " + Itoa(bitSize))}
}

// ParseBool returns the boolean value represented by the string.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

// FormatBool returns "true" or "false" according to the value of b.
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false" to dst.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}


// FormatUint returns the string representation of i in the given base, 2 <= base <= 36.
func FormatUint(i uint64, base int) string

// FormatInt returns the string representation of i in the given base, 2 <= base <= 36.
func FormatInt(i int64, base int) string

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends the string form of the integer i to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

// AppendUint appends the string form of the unsigned integer i to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func lower(c byte) byte {
	return c | ('x' - 'X')
}

// underscoreOK reports whether the underscores in s are allowed (only with a base prefix, and
// only between digits or between the prefix and a digit).
func underscoreOK(s string) bool {
	saw := '^'
	i := 0
	if len(s) >= 1 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	hex := false
	if len(s) >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x') {
		i = 2
		saw = '0'
		hex = lower(s[1]) == 'x'
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' || hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f' {
			saw = '0'
			continue
		}
		if s[i] == '_' {
			if saw != '0' {
				return false
			}
			saw = '_'
			continue
		}
		if saw == '_' {
			return false
		}
		saw = '!'
	}
	return saw != '_'
}

// ParseUint is like ParseInt but for unsigned numbers. A sign prefix is not permitted.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	const fnParseUint = "ParseUint"
	if s == "" {
		return 0, syntaxError(fnParseUint, s)
	}
	base0 := base == 0
	s0 := s
	switch {
	case 2 <= base && base <= 36:
		// valid base; nothing to do
	case base == 0:
		base = 10
		if s[0] == '0' {
			switch {
			case len(s) >= 3 && lower(s[1]) == 'b':
				base = 2
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'o':
				base = 8
				s = s[2:]
			case len(s) >= 3 && lower(s[1]) == 'x':
				base = 16
				s = s[2:]
			default:
				base = 8
				s = s[1:]
			}
		}
	default:
		return 0, baseError(fnParseUint, s0, base)
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, bitSizeError(fnParseUint, s0, bitSize)
	}
	var cutoff uint64
	switch base {
	case 10:
		cutoff = 1<<64/10 + 1
	case 16:
		cutoff = 1<<64/16 + 1
	default:
		cutoff = (1<<64-1)/uint64(base) + 1
	}
	maxVal := uint64(1)<<uint(bitSize) - 1
	underscores := false
	var n uint64
	for _, c := range []byte(s) {
		var d byte
		switch {
		case c == '_' && base0:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= lower(c) && lower(c) <= 'z':
			d = lower(c) - 'a' + 10
		default:
			return 0, syntaxError(fnParseUint, s0)
		}
		if d >= byte(base) {
			return 0, syntaxError(fnParseUint, s0)
		}
		if n >= cutoff {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n *= uint64(base)
		n1 := n + uint64(d)
		if n1 < n || n1 > maxVal {
			return maxVal, rangeError(fnParseUint, s0)
		}
		n = n1
	}
	if underscores && !underscoreOK(s0) {
		return 0, syntaxError(fnParseUint, s0)
	}
	return n, nil
}

// ParseInt interprets a string s in the given base (0, 2 to 36) and bit size (0 to 64) and
// returns the corresponding value i.
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	const fnParseInt = "ParseInt"
	if s == "" {
		return 0, syntaxError(fnParseInt, s)
	}
	s0 := s
	neg := false
	if s[0] == '+' {
		s = s[1:]
	} else if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	un, err := ParseUint(s, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		err.(*NumError).Func = fnParseInt
		err.(*NumError).Num = s0
		return 0, err
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	cutoff := uint64(1 << uint(bitSize-1))
	if !neg && un >= cutoff {
		return int64(cutoff - 1), rangeError(fnParseInt, s0)
	}
	if neg && un > cutoff {
		return -int64(cutoff), rangeError(fnParseInt, s0)
	}
	n := int64(un)
	if neg {
		n = -n
	}
	return n, nil
}

// Atoi is equivalent to ParseInt(s, 10, 0), converted to type int.
func Atoi(s string) (int, error) {
	const fnAtoi = "Atoi"
	i64, err := ParseInt(s, 10, 0)
	if nerr, ok := err.(*NumError); ok {
		nerr.Func = fnAtoi
	}
	return int(i64), err
}

// FormatFloat converts the floating-point number f to a string, according to the format fmt
// ('b', 'e', 'E', 'f', 'g', 'G', 'x', 'X') and precision prec (-1: the smallest number of
// digits that reads back exactly), assuming f was a value of bitSize bits (32 or 64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string

// AppendFloat appends the string form of the floating-point number f to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

// parseFloat returns the value and a status: 0 ok, 1 syntax error, 2 out of range (the value
// is then ±Inf, as Go returns).
func parseFloat(s string, bitSize int) (float64, int)

// ParseFloat converts the string s to a floating-point number with the precision specified by
// bitSize: 32 for float32, or 64 for float64.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, status := parseFloat(s, bitSize)
	switch status {
	case 1:
		return 0, syntaxError("ParseFloat", s)
	case 2:
		return f, rangeError("ParseFloat", s)
	}
	return f, nil
}

// Quote returns a double-quoted Go string literal representing s.
func Quote(s string) string

// QuoteToASCII returns a double-quoted Go string literal representing s, with non-ASCII
// characters escaped.
func QuoteToASCII(s string) string

// QuoteRune returns a single-quoted Go character literal representing the rune.
func QuoteRune(r rune) string

// QuoteRuneToASCII is QuoteRune with non-ASCII characters escaped.
func QuoteRuneToASCII(r rune) string

// AppendQuote appends a double-quoted Go string literal representing s to dst.
func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

// AppendQuoteRune appends a single-quoted Go character literal representing the rune to dst.
func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}

// CanBackquote reports whether s can be represented unchanged as a raw string literal.
func CanBackquote(s string) bool

// IsPrint reports whether the rune is printable, as Go defines it.
func IsPrint(r rune) bool

// unquote returns the value of a quoted Go literal and whether it was valid.
func unquote(s string) (string, bool)

// Unquote interprets s as a single-quoted, double-quoted, or backquoted Go string literal,
// returning the string value that s quotes.
func Unquote(s string) (string, error) {
	v, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return v, nil
}
