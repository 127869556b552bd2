// gopark: exit=2
// panic with an error value prints its Error() text.
package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("loading config: %w", errors.New("file not found"))
	panic(err)
}
