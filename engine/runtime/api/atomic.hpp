// Package sync/atomic for C++ goroutines: Go's typed atomics (Go 1.19's atomic.Int32 etc.) over
// std::atomic. All operations are sequentially consistent, as Go's are.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace gopark::co::atomic {

template <class T>
class Int {
 public:
  T load() const { return v_.load(); }
  void store(T v) { v_.store(v); }
  T add(T delta) { return v_.fetch_add(delta) + delta; }  // returns the new value, as Go's Add
  T swap(T v) { return v_.exchange(v); }
  bool compare_and_swap(T old, T desired) { return v_.compare_exchange_strong(old, desired); }

 private:
  std::atomic<T> v_{0};
};

using Int32 = Int<int32_t>;
using Int64 = Int<int64_t>;
using Uint32 = Int<uint32_t>;
using Uint64 = Int<uint64_t>;

class Bool {
 public:
  bool load() const { return v_.load(); }
  void store(bool v) { v_.store(v); }
  bool swap(bool v) { return v_.exchange(v); }
  bool compare_and_swap(bool old, bool desired) { return v_.compare_exchange_strong(old, desired); }

 private:
  std::atomic<bool> v_{false};
};

// atomic.Value: stores and loads a value of one type, shared and immutable once stored.
template <class T>
class Value {
 public:
  std::shared_ptr<const T> load() const { return std::atomic_load(&v_); }
  void store(T v) { std::atomic_store(&v_, std::shared_ptr<const T>(std::make_shared<T>(std::move(v)))); }

 private:
  std::shared_ptr<const T> v_;
};

}  // namespace gopark::co::atomic
