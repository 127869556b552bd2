// Package iter: the iterator types of Go 1.23. gopark's `for range` does not accept functions
// yet; these types are what maps.Keys, slices.Values and friends return and what
// slices.Collect and slices.Sorted consume.
package iter

// Seq is an iterator over sequences of individual values: a function that calls yield with
// each value in turn, stopping early if yield returns false.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)
