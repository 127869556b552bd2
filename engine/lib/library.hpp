#pragma once
// The standard library subset, as embedded Go source (engine/lib/go/<import path>.go).
//
// Each package is one Go file, checked and compiled into the Program exactly like the user's
// file (engine/lang/checker.hpp). Functions declared there without a body are natives: the VM
// binds them by Object::native_name ("fmt.Println", "sync.(*Mutex).Lock"). Library sources may
// use the internal type `__handle` (an engine object reference, one word) and must stay within
// the language gopark supports.
#include <optional>
#include <string_view>
#include <vector>

#include "lang/checker.hpp"

namespace gopark::lib {

// The Go source of the package with this import path, or nullopt if gopark has no such package.
std::optional<std::string_view> library_source(std::string_view import_path);

// Every embedded package's import path, sorted.
std::vector<std::string_view> library_packages();

// A LibraryLoader for lang::check_program over the embedded sources.
lang::LibraryLoader library_loader();

}  // namespace gopark::lib
