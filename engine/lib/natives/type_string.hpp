#pragma once
// Types as Go's runtime and reflect write them (%T, %#v, panics): `interface {}`, `struct { X int;
// Y string }`, `func(int, ...string) (bool, error)`, `main.Point`, `*time.Duration`.
//
// This is not the compiler's spelling (lang::type_string, as gc writes types in error messages:
// `any`, `struct{X int}`): reflect puts spaces inside struct and interface braces, writes the
// empty interface as `interface {}`, and qualifies every named type with its package name,
// main's own included.
#include <string>

namespace gopark::lang { struct Type; }

namespace gopark::lib {

std::string runtime_type_string(const lang::Type* t);

}  // namespace gopark::lib
