#pragma once
// Two printers of the syntax tree.
//
// dump(): a compact S-expression per node, for tests and debugging. One line, no positions:
//   expressions  (ident a) (lit 1) (binary + X Y) (unary - X) (star X) (paren X)
//                (selector X name) (index X I) (slice X LO HI) (slice3 X LO HI MAX)
//                (assert X T) (assert X type) (call F ARGS... [...]) (complit T ELTS...)
//                (kv K V) (funclit SIG BODY) (bad)
//   types        (array LEN ELEM) (slicetype ELEM) (ellipsis [ELEM]) (map K V) (chan T)
//                (chan<- T) (<-chan T) (functype (params FIELD...) [(results FIELD...)])
//                (struct FIELD...) (interface FIELD...) with FIELD = (field NAMES... TYPE [TAG])
//   statements   (block S...) (expr X) (assign OP [LHS...] [RHS...]) (send CH V) (incdec ++ X)
//                (go CALL) (defer CALL) (return X...) (break [L]) (continue [L]) (goto L)
//                (fallthrough) (labeled L S) (if INIT COND THEN ELSE) (switch INIT TAG BODY)
//                (typeswitch INIT BINDING GUARD BODY) (case [X...] S...) (default S...)
//                (select BODY) (comm COMM S...) (for INIT COND POST BODY)
//                (range KEY VALUE TOK X BODY) (empty) (declstmt DECL) (badstmt)
//   declarations (import (spec NAME PATH)...) (const (spec [NAMES] TYPE [VALUES] iota=N
//                [from=K])...) (var (spec ...)...) (type (spec|alias [NAME] TYPE)...)
//                (func NAME RECV SIG BODY), where `from` is the index of the spec repeated
//   a missing child is `_`.
//
// expr_string() / stmt_string(): Go syntax as gc prints expressions in its messages (syntax's
// ShortForm: function and composite literal bodies shown as {…}), e.g. "x + f(y...)". The parser
// uses them for "cannot use x := 1 as value"; the checker can use them for its own messages.
#include <string>

#include "lang/ast.hpp"

namespace gopark::lang {

std::string dump(const Expr* x);
std::string dump(const Stmt* s);
std::string dump(const GenDecl* decl);
std::string dump(const FuncDecl* decl);
// The package clause and every declaration, one per line: "(package main)\n(import ...)\n...".
std::string dump(const File& file);

std::string expr_string(const Expr* x);
std::string stmt_string(const Stmt* s);  // simple statements; others print their keyword only

}  // namespace gopark::lang
