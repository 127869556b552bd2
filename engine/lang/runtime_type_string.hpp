#pragma once
// Types as Go's runtime and reflect write them (%T, %#v, panics): `interface {}`, `struct { X int;
// Y string }`, `func(int, ...string) (bool, error)`, `main.Point`, `*time.Duration`.
//
// The compiler writes it into each runtime type descriptor (vm::TypeInfo::reflect_name), so fmt
// reads it at run time without the front end.
//
// This is not the compiler's spelling (lang::type_string, as gc writes types in error messages:
// `any`, `struct{X int}`): reflect puts spaces inside struct and interface braces, writes the
// empty interface as `interface {}`, and qualifies every named type with its package name,
// main's own included.
#include <string>

namespace gopark::lang {

struct Type;

std::string runtime_type_string(const Type* t);

}  // namespace gopark::lang
