// Package sort: sorting slices and user-defined collections. All Go except the element swapper
// that Slice needs for an arbitrary slice (natives, as Go's reflect.Swapper). Unstable sorts
// are pattern-defeating quicksort-like (insertion sort for short runs, median-of-three
// quicksort, heapsort when recursion gets deep): equal elements may end in a different order
// than with Go's implementation, as Go allows.
package sort

// An implementation of Interface can be sorted by the routines in this package.
type Interface interface {
	// Len is the number of elements in the collection.
	Len() int
	// Less reports whether the element with index i must sort before the element with index j.
	Less(i, j int) bool
	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by the Less method. The sort is not
// guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n < 2 {
		return
	}
	limit := 0
	for i := n; i > 0; i >>= 1 {
		limit++
	}
	quickSort(data, 0, n, 2*limit)
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

func siftDown(data Interface, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}

// medianOfThree moves the median of data[a], data[b], data[c] to data[a].
func medianOfThree(data Interface, a, b, c int) {
	if data.Less(b, a) {
		data.Swap(b, a)
	}
	if data.Less(c, b) {
		data.Swap(c, b)
		if data.Less(b, a) {
			data.Swap(b, a)
		}
	}
	// now data[a] <= data[b] <= data[c]; the median is at b
	data.Swap(a, b)
}

func quickSort(data Interface, a, b, depth int) {
	for b-a > 12 {
		if depth == 0 {
			heapSort(data, a, b)
			return
		}
		depth--
		m := int(uint(a+b) >> 1)
		medianOfThree(data, a, m, b-1)
		// Partition around the pivot at data[a] (Hoare-style, equal keys split both ways).
		i, j := a+1, b-1
		for {
			for i <= j && data.Less(i, a) {
				i++
			}
			for i <= j && data.Less(a, j) {
				j--
			}
			if i >= j {
				break
			}
			data.Swap(i, j)
			i++
			j--
		}
		data.Swap(a, j)
		// Recurse into the smaller side, loop on the larger one.
		if j-a < b-j-1 {
			quickSort(data, a, j, depth)
			a = j + 1
		} else {
			quickSort(data, j+1, b, depth)
			b = j
		}
	}
	if b-a > 1 {
		insertionSort(data, a, b)
	}
}

// Stable sorts data in ascending order as determined by the Less method, while keeping the
// original order of equal elements.
func Stable(data Interface) {
	n := data.Len()
	blockSize := 20
	a, b := 0, blockSize
	for b <= n {
		insertionSort(data, a, b)
		a = b
		b += blockSize
	}
	insertionSort(data, a, n)
	for blockSize < n {
		a, b = 0, 2*blockSize
		for b <= n {
			merge(data, a, a+blockSize, b)
			a = b
			b += 2 * blockSize
		}
		if m := a + blockSize; m < n {
			merge(data, a, m, n)
		}
		blockSize *= 2
	}
}

// merge merges the sorted runs data[a:m] and data[m:b] in place, stably, by rotations.
func merge(data Interface, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if m-a == 1 {
		// Insert data[a] into data[m:b].
		i, j := m, b
		for i < j {
			h := int(uint(i+j) >> 1)
			if data.Less(h, a) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := a; k < i-1; k++ {
			data.Swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		// Insert data[m] into data[a:m].
		i, j := a, m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !data.Less(m, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		for k := m; k > i; k-- {
			data.Swap(k, k-1)
		}
		return
	}
	// Split the longer run in half, find the matching split of the other, rotate, recurse.
	var first, second int
	if m-a > b-m {
		first = int(uint(a+m) >> 1)
		i, j := m, b
		for i < j {
			h := int(uint(i+j) >> 1)
			if data.Less(h, first) {
				i = h + 1
			} else {
				j = h
			}
		}
		second = i
	} else {
		second = int(uint(m+b) >> 1)
		i, j := a, m
		for i < j {
			h := int(uint(i+j) >> 1)
			if !data.Less(second, h) {
				i = h + 1
			} else {
				j = h
			}
		}
		first = i
	}
	rotate(data, first, m, second)
	mid := first + (second - m)
	merge(data, a, first, mid)
	merge(data, mid, second, b)
}

func swapRange(data Interface, a, b, n int) {
	for i := 0; i < n; i++ {
		data.Swap(a+i, b+i)
	}
}

// rotate exchanges the blocks data[a:m] and data[m:b].
func rotate(data Interface, a, m, b int) {
	i := m - a
	j := b - m
	for i != j {
		if i > j {
			swapRange(data, m-i, m, j)
			i -= j
		} else {
			swapRange(data, m-i, m+j-i, i)
			j -= i
		}
	}
	swapRange(data, m-i, m, i)
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	Interface
}

func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface {
	return &reverse{data}
}

// swap exchanges the elements i and j of the slice x (x must be a slice; Go panics otherwise
// with reflect's message).
func swap(x any, i, j int)

// length returns len(x) for the slice x.
func length(x any) int

type lessSwap struct {
	less func(i, j int) bool
	x    any
	n    int
}

func (l *lessSwap) Len() int           { return l.n }
func (l *lessSwap) Less(i, j int) bool { return l.less(i, j) }
func (l *lessSwap) Swap(i, j int)      { swap(l.x, i, j) }

// Slice sorts the slice x given the provided less function. It panics if x is not a slice.
func Slice(x any, less func(i, j int) bool) {
	Sort(&lessSwap{less, x, length(x)})
}

// SliceStable sorts the slice x using the provided less function, keeping equal elements in
// their original order.
func SliceStable(x any, less func(i, j int) bool) {
	Stable(&lessSwap{less, x, length(x)})
}

// SliceIsSorted reports whether the slice x is sorted according to the provided less function.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := length(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

// Search uses binary search to find and return the smallest index i in [0, n) at which f(i) is
// true, assuming that on the range [0, n), f(i) == true implies f(i+1) == true.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// Find uses binary search to find and return the smallest index i in [0, n) at which cmp(i) <= 0.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

// IntSlice attaches the methods of Interface to []int, sorting in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (x IntSlice) Search(v int) int   { return SearchInts(x, v) }

// Float64Slice implements Interface for a []float64, sorting in increasing order, with
// not-a-number (NaN) values ordered before other values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (x Float64Slice) Search(v float64) int { return SearchFloat64s(x, v) }

// StringSlice attaches the methods of Interface to []string, sorting in increasing order.
type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (x StringSlice) Search(v string) int { return SearchStrings(x, v) }

// Ints sorts a slice of ints in increasing order.
func Ints(x []int) { Sort(IntSlice(x)) }

// Float64s sorts a slice of float64s in increasing order (NaNs first).
func Float64s(x []float64) { Sort(Float64Slice(x)) }

// Strings sorts a slice of strings in increasing order.
func Strings(x []string) { Sort(StringSlice(x)) }

// IntsAreSorted reports whether the slice x is sorted in increasing order.
func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

// Float64sAreSorted reports whether the slice x is sorted in increasing order.
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

// StringsAreSorted reports whether the slice x is sorted in increasing order.
func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// SearchInts searches for x in a sorted slice of ints and returns the index as specified by
// Search.
func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchFloat64s searches for x in a sorted slice of float64s.
func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// SearchStrings searches for x in a sorted slice of strings.
func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}
