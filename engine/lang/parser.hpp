#pragma once
// The parser: one Go source file to the syntax tree of ast.hpp.
//
// Design
// - Recursive descent over the Lexer's tokens with one token of lookahead, following the shape of
//   gc's parser (cmd/compile/internal/syntax) closely enough that its syntax errors come out with
//   gc's words at gc's line:col: users compare gopark's messages with `go build`'s. The grammar
//   functions (parser_*.cpp) are each headed by the production they parse.
// - Error recovery is gc's: report, skip to a token that can follow the broken production (or a
//   statement keyword inside a function), and keep going, so one pass lists every error. Every
//   recovery path consumes at least one token or returns to a caller that does, so garbage input
//   always terminates. A broken expression becomes a BadExpr (the checker skips those silently);
//   a statement that cannot be parsed at all is left out, as gc does; a second error on the same
//   line is dropped by Diagnostics.
// - The composite-literal/block ambiguity (`if x == T{} {`) is resolved as gc does: an expression
//   nesting level is kept, set to -1 in statement headers and raised inside any bracket, and a
//   `{` after a type name starts a composite literal only at levels >= 0.
// - Depth: every recursive production passes through a nesting counter; past kMaxNesting levels
//   the parser reports "nesting too deep" and stops reading the file, so neither it nor the passes
//   that walk the tree can run out of C stack, whatever the input. Long left-leaning chains
//   (a+b+c..., x.f.g..., f()()...) count as nesting too, because the tree they build is that deep.
// - After kMaxErrorsPerFile stored errors the rest of the file is not read, as gc gives up after
//   10: otherwise a file of garbage would make error reporting cost quadratic time.
// - Generics: type parameter lists are kept on the declaration (FuncTypeExpr::type_params,
//   ValueSpec::type_params), instantiations `F[A, B]` and `T[A]` are IndexExprs (`more` holds the
//   arguments after the first); the checker decides what gopark supports.
//
// Rejected: a Pratt-style operator parser and a separate concrete syntax tree. gc's structure is
// what makes its error positions reproducible, and the AST is the checker's contract.
#include <memory>
#include <string>

#include "lang/ast.hpp"
#include "lang/diagnostics.hpp"

namespace gopark::lang {

// The deepest nesting of expressions, types and statements the parser accepts.
inline constexpr int kMaxNesting = 1000;

// Parses one file. Never throws and never crashes, whatever the input: syntax errors go to
// `diags` in gc's words ("syntax error: unexpected newline, expected comma or )"), and the
// returned tree is still complete enough to walk: every pointer the AST does not mark "may be
// null" is set (to a BadExpr where an expression was broken), and package_name is `_` when the
// package clause is missing. As in gc, the checker should not run on a file with syntax errors.
// The File owns the source text and every string_view in the tree points into it, so the File
// must not be moved: it is returned in a unique_ptr.
std::unique_ptr<File> parse_file(std::string file_name, std::string source, Diagnostics& diags);

// The function declaration of `file` whose `func` keyword is at `pos`, parsed again into fresh
// nodes of file's arena: each instance of a generic function is checked and compiled from its
// own copy of the tree (the checker annotates trees in place). Null if there is none at `pos`.
FuncDecl* reparse_func_decl(File& file, Pos pos, Diagnostics& diags);
// The same for the type declaration whose name is at `pos` (a generic type's instances).
ValueSpec* reparse_type_spec(File& file, Pos pos, Diagnostics& diags);

}  // namespace gopark::lang
