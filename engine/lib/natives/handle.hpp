#pragma once
// Engine objects behind the library's `__handle` fields (sync.Mutex, time.Timer ...).
//
// A Go value whose type holds a `handle __handle` field is usable as its zero value, so the
// engine object is created on first use: the native allocates it as a custom heap object (its
// finalizer destroys it when the Go value becomes garbage) and installs it in the field with a
// compare-and-swap. Two goroutines racing on first use both allocate; the loser's object is
// garbage at once and the winner's is used by both. The handle word is traced by the collector,
// so the object lives as long as any copy of the Go value does.
#include <atomic>
#include <new>

#include "vm/heap.hpp"
#include "vm/native.hpp"

namespace gopark::lib {

template <class T> struct HandleObject {
  T object;
  static void finalize(void* p) { static_cast<HandleObject*>(p)->~HandleObject(); }
  static const vm::GcLayout& layout() {
    static const vm::GcLayout layout(sizeof(HandleObject), {}, nullptr, &finalize, "handle");
    return layout;
  }
};

// The T in the handle field at `field`, or null if the field is still zero.
template <class T> T* existing_handle(const void* field) {
  vm::Word h = __atomic_load_n(static_cast<const vm::Word*>(field), __ATOMIC_ACQUIRE);
  return h ? &vm::ptr<HandleObject<T>>(h)->object : nullptr;
}

// The T in the handle field at `field`, created (default-constructed) on first use. Null only
// when out of memory; the context's outcome then says so.
template <class T> T* handle(vm::NativeContext& ctx, void* field) {
  if (T* t = existing_handle<T>(field)) return t;
  void* p = ctx.machine().allocate(ctx.goroutine(), HandleObject<T>::layout());
  if (!p) {
    ctx.take_fault();
    return nullptr;
  }
  auto* fresh = new (p) HandleObject<T>();
  vm::Word expected = 0;
  if (__atomic_compare_exchange_n(static_cast<vm::Word*>(field), &expected, vm::word(fresh), false,
                                  __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return &fresh->object;
  return &vm::ptr<HandleObject<T>>(expected)->object;  // another goroutine won the race
}

}  // namespace gopark::lib
