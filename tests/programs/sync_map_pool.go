// sync.Map and sync.Pool basics (results made deterministic).
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println(v, ok)
	v, ok = m.Load(42)
	fmt.Println(v, ok)
	actual, loaded := m.LoadOrStore(3, 100)
	fmt.Println(actual, loaded)
	actual, loaded = m.LoadOrStore(11, 121)
	fmt.Println(actual, loaded)
	m.Delete(0)
	v, loaded = m.LoadAndDelete(1)
	fmt.Println(v, loaded)
	var keys []int
	sum := 0
	m.Range(func(k, v interface{}) bool {
		keys = append(keys, k.(int))
		sum += v.(int)
		return true
	})
	sort.Ints(keys)
	fmt.Println(keys, sum)

	var p sync.Pool
	p.New = func() interface{} { return new([]byte) }
	b := p.Get().(*[]byte)
	*b = append((*b)[:0], "pooled"...)
	fmt.Println(string(*b))
	p.Put(b)
	b2 := p.Get().(*[]byte)
	fmt.Println(b2 != nil)
	var empty sync.Pool
	fmt.Println(empty.Get())
}
