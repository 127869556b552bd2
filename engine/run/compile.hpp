#pragma once
// compile(): Go source text to a runnable vm::Image, the one way every shell does it.
//
// engine/run is the engine's top floor: what a shell (the CLI, the dashboard, the web page, the
// tests) needs to compile and run a Go program, without knowing the pipeline underneath. Below it
// the steps are: check the program against the library (lang::check_program with
// lib::library_loader), compile it to bytecode (lang::compile), bind the library's natives by name
// (lib::find_native). Those steps are written out here and nowhere else.
//
// Rejected: a Compiler object with options. Every shell wants the same thing; the one knob there
// is (the file name used in messages) is an argument.
#include <memory>
#include <string>
#include <vector>

#include "lang/diagnostics.hpp"
#include "vm/code.hpp"

namespace gopark::engine {

// A compiled program, or why there is none.
// Invariants: exactly one of `image` and `errors` is non-empty; `report` is empty iff `image` is set.
struct Compiled {
  std::shared_ptr<const vm::Image> image;
  std::vector<lang::Diagnostic> errors;  // sorted by position; line 0 when no line is to blame
  std::string report;                    // the errors as `go build` prints them, one per line
                                         // ("prog.go:4:2: declared and not used: x"), at most
                                         // ten then "too many errors"; without Go's
                                         // "# command-line-arguments" header line
};

// Compiles `source`, named `file_name` in every message. Never fails silently: a program the
// compiler could not make an image of, with no error to show for it, gets one error that says so.
Compiled compile(const std::string& source, const std::string& file_name);

}  // namespace gopark::engine
