// gopark: args=alpha beta "two words" 42
// os.Args holds the program name followed by the arguments.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	fmt.Println(len(os.Args))
	fmt.Println(os.Args[0] != "")
	for i, a := range os.Args[1:] {
		fmt.Printf("%d: %q\n", i+1, a)
	}
	n, err := strconv.Atoi(os.Args[len(os.Args)-1])
	fmt.Println(n*2, err)
}
