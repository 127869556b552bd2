#pragma once
// The syntax tree of one Go source file.
//
// Design
// - Nodes are plain structs with a `kind` tag, owned by an Arena that lives as long as the File.
//   Children are raw pointers (never null unless the field says "may be null"). Lists are
//   std::vector of pointers. Downcasts go through `as<T>()`, checked by the kind tag.
// - The parser builds the tree; the checker (checker.hpp) annotates it in place: every Expr gets
//   its `type`, addressing `mode` and, for constants, its `constant`; every Ident that names
//   something gets its `object`. The compiler reads only annotated trees. Annotations are the
//   only fields the checker writes.
// - Positions are those Go reports in errors: an expression's `pos` is where Go's go/types points
//   for it (an operator's left operand for binary expressions is *not* used; `pos` of a Binary is
//   its operator, of a Call its '(' ... see each node). Each node also has `pos` for its first
//   token, used when nothing more precise is documented.
// - Parenthesised expressions stay in the tree (Paren) because Go's rules need them (e.g. `(*T)`
//   in conversions, composite literals in if headers).
//
// Rejected: a separate resolved IR built by the checker. Annotating in place keeps one tree to
// walk, as clox and go/types (via its Info maps) both effectively do, and the tree is small.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/token.hpp"

namespace gopark::lang {

struct Type;       // types.hpp
struct Object;     // scope.hpp: a named entity (var, const, type, func, package, builtin, label)
class ConstValue; // constant.hpp: an exact constant value
struct FuncInfo;   // scope.hpp: a function body's facts for the compiler

// ----------------------------------------------------------------------------------------------
// Base nodes
struct Node {
  Pos pos;  // first token of the node
  virtual ~Node() = default;
};

enum class ExprKind : std::uint8_t {
  Bad,           // a syntax error was reported here; the checker skips it silently
  Ident,         // name
  BasicLit,      // 42, 1.5, 2i, 'x', "s", `raw`
  CompositeLit,  // T{...} or {...} elided inside another composite literal
  FuncLit,       // func(...) {...}
  Paren,         // (x)
  Selector,      // x.sel
  Index,         // x[i]
  SliceExpr,     // x[lo:hi] / x[lo:hi:max]
  TypeAssert,    // x.(T), and x.(type) in a type switch header (type == nullptr)
  Call,          // f(args), f(args...), also conversions T(x) and builtins
  Star,          // *x: dereference or pointer type, the checker decides
  Unary,         // +x -x !x ^x &x <-x
  Binary,        // x op y
  KeyValue,      // key: value, only inside CompositeLit
  // type expressions
  ArrayType,     // [N]T, [...]T (len is Ellipsis node), []T (len == nullptr)
  StructType,    // struct { ... }
  FuncType,      // func(params) results
  InterfaceType, // interface { ... }
  MapType,       // map[K]V
  ChanType,      // chan T, chan<- T, <-chan T
  Ellipsis,      // `...` as array length, or `...T` as the type of a variadic parameter
};

// How the checker classified an expression (go/types "operand mode").
enum class Mode : std::uint8_t {
  Invalid,    // not checked yet, or an error was reported
  NoValue,    // a call of a function without results
  Builtin,    // a builtin function name (only legal as the callee)
  TypeExpr,   // the expression denotes a type
  Constant,   // a compile-time constant: `constant` is set
  Variable,   // addressable
  MapIndex,   // m[k]: assignable but not addressable
  Value,      // any other value
  CommaOk,    // a value that may also be used as `v, ok` (map index, type assert, <-ch)
  Package,    // a package name (only legal before `.`)
};

struct Expr : Node {
  ExprKind kind;
  // Filled in by the checker.
  Mode mode = Mode::Invalid;
  const Type* type = nullptr;          // the expression's type (untyped types for constants)
  const ConstValue* constant = nullptr;  // set iff mode == Constant
  explicit Expr(ExprKind k) : kind(k) {}
  template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
  }
};

enum class StmtKind : std::uint8_t {
  Bad,
  Decl,        // const/var/type inside a function
  Empty,
  Labeled,     // L: stmt
  ExprStmt,    // f(x), <-ch
  Send,        // ch <- v
  IncDec,      // x++ x--
  Assign,      // a, b = c, d / a := b / a += b
  Go,
  Defer,
  Return,
  Branch,      // break [L], continue [L], goto L, fallthrough
  Block,
  If,
  CaseClause,  // case a, b: ... / default: ...  (inside Switch and TypeSwitch bodies)
  Switch,
  TypeSwitch,
  CommClause,  // case <-ch: / case ch <- v: / case v, ok := <-ch: / default:
  Select,
  For,
  Range,
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
  template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
  }
};

// ----------------------------------------------------------------------------------------------
// Expressions
struct BadExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Bad;
  BadExpr() : Expr(Kind) {}
};

struct Ident : Expr {
  static constexpr ExprKind Kind = ExprKind::Ident;
  std::string_view name;      // points into the File's source text (or "_")
  Object* object = nullptr;   // checker: what the name denotes (null for `_` and field keys)
  Ident() : Expr(Kind) {}
};

struct BasicLit : Expr {
  static constexpr ExprKind Kind = ExprKind::BasicLit;
  Tok lit = Tok::Int;         // Int, Float, Imag, Char or String
  std::string_view text;      // the literal exactly as written, quotes included
  BasicLit() : Expr(Kind) {}
};

struct CompositeLit : Expr {
  static constexpr ExprKind Kind = ExprKind::CompositeLit;
  Expr* type_expr = nullptr;  // may be null when elided (`{1, 2}` inside `[]Point{{1, 2}}`)
  std::vector<Expr*> elts;    // elements; KeyValue for `k: v`
  Pos lbrace, rbrace;
  CompositeLit() : Expr(Kind) {}
};

struct FieldList;
struct FuncTypeExpr;
struct BlockStmt;

struct FuncLit : Expr {
  static constexpr ExprKind Kind = ExprKind::FuncLit;
  FuncTypeExpr* sig = nullptr;
  BlockStmt* body = nullptr;
  FuncInfo* info = nullptr;  // checker
  FuncLit() : Expr(Kind) {}
};

struct ParenExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Paren;
  Expr* x = nullptr;
  ParenExpr() : Expr(Kind) {}
};

struct SelectorExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Selector;
  Expr* x = nullptr;
  Ident* sel = nullptr;
  // checker: what the selection resolved to (field path through embedded structs, method, ...)
  struct Selection* selection = nullptr;
  SelectorExpr() : Expr(Kind) {}
};

struct IndexExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Index;
  Expr* x = nullptr;
  Expr* index = nullptr;
  std::vector<Expr*> more;    // further type arguments of an instantiation F[A, B, C]
  Pos lbrack, rbrack;
  // checker: x[A, ...] instantiates the generic function x; the instance to call (a Func).
  Object* instance = nullptr;
  IndexExpr() : Expr(Kind) {}
};

struct SliceExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::SliceExpr;
  Expr* x = nullptr;
  Expr* lo = nullptr;   // may be null
  Expr* hi = nullptr;   // may be null (not when three_index)
  Expr* max = nullptr;  // may be null (set iff three_index)
  bool three_index = false;
  Pos lbrack, rbrack;
  SliceExpr() : Expr(Kind) {}
};

struct TypeAssertExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::TypeAssert;
  Expr* x = nullptr;
  Expr* type_expr = nullptr;  // null for x.(type)
  Pos lparen;
  TypeAssertExpr() : Expr(Kind) {}
};

struct CallExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Call;
  Expr* fun = nullptr;
  std::vector<Expr*> args;
  bool has_ellipsis = false;  // f(xs...)
  Pos lparen, ellipsis, rparen;
  // checker: what kind of call this is
  enum class Form : std::uint8_t { Unknown, Call, Conversion, Builtin } form = Form::Unknown;
  CallExpr() : Expr(Kind) {}
};

struct StarExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Star;
  Expr* x = nullptr;
  StarExpr() : Expr(Kind) {}
};

struct UnaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Unary;
  Tok op = Tok::Add;  // Add Sub Not Xor And Arrow
  Expr* x = nullptr;
  UnaryExpr() : Expr(Kind) {}  // pos is the operator
};

struct BinaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Binary;
  Tok op = Tok::Add;
  Expr* x = nullptr;
  Expr* y = nullptr;
  Pos op_pos;  // Go reports binary-operation errors at the operator... go/types uses x's pos
  BinaryExpr() : Expr(Kind) {}
};

struct KeyValueExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::KeyValue;
  Expr* key = nullptr;
  Expr* value = nullptr;
  Pos colon;
  KeyValueExpr() : Expr(Kind) {}
};

struct ArrayTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::ArrayType;
  Expr* len = nullptr;  // null for a slice type; an Ellipsis node for [...]T
  Expr* elem = nullptr;
  ArrayTypeExpr() : Expr(Kind) {}
};

// A parameter, result, struct field or interface element group: `a, b int`, `int`, `T` embedded,
// `String() string` (interface method: names = {String}, type = FuncTypeExpr).
struct Field {
  Pos pos;
  std::vector<Ident*> names;  // empty for anonymous parameters and embedded fields
  Expr* type = nullptr;       // for a variadic last parameter: an Ellipsis node wrapping the elem
  BasicLit* tag = nullptr;    // struct tags, kept but ignored
};

struct FieldList {
  Pos opening, closing;       // '(' ')' or '{' '}'; invalid for a single unparenthesised result
  std::vector<Field*> list;
  // Number of entries when names are expanded (a, b int counts 2; int counts 1).
  std::size_t count() const;
};

struct StructTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::StructType;
  FieldList* fields = nullptr;
  StructTypeExpr() : Expr(Kind) {}
};

struct FuncTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::FuncType;
  FieldList* type_params = nullptr;  // a generic function's `[T any, ...]`; null otherwise
  FieldList* params = nullptr;
  FieldList* results = nullptr;  // may be null (no results)
  FuncTypeExpr() : Expr(Kind) {}
};

struct InterfaceTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::InterfaceType;
  // Methods (names.size() == 1, type is FuncTypeExpr) and embedded interfaces (names empty).
  // Type-set elements (`~int | string`) are embedded entries with a Binary `|` or Unary `~`
  // type: constraint interfaces.
  FieldList* methods = nullptr;
  InterfaceTypeExpr() : Expr(Kind) {}
};

struct MapTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::MapType;
  Expr* key = nullptr;
  Expr* value = nullptr;
  MapTypeExpr() : Expr(Kind) {}
};

enum class ChanDir : std::uint8_t { Both, Send, Recv };

struct ChanTypeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::ChanType;
  ChanDir dir = ChanDir::Both;
  Expr* elem = nullptr;
  ChanTypeExpr() : Expr(Kind) {}
};

struct EllipsisExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Ellipsis;
  Expr* elem = nullptr;  // may be null ([...]T length)
  EllipsisExpr() : Expr(Kind) {}
};

// ----------------------------------------------------------------------------------------------
// Declarations
enum class DeclKind : std::uint8_t { Import, Const, Type, Var, Func };

struct ImportSpec {
  Pos pos;
  Ident* name = nullptr;   // may be null; "." and "_" imports are rejected by the checker
  BasicLit* path = nullptr;
  bool used = false;       // checker
  Object* object = nullptr;  // checker: the package object
};

// One `name, name Type = values` line of a const or var declaration, or one `Name Type` of a type
// declaration (names.size() == 1, type set, values empty; `assign` for aliases `type A = B`).
struct ValueSpec {
  Pos pos;
  std::vector<Ident*> names;
  Expr* type = nullptr;          // may be null
  std::vector<Expr*> values;     // may be empty
  bool alias = false;            // type A = B
  FieldList* type_params = nullptr;  // a generic type's `[T any, ...]`; null otherwise
  int iota = 0;                  // const: the index of this spec in its group
  // const: when a spec repeats the previous one implicitly (`const ( A = iota; B; C )`), the
  // parser leaves type/values empty and sets `implicit_from` to the spec whose expressions apply.
  ValueSpec* implicit_from = nullptr;
};

struct GenDecl {
  Pos pos;
  DeclKind kind = DeclKind::Var;   // Import, Const, Type or Var
  Pos lparen, rparen;              // invalid when not grouped
  std::vector<ImportSpec*> imports;
  std::vector<ValueSpec*> specs;
};

struct FuncDecl {
  Pos pos;
  Field* recv = nullptr;         // may be null; a method's receiver (at most one name)
  Ident* name = nullptr;
  FuncTypeExpr* sig = nullptr;
  BlockStmt* body = nullptr;     // may be null (declaration without body: rejected by the checker)
  Object* object = nullptr;      // checker
  FuncInfo* info = nullptr;      // checker
};

// ----------------------------------------------------------------------------------------------
// Statements
struct BadStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Bad;
  BadStmt() : Stmt(Kind) {}
};

struct DeclStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Decl;
  GenDecl* decl = nullptr;
  DeclStmt() : Stmt(Kind) {}
};

struct EmptyStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Empty;
  bool implicit = false;  // no ';' in the source
  EmptyStmt() : Stmt(Kind) {}
};

struct LabeledStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Labeled;
  Ident* label = nullptr;
  Stmt* stmt = nullptr;
  LabeledStmt() : Stmt(Kind) {}
};

struct ExprStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::ExprStmt;
  Expr* x = nullptr;
  ExprStmt() : Stmt(Kind) {}
};

struct SendStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Send;
  Expr* chan = nullptr;
  Expr* value = nullptr;
  Pos arrow;
  SendStmt() : Stmt(Kind) {}
};

struct IncDecStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::IncDec;
  Expr* x = nullptr;
  Tok tok = Tok::Inc;  // Inc or Dec
  Pos tok_pos;
  IncDecStmt() : Stmt(Kind) {}
};

struct AssignStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Assign;
  std::vector<Expr*> lhs;
  Tok tok = Tok::Assign;   // Assign, Define, or an op-assign (AddAssign ...)
  Pos tok_pos;
  std::vector<Expr*> rhs;
  AssignStmt() : Stmt(Kind) {}
};

struct GoStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Go;
  CallExpr* call = nullptr;  // the parser reports "expression in go must be function call"
  GoStmt() : Stmt(Kind) {}
};

struct DeferStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Defer;
  CallExpr* call = nullptr;
  DeferStmt() : Stmt(Kind) {}
};

struct ReturnStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Return;
  std::vector<Expr*> results;
  ReturnStmt() : Stmt(Kind) {}
};

struct BranchStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Branch;
  Tok tok = Tok::Break;    // Break, Continue, Goto, Fallthrough
  Ident* label = nullptr;  // may be null
  Stmt* target = nullptr;  // checker: the statement broken out of / continued
  BranchStmt() : Stmt(Kind) {}
};

struct BlockStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Block;
  std::vector<Stmt*> list;
  Pos lbrace, rbrace;
  BlockStmt() : Stmt(Kind) {}
};

struct IfStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::If;
  Stmt* init = nullptr;    // may be null
  Expr* cond = nullptr;
  BlockStmt* then = nullptr;
  Stmt* else_ = nullptr;   // may be null; an IfStmt or a BlockStmt
  IfStmt() : Stmt(Kind) {}
};

struct CaseClause : Stmt {
  static constexpr StmtKind Kind = StmtKind::CaseClause;
  std::vector<Expr*> list;   // empty for `default`
  bool is_default = false;
  Pos colon;
  std::vector<Stmt*> body;
  Object* implicit = nullptr;  // checker, type switches: the clause's `x` in `switch x := y.(type)`
  CaseClause() : Stmt(Kind) {}
};

struct SwitchStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Switch;
  Stmt* init = nullptr;    // may be null
  Expr* tag = nullptr;     // may be null (switch { ... } means switch true)
  BlockStmt* body = nullptr;  // list holds CaseClause statements only
  SwitchStmt() : Stmt(Kind) {}
};

struct TypeSwitchStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::TypeSwitch;
  Stmt* init = nullptr;       // may be null
  Ident* binding = nullptr;   // `x` in `switch x := y.(type)`, may be null
  TypeAssertExpr* guard = nullptr;  // y.(type)
  BlockStmt* body = nullptr;  // CaseClause statements; their lists hold types (or nil)
  TypeSwitchStmt() : Stmt(Kind) {}
};

struct CommClause : Stmt {
  static constexpr StmtKind Kind = StmtKind::CommClause;
  Stmt* comm = nullptr;       // null for default; a SendStmt, ExprStmt(<-ch) or AssignStmt(v[, ok] = / := <-ch)
  Pos colon;
  std::vector<Stmt*> body;
  CommClause() : Stmt(Kind) {}
};

struct SelectStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Select;
  BlockStmt* body = nullptr;  // CommClause statements only
  SelectStmt() : Stmt(Kind) {}
};

struct ForStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::For;
  Stmt* init = nullptr;  // may be null
  Expr* cond = nullptr;  // may be null
  Stmt* post = nullptr;  // may be null
  BlockStmt* body = nullptr;
  ForStmt() : Stmt(Kind) {}
};

struct RangeStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Range;
  Expr* key = nullptr;    // may be null (`for range x`)
  Expr* value = nullptr;  // may be null
  Tok tok = Tok::Illegal; // Define, Assign, or Illegal when there is no key
  Pos tok_pos;
  Expr* x = nullptr;
  BlockStmt* body = nullptr;
  // checker, range over a function (Go 1.23 iterators): the body is compiled as the yield
  // function `body_func`; `state` (an int in the enclosing function, captured by the body) says
  // how the body left: 0 running, 1 break, 2 a return of the enclosing function, 3 + i the
  // branch exits[i] to a statement outside the loop (exit_continue[i]: a continue).
  FuncInfo* body_func = nullptr;
  Object* state = nullptr;
  std::vector<Stmt*> exits;
  std::vector<bool> exit_continue;
  RangeStmt() : Stmt(Kind) {}
};

// ----------------------------------------------------------------------------------------------
// A file and the arena that owns its nodes.
class Arena {
 public:
  template <class T, class... Args> T* make(Args&&... args) {
    if constexpr (std::is_base_of_v<Node, T>) {
      auto owned = std::make_unique<T>(std::forward<Args>(args)...);
      T* raw = owned.get();
      nodes_.push_back(std::move(owned));
      return raw;
    } else {
      auto owned = std::make_shared<T>(std::forward<Args>(args)...);
      T* raw = owned.get();
      others_.push_back(std::move(owned));
      return raw;
    }
  }
 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::shared_ptr<void>> others_;  // Field, FieldList, specs, decls
};

// A top-level declaration: exactly one of gen / func is set.
struct Decl {
  GenDecl* gen = nullptr;
  FuncDecl* func = nullptr;
};

struct File {
  std::string name;       // as given, e.g. "prog.go"; used as the prefix of every message
  std::string source;     // the text; every string_view in the tree points into it
  Ident* package_name = nullptr;
  std::vector<ImportSpec*> imports;  // all imports, in order (also reachable through decls)
  std::vector<Decl> decls;
  Arena arena;
};

}  // namespace gopark::lang
