// Package rand: pseudo-random numbers. The top-level functions use a source seeded once per run
// by the engine (gopark run --seed makes a run repeatable). Sources made with NewSource use
// gopark's own generator (xoshiro256**): a given seed gives a fixed sequence, but not the one
// Go's generator gives.
package rand

import (
	"math"
	"sync"
)

// A Source represents a source of uniformly-distributed pseudo-random int64 values in the range
// [0, 1<<63).
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 is a Source that can also generate uniformly-distributed pseudo-random uint64
// values in the range [0, 1<<64) directly.
type Source64 interface {
	Source
	Uint64() uint64
}

type xoshiro struct {
	s0, s1, s2, s3 uint64
}

func splitmix(x *uint64) uint64 {
	*x += 0x9e3779b97f4a7c15
	z := *x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *xoshiro) Seed(seed int64) {
	x := uint64(seed)
	r.s0 = splitmix(&x)
	r.s1 = splitmix(&x)
	r.s2 = splitmix(&x)
	r.s3 = splitmix(&x)
}

func rotl(x uint64, k uint) uint64 {
	return x<<k | x>>(64-k)
}

func (r *xoshiro) Uint64() uint64 {
	result := rotl(r.s1*5, 7) * 9
	t := r.s1 << 17
	r.s2 ^= r.s0
	r.s3 ^= r.s1
	r.s1 ^= r.s2
	r.s0 ^= r.s3
	r.s2 ^= t
	r.s3 = rotl(r.s3, 45)
	return result
}

func (r *xoshiro) Int63() int64 {
	return int64(r.Uint64() >> 1)
}

// NewSource returns a new pseudo-random Source seeded with the given value. It is not safe for
// concurrent use by multiple goroutines.
func NewSource(seed int64) Source {
	s := &xoshiro{}
	s.Seed(seed)
	return s
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
	s64 Source64
}

// New returns a new Rand that uses random values from src to generate other random values.
func New(src Source) *Rand {
	s64, _ := src.(Source64)
	return &Rand{src: src, s64: s64}
}

// Seed uses the provided seed value to initialize the generator to a deterministic state.
func (r *Rand) Seed(seed int64) {
	r.src.Seed(seed)
}

// Int63 returns a non-negative pseudo-random 63-bit integer as an int64.
func (r *Rand) Int63() int64 {
	return r.src.Int63()
}

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func (r *Rand) Uint32() uint32 {
	return uint32(r.Int63() >> 31)
}

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

// Int31 returns a non-negative pseudo-random 31-bit integer as an int32.
func (r *Rand) Int31() int32 {
	return int32(r.Int63() >> 32)
}

// Int returns a non-negative pseudo-random int.
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Int63n returns, as an int64, a non-negative pseudo-random number in the half-open interval
// [0,n). It panics if n <= 0.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64((1 << 63) - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns, as an int32, a non-negative pseudo-random number in the half-open interval
// [0,n). It panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return int32(r.Int63n(int64(n)))
}

// Intn returns, as an int, a non-negative pseudo-random number in the half-open interval [0,n).
// It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns, as a float64, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float64() float64 {
	return float64(r.Int63n(1<<53)) / (1 << 53)
}

// Float32 returns, as a float32, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float32() float32 {
	return float32(r.Int63n(1<<24)) / (1 << 24)
}

// Perm returns, as a slice of n ints, a pseudo-random permutation of the integers in [0,n).
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle pseudo-randomizes the order of elements using swap. n is the number of elements.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
}

// NormFloat64 returns a normally distributed float64 with mean 0 and standard deviation 1
// (Marsaglia's polar method).
func (r *Rand) NormFloat64() float64 {
	for {
		u := 2*r.Float64() - 1
		v := 2*r.Float64() - 1
		s := u*u + v*v
		if s > 0 && s < 1 {
			return u * math.Sqrt(-2*math.Log(s)/s)
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 with rate parameter 1.
func (r *Rand) ExpFloat64() float64 {
	for {
		f := r.Float64()
		if f > 0 {
			return -math.Log(f)
		}
	}
}

// The global generator, seeded by the engine at start-up.
var (
	globalMu   sync.Mutex
	globalRand = New(NewSource(runtimeSeed()))
)

// runtimeSeed returns the run's seed for the global generator.
func runtimeSeed() int64

// Seed uses the provided seed value to initialize the default Source to a deterministic state.
func Seed(seed int64) {
	globalMu.Lock()
	globalRand.Seed(seed)
	globalMu.Unlock()
}

func Int63() int64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Int63()
}

func Uint32() uint32 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Uint32()
}

func Uint64() uint64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Uint64()
}

func Int31() int32 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Int31()
}

func Int() int {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Int()
}

func Int63n(n int64) int64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Int63n(n)
}

func Int31n(n int32) int32 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Int31n(n)
}

func Intn(n int) int {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Intn(n)
}

func Float64() float64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Float64()
}

func Float32() float32 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Float32()
}

func Perm(n int) []int {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.Perm(n)
}

// Shuffle pseudo-randomizes the order of elements using the default Source. The swaps run
// outside the generator's lock, so swap may use the package's functions.
func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(Int63n(int64(i + 1)))
		swap(i, j)
	}
}

func NormFloat64() float64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.NormFloat64()
}

func ExpFloat64() float64 {
	globalMu.Lock()
	defer globalMu.Unlock()
	return globalRand.ExpFloat64()
}
