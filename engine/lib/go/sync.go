// Package sync: Mutex, RWMutex, WaitGroup, Once and Cond on the engine's goroutine-aware
// primitives (engine/runtime/sync.hpp). Each type keeps its engine object in `handle`; the zero
// value is ready to use because the natives allocate the object on first use.
package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
type Mutex struct {
	handle __handle
}

// Lock locks m. If the lock is already in use, the calling goroutine blocks until the mutex is
// available.
func (m *Mutex) Lock()

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool

// Unlock unlocks m. It is a run-time error if m is not locked on entry to Unlock.
func (m *Mutex) Unlock()

// A RWMutex is a reader/writer mutual exclusion lock. The zero value is an unlocked mutex.
type RWMutex struct {
	handle __handle
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock()

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock()

// RLock locks rw for reading.
func (rw *RWMutex) RLock()

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock()

// RLocker returns a Locker interface that implements the Lock and Unlock methods by calling
// rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup waits for a collection of goroutines to finish.
type WaitGroup struct {
	handle __handle
}

// Add adds delta, which may be negative, to the WaitGroup counter. If the counter becomes zero,
// all goroutines blocked on Wait are released. If the counter goes negative, Add panics.
func (wg *WaitGroup) Add(delta int)

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() {
	wg.Add(-1)
}

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait()

// Go calls f in a new goroutine and adds that task to the WaitGroup (Go 1.25).
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

// Once is an object that will perform exactly one action.
type Once struct {
	handle __handle
}

// begin reports whether the caller must run the function: false once it has run (waiting, if
// another goroutine is running it, until that one finishes).
func (o *Once) begin() bool

// finish marks the function as done and releases the goroutines waiting in begin.
func (o *Once) finish()

// Do calls the function f if and only if Do is being called for the first time for this
// instance of Once. Concurrent callers wait until f has returned.
func (o *Once) Do(f func()) {
	if !o.begin() {
		return
	}
	defer o.finish()
	f()
}

// OnceFunc returns a function that invokes f only once.
func OnceFunc(f func()) func() {
	var once Once
	var p any
	var panicked bool
	return func() {
		once.Do(func() {
			defer func() {
				p = recover()
				if panicked = p != nil; panicked {
					panic(p)
				}
			}()
			f()
		})
		if panicked {
			panic(p)
		}
	}
}

// Cond implements a condition variable, a rendezvous point for goroutines waiting for or
// announcing the occurrence of an event.
type Cond struct {
	L      Locker
	handle __handle
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// ticket takes the next place in the notification list (before L is unlocked).
func (c *Cond) ticket() uint64

// wait blocks until the ticket has been signalled.
func (c *Cond) wait(t uint64)

// Wait atomically unlocks c.L and suspends execution of the calling goroutine. After later
// resuming execution, Wait locks c.L before returning.
func (c *Cond) Wait() {
	t := c.ticket()
	c.L.Unlock()
	c.wait(t)
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal()

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast()

// Map is like a Go map[any]any but is safe for concurrent use by multiple goroutines. This
// version locks one mutex around a plain map.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value is present.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present. Otherwise, it stores and
// returns the given value. The loaded result is true if the value was loaded.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = make(map[any]any)
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, loaded = m.m[key]
	delete(m.m, key)
	return
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// Swap swaps the value for a key and returns the previous value if any.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[any]any)
	}
	previous, loaded = m.m[key]
	m.m[key] = value
	return
}

// Range calls f sequentially for each key and value present in the map (over a snapshot). If f
// returns false, range stops the iteration.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	values := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		values = append(values, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], values[i]) {
			break
		}
	}
}

// Pool is a set of temporary objects; this version keeps them in a slice under a mutex.
type Pool struct {
	mu    Mutex
	items []any
	New   func() any
}

// Get selects an arbitrary item from the Pool, removes it, and returns it; if the pool is empty
// it returns the result of New (or nil).
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}
