#pragma once
// The native half of the standard library: the C++ implementations of the functions that
// engine/lib/go/*.go declares without a body (fmt's formatting engine, strconv's conversions,
// math, math/rand, time, sync, sync/atomic, runtime, os ...).
//
// Names are the checker's Object::native_name: "pkg.Func" with the import path as package
// ("fmt.Sprintf", "math/rand.Intn"), "pkg.Type.Method" for value receivers and
// "pkg.(*Type).Method" for pointer receivers ("sync.(*WaitGroup).Add").
#include <string_view>

#include "vm/code.hpp"

namespace gopark::lib {

// The implementation of the native `name`, or null if gopark has none (the compiler then reports
// "gopark does not implement NAME yet" where the program uses it). Thread-safe.
vm::NativeFn find_native(std::string_view name);

}  // namespace gopark::lib
