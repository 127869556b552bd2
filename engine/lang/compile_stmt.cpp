// Statements: assignment, control flow (if, for, range, switch, type switch, select), go, defer,
// return. Block scopes release their registers when they close.
#include <algorithm>

#include "lang/compiler.hpp"

namespace gopark::lang::compile_detail {
namespace {

Expr* unparen(Expr* e) {
  while (auto* p = e->as<ParenExpr>()) e = p->x;
  return e;
}

bool is_blank(Expr* e) {
  auto* id = unparen(e)->as<Ident>();
  return id && id->name == "_";
}

// A := declares the identifier when its object was declared right there.
bool declares(Expr* e) {
  auto* id = unparen(e)->as<Ident>();
  return id && id->object && id->object->kind == ObjKind::Var && id->object->pos == id->pos;
}

}  // namespace

void FunctionCompiler::block(const std::vector<Stmt*>& list) {
  Reg mark = top();
  for (Stmt* s : list) stmt(s);
  release_to(mark);
}

FunctionCompiler::Target FunctionCompiler::target(Expr* lhs) {
  Target t;
  lhs = unparen(lhs);
  t.type = lhs->type;
  if (is_blank(lhs)) return t;
  if (auto* id = lhs->as<Ident>()) {
    t.kind = Target::Kind::Var;
    t.var = id->object;
    return t;
  }
  if (auto* ix = lhs->as<IndexExpr>()) {
    if (const auto* m = underlying(ix->x->type)->as<MapType>()) {
      t.kind = Target::Kind::MapEntry;
      t.addr = alloc();
      expr_to(ix->x, t.addr);
      t.key = alloc();
      expr_as(ix->index, m->key, t.key);
      return t;
    }
  }
  if (auto* s = lhs->as<SelectorExpr>(); s && s->selection && s->selection->kind == SelectionKind::Qualified) {
    t.kind = Target::Kind::Var;
    t.var = s->selection->object;
    return t;
  }
  t.kind = Target::Kind::Address;
  t.addr = alloc();
  address_to(lhs, t.addr);
  return t;
}

void FunctionCompiler::assign(const Target& t, Reg value, const Type* from) {
  if (t.kind == Target::Kind::Discard) return;
  Reg mark = top();
  Reg v = coerce(value, from, t.type);
  switch (t.kind) {
    case Target::Kind::Var: write_var(t.var, v); break;
    case Target::Kind::Address: store_to(t.type, t.addr, 0, v); break;
    case Target::Kind::MapEntry: emit(Op::MapSet, t.addr, t.key, v); break;
    case Target::Kind::Discard: break;
  }
  release_to(mark);
}

void FunctionCompiler::stmt(Stmt* s) {
  set_line(s->pos);
  switch (s->kind) {
    case StmtKind::Bad:
    case StmtKind::Empty:
      return;
    case StmtKind::Decl: var_decl(s->as<DeclStmt>()->decl); return;
    case StmtKind::Labeled: {
      auto* l = s->as<LabeledStmt>();
      Stmt* inner = l->stmt;
      switch (inner->kind) {
        case StmtKind::For: for_stmt(inner->as<ForStmt>(), l); return;
        case StmtKind::Range: range_stmt(inner->as<RangeStmt>(), l); return;
        case StmtKind::Switch: switch_stmt(inner->as<SwitchStmt>(), l); return;
        case StmtKind::TypeSwitch: type_switch_stmt(inner->as<TypeSwitchStmt>(), l); return;
        case StmtKind::Select: select_stmt(inner->as<SelectStmt>(), l); return;
        default: stmt(inner); return;
      }
    }
    case StmtKind::ExprStmt: {
      Reg mark = top();
      Expr* x = unparen(s->as<ExprStmt>()->x);
      if (auto* call_expr = x->as<CallExpr>(); call_expr && call_expr->form == CallExpr::Form::Call) {
        set_line(call_expr->lparen.valid() ? call_expr->lparen : call_expr->pos);
        call(call_expr);
      } else {
        Reg r = alloc(2);
        expr_to(x, r);
      }
      release_to(mark);
      return;
    }
    case StmtKind::Send: {
      auto* send = s->as<SendStmt>();
      Reg mark = top();
      Reg ch = expr(send->chan);
      const Type* elem = underlying(send->chan->type)->as<ChanType>()->elem;
      Reg v = alloc();
      expr_as(send->value, elem, v);
      v = own(v, elem);
      set_line(send->arrow.valid() ? send->arrow : send->pos);
      emit(Op::Send, ch, v);
      release_to(mark);
      return;
    }
    case StmtKind::IncDec: inc_dec(s->as<IncDecStmt>()); return;
    case StmtKind::Assign: {
      auto* a = s->as<AssignStmt>();
      if (a->tok == Tok::Define) define_stmt(a);
      else if (a->tok == Tok::Assign) assign_stmt(a);
      else op_assign(a);
      return;
    }
    case StmtKind::Go:
    case StmtKind::Defer: {
      Reg mark = top();
      CallExpr* call_expr = s->kind == StmtKind::Go ? s->as<GoStmt>()->call : s->as<DeferStmt>()->call;
      if (!call_expr) return;
      Deferred d = deferred_call(call_expr);
      set_line(s->pos);
      emit(s->kind == StmtKind::Go ? Op::Go : Op::Defer, d.args, d.closure, d.nargs);
      release_to(mark);
      return;
    }
    case StmtKind::Return: return_stmt(s->as<ReturnStmt>()); return;
    case StmtKind::Branch: branch_stmt(s->as<BranchStmt>()); return;
    case StmtKind::Block: block(s->as<BlockStmt>()->list); return;
    case StmtKind::If: if_stmt(s->as<IfStmt>()); return;
    case StmtKind::For: for_stmt(s->as<ForStmt>(), nullptr); return;
    case StmtKind::Range: range_stmt(s->as<RangeStmt>(), nullptr); return;
    case StmtKind::Switch: switch_stmt(s->as<SwitchStmt>(), nullptr); return;
    case StmtKind::TypeSwitch: type_switch_stmt(s->as<TypeSwitchStmt>(), nullptr); return;
    case StmtKind::Select: select_stmt(s->as<SelectStmt>(), nullptr); return;
    case StmtKind::CaseClause:
    case StmtKind::CommClause:
      return;
  }
}

// ---- assignment ----

// Evaluates an expression that yields several values (f(), m[k], x.(T), <-ch) into a window of
// n registers.
static Reg multi_value(FunctionCompiler& f, Expr* rhs, std::size_t n) {
  rhs = unparen(rhs);
  if (auto* call_expr = rhs->as<CallExpr>()) return f.call(call_expr);
  Reg window = f.alloc(std::uint32_t(std::max<std::size_t>(n, 2)));
  if (auto* ix = rhs->as<IndexExpr>()) f.index_to(ix, window, true);
  else if (auto* ta = rhs->as<TypeAssertExpr>()) f.type_assert_to(ta, window, true);
  else if (auto* u = rhs->as<UnaryExpr>()) f.recv_to(u->x, window, true);
  return window;
}

static const Type* value_type(Expr* rhs, std::size_t i) {
  if (rhs->type && rhs->type->kind == TypeKind::Tuple) {
    const auto* t = rhs->type->as<TupleType>();
    return i < t->types.size() ? t->types[i] : nullptr;
  }
  if (i == 0) return rhs->type;
  return nullptr;  // the comma-ok bool
}

// Remembers which variable each right-hand side of `a, b := make(chan T), make(chan U)` (or =,
// or var) is assigned to.
void FunctionCompiler::name_makes(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs) {
  make_names_.clear();
  if (lhs.size() != rhs.size()) return;
  for (std::size_t i = 0; i < lhs.size(); ++i) {
    if (auto* id = unparen(lhs[i])->as<Ident>()) make_names_.push_back({unparen(rhs[i]), id->name});
  }
}

void FunctionCompiler::name_makes(const std::vector<Ident*>& lhs, const std::vector<Expr*>& rhs) {
  make_names_.clear();
  if (lhs.size() != rhs.size()) return;
  for (std::size_t i = 0; i < lhs.size(); ++i) make_names_.push_back({unparen(rhs[i]), lhs[i]->name});
}

std::string_view FunctionCompiler::make_name_for(const Expr* e) const {
  for (const auto& [rhs, name] : make_names_) {
    if (rhs == e) return name;
  }
  return make_name_;
}

void FunctionCompiler::assign_stmt(AssignStmt* s) {
  name_makes(s->lhs, s->rhs);
  Reg mark = top();
  if (s->lhs.size() == 1 && s->rhs.size() == 1) {
    Target t = target(s->lhs[0]);
    if (t.kind == Target::Kind::Var && !is_composite(t.type)) {
      auto it = locals_.find(t.var);
      if (it != locals_.end() && it->second.kind == Location::Kind::Reg && !is_interface(t.type)) {
        Reg r = it->second.reg;
        Expr* rhs = unparen(s->rhs[0]);
        auto* b = rhs->as<BinaryExpr>();
        if ((b && b->op != Tok::LogAnd && b->op != Tok::LogOr) || rhs->mode == Mode::Constant) {
          // Binary operations write their target only after reading both operands: evaluate
          // straight into the variable's register.
          expr_to(rhs, r);
        } else {
          Reg tmp = alloc();
          expr_to(rhs, tmp);
          emit(Op::Move, r, tmp);
        }
        release_to(mark);
        return;
      }
    }
    Reg v = alloc();
    expr_to(s->rhs[0], v);
    assign(t, v, s->rhs[0]->type);
    release_to(mark);
    return;
  }
  std::vector<Target> targets;
  for (Expr* lhs : s->lhs) targets.push_back(target(lhs));
  if (s->rhs.size() == 1) {
    Reg window = multi_value(*this, s->rhs[0], s->lhs.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const Type* from = value_type(s->rhs[0], i);
      assign(targets[i], window + Reg(i), from ? from : targets[i].type);
    }
  } else {
    // Parallel assignment: every value first (copies of structs), then the stores.
    std::vector<Reg> values;
    for (std::size_t i = 0; i < s->rhs.size(); ++i) {
      Reg v = alloc();
      expr_to(s->rhs[i], v);
      values.push_back(own(v, s->rhs[i]->type));
    }
    for (std::size_t i = 0; i < targets.size(); ++i) assign(targets[i], values[i], s->rhs[i]->type);
  }
  release_to(mark);
}

void FunctionCompiler::define_stmt(AssignStmt* s) {
  name_makes(s->lhs, s->rhs);
  // New variables get their registers first, below the temporaries.
  std::vector<bool> fresh;
  for (Expr* lhs : s->lhs) {
    bool d = declares(lhs);
    fresh.push_back(d);
    if (d) declare(unparen(lhs)->as<Ident>()->object, false);
  }
  Reg mark = top();
  std::vector<Target> targets;
  for (std::size_t i = 0; i < s->lhs.size(); ++i) {
    Target t;
    if (!is_blank(s->lhs[i])) {
      t.kind = Target::Kind::Var;
      t.var = unparen(s->lhs[i])->as<Ident>()->object;
      t.type = t.var->type;
    }
    targets.push_back(t);
  }
  if (s->rhs.size() == 1 && s->lhs.size() > 1) {
    Reg window = multi_value(*this, s->rhs[0], s->lhs.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const Type* from = value_type(s->rhs[0], i);
      assign(targets[i], window + Reg(i), from ? from : targets[i].type);
    }
    release_to(mark);
    return;
  }
  std::vector<Reg> values;
  for (std::size_t i = 0; i < s->rhs.size(); ++i) {
    Reg v = alloc();
    if (targets[i].kind == Target::Kind::Var && fresh[i] && !is_composite(targets[i].type) &&
        locals_[targets[i].var].kind == Location::Kind::Reg && s->rhs.size() == 1) {
      expr_as(s->rhs[i], targets[i].type, locals_[targets[i].var].reg);
      release_to(mark);
      return;
    }
    expr_to(s->rhs[i], v);
    values.push_back(s->rhs.size() > 1 ? own(v, s->rhs[i]->type) : v);
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].kind == Target::Kind::Var && fresh[i] && is_composite(targets[i].type)) {
      // A fresh struct variable: copy into its own storage (New'd by declare).
      write_var(targets[i].var, values[i]);
      continue;
    }
    assign(targets[i], values[i], s->rhs[i]->type);
  }
  release_to(mark);
}

void FunctionCompiler::op_assign(AssignStmt* s) {
  Reg mark = top();
  Tok op = assign_op_base(s->tok);
  Target t = target(s->lhs[0]);
  if (t.kind == Target::Kind::Var && !lang::is_string(t.type)) {
    auto it = locals_.find(t.var);
    if (it != locals_.end() && it->second.kind == Location::Kind::Reg) {
      // x op= y on a register variable: straight into the register.
      BinaryExpr b;
      b.op = op;
      b.x = unparen(s->lhs[0]);
      b.y = s->rhs[0];
      b.type = t.type;
      b.mode = Mode::Value;
      b.op_pos = s->tok_pos;
      b.pos = s->pos;
      binary_to(&b, it->second.reg);
      release_to(mark);
      return;
    }
  }
  Reg cur = alloc();
  Expr* lhs = unparen(s->lhs[0]);
  switch (t.kind) {
    case Target::Kind::Var: read_var(t.var, cur); break;
    case Target::Kind::Address: load_from(t.type, cur, t.addr, 0); break;
    case Target::Kind::MapEntry: emit(Op::MapGet, cur, t.addr, t.key); break;
    case Target::Kind::Discard: break;
  }
  (void)lhs;
  Reg v = expr(s->rhs[0]);
  if ((op == Tok::Shl || op == Tok::Shr) && s->rhs[0]->mode != Mode::Constant && !is_unsigned(s->rhs[0]->type))
    emit(Op::ShiftCheck, v);
  arith(op, t.type, cur, cur, v, s->tok_pos.valid() ? s->tok_pos : s->pos);
  assign(t, cur, t.type);
  release_to(mark);
}

void FunctionCompiler::inc_dec(IncDecStmt* s) {
  Reg mark = top();
  Target t = target(s->x);
  const Type* type = t.type;
  if (t.kind == Target::Kind::Var && !is_float(type)) {
    auto it = locals_.find(t.var);
    if (it != locals_.end() && it->second.kind == Location::Kind::Reg) {
      emit(Op::AddI, it->second.reg, it->second.reg, std::uint16_t(s->tok == Tok::Inc ? 1 : -1));
      normalize(type, it->second.reg);
      release_to(mark);
      return;
    }
  }
  Reg cur = alloc();
  switch (t.kind) {
    case Target::Kind::Var: read_var(t.var, cur); break;
    case Target::Kind::Address: load_from(type, cur, t.addr, 0); break;
    case Target::Kind::MapEntry: emit(Op::MapGet, cur, t.addr, t.key); break;
    case Target::Kind::Discard: break;
  }
  if (is_float(type)) {
    Reg one = alloc();
    constant_to(ConstValue::make_int64(1), type, one);
    emit(s->tok == Tok::Inc ? Op::FAdd : Op::FSub, cur, cur, one);
    normalize(type, cur);
  } else {
    emit(Op::AddI, cur, cur, std::uint16_t(s->tok == Tok::Inc ? 1 : -1));
    normalize(type, cur);
  }
  assign(t, cur, type);
  release_to(mark);
}

void FunctionCompiler::var_decl(GenDecl* d) {
  if (d->kind != DeclKind::Var) return;
  for (ValueSpec* spec : d->specs) {
    name_makes(spec->names, spec->values);
    std::vector<const Object*> vars;
    for (Ident* id : spec->names) vars.push_back(id->name == "_" ? nullptr : id->object);
    for (const Object* v : vars) {
      if (v) declare(v, spec->values.empty());
    }
    if (spec->values.empty()) continue;
    Reg mark = top();
    if (spec->values.size() == 1 && vars.size() > 1) {
      Reg window = multi_value(*this, spec->values[0], vars.size());
      for (std::size_t i = 0; i < vars.size(); ++i) {
        if (!vars[i]) continue;
        const Type* from = value_type(spec->values[0], i);
        Reg v = coerce(window + Reg(i), from ? from : vars[i]->type, vars[i]->type);
        write_var(vars[i], v);
      }
    } else {
      std::vector<Reg> values;
      for (std::size_t i = 0; i < spec->values.size(); ++i) {
        Reg v = alloc();
        const Type* to = vars[i] ? vars[i]->type : spec->values[i]->type;
        expr_as(spec->values[i], to, v);
        values.push_back(v);
      }
      for (std::size_t i = 0; i < vars.size(); ++i) {
        if (vars[i]) write_var(vars[i], values[i]);
      }
    }
    release_to(mark);
  }
}

// ---- control flow ----

std::vector<std::uint32_t> FunctionCompiler::branch_false(Expr* cond) { return branch(cond, false); }

std::vector<std::uint32_t> FunctionCompiler::branch(Expr* cond, bool when) {
  Reg mark = top();
  // Integer comparisons branch in one instruction (JLt/JLe/JEq/JNe jump when their test holds,
  // so the test is the comparison's negation).
  if (auto* b = unparen(cond)->as<BinaryExpr>(); b && b->x->type && b->y->type) {
    const Type* xt = underlying(b->x->type);
    bool ints = lang::is_integer(xt) && !lang::is_unsigned(xt) && !is_untyped(xt) &&
                lang::is_integer(underlying(b->y->type));
    bool words = ints || (xt->kind == TypeKind::Bool && (b->op == Tok::Eql || b->op == Tok::Neq));
    if (words && (b->op == Tok::Lss || b->op == Tok::Leq || b->op == Tok::Gtr || b->op == Tok::Geq ||
                  b->op == Tok::Eql || b->op == Tok::Neq)) {
      // Against a small constant: one instruction with an immediate.
      if (ints && b->y->mode == Mode::Constant && b->y->constant) {
        auto k = b->y->constant->to_int64();
        if (k && *k >= -32768 && *k <= 32767) {
          Reg x = expr(b->x);
          set_line(b->op_pos.valid() ? b->op_pos : b->pos);
          Op op = Op::JNeI;
          switch (b->op) {
            case Tok::Lss: op = when ? Op::JLtI : Op::JGeI; break;
            case Tok::Leq: op = when ? Op::JLeI : Op::JGtI; break;
            case Tok::Gtr: op = when ? Op::JGtI : Op::JLeI; break;
            case Tok::Geq: op = when ? Op::JGeI : Op::JLtI; break;
            case Tok::Eql: op = when ? Op::JEqI : Op::JNeI; break;
            default: op = when ? Op::JNeI : Op::JEqI; break;
          }
          std::uint32_t j = emit(op, x, std::uint16_t(std::int16_t(*k)));
          release_to(mark);
          return {j};
        }
      }
      Reg x = expr(b->x);
      Reg y = expr(b->y);
      set_line(b->op_pos.valid() ? b->op_pos : b->pos);
      std::uint32_t j = 0;
      if (when) {
        switch (b->op) {
          case Tok::Lss: j = emit(Op::JLt, x, y); break;
          case Tok::Leq: j = emit(Op::JLe, x, y); break;
          case Tok::Gtr: j = emit(Op::JLt, y, x); break;
          case Tok::Geq: j = emit(Op::JLe, y, x); break;
          case Tok::Eql: j = emit(Op::JEq, x, y); break;
          default: j = emit(Op::JNe, x, y); break;
        }
      } else {
        switch (b->op) {
          case Tok::Lss: j = emit(Op::JLe, y, x); break;   // !(x < y)  ⇔ y <= x
          case Tok::Leq: j = emit(Op::JLt, y, x); break;   // !(x <= y) ⇔ y < x
          case Tok::Gtr: j = emit(Op::JLe, x, y); break;   // !(x > y)  ⇔ x <= y
          case Tok::Geq: j = emit(Op::JLt, x, y); break;   // !(x >= y) ⇔ x < y
          case Tok::Eql: j = emit(Op::JNe, x, y); break;
          default: j = emit(Op::JEq, x, y); break;
        }
      }
      release_to(mark);
      return {j};
    }
  }
  Reg r = expr(cond);
  std::vector<std::uint32_t> jumps{emit_jump(when ? Op::JmpIf : Op::JmpIfNot, r)};
  release_to(mark);
  return jumps;
}

void FunctionCompiler::if_stmt(IfStmt* s) {
  Reg mark = top();
  if (s->init) stmt(s->init);
  set_line(s->cond->pos);
  auto jf = branch_false(s->cond);
  block(s->then->list);
  if (s->else_) {
    std::uint32_t over = emit_jump(Op::Jmp);
    for (auto j : jf) patch_to_here(j);
    stmt(s->else_);
    patch_to_here(over);
  } else {
    for (auto j : jf) patch_to_here(j);
  }
  release_to(mark);
}

void FunctionCompiler::open_loop(const Stmt* s, const LabeledStmt* label, bool is_loop) {
  Loop l;
  l.stmt = s;
  l.label = label;
  l.is_loop = is_loop;
  loops_.push_back(std::move(l));
}

std::vector<CaseClause*> FunctionCompiler::case_clauses(const BlockStmt* body) {
  std::vector<CaseClause*> clauses;
  for (Stmt* st : body->list) {
    if (auto* cc = st->as<CaseClause>()) clauses.push_back(cc);
  }
  return clauses;
}

FunctionCompiler::Loop* FunctionCompiler::find_loop(const BranchStmt* s) {
  for (std::size_t i = loops_.size(); i-- > 0;) {
    Loop& l = loops_[i];
    if (s->target && (l.stmt == s->target || (l.label && l.label->stmt == s->target) || l.label == s->target))
      return &l;
    if (!s->target && !s->label) {
      if (s->tok == Tok::Continue && !l.is_loop) continue;
      return &l;
    }
    if (s->label && l.label && l.label->label->name == s->label->name) return &l;
  }
  return nullptr;
}

void FunctionCompiler::branch_stmt(BranchStmt* s) {
  if (s->tok == Tok::Fallthrough) {
    fallthrough_.push_back(emit_jump(Op::Jmp));
    return;
  }
  if (s->tok == Tok::Goto) {
    c.error(s->pos, "goto is not supported by gopark");
    return;
  }
  Loop* l = find_loop(s);
  if (!l && info_ && info_->range && s->target) {  // leaves a range-over-function body
    range_exit(s->target, s->tok == Tok::Continue);
    return;
  }
  if (!l) {
    c.error(s->pos, "gopark internal error: branch without target");
    return;
  }
  if (s->tok == Tok::Break) l->breaks.push_back(emit_jump(Op::Jmp));
  else l->continues.push_back(emit_jump(Op::Jmp));
}

void FunctionCompiler::end_iteration(Loop& loop) {
  // Go 1.22: each iteration has its own copy of the loop variables; closures that captured the
  // previous iteration's keep it. Boxed ones move into a fresh cell before the post statement.
  for (const Object* v : loop.per_iteration) {
    Location& loc = locals_[v];
    if (loc.kind != Location::Kind::Cell && loc.kind != Location::Kind::Storage) continue;
    Reg mark = top();
    Reg fresh = alloc();
    emit_bx(Op::New, fresh, c.type_index(v->type));
    Reg value = alloc();
    read_var(v, value);
    if (loc.kind == Location::Kind::Storage) emit(Op::CopyMem, fresh, value, c.type_index(v->type));
    else store_to(v->type, fresh, 0, value);
    emit(Op::Move, loc.reg, fresh);
    release_to(mark);
  }
}

void FunctionCompiler::for_stmt(ForStmt* s, const LabeledStmt* label) {
  Reg mark = top();
  open_loop(s, label, true);
  if (s->init) {
    stmt(s->init);
    if (auto* a = s->init->as<AssignStmt>(); a && a->tok == Tok::Define) {
      for (Expr* lhs : a->lhs) {
        if (auto* id = unparen(lhs)->as<Ident>(); id && id->object && id->object->boxed)
          loops_.back().per_iteration.push_back(id->object);
      }
    }
  }
  // The test sits at the bottom, so an iteration costs one branch: a backward conditional
  // branch (a safe point) when there is a condition, Loop otherwise.
  std::uint32_t to_test = s->cond ? emit_jump(Op::Jmp) : 0;
  std::uint32_t body = here();
  block(s->body->list);
  std::uint32_t cont = here();
  for (auto j : loops_.back().continues) patch(j, cont);
  end_iteration(loops_.back());
  if (s->post) stmt(s->post);
  if (s->cond) {
    patch_to_here(to_test);
    set_line(s->cond->pos);
    for (auto j : branch(s->cond, true)) patch(j, body);
  } else {
    emit_loop(body);
  }
  for (auto j : loops_.back().breaks) patch_to_here(j);
  loops_.pop_back();
  release_to(mark);
}

void FunctionCompiler::range_stmt(RangeStmt* s, const LabeledStmt* label) {
  if (s->body_func) {
    range_func_stmt(s);
    return;
  }
  Reg mark = top();
  const Type* xt = underlying(s->x->type);
  bool define = s->tok == Tok::Define;
  Expr* key = s->key && !is_blank(s->key) ? s->key : nullptr;
  Expr* value = s->value && !is_blank(s->value) ? s->value : nullptr;
  open_loop(s, label, true);

  // Binds the iteration's key/value (fresh variables per iteration for :=).
  auto bind = [&](Expr* target_expr, Reg v, const Type* from) {
    if (!target_expr) return;
    if (define) {
      const Object* var = unparen(target_expr)->as<Ident>()->object;
      declare(var, false);
      write_var(var, v);
    } else {
      Reg m = top();
      Target t = target(target_expr);
      assign(t, v, from);
      release_to(m);
    }
  };

  Reg x = alloc();
  expr_to(s->x, x);
  // Ranging over an array value iterates over a copy of it (Go evaluates the operand once).
  if (value && xt->as<ArrayType>()) emit(Op::Clone, x, x, c.type_index(s->x->type));
  std::uint32_t start = 0;
  std::vector<std::uint32_t> exits;
  Reg i = alloc(), n = alloc(), tmp = alloc(2);
  bool bottom_test = false;  // the loop ends with its own backward branch (no Loop needed)
  if (lang::is_integer(xt)) {
    emit(Op::Zero, i);
    emit(Op::Move, n, x);
    std::uint32_t to_test = emit_jump(Op::Jmp);
    std::uint32_t body = here();
    Reg body_mark = top();
    bind(key, i, s->x->type);
    block(s->body->list);
    release_to(body_mark);
    for (auto j : loops_.back().continues) patch_to_here(j);
    emit(Op::AddI, i, i, 1);
    patch_to_here(to_test);
    patch(emit(Op::JLt, i, n), body);
    bottom_test = true;
  } else if (lang::is_string(xt)) {
    Reg width = alloc();
    emit(Op::Zero, i);
    emit(Op::Zero, width);
    emit(Op::Len, n, x);
    start = here();
    emit(Op::Add, i, i, width);
    emit(Op::Lt, tmp, i, n);
    exits.push_back(emit_jump(Op::JmpIfNot, tmp));
    emit(Op::DecodeRune, tmp, x, i);
    emit(Op::Move, width, tmp + 1);
    Reg body_mark = top();
    bind(key, i, c.program.types.basic(TypeKind::Int));
    bind(value, tmp, c.program.types.basic(TypeKind::Int32));
    block(s->body->list);
    release_to(body_mark);
    for (auto j : loops_.back().continues) patch_to_here(j);
  } else if (const auto* m = xt->as<MapType>()) {
    emit(Op::MapIter, i, x);
    start = here();
    std::uint32_t next = emit(Op::MapNext, i, tmp, 0);
    exits.push_back(next);
    Reg body_mark = top();
    bind(key, tmp, m->key);
    bind(value, tmp + 1, m->value);
    block(s->body->list);
    release_to(body_mark);
    for (auto j : loops_.back().continues) patch_to_here(j);
  } else if (const auto* ch = xt->as<ChanType>()) {
    start = here();
    emit(Op::RecvOk, tmp, x);
    exits.push_back(emit_jump(Op::JmpIfNot, tmp + 1));
    Reg body_mark = top();
    bind(key, tmp, ch->elem);
    block(s->body->list);
    release_to(body_mark);
    for (auto j : loops_.back().continues) patch_to_here(j);
  } else if (xt->as<SignatureType>()) {
    c.error(s->pos, "gopark does not support range over functions yet");
  } else {
    // Slices, arrays and pointers to arrays.
    const Type* elem = nullptr;
    bool is_slice = false;
    std::int64_t array_len = 0;
    if (const auto* sl = xt->as<SliceType>()) {
      elem = sl->elem;
      is_slice = true;
    } else {
      const ArrayType* a = xt->as<ArrayType>();
      if (const auto* p = xt->as<PointerType>()) a = underlying(p->elem)->as<ArrayType>();
      elem = a->elem;
      array_len = a->len;
    }
    emit(Op::Zero, i);
    if (is_slice) emit(Op::Len, n, x);
    else load_int(n, array_len);
    std::uint32_t to_test = emit_jump(Op::Jmp);
    std::uint32_t body = here();
    Reg body_mark = top();
    bind(key, i, c.program.types.basic(TypeKind::Int));
    if (value) {
      std::uint32_t size = std::uint32_t(elem->size());
      if (is_slice && size == 8 && !is_composite(elem) && underlying(elem)->kind != TypeKind::Float32) {
        emit(Op::SLoad64, tmp, x, i);
      } else {
        if (is_slice) {
          emit(Op::IndexAddr, tmp, x, i);
          emit_ext(size & 0xffff, size >> 16);
        } else {
          emit(Op::ArrayAddr, tmp, x, i);
          emit_ext(size, std::uint32_t(array_len));
        }
        load_from(elem, tmp, tmp, 0);
      }
      bind(value, tmp, elem);
    }
    block(s->body->list);
    release_to(body_mark);
    for (auto j : loops_.back().continues) patch_to_here(j);
    emit(Op::AddI, i, i, 1);
    patch_to_here(to_test);
    patch(emit(Op::JLt, i, n), body);
    bottom_test = true;
  }
  if (!bottom_test) emit_loop(start);
  for (auto j : exits) patch_to_here(j);  // MapNext's 16-bit offset included (patch)
  for (auto j : loops_.back().breaks) patch_to_here(j);
  loops_.pop_back();
  release_to(mark);
}

void FunctionCompiler::switch_stmt(SwitchStmt* s, const LabeledStmt* label) {
  Reg mark = top();
  if (s->init) stmt(s->init);
  const Type* tag_type = s->tag ? s->tag->type : c.program.types.basic(TypeKind::Bool);
  Reg tag = alloc();
  if (s->tag) expr_to(s->tag, tag);
  else load_int(tag, 1);
  open_loop(s, label, false);
  std::vector<CaseClause*> clauses = case_clauses(s->body);
  std::vector<std::vector<std::uint32_t>> to_body(clauses.size());
  int default_index = -1;
  Reg cond = alloc(), v = alloc();
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    if (clauses[k]->is_default) default_index = int(k);
    for (Expr* e : clauses[k]->list) {
      set_line(e->pos);
      const Type* t = tag_type;
      if (is_interface(e->type) && !is_interface(t)) t = e->type;
      Reg tr = coerce(tag, tag_type, t);
      expr_as(e, t, v);
      compare_to(Tok::Eql, t, tr, v, cond);
      to_body[k].push_back(emit_jump(Op::JmpIf, cond));
    }
  }
  std::uint32_t to_default = emit_jump(Op::Jmp);
  std::vector<std::uint32_t> to_end;
  std::vector<std::uint32_t> pending_fallthrough;
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    for (auto j : to_body[k]) patch_to_here(j);
    if (int(k) == default_index) patch_to_here(to_default);
    for (auto j : pending_fallthrough) patch_to_here(j);
    pending_fallthrough.clear();
    auto saved = std::move(fallthrough_);
    fallthrough_.clear();
    block(clauses[k]->body);
    pending_fallthrough = std::move(fallthrough_);
    fallthrough_ = std::move(saved);
    if (pending_fallthrough.empty()) to_end.push_back(emit_jump(Op::Jmp));
  }
  if (default_index < 0) patch_to_here(to_default);
  for (auto j : pending_fallthrough) patch_to_here(j);
  for (auto j : to_end) patch_to_here(j);
  for (auto j : loops_.back().breaks) patch_to_here(j);
  loops_.pop_back();
  release_to(mark);
}

void FunctionCompiler::type_switch_stmt(TypeSwitchStmt* s, const LabeledStmt* label) {
  Reg mark = top();
  if (s->init) stmt(s->init);
  Reg x = alloc();
  expr_to(s->guard->x, x);
  const Type* xt = s->guard->x->type;
  open_loop(s, label, false);
  std::vector<CaseClause*> clauses = case_clauses(s->body);
  std::vector<std::vector<std::uint32_t>> to_body(clauses.size());
  int default_index = -1;
  Reg cond = alloc();
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    if (clauses[k]->is_default) default_index = int(k);
    for (Expr* e : clauses[k]->list) {
      set_line(e->pos);
      if (e->type && e->type->kind == TypeKind::UntypedNil) {
        emit(Op::LNot, cond, x);
      } else {
        emit(Op::TypeIs, cond, x, c.type_index(e->type));
      }
      to_body[k].push_back(emit_jump(Op::JmpIf, cond));
    }
  }
  std::uint32_t to_default = emit_jump(Op::Jmp);
  std::vector<std::uint32_t> to_end;
  for (std::size_t k = 0; k < clauses.size(); ++k) {
    CaseClause* cc = clauses[k];
    for (auto j : to_body[k]) patch_to_here(j);
    if (int(k) == default_index) patch_to_here(to_default);
    Reg body_mark = top();
    if (const Object* v = cc->implicit) {
      declare(v, false);
      Reg val = alloc(2);
      const Type* vt = v->type;
      if (cc->list.size() == 1 && !is_interface(vt) && vt->kind != TypeKind::UntypedNil) {
        emit(Op::AssertOk, val, x, c.type_index(vt));
        emit_ext(c.type_index(xt));
      } else {
        emit(Op::Move, val, x);
      }
      write_var(v, val);
    }
    block(cc->body);
    release_to(body_mark);
    to_end.push_back(emit_jump(Op::Jmp));
  }
  if (default_index < 0) patch_to_here(to_default);
  for (auto j : to_end) patch_to_here(j);
  for (auto j : loops_.back().breaks) patch_to_here(j);
  loops_.pop_back();
  release_to(mark);
}

void FunctionCompiler::select_stmt(SelectStmt* s, const LabeledStmt* label) {
  Reg mark = top();
  open_loop(s, label, false);
  auto desc = std::make_unique<vm::SelectDesc>();
  std::vector<CommClause*> clauses;
  std::vector<int> case_of;  // clause index → case index (-1: default)
  for (Stmt* st : s->body->list) {
    auto* cc = st->as<CommClause>();
    if (!cc) continue;
    clauses.push_back(cc);
    if (!cc->comm) {
      desc->has_default = true;
      case_of.push_back(-1);
      continue;
    }
    vm::SelectDesc::Case sc;
    if (auto* send = cc->comm->as<SendStmt>()) {
      sc.is_send = true;
      sc.chan = alloc();
      expr_to(send->chan, sc.chan);
      const Type* elem = underlying(send->chan->type)->as<ChanType>()->elem;
      sc.value = alloc();
      expr_as(send->value, elem, sc.value);
      if (is_composite(elem)) emit(Op::Clone, sc.value, sc.value, c.type_index(elem));
    } else {
      Expr* recv = nullptr;
      if (auto* es = cc->comm->as<ExprStmt>()) recv = es->x;
      else if (auto* as = cc->comm->as<AssignStmt>()) recv = as->rhs[0];
      recv = unparen(recv);
      sc.chan = alloc();
      expr_to(recv->as<UnaryExpr>()->x, sc.chan);
      sc.value = alloc();
    }
    case_of.push_back(int(desc->cases.size()));
    desc->cases.push_back(sc);
  }
  Reg result = alloc(2);
  std::uint32_t desc_index = std::uint32_t(c.image.selects.size());
  set_line(s->pos);
  emit_bx(Op::Select, result, desc_index);
  const vm::SelectDesc& d = *desc;
  c.image.selects.push_back(std::move(desc));
  Reg cond = alloc(), k = alloc();
  std::vector<std::uint32_t> to_body(clauses.size());
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    load_int(k, case_of[i]);
    emit(Op::Eq, cond, result, k);
    to_body[i] = emit_jump(Op::JmpIf, cond);
  }
  std::uint32_t to_end_none = emit_jump(Op::Jmp);
  std::vector<std::uint32_t> to_end{to_end_none};
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    CommClause* cc = clauses[i];
    patch_to_here(to_body[i]);
    Reg body_mark = top();
    if (cc->comm && case_of[i] >= 0) {
      const vm::SelectDesc::Case& sc = d.cases[std::size_t(case_of[i])];
      if (auto* as = cc->comm->as<AssignStmt>()) {
        const Type* elem = underlying(unparen(as->rhs[0])->as<UnaryExpr>()->x->type)->as<ChanType>()->elem;
        Reg vals = alloc(2);
        emit(Op::Move, vals, sc.value);
        if (is_composite(elem)) emit_bx(Op::OrNew, vals, c.type_index(elem));
        emit(Op::Move, vals + 1, result + 1);
        for (std::size_t j = 0; j < as->lhs.size(); ++j) {
          if (is_blank(as->lhs[j])) continue;
          const Type* from = j == 0 ? elem : c.program.types.basic(TypeKind::Bool);
          if (as->tok == Tok::Define) {
            const Object* var = unparen(as->lhs[j])->as<Ident>()->object;
            declare(var, false);
            write_var(var, vals + Reg(j));
          } else {
            Target t = target(as->lhs[j]);
            assign(t, vals + Reg(j), from);
          }
        }
      }
    }
    block(cc->body);
    release_to(body_mark);
    to_end.push_back(emit_jump(Op::Jmp));
  }
  for (auto j : to_end) patch_to_here(j);
  for (auto j : loops_.back().breaks) patch_to_here(j);
  loops_.pop_back();
  release_to(mark);
}

void FunctionCompiler::range_exit(const Stmt* target, bool is_continue) {
  const RangeStmt* r = info_->range;
  if (auto* l = target->as<LabeledStmt>()) target = l->stmt;
  if (target == r) {  // the loop's own continue or break
    if (!is_continue) set_range_state(r, 1);
    yield_return(is_continue);
    return;
  }
  for (std::size_t i = 0; i < r->exits.size(); ++i) {
    if (r->exits[i] == target && r->exit_continue[i] == is_continue) {
      set_range_state(r, 3 + std::int64_t(i));
      yield_return(false);
      return;
    }
  }
  c.error(r->pos, "gopark internal error: range-over-function exit without a code");
}

void FunctionCompiler::range_func_stmt(RangeStmt* s) {
  Reg mark = top();
  set_line(s->pos);
  declare(s->state);  // zero: running
  Reg f = alloc();
  expr_to(s->x, f);
  Reg window = alloc();
  closure_to(s->body_func, window);
  set_line(s->x->pos);
  emit(Op::CallClosure, window, f);
  Reg state = alloc();
  read_var(s->state, state);
  set_range_state(s, 1);  // from now on, a call of yield is an error
  // A return inside the body: the enclosing function returns now (its results are set).
  std::uint32_t skip = emit(Op::JNeI, state, 2, 0);
  if (info_ && info_->range) {
    set_range_state(info_->range, 2);
    yield_return(false);
  } else {
    epilogue();
  }
  patch_to_here(skip);
  // A break or continue to a statement outside the loop.
  for (std::size_t i = 0; i < s->exits.size(); ++i) {
    std::uint32_t next = emit(Op::JNeI, state, std::uint32_t(3 + i), 0);
    const Stmt* target = s->exits[i];
    Loop* loop = nullptr;
    for (std::size_t k = loops_.size(); k-- > 0;) {
      if (loops_[k].stmt == target || (loops_[k].label && loops_[k].label->stmt == target)) {
        loop = &loops_[k];
        break;
      }
    }
    if (loop) {
      if (s->exit_continue[i]) loop->continues.push_back(emit_jump(Op::Jmp));
      else loop->breaks.push_back(emit_jump(Op::Jmp));
    } else if (info_ && info_->range) {
      range_exit(target, s->exit_continue[i]);
    } else {
      c.error(s->pos, "gopark internal error: range-over-function exit to an unknown statement");
    }
    patch_to_here(next);
  }
  release_to(mark);
}

void FunctionCompiler::return_stmt(ReturnStmt* s) {
  Reg mark = top();
  if (info_ && info_->range) {
    // In a range-over-function body: set the enclosing function's results (captured) and leave
    // the loop; the code after the iterator call returns.
    const FuncInfo* real = info_;
    while (real->range) real = real->outer;
    const auto& results = real->results;
    std::vector<Reg> values;
    if (s->results.size() == 1 && results.size() > 1) {
      Reg window = call(unparen(s->results[0])->as<CallExpr>());
      const auto* tuple = s->results[0]->type->as<TupleType>();
      for (std::size_t i = 0; i < results.size(); ++i) values.push_back(coerce(window + Reg(i), tuple->types[i], results[i]->type));
    } else {
      for (std::size_t i = 0; i < s->results.size() && i < results.size(); ++i) {
        Reg v = alloc();
        expr_as(s->results[i], results[i]->type, v);
        values.push_back(own(v, results[i]->type));
      }
    }
    for (std::size_t i = 0; i < values.size(); ++i) write_var(results[i], values[i]);
    set_range_state(info_->range, 2);
    yield_return(false);
    release_to(mark);
    return;
  }
  const auto& results = info_ ? info_->results : std::vector<Object*>{};
  std::size_t n = results.size();
  // `return x op y`: computed straight into R0 (the operands are read before the result is
  // written, so parameters living in R0 are safe).
  if (n == 1 && s->results.size() == 1 && result_vars_.empty() && !fn_.has_defer) {
    auto* b = unparen(s->results[0])->as<BinaryExpr>();
    const Type* rt = results[0]->type;
    if (b && b->op != Tok::LogAnd && b->op != Tok::LogOr && !is_composite(rt) &&
        !needs_coercion(s->results[0], rt) && s->results[0]->mode != Mode::Constant) {
      expr_to(s->results[0], 0);
      emit(Op::Ret);
      release_to(mark);
      return;
    }
  }
  std::vector<Reg> values;
  if (s->results.size() == 1 && n > 1) {
    // return f() with several results
    Reg window = call(unparen(s->results[0])->as<CallExpr>());
    const auto* tuple = s->results[0]->type->as<TupleType>();
    for (std::size_t i = 0; i < n; ++i) values.push_back(coerce(window + Reg(i), tuple->types[i], results[i]->type));
  } else {
    for (std::size_t i = 0; i < s->results.size() && i < n; ++i) {
      const Type* rt = results[i]->type;
      if (!needs_coercion(s->results[i], rt) && !is_composite(rt)) {
        values.push_back(expr(s->results[i]));
        continue;
      }
      Reg v = alloc();
      expr_as(s->results[i], rt, v);
      values.push_back(own(v, rt));
    }
  }
  if (!result_vars_.empty() || fn_.has_defer) {
    for (std::size_t i = 0; i < values.size() && i < result_vars_.size(); ++i) write_var(result_vars_[i], values[i]);
    epilogue();
  } else {
    // A parallel move: results are written into R0, R1, ... in order, and a later result may be
    // read from a register an earlier one overwrites (`return b, a` reads the parameters in R1,
    // R0). Such sources are copied aside first.
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == Reg(i)) continue;
      for (std::size_t j = i + 1; j < values.size(); ++j) {
        if (values[j] != Reg(i)) continue;
        Reg copy = alloc();
        emit(Op::Move, copy, values[j]);
        values[j] = copy;
      }
      emit(Op::Move, Reg(i), values[i]);
    }
    emit(Op::Ret);
  }
  release_to(mark);
}

}  // namespace gopark::lang::compile_detail
