// The Go parser: the tree it builds (through ast_dump), gc's syntax errors at gc's positions,
// real Go sources, and robustness against truncated, mutated and deeply nested input.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "lang/ast_dump.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"

using namespace gopark::lang;

namespace doctest {
template <> struct StringMaker<Pos> {
  static String convert(const Pos& pos) {
    return (std::to_string(pos.line) + ":" + std::to_string(pos.col)).c_str();
  }
};
}  // namespace doctest

namespace {

struct Parsed {
  std::unique_ptr<File> file;
  std::string errors;  // "x.go:line:col: message\n" each
};

Parsed parse(std::string source) {
  Diagnostics diags("x.go");
  auto file = parse_file("x.go", std::move(source), diags);
  return {std::move(file), diags.format(0)};
}

std::string errors(std::string source) { return parse(std::move(source)).errors; }

// The dump of the expression in `var _ = <x>`; an error makes the result say so.
std::string expr(const std::string& x) {
  Parsed p = parse("package p\nvar _ = " + x + "\n");
  if (!p.errors.empty()) return "errors: " + p.errors;
  return dump(p.file->decls.at(0).gen->specs.at(0)->values.at(0));
}

// The dump of the statements in `func _() { <body> }`, separated by spaces.
std::string stmts(const std::string& body) {
  Parsed p = parse("package p\nfunc _() {\n" + body + "\n}\n");
  if (!p.errors.empty()) return "errors: " + p.errors;
  std::string out;
  for (const Stmt* s : p.file->decls.at(0).func->body->list) {
    if (!out.empty()) out += ' ';
    out += dump(s);
  }
  return out;
}

// The dump of the declarations after `package p`, one per line.
std::string decls(const std::string& source) {
  Parsed p = parse("package p\n" + source);
  if (!p.errors.empty()) return "errors: " + p.errors;
  std::string out = dump(*p.file);
  return out.substr(out.find('\n') + 1);
}

}  // namespace

// ----------------------------------------------------------------------------------------------
// Expressions

TEST_CASE("parser: operator precedence and associativity") {
  CHECK(expr("a + b * c") == "(binary + (ident a) (binary * (ident b) (ident c)))");
  CHECK(expr("a * b + c") == "(binary + (binary * (ident a) (ident b)) (ident c))");
  CHECK(expr("a - b - c") == "(binary - (binary - (ident a) (ident b)) (ident c))");
  CHECK(expr("a || b && c") == "(binary || (ident a) (binary && (ident b) (ident c)))");
  CHECK(expr("a == b && c != d") ==
        "(binary && (binary == (ident a) (ident b)) (binary != (ident c) (ident d)))");
  CHECK(expr("x << 1 | y &^ z") ==
        "(binary | (binary << (ident x) (lit 1)) (binary &^ (ident y) (ident z)))");
  CHECK(expr("a < b == c > d") ==
        "(binary > (binary == (binary < (ident a) (ident b)) (ident c)) (ident d))");
  CHECK(expr("-x * +y") == "(binary * (unary - (ident x)) (unary + (ident y)))");
  CHECK(expr("!ok && ^m == *p") ==
        "(binary && (unary ! (ident ok)) (binary == (unary ^ (ident m)) (star (ident p))))");
  CHECK(expr("(a + b) * c") == "(binary * (paren (binary + (ident a) (ident b))) (ident c))");
}

TEST_CASE("parser: unary, receive, address and literals") {
  CHECK(expr("<-ch") == "(unary <- (ident ch))");
  CHECK(expr("<-<-ch") == "(unary <- (unary <- (ident ch)))");
  CHECK(expr("&x") == "(unary & (ident x))");
  CHECK(expr("&T{1}") == "(unary & (complit (ident T) (lit 1)))");
  CHECK(expr("&(T{1})") == "(unary & (complit (ident T) (lit 1)))");  // gc drops these parens
  CHECK(expr("**p") == "(star (star (ident p)))");
  CHECK(expr("0x1F") == "(lit 0x1F)");
  CHECK(expr("1.5e3") == "(lit 1.5e3)");
  CHECK(expr("2i") == "(lit 2i)");
  CHECK(expr("'a'") == "(lit 'a')");
  CHECK(expr("\"s\\n\"") == "(lit \"s\\n\")");
  CHECK(expr("`raw`") == "(lit `raw`)");
}

TEST_CASE("parser: primary expressions") {
  CHECK(expr("x.y.z") == "(selector (selector (ident x) y) z)");
  CHECK(expr("f(a, b...)") == "(call (ident f) (ident a) (ident b) ...)");
  CHECK(expr("f(a, b,)") == "(call (ident f) (ident a) (ident b))");
  CHECK(expr("f()()") == "(call (call (ident f)))");
  CHECK(expr("a[i]") == "(index (ident a) (ident i))");
  CHECK(expr("a[i,]") == "(index (ident a) (ident i))");
  CHECK(expr("a[lo:hi]") == "(slice (ident a) (ident lo) (ident hi))");
  CHECK(expr("a[:]") == "(slice (ident a) _ _)");
  CHECK(expr("a[1:]") == "(slice (ident a) (lit 1) _)");
  CHECK(expr("a[:n:m]") == "(slice3 (ident a) _ (ident n) (ident m))");
  CHECK(expr("a[i:j:k]") == "(slice3 (ident a) (ident i) (ident j) (ident k))");
  CHECK(expr("x.(T)") == "(assert (ident x) (ident T))");
  CHECK(expr("x.(*pkg.T)") == "(assert (ident x) (star (selector (ident pkg) T)))");
  CHECK(expr("T(x)") == "(call (ident T) (ident x))");
  CHECK(expr("(*T)(p)") == "(call (paren (star (ident T))) (ident p))");
  CHECK(expr("[]byte(s)") == "(call (slicetype (ident byte)) (ident s))");
  // `func(int)(f)` would be a function type with result f
  CHECK(expr("(func(int))(f)") == "(call (paren (functype (params (field (ident int))))) (ident f))");
  CHECK(expr("func(int)(f)") == "(functype (params (field (ident int))) (results (field (ident f))))");
  CHECK(expr("chan int(nil)") == "(call (chan (ident int)) (ident nil))");
  CHECK(expr("<-chan int(nil)") == "(unary <- (call (chan (ident int)) (ident nil)))");
  CHECK(expr("pkg.F(x).y[0]") ==
        "(index (selector (call (selector (ident pkg) F) (ident x)) y) (lit 0))");
}

TEST_CASE("parser: composite literals") {
  CHECK(expr("[]int{1, 2}") == "(complit (slicetype (ident int)) (lit 1) (lit 2))");
  CHECK(expr("[...]int{1}") == "(complit (array (ellipsis) (ident int)) (lit 1))");
  CHECK(expr("[2]int{}") == "(complit (array (lit 2) (ident int)))");
  CHECK(expr("map[string]int{\"a\": 1,}") ==
        "(complit (map (ident string) (ident int)) (kv (lit \"a\") (lit 1)))");
  CHECK(expr("[]Point{{1, 2}, {X: 3}}") ==
        "(complit (slicetype (ident Point)) (complit _ (lit 1) (lit 2)) "
        "(complit _ (kv (ident X) (lit 3))))");
  CHECK(expr("map[Key]V{{1, 2}: {3}}") ==
        "(complit (map (ident Key) (ident V)) (kv (complit _ (lit 1) (lit 2)) (complit _ (lit 3))))");
  CHECK(expr("[][]int{{1}, {}}") ==
        "(complit (slicetype (slicetype (ident int))) (complit _ (lit 1)) (complit _))");
  CHECK(expr("struct{ a, b int }{1, 2}") ==
        "(complit (struct (field a b (ident int))) (lit 1) (lit 2))");
  CHECK(expr("pkg.T{A: 1}") == "(complit (selector (ident pkg) T) (kv (ident A) (lit 1)))");
  CHECK(expr("&[]*T{{}}") == "(unary & (complit (slicetype (star (ident T))) (complit _)))");
}

TEST_CASE("parser: function literals and types") {
  CHECK(expr("func(x int) int { return x }") ==
        "(funclit (functype (params (field x (ident int))) (results (field (ident int)))) "
        "(block (return (ident x))))");
  CHECK(expr("func(a, b int, c ...string) (n int, err error) {}") ==
        "(funclit (functype (params (field a b (ident int)) (field c (ellipsis (ident string)))) "
        "(results (field n (ident int)) (field err (ident error)))) (block))");
  CHECK(expr("func(int, string) bool(nil)") ==
        "(call (functype (params (field (ident int)) (field (ident string))) "
        "(results (field (ident bool)))) (ident nil))");
  CHECK(expr("(func(...int))(nil)") ==
        "(call (paren (functype (params (field (ellipsis (ident int)))))) (ident nil))");
  CHECK(expr("(func(a int, b int))(nil)") ==
        "(call (paren (functype (params (field a (ident int)) (field b (ident int))))) (ident nil))");
}

TEST_CASE("parser: channel types and the <- re-association") {
  CHECK(expr("make(chan int)") == "(call (ident make) (chan (ident int)))");
  CHECK(expr("make(chan<- int)") == "(call (ident make) (chan<- (ident int)))");
  CHECK(expr("make(<-chan int)") == "(call (ident make) (<-chan (ident int)))");
  CHECK(expr("make(<-chan <-chan int)") == "(call (ident make) (<-chan (<-chan (ident int))))");
  CHECK(expr("make(chan<- chan int)") == "(call (ident make) (chan<- (chan (ident int))))");
  CHECK(expr("make(chan<- <-chan int)") == "(call (ident make) (chan<- (<-chan (ident int))))");
  CHECK(expr("make(chan (<-chan int))") ==
        "(call (ident make) (chan (paren (<-chan (ident int)))))");
  CHECK(decls("var c <-chan <-chan int\n") ==
        "(var (spec [c] (<-chan (<-chan (ident int))) []))\n");
  CHECK(decls("var c chan<- chan<- int\n") == "(var (spec [c] (chan<- (chan<- (ident int))) []))\n");
}

TEST_CASE("parser: struct and interface types") {
  CHECK(decls("type T struct {\n\ta, b int `json:\"a\"`\n\tE\n\t*pkg.F\n\tc []string\n}\n") ==
        "(type (spec [T] (struct (field a b (ident int) `json:\"a\"`) (field (ident E)) "
        "(field (star (selector (ident pkg) F))) (field c (slicetype (ident string))))))\n");
  CHECK(decls("type T struct { a [4]int; b map[K]V; f func() }\n") ==
        "(type (spec [T] (struct (field a (array (lit 4) (ident int))) "
        "(field b (map (ident K) (ident V))) (field f (functype (params))))))\n");
  CHECK(decls("type I interface {\n\tM(int) string\n\tio.Reader\n\tN()\n}\n") ==
        "(type (spec [I] (interface (field M (functype (params (field (ident int))) "
        "(results (field (ident string))))) (field (selector (ident io) Reader)) "
        "(field N (functype (params))))))\n");
  // type sets are parsed for the checker to reject
  CHECK(decls("type C interface { ~int | string }\n") ==
        "(type (spec [C] (interface (field (binary | (unary ~ (ident int)) (ident string))))))\n");
  CHECK(decls("type E interface{}\n") == "(type (spec [E] (interface)))\n");
}

// ----------------------------------------------------------------------------------------------
// Statements

TEST_CASE("parser: simple statements") {
  CHECK(stmts("x := 1") == "(assign := [(ident x)] [(lit 1)])");
  CHECK(stmts("a, b = b, a") == "(assign = [(ident a) (ident b)] [(ident b) (ident a)])");
  CHECK(stmts("x += 2") == "(assign += [(ident x)] [(lit 2)])");
  CHECK(stmts("x <<= 1") == "(assign <<= [(ident x)] [(lit 1)])");
  CHECK(stmts("x++; y--") == "(incdec ++ (ident x)) (incdec -- (ident y))");
  CHECK(stmts("ch <- v") == "(send (ident ch) (ident v))");
  CHECK(stmts("<-ch") == "(expr (unary <- (ident ch)))");
  CHECK(stmts("f()") == "(expr (call (ident f)))");
  CHECK(stmts("v, ok := m[k]") == "(assign := [(ident v) (ident ok)] [(index (ident m) (ident k))])");
  CHECK(stmts("*p = 1") == "(assign = [(star (ident p))] [(lit 1)])");
  CHECK(stmts("a[i], b.c = 1, 2") ==
        "(assign = [(index (ident a) (ident i)) (selector (ident b) c)] [(lit 1) (lit 2)])");
  CHECK(stmts(";") == "(empty)");
}

TEST_CASE("parser: declarations inside functions") {
  CHECK(stmts("var x int") == "(declstmt (var (spec [x] (ident int) [])))");
  CHECK(stmts("var a, b = 1, \"s\"") == "(declstmt (var (spec [a b] _ [(lit 1) (lit \"s\")])))");
  CHECK(stmts("const c = 1") == "(declstmt (const (spec [c] _ [(lit 1)] iota=0)))");
  CHECK(stmts("type T struct{}") == "(declstmt (type (spec [T] (struct))))");
  CHECK(stmts("var (\n\tx int\n\ty = 2\n)") ==
        "(declstmt (var (spec [x] (ident int) []) (spec [y] _ [(lit 2)])))");
}

TEST_CASE("parser: if statements") {
  CHECK(stmts("if x {}") == "(if _ (ident x) (block) _)");
  CHECK(stmts("if x := f(); x > 0 {\n} else if y {\n} else {\n}") ==
        "(if (assign := [(ident x)] [(call (ident f))]) (binary > (ident x) (lit 0)) (block) "
        "(if _ (ident y) (block) (block)))");
  CHECK(stmts("if v, ok := m[k]; ok { return }") ==
        "(if (assign := [(ident v) (ident ok)] [(index (ident m) (ident k))]) (ident ok) "
        "(block (return)) _)");
  // a composite literal of a named type must be parenthesized in a header...
  CHECK(stmts("if x == (T{}) {}") ==
        "(if _ (binary == (ident x) (paren (complit (ident T)))) (block) _)");
  // ...but not inside brackets or calls, nor for a literal type
  CHECK(stmts("if f(T{}) {}") == "(if _ (call (ident f) (complit (ident T))) (block) _)");
  CHECK(stmts("if x == []int{1}[0] {}") ==
        "(if _ (binary == (ident x) (index (complit (slicetype (ident int)) (lit 1)) (lit 0))) (block) _)");
}

TEST_CASE("parser: for statements in every form") {
  CHECK(stmts("for {}") == "(for _ _ _ (block))");
  CHECK(stmts("for x < 10 {}") == "(for _ (binary < (ident x) (lit 10)) _ (block))");
  CHECK(stmts("for i := 0; i < n; i++ {}") ==
        "(for (assign := [(ident i)] [(lit 0)]) (binary < (ident i) (ident n)) (incdec ++ (ident i)) (block))");
  CHECK(stmts("for ;; {}") == "(for _ _ _ (block))");
  CHECK(stmts("for ; x; {}") == "(for _ (ident x) _ (block))");
  CHECK(stmts("for range ch {}") == "(range _ _ _ (ident ch) (block))");
  CHECK(stmts("for i := range 10 {}") == "(range (ident i) _ := (lit 10) (block))");
  CHECK(stmts("for k, v := range m {}") == "(range (ident k) (ident v) := (ident m) (block))");
  CHECK(stmts("for k = range m {}") == "(range (ident k) _ = (ident m) (block))");
  CHECK(stmts("for _, x := range []int{1, 2} {}") ==
        "(range (ident _) (ident x) := (complit (slicetype (ident int)) (lit 1) (lit 2)) (block))");
}

TEST_CASE("parser: switch and type switch") {
  CHECK(stmts("switch x := f(); x {\ncase 1, 2:\n\tfallthrough\ndefault:\n}") ==
        "(switch (assign := [(ident x)] [(call (ident f))]) (ident x) "
        "(block (case [(lit 1) (lit 2)] (fallthrough)) (default)))");
  CHECK(stmts("switch {\ncase a > b:\n\tf()\n\tg()\n}") ==
        "(switch _ _ (block (case [(binary > (ident a) (ident b))] (expr (call (ident f))) "
        "(expr (call (ident g))))))");
  CHECK(stmts("switch v := x.(type) {\ncase int, string:\ncase nil:\ndefault:\n}") ==
        "(typeswitch _ (ident v) (assert (ident x) type) "
        "(block (case [(ident int) (ident string)]) (case [(ident nil)]) (default)))");
  CHECK(stmts("switch x.(type) {}") == "(typeswitch _ _ (assert (ident x) type) (block))");
  CHECK(stmts("switch y := 1; v := x.(type) {}") ==
        "(typeswitch (assign := [(ident y)] [(lit 1)]) (ident v) (assert (ident x) type) (block))");
  CHECK(stmts("switch x.(type) {\ncase []int, map[string]bool, func():\n}") ==
        "(typeswitch _ _ (assert (ident x) type) (block (case [(slicetype (ident int)) "
        "(map (ident string) (ident bool)) (functype (params))])))");
}

TEST_CASE("parser: select") {
  CHECK(stmts("select {\ncase v := <-ch:\n\tuse(v)\ncase v, ok = <-ch:\ncase ch <- 1:\n"
              "case <-done:\n\treturn\ndefault:\n}") ==
        "(select (block (comm (assign := [(ident v)] [(unary <- (ident ch))]) "
        "(expr (call (ident use) (ident v)))) "
        "(comm (assign = [(ident v) (ident ok)] [(unary <- (ident ch))])) "
        "(comm (send (ident ch) (lit 1))) (comm (expr (unary <- (ident done))) (return)) "
        "(comm default)))");
  CHECK(stmts("select {}") == "(select (block))");
}

TEST_CASE("parser: branches, labels, go, defer, return") {
  CHECK(stmts("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t}") ==
        "(labeled L (for _ _ _ (block (break L) (continue L))))");
  CHECK(stmts("goto L\nL:\n\tx++") == "(goto L) (labeled L (incdec ++ (ident x)))");
  CHECK(stmts("{\nL:\n}") == "(block (labeled L (empty)))");
  CHECK(stmts("for { break; continue }") == "(for _ _ _ (block (break) (continue)))");
  CHECK(stmts("go f(x)") == "(go (call (ident f) (ident x)))");
  CHECK(stmts("defer func() { recover() }()") ==
        "(defer (call (funclit (functype (params)) (block (expr (call (ident recover)))))))");
  CHECK(stmts("defer mu.Unlock()") == "(defer (call (selector (ident mu) Unlock)))");
  CHECK(stmts("return") == "(return)");
  CHECK(stmts("return a, b") == "(return (ident a) (ident b))");
  CHECK(stmts("{ { x() } }") == "(block (block (expr (call (ident x)))))");
}

// ----------------------------------------------------------------------------------------------
// Declarations

TEST_CASE("parser: package clause and imports") {
  Parsed p = parse("package main\n\nimport \"fmt\"\nimport (\n\t\"os\"\n\tm \"math\"\n\t. \"strings\"\n"
                   "\t_ \"sync\"\n)\n");
  CHECK(p.errors.empty());
  CHECK(dump(*p.file) ==
        "(package main)\n(import (spec _ \"fmt\"))\n"
        "(import (spec _ \"os\") (spec m \"math\") (spec . \"strings\") (spec _ \"sync\"))\n");
  CHECK(p.file->imports.size() == 5);
  CHECK(p.file->package_name->pos == Pos{1, 9});
  CHECK(p.file->imports[2]->path->pos == Pos{6, 4});
}

TEST_CASE("parser: const groups carry iota and implicit repetition") {
  CHECK(decls("const (\n\tA = iota\n\tB\n\tC\n\tD = \"x\"\n\tE\n)\n") ==
        "(const (spec [A] _ [(ident iota)] iota=0) (spec [B] _ [] iota=1 from=0) "
        "(spec [C] _ [] iota=2 from=0) (spec [D] _ [(lit \"x\")] iota=3) "
        "(spec [E] _ [] iota=4 from=3))\n");
  CHECK(decls("const (\n\tX, Y = iota, iota * 2\n\tZ, W\n)\n") ==
        "(const (spec [X Y] _ [(ident iota) (binary * (ident iota) (lit 2))] iota=0) "
        "(spec [Z W] _ [] iota=1 from=0))\n");
  CHECK(decls("const (\n\tK int = 1 << iota\n\tL\n)\n") ==
        "(const (spec [K] (ident int) [(binary << (lit 1) (ident iota))] iota=0) "
        "(spec [L] _ [] iota=1 from=0))\n");
  // no earlier spec to repeat: the checker reports the missing value
  CHECK(decls("const (\n\tA\n)\n") == "(const (spec [A] _ [] iota=0))\n");
}

TEST_CASE("parser: type and var declarations") {
  CHECK(decls("type (\n\tA int\n\tB = A\n\tC [N * 2]int\n\tD [N]int\n\tE []int\n)\n") ==
        "(type (spec [A] (ident int)) (alias [B] (ident A)) "
        "(spec [C] (array (binary * (ident N) (lit 2)) (ident int))) "
        "(spec [D] (array (ident N) (ident int))) (spec [E] (slicetype (ident int))))\n");
  CHECK(decls("var (\n\ta int\n\tb, c = 1, 2\n\td []string = nil\n)\n") ==
        "(var (spec [a] (ident int) []) (spec [b c] _ [(lit 1) (lit 2)]) "
        "(spec [d] (slicetype (ident string)) [(ident nil)]))\n");
}

TEST_CASE("parser: functions and methods") {
  CHECK(decls("func (r *T) M(a int) (b int, err error) { return }\n") ==
        "(func M (field r (star (ident T))) (functype (params (field a (ident int))) "
        "(results (field b (ident int)) (field err (ident error)))) (block (return)))\n");
  CHECK(decls("func (T) N() {}\n") ==
        "(func N (field (ident T)) (functype (params)) (block))\n");
  CHECK(decls("func f()\n") == "(func f _ (functype (params)) _)\n");
  CHECK(decls("func g(a, b int, c string) error { return nil }\n") ==
        "(func g _ (functype (params (field a b (ident int)) (field c (ident string))) "
        "(results (field (ident error)))) (block (return (ident nil))))\n");
  Parsed p = parse("package p\nfunc f(a, b int, c string, xs ...int) {}\n");
  const FuncDecl* f = p.file->decls.at(0).func;
  CHECK(f->sig->params->count() == 4);
  CHECK(f->sig->params->list.size() == 3);
  CHECK(f->sig->params->opening == Pos{2, 7});
  CHECK(f->sig->params->closing == Pos{2, 37});
  CHECK(f->sig->results == nullptr);
}

TEST_CASE("parser: positions follow the AST's contract") {
  Parsed p = parse("package p\nfunc f() {\n\tx := a + b*c\n\tg(x)[1].y()\n}\n");
  REQUIRE(p.errors.empty());
  const auto& body = p.file->decls.at(0).func->body->list;
  const auto* assign = body.at(0)->as<AssignStmt>();
  CHECK(assign->pos == Pos{3, 2});
  CHECK(assign->tok_pos == Pos{3, 4});
  const auto* sum = assign->rhs[0]->as<BinaryExpr>();
  CHECK(sum->pos == Pos{3, 7});     // its first token
  CHECK(sum->op_pos == Pos{3, 9});  // its operator
  CHECK(sum->y->as<BinaryExpr>()->op_pos == Pos{3, 12});
  const auto* call = body.at(1)->as<ExprStmt>()->x->as<CallExpr>();
  CHECK(call->pos == Pos{4, 2});
  CHECK(call->lparen == Pos{4, 11});
  CHECK(call->rparen == Pos{4, 12});
  const auto* index = call->fun->as<SelectorExpr>()->x->as<IndexExpr>();
  CHECK(index->lbrack == Pos{4, 6});
  CHECK(p.file->decls.at(0).func->body->rbrace == Pos{5, 1});
}

TEST_CASE("parser: generic declarations and instantiations") {
  CHECK(errors("package p\ntype List[T any] struct {\n\tnext *List[T]\n}\n").empty());
  CHECK(errors("package p\nfunc Map[T, U any](xs []T, f func(T) U) []U { return nil }\n").empty());
  CHECK(errors("package p\nfunc F[S ~[]E, E interface{ ~int | ~string }](s S) {}\n").empty());
  CHECK(errors("package p\nvar m Map[string, int]\n").empty());
  CHECK(errors("package p\nvar x = f[int, string](1)\n").empty());
  CHECK(errors("package p\ntype Number interface{ ~int | ~float64 }\n").empty());
  // The tree keeps them: type parameters on the declaration, type arguments in an IndexExpr.
  Parsed parsed = parse("package p\nfunc Map[T, U any](xs []T) {}\nvar x = f[int, string, bool]\n");
  const auto& file = parsed.file;
  REQUIRE(file->decls.size() == 2);
  const FuncDecl* fd = file->decls[0].func;
  REQUIRE(fd != nullptr);
  REQUIRE(fd->sig->type_params != nullptr);
  CHECK(fd->sig->type_params->count() == 2);
  const auto* index = file->decls[1].gen->specs[0]->values[0]->as<IndexExpr>();
  REQUIRE(index != nullptr);
  CHECK(index->more.size() == 2);
  CHECK(errors("package p\nvar f = func[T any]() {}\n") ==
        "x.go:2:13: syntax error: function type must have no type parameters\n");
  CHECK(errors("package p\nfunc (T) m[P any]() {}\n") ==
        "x.go:2:11: syntax error: method must have no type parameters\n");
  // an array length is not a type parameter list
  CHECK(errors("package p\nconst N = 2\ntype A [N]int\ntype B [N * 2]int\n").empty());
}

// ----------------------------------------------------------------------------------------------
// Errors, as gc reports them (Go 1.22's "expected" wording; positions checked against gc)

TEST_CASE("parser: typical mistakes give gc's messages at gc's positions") {
  CHECK(errors("package p\nimport \"fmt\"\nfunc main() {\n\tfmt.Println(\"a\"\n}\n") ==
        "x.go:4:17: syntax error: unexpected newline in argument list; possibly missing comma or )\n");
  CHECK(errors("package p\nx := 1\n") ==
        "x.go:2:1: syntax error: non-declaration statement outside function body\n");
  CHECK(errors("package p\nfunc main()\n{\n}\n") ==
        "x.go:3:1: syntax error: unexpected semicolon or newline before {\n");
  CHECK(errors("package p\nfunc main() {\n\tx := 1\n\tif x = 5 {\n\t}\n}\n") ==
        "x.go:4:7: syntax error: cannot use assignment x = 5 as value\n");
  CHECK(errors("package p\nfunc f() {\n\tif a + b = c {\n\t}\n}\n") ==
        "x.go:3:11: syntax error: cannot use assignment (a + b) = c as value\n");
  CHECK(errors("package p\nfunc main() {\n\tif x := 1 {\n\t}\n}\n") ==
        "x.go:3:7: syntax error: cannot use x := 1 as value\n");
  CHECK(errors("package p\nvar x = []int{\n\t1,\n\t2\n}\n") ==
        "x.go:4:3: syntax error: unexpected newline in composite literal; possibly missing comma or }\n");
  CHECK(errors("package p\nfunc f(x bool) {\n\tif x {\n\t}\n\telse {\n\t}\n}\n") ==
        "x.go:5:2: syntax error: unexpected else, expected }\n");
  CHECK(errors("package p\nfunc f(x int) {\n\tif x > 0\n\t\tf(x)\n}\n") ==
        "x.go:4:7: syntax error: unexpected newline, expected { after if clause\n");
  CHECK(errors("package p\nfunc f() {\n\tvar x int =\n}\n") ==
        "x.go:4:1: syntax error: unexpected }, expected expression\n");
  CHECK(errors("package p\nfunc main() {\n\tx := 1\n") ==
        "x.go:4:1: syntax error: unexpected EOF, expected }\n");
  CHECK(errors("package p\nfunc f(x int) {\n\tswitch x {\n\tcase 1\n\t\tf(2)\n\t}\n}\n") ==
        "x.go:4:8: syntax error: unexpected newline, expected :\n");
  CHECK(errors("func main() {}\n") == "x.go:1:1: syntax error: package statement must be first\n");
  CHECK(errors("package p\ntype T struct { a int, b int }\n") ==
        "x.go:2:22: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }\n");
  CHECK(errors("package p\nfunc f(a int, string) {}\n") ==
        "x.go:2:15: syntax error: mixed named and unnamed parameters\n");
  CHECK(errors("package p\nvar x := 1\n") == "x.go:2:7: syntax error: unexpected :=, expected =\n");
  CHECK(errors("package p\ntype T struct{}\nfunc f(x T) {\n\tif x == T{} {\n\t}\n}\n") ==
        "x.go:4:14: syntax error: unexpected { at end of statement\n"
        "x.go:6:1: syntax error: non-declaration statement outside function body\n");
  CHECK(errors("package p\nfunc f() {\n\ta, b += 1, 2\n}\n") ==
        "x.go:3:7: syntax error: unexpected +=, expected := or = or comma\n");
}

TEST_CASE("parser: statement-level errors") {
  CHECK(errors("package p\nfunc f() {}\nfunc main() {\n\tgo f\n}\n") ==
        "x.go:4:5: expression in go must be function call\n");
  CHECK(errors("package p\nfunc f() {}\nfunc main() {\n\tdefer (f())\n}\n") ==
        "x.go:4:8: expression in defer must not be parenthesized\n");
  CHECK(errors("package p\nvar a []int\nvar b = a[1:2:]\n") ==
        "x.go:3:15: final index required in 3-index slice\n");
  CHECK(errors("package p\nvar a []int\nvar b = a[1::3]\n") ==
        "x.go:3:13: middle index required in 3-index slice\n");
  CHECK(errors("package p\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n") ==
        "x.go:3:23: syntax error: cannot declare in post statement of for loop\n");
  CHECK(errors("package p\nfunc f() {\n\tfor var i = 0; i < 3; i++ {\n\t}\n}\n") ==
        "x.go:3:10: syntax error: var declaration not allowed in for initializer\n");
  CHECK(errors("package p\nfunc f() {\n\tif {\n\t}\n}\n") ==
        "x.go:3:5: syntax error: missing condition in if statement\n");
  CHECK(errors("package p\nfunc f(x bool) {\n\tif x {\n\t} else for {\n\t}\n}\n") ==
        "x.go:4:9: syntax error: else must be followed by if or statement block\n");
  CHECK(errors("package p\nfunc f() {\nL:\n)\n}\n") ==
        "x.go:3:2: syntax error: missing statement after label\n"
        "x.go:4:1: syntax error: unexpected ), expected }\n"
        "x.go:5:1: syntax error: non-declaration statement outside function body\n");
  CHECK(errors("package p\nfunc f(x interface{}) {\n\ty := x.(type)\n\t_ = y\n}\n") ==
        "x.go:3:7: invalid syntax tree: use of .(type) outside type switch\n");
  CHECK(errors("package p\nfunc f() {\n\tfor a, b, c := range x {\n\t}\n}\n") ==
        "x.go:3:12: range clause permits at most two iteration variables\n");
}

TEST_CASE("parser: declaration-level errors") {
  CHECK(errors("package p\ntype T int\nfunc (a, b T) M() {}\n") ==
        "x.go:3:15: method has multiple receivers\n");
  CHECK(errors("package p\nfunc () M() {}\n") == "x.go:2:9: method has no receiver\n");
  CHECK(errors("package p\nfunc (t T) {}\n") == "x.go:2:12: syntax error: unexpected {, expected name\n");
  CHECK(errors("package p\nfunc {}\n") == "x.go:2:6: syntax error: unexpected {, expected name or (\n");
  CHECK(errors("package p\nimport 42\n") == "x.go:2:8: syntax error: import path must be a string\n");
  CHECK(errors("package p\nimport\n") == "x.go:3:1: syntax error: missing import path\n");
  CHECK(errors("package p\nvar x int\nimport \"fmt\"\n") ==
        "x.go:3:1: syntax error: imports must appear before other declarations\n");
  CHECK(errors("package p\nvar c <-chan<- int\n") == "x.go:2:16: syntax error: unexpected int, expected chan\n");
  CHECK(errors("package p\ntype T struct{}\nvar x = (T){}\n") ==
        "x.go:3:12: syntax error: cannot parenthesize type in composite literal\n");
  CHECK(errors("package p\nvar a []int\nvar b = a[]\n") == "x.go:3:11: syntax error: unexpected ], expected operand\n");
  CHECK(errors("package p\ntype T struct {\n\t1 int\n}\n") ==
        "x.go:3:2: syntax error: unexpected literal 1, expected field name or embedded type\n");
  CHECK(errors("package p\nfunc f(a ...) {}\n") == "x.go:2:13: syntax error: ... is missing type\n");
  CHECK(errors("package p\nvar m map[string int\n") == "x.go:2:18: syntax error: unexpected int, expected ]\n");
  CHECK(errors("package p\nfunc f(x int) {\n\tswitch x\n\tcase 1:\n\t}\n}\n") ==
        "x.go:4:2: syntax error: unexpected case, expected expression\n"
        "x.go:5:2: syntax error: missing { after switch clause\n");
}

TEST_CASE("parser: lexer errors pass through and bad literals become BadExpr") {
  Parsed p = parse("package p\nvar x = 09\nvar s = \"a\\qb\"\n");
  CHECK(p.errors ==
        "x.go:2:10: invalid digit '9' in octal literal\nx.go:3:12: unknown escape\n");
  CHECK(dump(p.file->decls.at(0).gen->specs.at(0)->values.at(0)) == "(bad)");
  CHECK(dump(p.file->decls.at(1).gen->specs.at(0)->values.at(0)) == "(bad)");
}

TEST_CASE("parser: expr_string prints Go syntax as gc's messages do") {
  auto go = [](const std::string& x) {
    Parsed p = parse("package p\nvar _ = " + x + "\n");
    return expr_string(p.file->decls.at(0).gen->specs.at(0)->values.at(0));
  };
  CHECK(go("a + b*c") == "a + b * c");
  CHECK(go("f(x, ys...)") == "f(x, ys...)");
  CHECK(go("[]int{1, 2}") == "[]int{…}");
  CHECK(go("T{}") == "T{}");
  CHECK(go("func(x int) string { return \"\" }") == "func(x int) string {…}");
  CHECK(go("x.(*T)") == "x.(*T)");
  CHECK(go("a[1:2:3]") == "a[1:2:3]");
  CHECK(go("a[:]") == "a[:]");
  CHECK(go("map[string][]int(nil)") == "map[string][]int(nil)");
  CHECK(go("make(chan (<-chan int))") == "make(chan (<-chan int))");
  CHECK(go("struct{ a, b int }{}") == "struct{a, b int}{}");
  CHECK(go("interface{ M() }(nil)") == "interface{M()}(nil)");
  CHECK(go("func(a, b int) (int, error)(nil)") == "func(a, b int) (int, error)(nil)");
  CHECK(go("-x") == "-x");
}

// ----------------------------------------------------------------------------------------------
// Real sources

namespace {

// Parses every .go file under `dir` (when Go's sources are installed); files using type
// parameters may only report gopark's generics errors.
void parse_go_tree(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    MESSAGE("skipped: " << dir.string() << " is not installed");
    return;
  }
  int parsed = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".go" || entry.path().string().find("/testdata/") != std::string::npos) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    Diagnostics diags(entry.path().string());
    auto file = parse_file(entry.path().string(), text.str(), diags);
    for (const Diagnostic& d : diags.list()) {
      INFO(entry.path().string() << ":" << d.pos.line << ":" << d.pos.col << ": " << d.message);
      CHECK(d.message.find("generic") != std::string::npos);
    }
    ++parsed;
  }
  CHECK(parsed > 0);
}

}  // namespace

TEST_CASE("parser: Go's own sort, strings and container packages parse") {
  parse_go_tree("/usr/lib/go-1.19/src/sort");
  parse_go_tree("/usr/lib/go-1.19/src/strings");
  parse_go_tree("/usr/lib/go-1.19/src/container");
}

// ----------------------------------------------------------------------------------------------
// Robustness

namespace {

constexpr const char* kProgram = R"(package main

import (
	"fmt"
	"sync"
)

type Point struct {
	X, Y int `json:"x"`
	*sync.Mutex
}

type Shape interface {
	Area() float64
	fmt.Stringer
}

const (
	A = iota
	B
	C = "c"
)

var table = map[string][]Point{"a": {{1, 2}, {X: 3}}}

func (p *Point) Move(dx, dy int) (int, error) {
	p.X += dx
	return p.X, nil
}

func main() {
	ch := make(chan int, 3)
	done := make(<-chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			ch <- n * 2
		}(i)
	}
L:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break L
			}
			fmt.Println(v)
		case <-done:
			return
		default:
			goto L
		}
	}
	switch x := interface{}(1).(type) {
	case int, string:
		fmt.Println(x)
	}
	for k, v := range table {
		_ = k[1:2:3] + string(v[0].X)
	}
	for range 10 {
	}
	s := []int{1, 2, 3}[:]
	if p := (Point{}); p.X == 0 {
		fmt.Printf("%v %c\n", p, '\u00e9')
	} else if false {
	} else {
		panic(`raw`)
	}
}
)";

// Loop counts shrink under sanitizers and wasm (GOPARK_STRESS), as in the other tests.
int scaled(int n) {
  const char* factor = std::getenv("GOPARK_STRESS");
  double f = factor != nullptr ? std::atof(factor) : 1.0;
  return std::max(1, static_cast<int>(n * (f > 0 ? f : 1.0)));
}

// A deterministic generator, so that a failure can be replayed.
struct Random {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

}  // namespace

TEST_CASE("parser: the robustness program itself parses cleanly") {
  CHECK(errors(kProgram).empty());
}

TEST_CASE("parser: every prefix of a program parses without crashing") {
  std::string program = kProgram;
  for (std::size_t n = 0; n <= program.size(); ++n) {
    Parsed p = parse(program.substr(0, n));
    REQUIRE(p.file != nullptr);
    REQUIRE(p.file->package_name != nullptr);
  }
}

TEST_CASE("parser: random mutations never crash or hang") {
  static const char* const kFragments[] = {
      "{", "}", "(", ")", "[", "]", ",", ";", ":", ":=", "=", ".", "...", "<-", "*", "&", "|",
      "func", "chan", "map", "struct", "interface", "if", "else", "for", "range", "switch",
      "case", "default", "select", "go", "defer", "return", "var", "const", "type", "import",
      "package", "x", "1", "\"s", "'", "`", "\n", "/*", "0x", "~", "[T any]", "\xff", "\xEF\xBB\xBF"};
  Random random{42};
  std::string program = kProgram;
  for (int round = 0; round < scaled(1500); ++round) {
    std::string text = program;
    int edits = 1 + static_cast<int>(random.below(4));
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = random.below(text.size());
      switch (random.below(4)) {
        case 0: text.erase(at, 1 + random.below(8)); break;
        case 1: text.insert(at, kFragments[random.below(std::size(kFragments))]); break;
        case 2: text[at] = static_cast<char>(random.next()); break;
        default: text.insert(at, text.substr(random.below(text.size()), random.below(40))); break;
      }
    }
    INFO("round " << round);
    Parsed p = parse(text);
    REQUIRE(p.file != nullptr);
  }
}

TEST_CASE("parser: random bytes never crash or hang") {
  Random random{7};
  for (int round = 0; round < scaled(300); ++round) {
    std::string text = round % 2 == 0 ? "package p\n" : "";
    std::size_t length = random.below(400);
    for (std::size_t i = 0; i < length; ++i) {
      // mostly Go's punctuation and letters, so that the parser gets past the first token
      static const char kAlphabet[] = "(){}[],;:.=<-+*&|!^~\"'`/\n xyfuncvarifor0123";
      text += random.below(4) == 0 ? static_cast<char>(random.next())
                                   : kAlphabet[random.below(sizeof kAlphabet - 1)];
    }
    Parsed p = parse(text);
    REQUIRE(p.file != nullptr);
  }
}

TEST_CASE("parser: deep nesting is capped instead of overflowing the stack") {
  auto nested = [](int depth, const std::string& open, const std::string& middle, const std::string& close) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    s += middle;
    for (int i = 0; i < depth; ++i) s += close;
    return s;
  };
  // Realistic depths are fine.
  CHECK(errors("package p\nvar x = " + nested(200, "(", "1", ")") + "\n").empty());
  CHECK(errors("package p\nvar x " + nested(200, "[]", "int", "") + "\n").empty());
  CHECK(errors("package p\nfunc f() {" + nested(200, "{", "", "}") + "}\n").empty());
  // Pathological ones are reported once, and parsing stops.
  const std::string too_deep = "syntax error: nesting too deep";
  CHECK(errors("package p\nvar x = " + nested(100000, "(", "1", ")") + "\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nvar x = " + nested(100000, "- ", "1", "") + "\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nvar x " + nested(100000, "*", "int", "") + "\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nvar x = " + nested(100000, "[]T{", "", "}") + "\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nvar x = T" + nested(100000, "{", "", "}") + "\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nfunc f() {" + nested(100000, "{", "", "}") + "}\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nfunc f() {" + nested(100000, "if x {", "", "}") + "}\n").find(too_deep) != std::string::npos);
  CHECK(errors("package p\nvar x = " + nested(100000, "func() {", "", "}") + "\n").find(too_deep) != std::string::npos);
  std::string chain = "package p\nvar x = 1";
  for (int i = 0; i < 100000; ++i) chain += "+1";
  CHECK(errors(chain + "\n").find(too_deep) != std::string::npos);
  std::string selectors = "package p\nvar x = a";
  for (int i = 0; i < 100000; ++i) selectors += ".b";
  CHECK(errors(selectors + "\n").find(too_deep) != std::string::npos);
  std::string else_ifs = "package p\nfunc f() {\n\tif a {\n\t}";
  for (int i = 0; i < 100000; ++i) else_ifs += " else if a {\n\t}";
  CHECK(errors(else_ifs + "\n}\n").find(too_deep) != std::string::npos);
  // and the tree of a capped file can still be printed
  Parsed p = parse("package p\nvar x = " + nested(5000, "(", "1", ")") + "\n");
  CHECK(!dump(*p.file).empty());
}

TEST_CASE("parser: a file of errors stops at kMaxErrorsPerFile") {
  std::string statements = "package p\nfunc f() {\n";
  for (int i = 0; i < 50000; ++i) statements += "1 1\n";
  Diagnostics diags("x.go");
  parse_file("x.go", statements + "}\n", diags);
  CHECK(diags.size() == kMaxErrorsPerFile);

  std::string garbage = "package p\n";
  for (int i = 0; i < 50000; ++i) garbage += "#\n";
  Diagnostics lexer_diags("x.go");
  parse_file("x.go", garbage, lexer_diags);
  CHECK(lexer_diags.size() == kMaxErrorsPerFile);
}
