// Embedding: promoted fields and methods, shadowing, embedded pointers and interfaces.
package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a *Animal) SetName(n string) { a.Name = n }
func (a Animal) Sound() string     { return "..." }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "Woof" } // shadows Animal.Sound

type Logger struct{ prefix string }

func (l *Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Service struct {
	*Logger
	Name string
}

type Sounder interface{ Sound() string }

type Loud struct {
	Sounder // embedded interface
}

func (l Loud) Sound() string { return l.Sounder.Sound() + "!!!" }

type Base struct{ ID int }
type Mid struct{ Base }
type Top struct {
	Mid
	ID string // shallower field wins
}

func main() {
	d := Dog{Animal{"Rex", 4}, "lab"}
	fmt.Println(d.Name, d.Legs, d.Animal.Name, d.Breed)
	fmt.Println(d.Describe())
	d.SetName("Max") // promoted pointer method on addressable value
	fmt.Println(d.Name, d.Sound(), d.Animal.Sound())
	fmt.Printf("%v\n%+v\n", d, d)

	var s Sounder = d
	fmt.Println(s.Sound())
	s = &d
	fmt.Println(s.Sound())
	s = d.Animal
	fmt.Println(s.Sound())

	svc := Service{&Logger{"[svc] "}, "api"}
	svc.Log("started " + svc.Name)
	svc.prefix = "[SVC] "
	svc.Logger.Log("renamed")

	l := Loud{Dog{}}
	fmt.Println(l.Sound())

	t := Top{Mid{Base{7}}, "top"}
	fmt.Println(t.ID, t.Mid.ID, t.Base.ID, t.Mid.Base.ID)
	fmt.Printf("%+v\n", t)
	describe := Dog.Describe
	fmt.Println(describe(d))
}
