// Package runtime: the scheduler controls, goroutine counts, the collector and the runtime's
// error types. The functions are natives over the engine's scheduler (engine/runtime/sched.hpp).
package runtime

// GOOS and GOARCH are the running program's operating system and architecture targets.
const (
	GOOS   = "linux"
	GOARCH = "amd64"
)

// Compiler is the name of the compiler toolchain that built the running binary.
const Compiler = "gc"

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// GOMAXPROCS sets the maximum number of CPUs that can be executing simultaneously and returns
// the previous setting. If n < 1, it does not change the current setting.
func GOMAXPROCS(n int) int

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GC runs a garbage collection and blocks the caller until the garbage collection is complete.
func GC()

// Goexit terminates the goroutine that calls it. Deferred calls run first.
func Goexit()

// Version returns the Go version gopark implements.
func Version() string {
	return "go1.22.0"
}

// KeepAlive marks its argument as currently reachable.
func KeepAlive(x any) {}

// LockOSThread and UnlockOSThread do nothing: goroutines are not bound to threads in gopark.
func LockOSThread()   {}
func UnlockOSThread() {}

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc        uint64 // bytes of allocated heap objects
	TotalAlloc   uint64 // cumulative bytes allocated for heap objects
	Sys          uint64 // total bytes of memory obtained from the OS
	Mallocs      uint64 // cumulative count of heap objects allocated
	Frees        uint64 // cumulative count of heap objects freed
	HeapAlloc    uint64 // bytes of allocated heap objects
	HeapSys      uint64 // bytes of heap memory obtained from the OS
	HeapObjects  uint64 // number of allocated heap objects
	NextGC       uint64 // the target heap size of the next GC cycle
	PauseTotalNs uint64 // cumulative nanoseconds in GC stop-the-world pauses
	NumGC        uint32 // number of completed GC cycles
}

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats)

// The Error interface identifies a run time error.
type Error interface {
	error
	// RuntimeError is a no-op function but serves to distinguish types that are run time
	// errors from ordinary errors.
	RuntimeError()
}

// errorString is the type of the engine's run-time panics (index out of range, nil map
// writes, division by zero ...): Error() is "runtime error: " + the message.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	message string // "interface conversion: ..."
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	return e.message
}
