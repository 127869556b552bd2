#pragma once
// Named entities (objects), scopes, packages and the checked program: the checker's output, the
// compiler's input.
//
// Design
// - Every declared name is an Object, allocated by the Program and never freed before it. The
//   checker resolves each Ident to its Object (Ident::object) and annotates Exprs (ast.hpp).
// - What the compiler needs beyond types is recorded here, decided once by the checker:
//   which local variables must live in a heap cell (captured by a closure, or address taken),
//   each function's free variables in a fixed order, the package-level initialization order.
// - The standard library is Go source embedded in the binary (engine/lib/go/*.go), checked like
//   the user's file into its own Package. Functions declared there without a body are native:
//   the VM binds them by `native_name` ("fmt.Println", "sync.(*Mutex).Lock").
//
// Invariants
// - Ident::object of a use points to the declaring Object; Object::pos is the declaring Ident.
// - A Var with `boxed` set is accessed only through its cell; the compiler allocates the cell at
//   the declaration (and, for a per-iteration loop variable, anew for each iteration).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/ast.hpp"
#include "lang/constant.hpp"
#include "lang/diagnostics.hpp"
#include "lang/types.hpp"

namespace gopark::lang {

enum class ObjKind : std::uint8_t { Bad, Package, Const, TypeName, Var, Func, Builtin, Label, Nil };

enum class BuiltinId : std::uint8_t {
  Append, Cap, Clear, Close, Complex, Copy, Delete, Imag, Len, Make, Max, Min, New, Panic, Print,
  Println, Real, Recover,
};

struct FuncInfo;
struct Scope;
struct GenericFunc;  // checker_internal.hpp
struct GenericType;  // checker_internal.hpp

struct Object {
  ObjKind kind = ObjKind::Bad;
  std::string_view name;
  Pos pos;                        // the declaring identifier
  const Type* type = nullptr;     // Var, Const, Func (its SignatureType), TypeName (the type)
  const Package* pkg = nullptr;   // declaring package; null for universe objects
  Scope* parent = nullptr;        // declaring scope

  // Var
  bool used = false;              // for "declared and not used"
  bool is_global = false;         // package-level
  bool is_param = false;          // parameter or receiver
  bool is_result = false;         // named result
  bool is_field = false;          // struct field
  bool boxed = false;             // lives in a heap cell: captured by a closure or address taken
  bool per_iteration = false;     // a 3-clause for loop variable (Go 1.22: fresh each iteration)
  FuncInfo* owner = nullptr;      // declaring function (null for globals and fields)

  // Const
  ConstValue value;

  // Func
  FuncDecl* decl = nullptr;       // null for interface methods and builtins
  bool is_method = false;         // declared with a receiver (or an interface method)
  const Type* recv = nullptr;     // receiver type (T or *T); interface type for interface methods
  bool pointer_recv = false;
  std::string native_name;        // set for library functions without a body
  FuncInfo* info = nullptr;       // the body's FuncInfo (null for natives and interface methods)
  // A generic function (type parameters): never compiled itself; each use is replaced by the
  // Func object of an instance, which has its own decl, info and signature.
  GenericFunc* generic = nullptr;

  // TypeName: `type` is the NamedType (or, for an alias, the aliased type)
  bool is_alias = false;
  // A generic type (type parameters): `type` is invalid; each instance is a NamedType of its own.
  GenericType* generic_type = nullptr;

  // Package (an import): the package it names
  const Package* imported = nullptr;
  ImportSpec* import_spec = nullptr;

  // Builtin
  BuiltinId builtin = BuiltinId::Len;

  // Label
  LabeledStmt* label_stmt = nullptr;
};

struct Scope {
  Scope* parent = nullptr;
  FuncInfo* func = nullptr;       // innermost enclosing function (null at package/universe level)
  std::unordered_map<std::string_view, Object*> names;
  // Declares obj; returns the Object already declared under that name here, if any (then obj is
  // not inserted). `_` is never declared.
  Object* insert(Object* obj);
  Object* lookup_local(std::string_view name) const;
  // Innermost declaration visible from this scope, or null.
  Object* lookup(std::string_view name) const;
};

// One function body: a FuncDecl, a FuncLit, or the body of a range-over-function loop (which
// runs as the yield function passed to the iterator).
struct FuncInfo {
  FuncDecl* decl = nullptr;       // exactly one of decl/lit/range is set
  FuncLit* lit = nullptr;
  RangeStmt* range = nullptr;
  FuncInfo* outer = nullptr;      // enclosing function of a literal
  const SignatureType* sig = nullptr;
  Object* recv = nullptr;         // receiver Var, may be null
  std::vector<Object*> params;    // in order (unnamed ones get an Object named "_")
  std::vector<Object*> results;   // named or not (unnamed: name "")
  // Variables of enclosing functions this body uses, directly or through nested literals, in the
  // order first seen. The compiler passes their cells in the closure.
  std::vector<Object*> free_vars;
  std::vector<Object*> locals;    // every local Var declared in the body (not params/results)
  bool has_defer = false;
  bool has_recover_call = false;  // calls recover() directly
  std::string name;               // "main.main", "main.(*T).M", "main.main.func1": Go's names for tracebacks
};

// What a selector `x.f` denotes.
enum class SelectionKind : std::uint8_t {
  Field,        // x.f, a field, possibly promoted through embedded fields
  Method,       // x.m, a method value or (as the callee) a method call
  MethodExpr,   // T.m / (*T).m: a function taking the receiver first
  Qualified,    // pkg.Name
};

struct Selection {
  SelectionKind kind = SelectionKind::Field;
  Object* object = nullptr;       // the field Var or the method Func (or the package member)
  // Embedded-field indices walked from x's (auto-dereferenced) struct type to reach the field
  // or the embedded value whose method is selected. For a Field the last index is the field.
  std::vector<int> path;
  // For each step in `path`: whether the value at that step is a pointer to dereference first.
  // (Precisely: deref[i] is true when the field selected by path[i] has pointer type, so that it
  // is dereferenced before the next step, or is the receiver pointer a method is found through.
  // x itself is covered by x_deref.)
  std::vector<bool> deref;
  bool x_deref = false;           // x itself is a pointer to dereference (x.f with x *T)
  // Method calls: the receiver needs its address taken (&x, pointer method on addressable x)
  // or to be dereferenced (*x, value method through a pointer).
  bool addr_recv = false;
  bool deref_recv = false;
  bool interface_call = false;    // x is an interface value: dynamic dispatch by method index
  int interface_index = -1;
};

struct Package {
  std::string path;               // "main", "fmt", "math/rand"
  std::string name;               // "main", "fmt", "rand"
  bool is_library = false;
  Scope* scope = nullptr;
  std::vector<std::unique_ptr<File>> files;
  std::vector<const Package*> imports;     // direct, in first-import order
  // Package-level variables in initialization order (Go spec "Package initialization"), with
  // the declaration that initializes them.
  struct VarInit {
    std::vector<Object*> lhs;     // one, or several for `var a, b = f()`
    Expr* rhs = nullptr;          // null: zero value
  };
  std::vector<VarInit> var_inits;
  std::vector<FuncDecl*> init_funcs;       // init() in source order
  std::vector<Object*> funcs;              // every function and method declared, for the compiler
  std::vector<FuncInfo*> literals;         // every FuncLit body, for the compiler
};

// A checked program: the user's package and the library packages it imports, dependencies first.
struct Program {
  TypeTable types;
  std::vector<std::unique_ptr<Package>> packages;   // dependencies before dependents; main last
  Package* main = nullptr;
  Scope* universe = nullptr;
  // Storage for everything the checker allocates.
  std::vector<std::unique_ptr<Object>> objects;
  std::vector<std::unique_ptr<Scope>> scopes;
  std::vector<std::unique_ptr<FuncInfo>> funcs;
  std::vector<std::unique_ptr<Selection>> selections;
  std::vector<std::unique_ptr<ConstValue>> constants;
  std::vector<std::shared_ptr<GenericFunc>> generics;  // made where GenericFunc is complete
  std::vector<std::shared_ptr<GenericType>> generic_types;
  Object* new_object(ObjKind kind, std::string_view name, Pos pos);
  Scope* new_scope(Scope* parent);
};

}  // namespace gopark::lang
