// A goroutine updates a struct and an array while main prints them: passing a struct or an
// array to fmt copies it, which reads every field, so each print races with the update.
package main

import (
	"fmt"
	"time"
)

type Point struct{ X, Y int }

var pos Point
var grid [3]int

func main() {
	done := make(chan bool)
	go func() {
		pos.X = 1   // DATA RACE: the write of a field
		grid[1] = 2 // DATA RACE: the write of an element
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(len(fmt.Sprint(pos)) > 0)  // DATA RACE: the copy reads the whole struct
	fmt.Println(len(fmt.Sprint(grid)) > 0) // DATA RACE: the copy reads the whole array
	<-done
}
