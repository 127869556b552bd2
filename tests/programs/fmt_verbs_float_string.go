// fmt float and string verbs with width and precision.
package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.2f|%08.2f|%+.1f\n", f, f, f, f, f, f)
	fmt.Printf("%e|%.2e|%E|%g|%.3g|%G\n", f, f, 123456.789, f, f, 1e-7)
	fmt.Printf("%v|%v|%v|%v\n", 1e6, 1e-7, 100.0, 2.50)
	fmt.Printf("%.0f|%.1f|%5.0f|\n", 2.5, 0.05, 99.5)
	fmt.Printf("%g|%g|%g\n", 1e20, 1e21, 123456789.0)
	fmt.Printf("%6.2f|%6.2f|\n", -1.005, 1234.5)
	fmt.Printf("%v %v\n", float32(0.1), float64(float32(0.1)))
	fmt.Printf("%.2f %v\n", []float64{1.234, 5.678}, []float32{0.5, 0.25})

	s := "gopher"
	fmt.Printf("%s|%10s|%-10s|%.3s|%8.2s|\n", s, s, s, s, s)
	fmt.Printf("%q|%v|%x|%X|% x\n", s, s, s, s, s)
	fmt.Printf("%q|%+q|%#q|%q\n", "tab\there", "héllo", "back`tick", `C:\path`)
	fmt.Printf("%s|%q|%v\n", []string{"a", "b"}, []string{"a", "b"}, []string{"a b", "c"})
	fmt.Printf("%s|%v|%q\n", []byte("bytes"), []byte("ab"), []byte("q"))
	fmt.Printf("%5s|%-5s|%.1s\n", "héllo", "日本", "日本")
	fmt.Printf("%s %s\n", "a", fmt.Sprint(true))
	fmt.Printf("[%*d] [%-*d] [%.*f]\n", 5, 42, 4, 7, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%[1]s %[1]q %[1]x\n", "re")
	fmt.Printf("%v %s\n", nil, nil)

	// mistakes are reported inline
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 12)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%!\n")
	fmt.Println(fmt.Sprintf("%t", 1))
}
