#pragma once
// The type checker: Go's rules (go/types, cmd/compile/internal/types2) over the parsed files,
// annotating the tree in place (ast.hpp) and building the Program (scope.hpp).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/diagnostics.hpp"
#include "lang/scope.hpp"

namespace gopark::lang {

// Returns the Go source of a library package ("fmt", "math/rand"), or nullopt when gopark does
// not provide that package. Library sources may use the internal predeclared type `__handle`
// (TypeKind::Handle) and may declare functions without bodies (natives).
using LibraryLoader = std::function<std::optional<std::string_view>(std::string_view import_path)>;

// Parses and checks a one-file `package main` program and the library packages it imports.
// Every error of the user's file goes to `diags` in Go's wording (positions in that file); an
// error inside a library source is a gopark bug and is reported as "gopark internal error: ...".
// Returns the Program even when there are errors (for editors: types of what did check); it may
// be compiled only when `diags.empty()`.
std::unique_ptr<Program> check_program(std::string file_name, std::string source,
                                       const LibraryLoader& libraries, Diagnostics& diags);

}  // namespace gopark::lang
