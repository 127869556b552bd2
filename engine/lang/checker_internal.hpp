#pragma once
// The type checker's internals, shared by its source files (checker_*.cpp). Not a public header:
// only checker.hpp is.
//
// Design
// - One Checker per package. The program driver (checker.cpp) parses the user's file, loads the
//   library packages it imports through the LibraryLoader (recursively, each checked once, into
//   the same Program), and checks `main` last.
// - Go's structure (go/types, types2), rewritten: package-level objects are collected first and
//   declared lazily on first use (`object_decl`, with a colour per object and the path of objects
//   being declared, which is how cycles are found); function bodies wait in a queue until every
//   package-level declaration is done; the initialization order is computed at the end from the
//   dependencies each declaration recorded.
// - Expressions are checked into an Operand (mode, type, constant value). `record` writes the
//   result into the tree (Expr::mode/type/constant). An untyped expression also stays in
//   `untyped_` until its final type is known (assignment to a typed target, operand of a typed
//   binary operation, ...): `update_expr_type` then rewrites its type, and its operands' types,
//   and converts its constant to the final type, as go/types' updateExprType does.
// - Errors use Go's wording and positions: the compiler's type checker (types2), with the wording
//   of current Go where it changed after 1.19 ("declared and not used: x", "variable of struct
//   type T", "cannot call x (...): T is not a function"); tests/programs/*.err pins them. Follow-on
//   errors are avoided the way Go avoids them: an invalid operand ends the checking of its
//   expression silently, and invalid types are compatible with everything.
// - One Type stands for byte and uint8 (and for rune/int32, any/interface{}), so messages would
//   lose the spelling Go keeps. Variables, fields and parameters remember the type expression
//   they were declared with (`spelled_`), and messages about them print that text.
// - Recursive types: a NamedType exists before its right-hand side is checked, so references
//   through pointers, slices, maps, channels and functions just work. `type T U` where U is still
//   being declared waits for U (`pending_rhs_`); an interface embedding an unfinished interface
//   is completed once the outermost declaration is done (`pending_interfaces_`); valid_type
//   reports types that contain themselves.
// - Every recursion over user input (expressions, statements, types) counts its depth and stops
//   with an error past kMaxDepth, so no input can exhaust the C++ stack.
//
// Rejected: building go/types' separate Info maps. The tree is annotated in place (ast.hpp).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/ast.hpp"
#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/diagnostics.hpp"
#include "lang/scope.hpp"
#include "lang/types.hpp"

namespace gopark::lang::checker_detail {

constexpr int kMaxDepth = 400;

constexpr unsigned mode_bit(Mode m) { return 1u << static_cast<unsigned>(m); }

// An expression's value while it is being checked (go/types' operand).
struct Operand {
  Mode mode = Mode::Invalid;
  Expr* expr = nullptr;        // the expression that produced it (for messages and recording)
  const Type* type = nullptr;
  ConstValue val;              // mode == Constant
  BuiltinId builtin = BuiltinId::Len;  // mode == Builtin
  // A generic function not instantiated yet (mode Value, type invalid), with the type arguments
  // given explicitly so far (F[int] of F[K, V]); only a call or an index may use it.
  GenericFunc* generic = nullptr;
  std::vector<const Type*> type_args;
  // A generic type named without type arguments (mode TypeExpr, type invalid).
  GenericType* generic_type = nullptr;
  bool invalid() const { return mode == Mode::Invalid; }
  bool is_nil() const;         // the predeclared nil (possibly already given a type)
};

// What the checker knows about a package-level declaration.
struct DeclInfo {
  Object* obj = nullptr;         // the declared object (the first one for `var a, b = f()`)
  GenDecl* gen = nullptr;
  ValueSpec* spec = nullptr;     // const, var and type declarations
  FuncDecl* func = nullptr;      // function and method declarations
  std::vector<Object*> lhs;      // `var a, b = f()`: every variable initialized by `init`
  Expr* type_expr = nullptr;
  Expr* init = nullptr;          // may be null
  bool inherited = false;        // const spec repeating the previous one implicitly
  int iota = 0;
  int order = 0;                 // source order, for the initialization order's tie-break
  enum class Color : std::uint8_t { White, Grey, Black } color = Color::White;
  std::vector<Object*> deps;     // package-level objects used by the declaration, first use first
  std::unordered_set<Object*> dep_set;
};

// Statement context flags (go/types' stmtContext).
enum StmtFlags : unsigned {
  kBreakOk = 1u << 0,
  kContinueOk = 1u << 1,
  kFallthroughOk = 1u << 2,
  kFinalSwitchCase = 1u << 3,
  kInTypeSwitch = 1u << 4,
};

// The result of looking up a field or method by name (go/types' lookupFieldOrMethod).
struct LookupResult {
  Object* obj = nullptr;        // the field Var or method Func; null if not found
  std::vector<int> path;        // embedded field indices, then the field's index (fields only)
  std::vector<bool> deref;      // per path step: the field selected there has pointer type
  bool indirect = false;        // a pointer was followed on the way (x itself included)
  bool ambiguous = false;       // several candidates at the shallowest depth
  bool needs_pointer = false;   // a pointer-receiver method on a non-addressable value
  int interface_index = -1;     // method of an interface: its index in the flattened set
  bool recv_is_ptr = false;     // methods: the value the path ends at is a pointer
};

// Shared by every Checker of one program run.
struct ProgramContext;
class Checker;

}  // namespace gopark::lang::checker_detail

namespace gopark::lang {

// A generic function (checker_generic.cpp). Instances are made on demand, one per distinct list
// of type arguments: the declaration is parsed again (reparse_func_decl), its type parameter
// names are declared as aliases of the type arguments in a scope of their own, and signature and
// body are checked like any function's, so that the compiler sees ordinary functions.
// Rejected: checking the generic body once against type parameters' type sets (Go's way). It
// needs core types and type-set rules in every operation of the checker; checking instances
// finds the same errors in every function that is used, and none in one that never is.
struct GenericFunc {
  checker_detail::Checker* owner = nullptr;  // the declaring package's checker
  FuncDecl* decl = nullptr;            // as written; its nodes are never checked or compiled
  void* decl_info = nullptr;           // the owner's DeclInfo (dependencies)
  std::vector<Ident*> params;          // type parameter names, in order
  std::vector<Expr*> constraints;      // per parameter, as written
  std::vector<std::pair<std::vector<const Type*>, Object*>> instances;
};

// A generic type, instantiated like a generic function: each distinct list of type arguments
// gets a NamedType of its own (named `List[int]`), whose underlying type comes from a fresh parse
// of the declaration with the type parameters declared as aliases of the arguments, and whose
// methods are instances of the methods declared with a `List[T]` receiver.
struct GenericType {
  checker_detail::Checker* owner = nullptr;
  Object* object = nullptr;            // the generic TypeName
  ValueSpec* spec = nullptr;           // as written
  void* decl_info = nullptr;
  std::vector<Ident*> params;
  std::vector<Expr*> constraints;
  std::vector<FuncDecl*> methods;      // declared with a receiver List[T] / *List[T]
  std::vector<std::pair<std::vector<const Type*>, NamedType*>> instances;
  std::vector<std::unique_ptr<std::string>> names;  // the instances' TypeName names
};

}  // namespace gopark::lang

namespace gopark::lang::checker_detail {

class Checker {
 public:
  Checker(ProgramContext& ctx, Package& pkg, File& file, Diagnostics& diags);

  // Checks the whole package (its single file).
  void check_package();

 private:
  friend struct ProgramContext;

  // ---- errors (checker.cpp)
  void error(Pos pos, std::string message);
  std::string tstr(const Type* t) const;          // type_string relative to this package
  std::string describe(const Operand& x) const;   // go/types' operand string
  // The type of x as the source spells it: a variable declared `var b byte` prints as byte,
  // not uint8 (one Type stands for both), `interface{}` stays interface{}.
  std::string operand_type_text(const Operand& x) const;
  const Expr* spelling_of(const Expr* e, const Type* t) const;  // declared type expr, or null
  std::string target_text(const Type* t) const;   // t, spelled as target_spelling_ if set
  std::string expr_str(const Expr* e) const;      // Go's expression printer
  std::string pos_str(Pos pos) const;             // "prog.go:3:5"
  std::string alt_decl(const Object* obj) const;  // "\n\tprog.go:L:C: other declaration of x"
  static Pos start_pos(const Expr* e);            // leftmost position of an expression
  bool too_deep(Pos pos);                         // depth guard; reports once
  // While one lives, type_expr accepts constraint interfaces (interface elements, constraints).
  struct ConstraintContext {
    Checker& c;
    explicit ConstraintContext(Checker& checker) : c(checker) { ++c.constraint_ok_; }
    ~ConstraintContext() { --c.constraint_ok_; }
  };
  // Checks code in another environment (an instance's scope and declaration) for as long as it
  // lives; `func` stays unless given (a type instance is package-level code: null).
  struct EnvGuard {
    Checker& c;
    Scope* scope;
    DeclInfo* decl;
    FuncInfo* func;
    EnvGuard(Checker& checker, Scope* s, DeclInfo* d)
        : c(checker), scope(checker.scope_), decl(checker.decl_), func(checker.func_) {
      c.scope_ = s;
      c.decl_ = d;
    }
    EnvGuard(Checker& checker, Scope* s, DeclInfo* d, FuncInfo* f) : EnvGuard(checker, s, d) { c.func_ = f; }
    ~EnvGuard() {
      c.scope_ = scope;
      c.decl_ = decl;
      c.func_ = func;
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;
  };
  struct DepthGuard {
    Checker& c;
    explicit DepthGuard(Checker& checker) : c(checker) { ++c.depth_; }
    ~DepthGuard() { --c.depth_; }
  };

  // ---- package level (checker_decl.cpp)
  void collect_objects();
  void collect_imports();
  void declare_package_object(Object* obj, DeclInfo* info);
  void collect_method(FuncDecl* fd);
  void object_decl(Object* obj);
  void const_decl(Object* obj, DeclInfo* d);
  void var_decl(Object* obj, DeclInfo* d);
  void type_decl(Object* obj, DeclInfo* d);
  void func_decl(Object* obj, DeclInfo* d);
  void collect_methods_of(Object* type_name);
  void set_underlying_from(NamedType* named, const Type* rhs);
  bool is_pending_interface(const NamedType* named) const;
  void complete_pending_interfaces();
  bool valid_cycle(Object* obj, std::size_t start);
  void cycle_error(const std::vector<Object*>& cycle);
  void report_recursive_type(Object* obj);
  void valid_type(NamedType* named);
  bool valid_type_walk(const Type* t, std::vector<NamedType*>& path, int depth, bool& complete);
  void record_dependency(Object* obj);
  void init_order();
  void unused_imports();
  void check_main_and_init();
  void process_later();
  DeclInfo* new_decl();
  std::string func_name(FuncDecl* fd, Object* obj) const;

  // ---- generics (checker_generic.cpp)
  void generic_func_decl(Object* obj, DeclInfo* d);
  void union_terms(Expr* e, std::vector<TypeTerm>& out);
  const Type* constraint_of(Expr* c);
  // Whether t is in constraint's type set; `cause` says why not (types written relative to rel).
  bool satisfies(const Type* t, const Type* constraint, const Package* rel, std::string* cause);
  // The instance of g for `targs` (made on first use); null with *why set when a type argument
  // does not satisfy its constraint. Runs on g's owner.
  Object* instantiate(GenericFunc& g, const std::vector<const Type*>& targs, const Package* rel,
                      std::string* why);
  // Fills in the missing type arguments of a call of g from its arguments; false (reported at
  // `pos`) when some cannot be inferred.
  bool infer(GenericFunc& g, std::vector<const Type*>& targs, std::vector<Operand>& args,
             CallExpr* call, Pos pos, const std::string& fun_text);
  void unify(GenericFunc& g, const Expr* pattern, const Type* t, std::vector<const Type*>& targs, int depth);
  // Replaces the generic operand x (the callee expression `fun`) by the instance for its type
  // arguments; false (reported) on failure.
  bool instantiate_operand(Operand& x, Expr* fun, Pos pos);
  void check_instance_body(FuncInfo* info, const SignatureType* sig, BlockStmt* body, Scope* scope,
                           DeclInfo* d);
  void generic_type_decl(Object* obj, DeclInfo* d);
  static void type_params_of(const FieldList* list, std::vector<Ident*>& names, std::vector<Expr*>& constraints);
  Scope* type_param_scope(const std::vector<Ident*>& names, const std::vector<const Type*>* targs);
  void check_declared_constraints(const std::vector<Ident*>& names, const std::vector<Expr*>& constraints);
  bool check_type_args(const std::vector<Expr*>& constraints, const std::vector<Expr*>& written,
                       const std::vector<const Type*>& targs, const Package* rel, std::string* why);
  // The instance of gt for `targs` (made on first use, methods included); null with *why set.
  const Type* instantiate_type(GenericType& gt, const std::vector<const Type*>& targs, const Package* rel,
                               std::string* why);
  void instantiate_method(GenericType& gt, NamedType* named, const std::vector<const Type*>& targs,
                          FuncDecl* templ);
  const Type* type_instance(IndexExpr* e);   // T[A, B] in a type context
  std::string generic_type_text(const GenericType& gt) const;  // "List[T any]"
  bool is_generic_receiver(const FuncDecl* fd) const;
  void mark_imports_used(Pos start);

  // ---- local declarations (checker_decl.cpp)
  void decl_stmt(GenDecl* gen);
  void declare(Scope* scope, Ident* id, Object* obj);
  Object* new_var(Ident* id, const Type* type);
  void const_spec_local(ValueSpec* spec);
  void var_spec_local(ValueSpec* spec);
  void type_spec_local(ValueSpec* spec);
  void init_const(Object* lhs, Operand& x);
  void init_const_from(Object* obj, Expr* type_expr, Expr* init, int iota, bool inherited,
                       Pos spec_pos);

  // ---- types (checker_types.cpp)
  const Type* type_expr(Expr* e);                           // a type; invalid() on error
  const Type* defined_type(Expr* e, NamedType* def);        // RHS of `type T ...`
  const Type* type_internal(Expr* e, NamedType* def);
  const Type* array_type(ArrayTypeExpr* e, NamedType* def);
  std::int64_t array_length(Expr* e);
  const Type* struct_type(StructTypeExpr* e);
  const InterfaceType* interface_type(InterfaceTypeExpr* e, NamedType* def);
  const SignatureType* func_type(FuncTypeExpr* e, FuncInfo* info, Field* recv, Object** recv_obj);
  void collect_params(FieldList* list, bool variadic_ok, std::vector<const Type*>& types,
                      std::vector<Object*>& objs, bool* variadic, bool results);
  const Type* map_type(MapTypeExpr* e);
  const Type* type_name_expr(Expr* e, NamedType* def);   // Ident or qualified Selector
  void check_recv_base(Field* recv, const Type* recv_type);
  void check_size(Pos pos, const Type* t);
  const Type* under(const Type* t) const;                   // underlying, invalid() if unknown

  // lookup, method sets, implements, assignability, identity
  LookupResult lookup_field_or_method(const Type* t, bool addressable, const Package* pkg,
                                      std::string_view name, bool fold_case = false);
  Object* missing_method(const Type* v, const InterfaceType* t, bool static_check,
                         std::string* cause);
  bool implements(const Type* v, const Type* t, std::string* cause);
  bool assignable_to(Operand& x, const Type* t, std::string* cause);
  bool convertible_to(Operand& x, const Type* t, std::string* cause);
  std::string func_string(Object* f) const;                 // "M(int) string"
  void ensure_method_type(Object* m);
  std::string interface_ptr_error(const Type* t) const;
  bool is_interface_ptr(const Type* t) const;

  // ---- expressions (checker_expr.cpp)
  // Checks e, which must be a single value (or a constant).
  void expr(Operand& x, Expr* e);
  // Like expr, but e may be multi-valued (a call) or comma-ok; the result keeps its tuple type.
  void multi_expr(std::vector<Operand>& list, Expr* e, bool allow_comma_ok);
  void expr_or_type(Operand& x, Expr* e);
  void expr_with_hint(Operand& x, Expr* e, const Type* hint);
  void raw_expr(Operand& x, Expr* e, const Type* hint, bool allow_generic);
  void expr_internal(Operand& x, Expr* e, const Type* hint);
  void single_value(Operand& x);
  void exclude(Operand& x, unsigned modes);
  void record(Operand& x);
  void remember_untyped(Expr* e, bool is_lhs, Mode mode, const Type* type, const ConstValue& v);
  void update_expr_type(Expr* e, const Type* type, bool final);
  void update_expr_type0(Expr* parent, Expr* e, const Type* type, bool final, int depth);
  void update_expr_val(Expr* e, const ConstValue& v);
  void finish_untyped();
  void convert_untyped(Operand& x, const Type* target);
  // 0: ok; else the error kind. `out_type`/`out_val` receive the implicit type and value.
  enum class ConvError { None, Truncated, Overflow, InvalidConst, InvalidUntyped };
  ConvError implicit_type_and_value(Operand& x, const Type* target, const Type** out_type,
                                    ConstValue* out_val, bool* has_val);
  ConvError representation(const Operand& x, const Type* basic_target, ConstValue* rounded);
  bool representable_const(const ConstValue& v, const Type* t, ConstValue* rounded) const;
  void representable(Operand& x, const Type* t);
  void invalid_conversion(ConvError code, Operand& x, const Type* target);
  void overflow(Operand& x, Pos op_pos);
  void default_to(Operand& x);   // converts an untyped operand to its default type
  const ConstValue* store_constant(const ConstValue& v);

  void ident(Operand& x, Ident* e, NamedType* def, bool want_type);
  void capture(Object* var);
  void basic_lit(Operand& x, BasicLit* e);
  void composite_lit(Operand& x, CompositeLit* e, const Type* hint);
  void func_lit(Operand& x, FuncLit* e);
  void selector(Operand& x, SelectorExpr* e, NamedType* def, bool want_type);
  void selector_internal(Operand& x, SelectorExpr* e, NamedType* def, bool want_type);
  void index_expr(Operand& x, IndexExpr* e);
  bool index_value(Expr* index, std::int64_t max, std::int64_t* out);
  void slice_expr(Operand& x, SliceExpr* e);
  void type_assert(Operand& x, TypeAssertExpr* e);
  void star_expr(Operand& x, StarExpr* e);
  void unary(Operand& x, UnaryExpr* e);
  void binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Tok op, Pos op_pos);
  void shift(Operand& x, Operand& y, Expr* e, Tok op, Pos op_pos);
  void comparison(Operand& x, Operand& y, Tok op, bool switch_case, Expr* e);
  void match_types(Operand& x, Operand& y);
  bool op_allowed(Tok op, Operand& x, bool binary);
  std::string incomparable_cause(const Type* t);
  std::string kind_string(const Type* t);
  void assertable_to(const InterfaceType* iface, const Type* t, Expr* e, Operand& x,
                     bool type_switch);
  void mark_addressed(Expr* e);
  void use_exprs(const std::vector<Expr*>& list);
  void use_expr(Expr* e);

  // ---- calls (checker_call.cpp)
  enum class ExprKind2 { Conversion, Expression, Statement };
  ExprKind2 call_expr(Operand& x, CallExpr* call);
  void call_arguments(CallExpr* call, std::vector<Operand>& args);
  ExprKind2 generic_call(Operand& x, CallExpr* call);
  ExprKind2 finish_call(Operand& x, CallExpr* call, const SignatureType* sig, std::vector<Operand>& args);
  void conversion(Operand& x, const Type* t, CallExpr* call);
  std::string conversion_type_text(const Type* t, const CallExpr* call) const;
  void arguments(CallExpr* call, const SignatureType* sig, std::vector<Operand>& args,
                 Expr* fun_for_messages);
  void builtin(Operand& x, CallExpr* call, BuiltinId id);
  void builtin_args(CallExpr* call, std::vector<Operand>& args);
  std::string types_summary(const std::vector<const Type*>& list, bool variadic) const;
  bool contains_call_or_receive(const Expr* e, int depth) const;
  void record_selection(SelectorExpr* e, SelectionKind kind, const LookupResult& r, Operand& x);

  // ---- statements (checker_stmt.cpp)
  void func_body(FuncInfo* info, const SignatureType* sig, BlockStmt* body, Scope* scope);
  void stmt_list(unsigned ctx, const std::vector<Stmt*>& list);
  void stmt(unsigned ctx, Stmt* s);
  void simple_stmt(Stmt* s);
  void expr_stmt(ExprStmt* s);
  void send_stmt(SendStmt* s);
  void inc_dec_stmt(IncDecStmt* s);
  void assign_stmt(AssignStmt* s);
  void go_defer_stmt(Stmt* s, CallExpr* call, const char* keyword);
  void return_stmt(ReturnStmt* s);
  void branch_stmt(unsigned ctx, BranchStmt* s);
  void block_stmt(unsigned ctx, BlockStmt* s);
  void if_stmt(unsigned ctx, IfStmt* s);
  void switch_stmt(unsigned ctx, SwitchStmt* s);
  void type_switch_stmt(unsigned ctx, TypeSwitchStmt* s);
  void select_stmt(unsigned ctx, SelectStmt* s);
  void for_stmt(unsigned ctx, ForStmt* s);
  void range_stmt(unsigned ctx, RangeStmt* s);
  void range_func_stmt(unsigned ctx, RangeStmt* s, const Type* key, const Type* val);
  FuncInfo* real_func() const;
  void note_range_exit(BranchStmt* s);
  void open_scope();
  void close_scope();
  void usage(Scope* scope);
  void condition(Expr* cond, const char* what);

  // assignments (checker_stmt.cpp)
  void assignment(Operand& x, const Type* t, const std::string& context);
  const Type* lhs_var(Expr* lhs);
  void assign_var(Expr* lhs, Operand* x, Expr* rhs_for_message, const std::string& context);
  void assign_vars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs);
  void short_var_decl(AssignStmt* s);
  void init_vars(const std::vector<Object*>& lhs, const std::vector<Expr*>& rhs,
                 ReturnStmt* return_stmt, Pos pos_for_return);
  void init_var(Object* lhs, Operand& x, const std::string& context);
  void assign_error(const std::vector<Expr*>& rhs, std::size_t l, std::size_t r);
  void return_error(ReturnStmt* s, const std::vector<Object*>& lhs, std::vector<Operand>& rhs);
  bool is_terminating(Stmt* s, std::string_view label);
  bool is_terminating_list(const std::vector<Stmt*>& list, std::string_view label);
  bool is_terminating_switch(BlockStmt* body, std::string_view label);
  bool has_break(Stmt* s, std::string_view label, bool implicit, int depth);
  bool has_break_list(const std::vector<Stmt*>& list, std::string_view label, bool implicit,
                      int depth);

  // labels (checker_stmt.cpp)
  struct LabelInfo {
    Object* obj;
    bool used = false;
  };
  void collect_labels(const std::vector<Stmt*>& list, int depth);
  void resolve_branch(BranchStmt* s);

  // ---- state
  ProgramContext& ctx_;
  Program& prog_;
  TypeTable& types_;
  Package& pkg_;
  File& file_;
  Diagnostics& diags_;
  bool library_ = false;

  Scope* pkg_scope_ = nullptr;
  Scope* file_scope_ = nullptr;
  Scope* scope_ = nullptr;           // current scope
  FuncInfo* func_ = nullptr;         // current function body
  const SignatureType* sig_ = nullptr;  // current function's signature
  DeclInfo* decl_ = nullptr;         // package-level declaration being checked (dependencies)
  const ConstValue* iota_ = nullptr; // inside a const declaration
  bool has_iota_ = false;
  ConstValue iota_value_;
  Pos errpos_;                       // errors of inherited const expressions go here
  ExprKind2 last_kind_ = ExprKind2::Expression;  // of the last call_expr/raw_expr
  int depth_ = 0;
  int constraint_ok_ = 0;            // > 0: constraint interfaces are allowed (ConstraintContext)
  bool depth_reported_ = false;
  bool reported_any_ = false;

  std::unordered_map<Object*, DeclInfo*> decls_;
  std::unordered_map<Object*, DeclInfo::Color> colors_;
  std::vector<NamedType*> named_types_;                                   // declared here
  std::unordered_map<const NamedType*, const NamedType*> pending_rhs_;   // `type T U`, U unfinished
  std::unordered_set<const NamedType*> valid_named_;                      // passed valid_type
  struct PendingInterface {
    NamedType* named;
    InterfaceTypeExpr* expr;
  };
  std::vector<PendingInterface> pending_interfaces_;  // interfaces embedding unfinished types
  std::vector<std::unique_ptr<DeclInfo>> decl_storage_;
  std::vector<Object*> object_order_;   // package-level objects in source order
  std::vector<Object*> object_path_;    // objects being declared (cycle detection)
  std::unordered_map<std::string_view, std::vector<FuncDecl*>> methods_;  // by base type name
  std::unordered_map<std::string_view, std::vector<FuncDecl*>> generic_methods_;  // receivers T[P]
  std::vector<Object*> method_objects_;
  std::vector<std::function<void()>> later_;
  std::unordered_map<Object*, ImportSpec*> imports_;

  struct UntypedInfo {
    bool is_lhs = false;   // lhs of a non-constant shift: must end up an integer
    Mode mode = Mode::Invalid;
    const Type* type = nullptr;
    ConstValue val;
  };
  std::unordered_map<Expr*, UntypedInfo> untyped_;

  // Type expressions as written for variables, fields and parameters (messages only).
  std::unordered_map<const Object*, const Expr*> spelled_;
  const Expr* target_spelling_ = nullptr;  // the assignment target's type as written
  Ident rune_spelling_;  // "rune": what Go calls the value of a range over a string
  Ident byte_spelling_;  // "byte": what Go calls an indexed string's element
  struct TargetSpelling {
    Checker& c;
    const Expr* saved;
    TargetSpelling(Checker& checker, const Expr* e) : c(checker), saved(checker.target_spelling_) {
      c.target_spelling_ = e;
    }
    ~TargetSpelling() { c.target_spelling_ = saved; }
  };

  // Per function body
  std::unordered_map<std::string_view, LabelInfo> labels_;
  std::vector<Stmt*> breakable_;     // enclosing for/switch/select statements (innermost last)
  std::vector<LabeledStmt*> enclosing_labels_;
  std::unordered_map<FuncInfo*, int> literal_counters_;  // literals numbered per enclosing body
  std::unordered_map<FuncInfo*, int> range_counters_;    // range-over-func bodies, per function
};

// State shared by the Checkers of one check_program call.
struct ProgramContext {
  Program& prog;
  const LibraryLoader& libraries;
  Diagnostics& user_diags;
  std::unordered_map<std::string, Package*> loaded;     // import path -> checked package
  std::unordered_set<std::string> loading;              // import cycle detection
  Scope* library_universe = nullptr;                    // universe + __handle, for libraries
  Object* error_method = nullptr;                       // error.Error
  int load_depth = 0;
  // Returns the package for an import path, loading and checking it on first use. On failure
  // returns null and sets `why` to the message to report at the import.
  Package* import(std::string_view path, std::string* why);

  // Library packages' checkers and diagnostics stay alive: instances of their generic functions
  // are checked when a later package uses them.
  std::vector<std::unique_ptr<Checker>> library_checkers;
  struct LibraryDiags {
    std::unique_ptr<Diagnostics> diags;
    std::size_t forwarded = 0;
  };
  std::vector<LibraryDiags> library_diags;
  void forward_library_errors();

  // Instance bodies waiting to be checked by their owner (drain_instances, at the end of every
  // package's checking; checking one may queue more).
  struct PendingInstance {
    Checker* owner;
    FuncInfo* info;
    const SignatureType* sig;
    BlockStmt* body;
    Scope* scope;
    DeclInfo* decl;
  };
  std::vector<PendingInstance> pending_instances;
  void drain_instances();
  // Every instance of a generic type, with what it instantiates (inference through T[A]).
  struct TypeInstance {
    GenericType* generic;
    std::vector<const Type*> args;
  };
  std::unordered_map<const NamedType*, TypeInstance> type_instances;
  int instantiation_depth = 0;   // nested type instantiations in progress (cycles stop at a cap)
};

// The terms in both type sets (checker_generic.cpp).
std::vector<TypeTerm> intersect_terms(const std::vector<TypeTerm>& a, const std::vector<TypeTerm>& b);

// Universe (checker_universe.cpp): the predeclared objects, into prog.universe.
void build_universe(Program& prog, ProgramContext& ctx);

// The messages' spelling of a builtin.
std::string_view builtin_name(BuiltinId id);

}  // namespace gopark::lang::checker_detail
