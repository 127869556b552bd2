// sync/atomic's natives (engine/lib/go/sync/atomic.go): sequentially consistent operations on
// the int32/int64/uint32/uint64 or interface word a pointer points to. Results are returned in
// register form (int32 sign-extended, uint32 zero-extended).
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

constexpr int kOrder = __ATOMIC_SEQ_CST;

template <class T> vm::Word to_word(T v) {
  if constexpr (std::is_signed_v<T>) return vm::Word(std::int64_t(v));
  else return vm::Word(std::uint64_t(v));
}

bool nil_address(vm::NativeContext& ctx) {
  return ctx.panic("runtime error: invalid memory address or nil pointer dereference");
}

// func AddT(addr *T, delta T) (new T)
template <class T> bool add(vm::NativeContext& ctx, vm::Word* args) {
  T* p = vm::ptr<T>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(T), vm::Races::Atomic::ReadModifyWrite);
  args[0] = to_word(__atomic_add_fetch(p, T(args[1]), kOrder));
  return true;
}

// func LoadT(addr *T) (val T)
template <class T> bool load(vm::NativeContext& ctx, vm::Word* args) {
  T* p = vm::ptr<T>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(T), vm::Races::Atomic::Load);
  args[0] = to_word(__atomic_load_n(p, kOrder));
  return true;
}

// func StoreT(addr *T, val T)
template <class T> bool store(vm::NativeContext& ctx, vm::Word* args) {
  T* p = vm::ptr<T>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(T), vm::Races::Atomic::Store);
  __atomic_store_n(p, T(args[1]), kOrder);
  return true;
}

// func SwapT(addr *T, new T) (old T)
template <class T> bool swap(vm::NativeContext& ctx, vm::Word* args) {
  T* p = vm::ptr<T>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(T), vm::Races::Atomic::ReadModifyWrite);
  args[0] = to_word(__atomic_exchange_n(p, T(args[1]), kOrder));
  return true;
}

// func CompareAndSwapT(addr *T, old, new T) (swapped bool)
template <class T> bool compare_and_swap(vm::NativeContext& ctx, vm::Word* args) {
  T* p = vm::ptr<T>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(T), vm::Races::Atomic::ReadModifyWrite);
  T expected = T(args[1]);
  args[0] = from_bool(__atomic_compare_exchange_n(p, &expected, T(args[2]), false, kOrder, kOrder));
  return true;
}

// ---- atomic.Value's interface word (a Box* is one word: no tearing) ----

// func loadAny(p *any) any
bool load_any(vm::NativeContext& ctx, vm::Word* args) { return load<vm::Word>(ctx, args); }
// func storeAny(p *any, v any)
bool store_any(vm::NativeContext& ctx, vm::Word* args) { return store<vm::Word>(ctx, args); }
// func swapAny(p *any, new any) (old any)
bool swap_any(vm::NativeContext& ctx, vm::Word* args) { return swap<vm::Word>(ctx, args); }

// func compareAndSwapAny(p *any, old, new any) (swapped bool): compares with Go's == on
// interfaces (which panics for uncomparable dynamic types), as atomic.Value does.
bool compare_and_swap_any(vm::NativeContext& ctx, vm::Word* args) {
  auto* p = vm::ptr<vm::Word>(args[0]);
  if (!p) return nil_address(ctx);
  vm::AtomicAccess race(ctx.goroutine(), p, sizeof(vm::Word), vm::Races::Atomic::ReadModifyWrite);
  vm::Word old = args[1], desired = args[2];
  for (;;) {
    vm::Word current = __atomic_load_n(p, kOrder);
    bool equal = vm::ops::iface_equal(ctx.goroutine(), current, old);
    if (ctx.take_fault()) return false;
    if (!equal) {
      args[0] = from_bool(false);
      return true;
    }
    if (__atomic_compare_exchange_n(p, &current, desired, false, kOrder, kOrder)) {
      args[0] = from_bool(true);
      return true;
    }
  }
}

// func sameType(a, b any) bool
bool same_type(vm::NativeContext&, vm::Word* args) {
  const auto* a = vm::ptr<const vm::Box>(args[0]);
  const auto* b = vm::ptr<const vm::Box>(args[1]);
  args[0] = from_bool(a && b ? a->type == b->type : a == b);
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"sync/atomic.AddInt32", add<std::int32_t>},
    {"sync/atomic.AddInt64", add<std::int64_t>},
    {"sync/atomic.AddUint32", add<std::uint32_t>},
    {"sync/atomic.AddUint64", add<std::uint64_t>},
    {"sync/atomic.LoadInt32", load<std::int32_t>},
    {"sync/atomic.LoadInt64", load<std::int64_t>},
    {"sync/atomic.LoadUint32", load<std::uint32_t>},
    {"sync/atomic.LoadUint64", load<std::uint64_t>},
    {"sync/atomic.StoreInt32", store<std::int32_t>},
    {"sync/atomic.StoreInt64", store<std::int64_t>},
    {"sync/atomic.StoreUint32", store<std::uint32_t>},
    {"sync/atomic.StoreUint64", store<std::uint64_t>},
    {"sync/atomic.SwapInt32", swap<std::int32_t>},
    {"sync/atomic.SwapInt64", swap<std::int64_t>},
    {"sync/atomic.SwapUint32", swap<std::uint32_t>},
    {"sync/atomic.SwapUint64", swap<std::uint64_t>},
    {"sync/atomic.CompareAndSwapInt32", compare_and_swap<std::int32_t>},
    {"sync/atomic.CompareAndSwapInt64", compare_and_swap<std::int64_t>},
    {"sync/atomic.CompareAndSwapUint32", compare_and_swap<std::uint32_t>},
    {"sync/atomic.CompareAndSwapUint64", compare_and_swap<std::uint64_t>},
    {"sync/atomic.loadAny", load_any},
    {"sync/atomic.storeAny", store_any},
    {"sync/atomic.swapAny", swap_any},
    {"sync/atomic.compareAndSwapAny", compare_and_swap_any},
    {"sync/atomic.sameType", same_type},
};

}  // namespace

std::span<const NativeEntry> atomic_natives() { return kNatives; }

}  // namespace gopark::lib
