// One function: registers, emission, variables, the prologue and epilogue, and the package
// initialization function.
#include <algorithm>

#include "lang/compiler.hpp"

namespace gopark::lang::compile_detail {

FunctionCompiler::FunctionCompiler(Compiler& compiler, vm::Function& fn, const FuncInfo* info)
    : c(compiler), fn_(fn), info_(info) {}

// ---- registers and emission ----

Reg FunctionCompiler::alloc(std::uint32_t n) {
  Reg r = next_;
  next_ += n;
  if (next_ > 60000) {
    c.error(Pos{line_, 1}, "function too large for gopark (too many registers)");
    next_ = r;
  }
  // +2: a few instructions write a second register after their target (comma-ok forms).
  fn_.nregs = std::max(fn_.nregs, next_ + 2);
  return r;
}

std::uint32_t FunctionCompiler::emit(Op op, std::uint32_t a, std::uint32_t b, std::uint32_t cc, std::uint8_t x) {
  Instr in;
  in.op = op;
  in.x = x;
  in.a = std::uint16_t(a);
  in.b = std::uint16_t(b);
  in.c = std::uint16_t(cc);
  fn_.code.push_back(in);
  return here() - 1;
}

std::uint32_t FunctionCompiler::emit_bx(Op op, std::uint32_t a, std::uint32_t bx) {
  Instr in;
  in.op = op;
  in.a = std::uint16_t(a);
  in.set_bx(bx);
  fn_.code.push_back(in);
  return here() - 1;
}

void FunctionCompiler::emit_ext(std::uint32_t a, std::uint32_t b, std::uint32_t cc, std::uint8_t x) {
  Instr in;
  in.op = Op::Nop;
  in.x = x;
  in.a = std::uint16_t(a);
  in.b = std::uint16_t(b);
  in.c = std::uint16_t(cc);
  fn_.code.push_back(in);
}

std::uint32_t FunctionCompiler::emit_jump(Op op, std::uint32_t a) { return emit_bx(op, a, 0); }

void FunctionCompiler::patch(std::uint32_t at, std::uint32_t target) {
  std::int32_t offset = std::int32_t(target) - std::int32_t(at + 1);
  Instr& in = fn_.code[at];
  if ((in.op >= Op::JLt && in.op <= Op::JNe) || (in.op >= Op::JLtI && in.op <= Op::JNeI) || in.op == Op::MapNext) {
    // Two-register branches carry a 16-bit offset.
    if (offset < -32768 || offset > 32767) c.error(Pos{line_, 1}, "function too large for gopark (a branch spans too much code)");
    in.c = std::uint16_t(std::int16_t(offset));
    return;
  }
  in.set_bx(std::uint32_t(offset));
}

void FunctionCompiler::patch_to_here(std::uint32_t at) { patch(at, here()); }

void FunctionCompiler::emit_loop(std::uint32_t target) {
  std::uint32_t at = emit_bx(Op::Loop, 0, 0);
  patch(at, target);
}

void FunctionCompiler::set_line(Pos pos) {
  if (!pos.valid() || pos.line == line_) return;
  line_ = pos.line;
  if (!fn_.lines.empty() && fn_.lines.back().pc == here()) fn_.lines.back().line = line_;
  else fn_.lines.push_back({here(), line_});
}

std::uint32_t FunctionCompiler::constant(Word w) {
  for (std::size_t i = 0; i < fn_.constants.size(); ++i) {
    if (fn_.constants[i] == w) return std::uint32_t(i);
  }
  fn_.constants.push_back(w);
  return std::uint32_t(fn_.constants.size() - 1);
}

void FunctionCompiler::load_int(Reg dst, std::int64_t v) {
  if (v >= INT32_MIN && v <= INT32_MAX) emit_bx(Op::LoadI, dst, std::uint32_t(std::int32_t(v)));
  else emit_bx(Op::LoadK, dst, constant(Word(v)));
}

void FunctionCompiler::load_word(Reg dst, Word w) {
  if (w == 0) emit(Op::Zero, dst);
  else if (std::int64_t(w) >= INT32_MIN && std::int64_t(w) <= INT32_MAX) load_int(dst, std::int64_t(w));
  else emit_bx(Op::LoadK, dst, constant(w));
}

// ---- variables ----

Location& FunctionCompiler::declare(const Object* var, bool zero) {
  Location loc;
  const Type* t = var->type;
  Reg r = alloc();
  if (is_composite(t)) {
    loc.kind = Location::Kind::Storage;
    emit_bx(Op::New, r, c.type_index(t));
  } else if (var->boxed) {
    loc.kind = Location::Kind::Cell;
    emit_bx(Op::New, r, c.type_index(t));
  } else {
    loc.kind = Location::Kind::Reg;
    if (zero) emit(Op::Zero, r);
  }
  loc.reg = r;
  return locals_[var] = loc;
}

static Location global_location(Compiler& c, const Object* var) {
  Location loc;
  loc.kind = Location::Kind::Global;
  loc.index = c.global_of(var);
  return loc;
}

void FunctionCompiler::read_var(const Object* var, Reg dst) {
  auto it = locals_.find(var);
  Location loc = it != locals_.end() ? it->second : global_location(c, var);
  const Type* t = var->type;
  switch (loc.kind) {
    case Location::Kind::Reg:
    case Location::Kind::Storage:
      if (loc.reg != dst) emit(Op::Move, dst, loc.reg);
      return;
    case Location::Kind::Cell:
      load_from(t, dst, loc.reg, 0);
      return;
    case Location::Kind::Free:
      emit(Op::Free, dst, loc.index);
      load_from(t, dst, dst, 0);
      return;
    case Location::Kind::FreeStorage:
      emit(Op::Free, dst, loc.index);
      return;
    case Location::Kind::Global:
      emit_bx(Op::GlobalAddr, dst, loc.index);
      if (!is_composite(t)) load_from(t, dst, dst, 0);
      return;
    case Location::Kind::None:
      break;
  }
  c.error(var->pos, "gopark internal error: variable " + std::string(var->name) + " has no location");
}

Reg FunctionCompiler::var_reg(const Object* var) {
  auto it = locals_.find(var);
  if (it != locals_.end() &&
      (it->second.kind == Location::Kind::Reg || it->second.kind == Location::Kind::Storage))
    return it->second.reg;
  Reg r = alloc();
  read_var(var, r);
  return r;
}

void FunctionCompiler::write_var(const Object* var, Reg value) {
  auto it = locals_.find(var);
  Location loc = it != locals_.end() ? it->second : global_location(c, var);
  const Type* t = var->type;
  Reg mark = top();
  switch (loc.kind) {
    case Location::Kind::Reg:
      if (loc.reg != value) emit(Op::Move, loc.reg, value);
      break;
    case Location::Kind::Storage:
      if (loc.reg != value) emit(Op::CopyMem, loc.reg, value, c.type_index(t));
      break;
    case Location::Kind::Cell:
      store_to(t, loc.reg, 0, value);
      break;
    case Location::Kind::Free:
    case Location::Kind::FreeStorage: {
      Reg a = alloc();
      emit(Op::Free, a, loc.index);
      if (loc.kind == Location::Kind::Free) store_to(t, a, 0, value);
      else emit(Op::CopyMem, a, value, c.type_index(t));
      break;
    }
    case Location::Kind::Global: {
      Reg a = alloc();
      emit_bx(Op::GlobalAddr, a, loc.index);
      if (is_composite(t)) emit(Op::CopyMem, a, value, c.type_index(t));
      else store_to(t, a, 0, value);
      break;
    }
    case Location::Kind::None:
      c.error(var->pos, "gopark internal error: variable without location");
      break;
  }
  release_to(mark);
}

void FunctionCompiler::var_address(const Object* var, Reg dst) {
  auto it = locals_.find(var);
  Location loc = it != locals_.end() ? it->second : global_location(c, var);
  switch (loc.kind) {
    case Location::Kind::Cell:
    case Location::Kind::Storage:
      if (loc.reg != dst) emit(Op::Move, dst, loc.reg);
      return;
    case Location::Kind::Free:
    case Location::Kind::FreeStorage:
      emit(Op::Free, dst, loc.index);
      return;
    case Location::Kind::Global:
      emit_bx(Op::GlobalAddr, dst, loc.index);
      return;
    default:
      c.error(var->pos, "gopark internal error: address of a register variable " + std::string(var->name));
  }
}

// ---- bodies ----

void FunctionCompiler::compile_body() {
  const BlockStmt* body = info_->decl ? info_->decl->body : info_->lit ? info_->lit->body : info_->range->body;
  fn_.nresults = std::uint32_t(info_->results.size());
  fn_.nfree = std::uint32_t(info_->free_vars.size());
  fn_.has_defer = info_->has_defer;
  set_line(info_->decl ? info_->decl->pos : info_->lit ? info_->lit->pos : info_->range->pos);
  std::vector<const Object*> params;
  if (info_->recv) params.push_back(info_->recv);
  for (const Object* p : info_->params) params.push_back(p);
  fn_.nparams = std::uint32_t(params.size());
  next_ = std::max<Reg>(fn_.nparams, fn_.nresults);
  fn_.nregs = std::max<std::uint32_t>(fn_.nregs, next_ + 1);
  // Parameters arrive in R0.. (struct and array arguments as storage the caller copied).
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Object* p = params[i];
    Location loc;
    loc.reg = Reg(i);
    if (is_composite(p->type)) {
      loc.kind = Location::Kind::Storage;
    } else if (p->boxed) {
      loc.kind = Location::Kind::Cell;
      loc.reg = alloc();
      emit_bx(Op::New, loc.reg, c.type_index(p->type));
      store_to(p->type, loc.reg, 0, Reg(i));
    } else {
      loc.kind = Location::Kind::Reg;
    }
    locals_[p] = loc;
  }
  for (std::size_t i = 0; i < info_->free_vars.size(); ++i) {
    Location loc;
    loc.kind = is_composite(info_->free_vars[i]->type) ? Location::Kind::FreeStorage : Location::Kind::Free;
    loc.index = std::uint32_t(i);
    locals_[info_->free_vars[i]] = loc;
  }
  // Result variables: named ones always; unnamed ones only where deferred calls may run before
  // the function returns (the epilogue reads them).
  // And results a range-over-function body inside returns through (captured: boxed).
  bool need_vars = info_->has_defer;
  for (const Object* r : info_->results) {
    if ((!r->name.empty() && r->name != "_") || r->boxed) need_vars = true;
  }
  if (need_vars) {
    for (const Object* r : info_->results) {
      declare(r);
      result_vars_.push_back(r);
    }
  }
  if (info_->range) {
    // A loop body run as the iterator's yield function: calling it once the loop has ended is
    // Go's runtime error.
    Reg mark = top();
    Reg state = alloc();
    read_var(info_->range->state, state);
    emit(Op::RangeDone, state);
    release_to(mark);
    if (body) block(body->list);
    yield_return(true);  // the end of an iteration: ask for the next one
    return;
  }
  if (body) block(body->list);
  // Falling off the end: a function without results (the checker rejects missing returns). Go
  // puts this return on the closing brace's line (tracebacks from its deferred calls, stepping).
  if (body && body->rbrace.line > 0) set_line(body->rbrace);
  epilogue();
}

void FunctionCompiler::yield_return(bool more) {
  emit_bx(Op::LoadI, 0, more ? 1 : 0);
  emit(Op::Ret);
}

void FunctionCompiler::set_range_state(const RangeStmt* r, std::int64_t value) {
  Reg mark = top();
  Reg v = alloc();
  load_int(v, value);
  write_var(r->state, v);
  release_to(mark);
}

void FunctionCompiler::epilogue() {
  if (fn_.has_defer) {
    fn_.epilogue_pc = here();
    emit(Op::RunDefers);
  }
  for (std::size_t i = 0; i < result_vars_.size(); ++i) read_var(result_vars_[i], Reg(i));
  emit(Op::Ret);
}

void FunctionCompiler::compile_init(const std::vector<const Package*>& packages) {
  fn_.nparams = 0;
  fn_.nresults = 0;
  next_ = 0;
  for (const Package* pkg : packages) {
    for (const Package::VarInit& init : pkg->var_inits) {
      Reg mark = top();
      if (!init.rhs) continue;
      set_line(init.rhs->pos);
      make_name_ = init.lhs.size() == 1 ? init.lhs[0]->name : std::string_view{};
      if (init.lhs.size() == 1) {
        Reg v = alloc();
        expr_as(init.rhs, init.lhs[0]->type, v);
        if (init.lhs[0]->name != "_") write_var(init.lhs[0], v);
      } else {
        // var a, b = f() / m[k] / x.(T) / <-ch
        Reg window = alloc(std::uint32_t(init.lhs.size()));
        Expr* rhs = init.rhs;
        while (auto* p = rhs->as<ParenExpr>()) rhs = p->x;
        if (auto* call_expr = rhs->as<CallExpr>()) {
          Reg results = call(call_expr);
          for (std::size_t i = 0; i < init.lhs.size(); ++i) {
            if (results + i != window + i) emit(Op::Move, window + Reg(i), results + Reg(i));
          }
        } else if (auto* ix = rhs->as<IndexExpr>()) {
          index_to(ix, window, true);
        } else if (auto* ta = rhs->as<TypeAssertExpr>()) {
          type_assert_to(ta, window, true);
        } else if (auto* u = rhs->as<UnaryExpr>()) {
          recv_to(u->x, window, true);
        }
        for (std::size_t i = 0; i < init.lhs.size(); ++i) {
          if (init.lhs[i]->name != "_") write_var(init.lhs[i], window + Reg(i));
        }
      }
      release_to(mark);
    }
    for (FuncDecl* f : pkg->init_funcs) {
      Reg mark = top();
      Reg window = alloc();
      emit_bx(Op::Call, window, c.function_of(f->object));
      release_to(mark);
    }
  }
  if (Object* main_fn = c.program.main->scope->lookup_local("main")) {
    Reg window = alloc();
    emit_bx(Op::Call, window, c.function_of(main_fn));
  }
  emit(Op::Ret);
}

}  // namespace gopark::lang::compile_detail
