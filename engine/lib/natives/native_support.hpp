#pragma once
// Helpers shared by the native implementations of the library (one file per Go package): reading
// arguments in their register form (value.hpp), writing results, raising Go's library panics, and
// the registry entries each package file contributes to natives.cpp.
//
// Reminder of the contract (vm/native.hpp): arguments at args[0..] (receiver first), results
// written from args[0]; a native that called back into Go must write its results through
// ctx.args(), because the call may have moved the goroutine's stack.
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/native.hpp"

namespace gopark::lib {

struct NativeEntry {
  std::string_view name;  // the checker's native_name: "fmt.Sprint", "sync.(*Mutex).Lock"
  vm::NativeFn fn;
};

// Each package file's natives (natives.cpp gathers them).
std::span<const NativeEntry> fmt_natives();
std::span<const NativeEntry> strconv_natives();
std::span<const NativeEntry> math_natives();
std::span<const NativeEntry> rand_natives();
std::span<const NativeEntry> os_natives();
std::span<const NativeEntry> errors_natives();
std::span<const NativeEntry> runtime_natives();
std::span<const NativeEntry> sync_natives();
std::span<const NativeEntry> atomic_natives();
std::span<const NativeEntry> time_natives();
std::span<const NativeEntry> sort_natives();
std::span<const NativeEntry> unicode_natives();

// ---- register forms ----
inline double to_float(vm::Word w) {
  double d;
  std::memcpy(&d, &w, sizeof d);
  return d;
}
inline vm::Word from_float(double d) {
  vm::Word w;
  std::memcpy(&w, &d, sizeof w);
  return w;
}
// A float32 result: registers hold float32 values as the double they convert to exactly.
inline vm::Word from_float32(double d) { return from_float(double(float(d))); }
inline vm::Word from_bool(bool b) { return b ? 1 : 0; }

// The elements of a slice whose element type is one word (any, int, string, pointers ...).
std::vector<vm::Word> slice_words(vm::Word slice);
// The bytes of a []byte.
std::string_view slice_bytes(vm::Word slice);

// Writes a new string to ctx.args()[index]. False only when out of memory (outcome Ended).
bool set_string(vm::NativeContext& ctx, std::size_t index, std::string_view s);

// panic(message) with a Go string value, as library code that calls panic("...") does (unlike
// ctx.panic, whose value is a runtime.Error). Returns false.
bool panic_string(vm::NativeContext& ctx, std::string_view message);

}  // namespace gopark::lib
