// store_observed: a store to a field that only observers read (snapshots, sysmon, len(ch)), never a
// field another thread synchronises on.
//
// Natively it is a relaxed atomic store. WebAssembly has no relaxed atomics: every atomic store is
// sequentially consistent, which V8 compiles to an `xchg` on x86 (a full barrier, tens of cycles).
// The scheduler and the channels make a few dozen such bookkeeping stores per channel round trip,
// which made a ping-pong on one P three times slower than native (measured with perf on node's
// jitted code). On wasm the store is therefore a plain aligned store through a volatile pointer:
// the wasm memory model makes an aligned access of up to 8 bytes tear-free, and volatile keeps the
// compiler from dropping, merging or inventing it. An observer may see it late, or out of order with
// other plain stores, which a relaxed store allows too.
#pragma once

#include <atomic>

namespace gopark::rt {

template <class T>
inline void store_observed(std::atomic<T>& field, T value) {
#ifdef __EMSCRIPTEN__
  static_assert(std::atomic<T>::is_always_lock_free && sizeof(std::atomic<T>) == sizeof(T));
  *reinterpret_cast<volatile T*>(&field) = value;
#else
  field.store(value, std::memory_order_relaxed);
#endif
}

// As store_observed, for a pointer an observer follows (sysmon takes P.current and marks that G for
// preemption). Natively a release store, so that the observer sees the object behind it constructed.
// On wasm a plain store, as above: the objects behind such pointers (Gs) are never freed while the
// run lasts, and the observer only sets an atomic flag in what it finds.
template <class T>
inline void store_observed_pointer(std::atomic<T*>& field, T* value) {
#ifdef __EMSCRIPTEN__
  store_observed(field, value);
#else
  field.store(value, std::memory_order_release);
#endif
}

// field += 1 for a field written by one thread at a time (under a lock, or by its owner).
template <class T>
inline void bump_observed(std::atomic<T>& field) {
  store_observed(field, T(field.load(std::memory_order_relaxed) + 1));
}

}  // namespace gopark::rt
