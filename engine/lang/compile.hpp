#pragma once
// The compiler: a checked Program → a vm::Image (bytecode for every function, runtime type
// descriptors, natives bound by name).
#include <functional>
#include <memory>
#include <string_view>

#include "lang/diagnostics.hpp"
#include "lang/scope.hpp"
#include "vm/code.hpp"

namespace gopark::lang {

// Finds the native implementation of a library function by its Object::native_name, or null.
using NativeLookup = std::function<vm::NativeFn(std::string_view name)>;

// Compiles `program` (checked without errors). Constructs gopark cannot run yet are reported to
// `diags` as Go-shaped errors naming the feature; the result is null when there are any.
std::shared_ptr<vm::Image> compile(std::unique_ptr<Program> program, const std::string& file_name,
                                   const std::string& source, const NativeLookup& natives,
                                   Diagnostics& diags);

}  // namespace gopark::lang
