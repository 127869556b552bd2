// gopark: exit=1
// gopark: go119-err
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println("hi")
}
