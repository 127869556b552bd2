#pragma once
// The compiler's internals, shared by compile_*.cpp. Not a public header (compile.hpp is).
//
// Design
// - One pass over each function body, straight from the annotated tree to register bytecode
//   (vm/ops.def). The checker has decided every type, constant and name, so the compiler only
//   chooses instructions: typed ones, picked from the operand types (Add vs FAdd vs Concat).
// - Registers are allocated as a stack: a function's parameters first, then locals as their
//   scopes open and temporaries above them, released in LIFO order (`Mark`). A call's arguments
//   are evaluated into consecutive registers at the current top (the "window"): the callee's frame
//   starts there, so arguments are not copied and results come back in the same place.
// - Where a variable lives (Location): a scalar in its register; a scalar captured by a closure or
//   whose address is taken in a heap cell whose pointer the register holds; a struct or array
//   always in heap storage whose pointer the register holds (assignments copy into the storage,
//   so `&x`, closures and the variable share it); a global in the globals object.
// - Struct and array values are "borrowed" pointers to storage while an expression is evaluated;
//   whatever keeps a value (assignment, argument, result, composite literal element, send, box)
//   copies it (Clone / CopyMem), which gives Go's value semantics.
//
// Rejected: an intermediate representation with register allocation. Straight-line emission with
// a register stack is what Lua does; it is simple, fast to compile, and the typed instruction set
// already removes the dynamic checks an IR would be needed to optimize away.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/compile.hpp"
#include "lang/constant.hpp"
#include "lang/types.hpp"

namespace gopark::lang::compile_detail {

using vm::Instr;
using vm::Op;
using vm::Word;
using Reg = std::uint32_t;

struct Location {
  enum class Kind : std::uint8_t {
    None,
    Reg,      // the value is in register `reg`
    Cell,     // register `reg` points at a cell holding the value (natural width)
    Storage,  // struct/array: register `reg` points at the value's storage
    Free,     // closure free word `index` points at a cell
    FreeStorage,  // closure free word `index` points at struct/array storage
    Global,   // global `index`
  } kind = Kind::None;
  Reg reg = 0;
  std::uint32_t index = 0;
};

// Program-wide state: types, functions, natives, globals, constants.
class Compiler {
 public:
  Compiler(Program& program, vm::Image& image, const NativeLookup& natives, Diagnostics& diags)
      : program(program), image(image), natives(natives), diags(diags) {}
  bool run();

  // Runtime type descriptor for t (created on first use).
  std::uint32_t type_index(const Type* t);
  vm::TypeInfo& type_info(const Type* t) { return *image.types[type_index(t)]; }
  std::uint32_t name_id(std::string_view name);
  std::uint32_t function_of(const Object* func);    // a declared function or method
  std::uint32_t function_of(const FuncInfo* lit);   // a function literal
  std::uint32_t file_of(const Package* pkg);        // its Image::files index (main's: 0)
  std::uint32_t new_function(std::string name, bool hidden);
  std::uint32_t global_of(const Object* var);
  Word string_constant(std::string_view s);          // an immortal String* ("" is 0)
  // The bytecode function that makes `fn` (a native) callable as a value: CallNative; Ret.
  std::uint32_t native_thunk(std::uint32_t fn);
  // A wrapper "(*T).M" for value method `method` called with a *T receiver (interfaces holding
  // pointers, method values through pointers), or for a method promoted through embedding.
  std::uint32_t method_wrapper(const Type* recv, const Object* method, const Selection* path);
  void error(Pos pos, std::string message) { diags.error(pos, std::move(message)); }

  Program& program;
  vm::Image& image;
  const NativeLookup& natives;
  Diagnostics& diags;
  const Package* main_package = nullptr;

 private:
  void build_methods(vm::TypeInfo& info, const Type* t);
  // Puts a method in info's method set, with its signature (what makes it implement an interface).
  void add_method(vm::TypeInfo& info, std::uint32_t id, const vm::Function* callee, const Type* signature);
  void promote_deeper(vm::TypeInfo& info, const Type* t, bool pointer, const StructType& st,
                      std::size_t field);
  void compile_function(const Object* func, std::uint32_t index);
  void compile_literal(const FuncInfo* lit, std::uint32_t index);
  void compile_init();
  std::uint32_t bind_native(const Object* func);
  std::uint32_t runtime_error_type();

  std::unordered_map<const Type*, std::uint32_t> types_;
  std::unordered_map<std::string, std::uint32_t> names_;
  std::unordered_map<const Object*, std::uint32_t> functions_;
  std::unordered_map<const FuncInfo*, std::uint32_t> literals_;
  std::unordered_map<const Package*, std::uint32_t> files_;
  std::unordered_map<const Object*, std::uint32_t> globals_;
  std::unordered_map<std::string, Word> strings_;
  std::map<std::pair<const Type*, const Object*>, std::uint32_t> wrappers_;
  std::vector<const Object*> pending_functions_;     // declared, body not compiled yet
  std::vector<const FuncInfo*> pending_literals_;
  std::vector<std::unique_ptr<Package>> synthetic_packages_;
  friend class FunctionCompiler;
};

// One function body.
class FunctionCompiler {
 public:
  FunctionCompiler(Compiler& c, vm::Function& fn, const FuncInfo* info);
  // Compiles a declared function or a literal.
  void compile_body();
  // Compiles the package initialization function: globals in order, init()s, then main.main.
  void compile_init(const std::vector<const Package*>& packages);

  // ---- registers ----
  Reg alloc(std::uint32_t n = 1);
  Reg top() const { return next_; }
  void release_to(Reg mark) { next_ = mark; }

  // ---- emission ----
  std::uint32_t emit(Op op, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0, std::uint8_t x = 0);
  std::uint32_t emit_bx(Op op, std::uint32_t a, std::uint32_t bx);
  void emit_ext(std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0, std::uint8_t x = 0);
  std::uint32_t emit_jump(Op op, std::uint32_t a = 0);   // patched later
  void patch_to_here(std::uint32_t at);
  void patch(std::uint32_t at, std::uint32_t target);
  void emit_loop(std::uint32_t target);                   // back-edge (a safe point)
  std::uint32_t here() const { return std::uint32_t(fn_.code.size()); }
  void set_line(Pos pos);
  void load_int(Reg dst, std::int64_t v);
  void load_word(Reg dst, Word w);
  std::uint32_t constant(Word w);

  // ---- expressions (compile_expr.cpp) ----
  // Evaluates e into dst (register form of its type).
  void expr_to(Expr* e, Reg dst);
  // Evaluates e; returns a register holding it: a variable's own register when e is one
  // (read-only for the caller), otherwise a new temporary.
  Reg expr(Expr* e);
  // Evaluates e converted to type `to` (boxing into an interface when needed) into dst.
  void expr_as(Expr* e, const Type* to, Reg dst);
  // A value in register `r` of type `from` converted for storage in a `to` (box / keep); the
  // result register (may be r).
  Reg coerce(Reg r, const Type* from, const Type* to);
  // Copies a struct/array value for keeping (Clone) when `t` is one; otherwise returns r.
  Reg own(Reg r, const Type* t);
  bool needs_coercion(Expr* e, const Type* to);
  void constant_to(const ConstValue& v, const Type* t, Reg dst);
  void binary_to(BinaryExpr* e, Reg dst);
  void compare_to(Tok op, const Type* t, Reg x, Reg y, Reg dst);
  void arith(Tok op, const Type* t, Reg dst, Reg x, Reg y, Pos pos);
  void normalize(const Type* t, Reg r);
  void unary_to(UnaryExpr* e, Reg dst);
  void conversion_to(CallExpr* e, Reg dst);
  void composite_to(CompositeLit* e, const Type* t, Reg dst);
  void func_lit_to(FuncLit* e, Reg dst);
  void selector_to(SelectorExpr* e, Reg dst);
  void index_to(IndexExpr* e, Reg dst, bool comma_ok = false);
  void slice_to(SliceExpr* e, Reg dst);
  void type_assert_to(TypeAssertExpr* e, Reg dst, bool comma_ok);
  void recv_to(Expr* chan, Reg dst, bool comma_ok);
  void logical_to(BinaryExpr* e, Reg dst);
  // Loads a value of type t from address register `addr` + offset.
  void load_from(const Type* t, Reg dst, Reg addr, std::uint32_t offset);
  void store_to(const Type* t, Reg addr, std::uint32_t offset, Reg value);
  void store_element(Reg slice, std::int64_t index, const Type* elem, Reg value);
  // The address of an addressable expression (variable, *p, field, element) into dst.
  void address_to(Expr* e, Reg dst);
  // Jumps taken when cond is false (the caller patches them).
  std::vector<std::uint32_t> branch_false(Expr* cond);
  // Jumps taken when cond == when (the caller patches them). Backward ones are safe points.
  std::vector<std::uint32_t> branch(Expr* cond, bool when);

  // ---- variables ----
  Location& declare(const Object* var, bool zero = true);
  void read_var(const Object* var, Reg dst);
  Reg var_reg(const Object* var);                          // a register holding it (may be its own)
  void write_var(const Object* var, Reg value);            // value in register form, owned
  void var_address(const Object* var, Reg dst);            // &var (boxed or storage)

  // ---- assignment targets ----
  struct Target {
    enum class Kind : std::uint8_t { Discard, Var, Address, MapEntry } kind = Kind::Discard;
    const Object* var = nullptr;
    const Type* type = nullptr;
    Reg addr = 0;      // Address: storage address; MapEntry: the map
    Reg key = 0;       // MapEntry
  };
  Target target(Expr* lhs);                                  // evaluates the lhs operands now
  void assign(const Target& t, Reg value, const Type* from);  // value is coerced and owned here

  // ---- calls (compile_call.cpp) ----
  // Compiles a call; its results are at the returned window register (nresults words).
  Reg call(CallExpr* e, bool spread_results = true);
  void call_to(CallExpr* e, Reg dst);                        // single-result call into dst
  void builtin_to(CallExpr* e, Reg dst);
  // For go/defer: evaluates the callee as a closure and its arguments into consecutive
  // registers; returns {closure register, first argument register, argument count}.
  struct Deferred { Reg closure; Reg args; std::uint32_t nargs; };
  Deferred deferred_call(CallExpr* e);
  Deferred deferred_builtin(CallExpr* e);
  std::uint32_t args_to(CallExpr* e, const SignatureType* sig, Reg window, std::uint32_t first);
  void method_value_to(SelectorExpr* e, Reg dst);

  // ---- statements (compile_stmt.cpp) ----
  void block(const std::vector<Stmt*>& list);
  void stmt(Stmt* s);
  void assign_stmt(AssignStmt* s);
  void define_stmt(AssignStmt* s);
  void if_stmt(IfStmt* s);
  void for_stmt(ForStmt* s, const LabeledStmt* label);
  void range_stmt(RangeStmt* s, const LabeledStmt* label);
  // Range over a function (compile_stmt.cpp): the body is the closure passed as yield; after
  // the iterator returns, the loop's state says whether to return, branch elsewhere, or go on.
  void range_func_stmt(RangeStmt* s);
  void yield_return(bool more);                             // in a range body: return more
  void set_range_state(const RangeStmt* r, std::int64_t value);
  // In a range body: leave it for `target` outside the loop (a break or continue there).
  void range_exit(const Stmt* target, bool is_continue);
  void closure_to(const FuncInfo* info, Reg dst);           // a literal's or range body's closure
  void switch_stmt(SwitchStmt* s, const LabeledStmt* label);
  void type_switch_stmt(TypeSwitchStmt* s, const LabeledStmt* label);
  void select_stmt(SelectStmt* s, const LabeledStmt* label);
  void return_stmt(ReturnStmt* s);
  void branch_stmt(BranchStmt* s);
  void inc_dec(IncDecStmt* s);
  void op_assign(AssignStmt* s);
  void var_decl(GenDecl* d);
  void epilogue();

  Compiler& c;
  vm::Function& fn_;
  const FuncInfo* info_;

 private:
  friend class Compiler;
  struct Loop {
    const Stmt* stmt = nullptr;          // the for/range/switch/select statement
    const LabeledStmt* label = nullptr;
    std::vector<std::uint32_t> breaks;
    std::vector<std::uint32_t> continues;
    bool is_loop = false;
    // Go 1.22 per-iteration variables of a 3-clause for: copied into fresh cells before `post`.
    std::vector<const Object*> per_iteration;
  };
  Loop* find_loop(const BranchStmt* s);
  // Pushes the Loop entry that break (and, for loops, continue) statements inside s target.
  void open_loop(const Stmt* s, const LabeledStmt* label, bool is_loop);
  static std::vector<CaseClause*> case_clauses(const BlockStmt* body);
  void end_iteration(Loop& loop);

  std::unordered_map<const Object*, Location> locals_;
  std::vector<Loop> loops_;
  std::vector<Reg> results_;          // registers of the result variables (or their cells)
  std::vector<const Object*> result_vars_;
  Reg next_ = 0;
  std::uint32_t line_ = 0;
  std::vector<std::uint32_t> fallthrough_;  // pending fallthrough jumps of the current case
  // The variable a `make(chan ...)` being compiled is assigned to ("jobs"), for the dashboard's
  // channel names; empty when there is none (then the make's line names it).
  std::vector<std::pair<const Expr*, std::string_view>> make_names_;  // rhs expression -> variable
  std::string_view make_name_;   // package-level var initializers
  std::string_view make_name_for(const Expr* e) const;
  void name_makes(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs);
  void name_makes(const std::vector<Ident*>& lhs, const std::vector<Expr*>& rhs);
};

// Helpers shared by the files.
bool is_composite(const Type* t);      // struct or array: held as storage
// Ext kind for a narrow integer type (0 when none is needed).
std::uint8_t ext_kind(const Type* t);

}  // namespace gopark::lang::compile_detail
