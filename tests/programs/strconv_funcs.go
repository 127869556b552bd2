// strconv: Itoa, Atoi, FormatInt, ParseInt, ParseFloat, Quote and friends.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(123), strconv.Itoa(-45), strconv.Itoa(0)+"!")
	for _, s := range []string{"42", "-7", "+3", "abc", "", "12a", "99999999999999999999", " 1"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(255, 16), strconv.FormatInt(-255, 36), strconv.FormatUint(1<<63, 10))
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"-101", 2, 8}, {"0x1F", 0, 64}, {"0b101", 0, 64}, {"0o17", 0, 64}, {"017", 0, 64}, {"300", 10, 8}, {"-129", 10, 8}, {"zz", 36, 64}, {"1_000", 0, 64}, {"12", 2, 64}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Println(c.s, n, err)
	}
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	_, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(err)

	for _, s := range []string{"3.14", "1e10", "-0.5", "inf", "NaN", "1e400", "abc", ".5", "0x1p-2"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(f, err)
	}
	f32, err := strconv.ParseFloat("0.1", 32)
	fmt.Println(f32, err)

	fmt.Println(strconv.Quote("hello \"world\"\n"), strconv.Quote("tab\t日本"), strconv.QuoteToASCII("日本"))
	fmt.Println(strconv.QuoteRune('☺'), strconv.Quote("\x00\x7f"))
	uq, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", uq, err)
	_, err = strconv.Unquote("noquotes")
	fmt.Println(err)

	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.000123, 'e', 3, 64), strconv.FormatFloat(2.5, 'f', -1, 32))
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	b, err = strconv.ParseBool("yes")
	fmt.Println(b, err)
	fmt.Println(strconv.FormatBool(false), string(strconv.AppendInt([]byte("n="), -12, 10)))

	var numErr *strconv.NumError
	_, err = strconv.Atoi("x1")
	if errors.As(err, &numErr) {
		fmt.Println(numErr.Func, numErr.Num, numErr.Err, errors.Is(err, strconv.ErrSyntax))
	}
	_, err = strconv.ParseInt("999", 10, 8)
	fmt.Println(errors.Is(err, strconv.ErrRange))
}
