#pragma once
// The front end's side of the runtime type descriptors (vm::TypeInfo, design in vm/code.hpp): the
// facts of a descriptor that come from the lang::Type alone, computed once when the compiler
// makes the descriptor, so nothing at run time reads a lang::Type.
//
// The compiler (Compiler::type_index) and the tests' hand-made Images build descriptors with
// these, so both agree on what a descriptor holds.
#include <cstdint>
#include <string_view>

#include "lang/types.hpp"
#include "vm/code.hpp"

namespace gopark::lang {

// Fills what needs no other descriptor: kind, layout, comparability, pointer offsets, whether t
// is a defined type, and both spellings (runtime errors' and reflect's). Leaves index, key,
// elem, len, fields, methods and the layouts to the caller, who owns the other descriptors.
void describe_type(vm::TypeInfo& info, const Type* t);

// Whether method `name` of t's method set has the signature `func() string` (fmt's test for
// Error and String). The method is found as fmt found it: declared on t (or on the element of a
// pointer t), or promoted from an embedded field, the shallowest first.
bool returns_string(const Type* t, std::string_view name);

}  // namespace gopark::lang
