// fmt.Stringer and error methods as used by fmt.
package main

import (
	"fmt"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type PtrOnly struct{ N int }

func (p *PtrOnly) String() string { return fmt.Sprintf("PtrOnly#%d", p.N) }

type Both struct{}

func (Both) String() string { return "string method" }
func (Both) Error() string  { return "error method" }

type Level int

func (l Level) String() string {
	switch l {
	case 0:
		return "DEBUG"
	case 1:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Wrapper struct {
	P   Point
	L   Level
	Ptr *PtrOnly
}

type IPAddr [4]byte

func (ip IPAddr) String() string { return fmt.Sprintf("%v.%v.%v.%v", ip[0], ip[1], ip[2], ip[3]) }

func main() {
	p := Point{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %s %+v %d\n", p, p, p, p)
	fmt.Printf("%#v\n", p)
	fmt.Println([]Point{{1, 1}, {2, 2}})
	fmt.Println(map[string]Point{"a": {3, 3}})

	po := PtrOnly{5}
	fmt.Println(po, &po) // value does not have the pointer method
	fmt.Println(Both{})
	fmt.Printf("%v %s\n", Level(1), Level(7))
	fmt.Printf("%d %v %x\n", Level(1), Level(0), Level(255))
	fmt.Println(Wrapper{p, 1, &po})
	fmt.Printf("%+v\n", Wrapper{p, 0, nil})
	hosts := map[string]IPAddr{"loopback": {127, 0, 0, 1}, "dns": {8, 8, 8, 8}}
	for _, name := range []string{"dns", "loopback"} {
		fmt.Printf("%v: %v\n", name, hosts[name])
	}
	s := fmt.Sprint(p, " ", Level(0))
	fmt.Println(s, len(s))
	var st fmt.Stringer = p
	fmt.Println(st.String())
	fmt.Printf("%q\n", p)
	var nilp *PtrOnly
	fmt.Println(nilp == nil)
}
