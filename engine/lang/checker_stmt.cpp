// Statements (spec "Statements"): function bodies, blocks and scopes, control flow with labels
// and branch targets, switch/select/range, "declared and not used", and the terminating
// statement analysis behind "missing return".
#include <algorithm>

#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

std::vector<Stmt*> trim_trailing_empty(const std::vector<Stmt*>& list) {
  std::size_t n = list.size();
  while (n > 0 && list[n - 1] != nullptr && list[n - 1]->kind == StmtKind::Empty) --n;
  return std::vector<Stmt*>(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(n));
}

Pos stmt_pos(const Stmt* s) { return s != nullptr ? s->pos : Pos{}; }

}  // namespace

// ----------------------------------------------------------------------------------------------
// Function bodies

void Checker::func_body(FuncInfo* info, const SignatureType* sig, BlockStmt* body, Scope* parent) {
  FuncInfo* saved_func = func_;
  const SignatureType* saved_sig = sig_;
  Scope* saved_scope = scope_;
  auto saved_labels = std::move(labels_);
  auto saved_breakable = std::move(breakable_);
  auto saved_enclosing = std::move(enclosing_labels_);
  labels_.clear();
  breakable_.clear();
  enclosing_labels_.clear();

  func_ = info;
  sig_ = sig;
  scope_ = prog_.new_scope(parent);
  scope_->func = info;
  auto declare_param = [&](Object* obj) {
    if (obj == nullptr || obj->name.empty() || obj->name == "_") return;
    obj->owner = info;
    scope_->insert(obj);
  };
  declare_param(info->recv);
  for (Object* p : info->params) declare_param(p);
  for (Object* r : info->results) declare_param(r);

  collect_labels(body->list, 0);
  stmt_list(0, body->list);
  if (!sig->results.empty() && !is_terminating_list(body->list, "")) {
    error(body->rbrace.valid() ? body->rbrace : body->pos, "missing return");
  }
  // Labels defined and not used, in source order.
  std::vector<std::pair<Pos, std::string_view>> unused_labels;
  for (auto& [name, l] : labels_) {
    if (!l.used) unused_labels.emplace_back(l.obj->pos, name);
  }
  std::sort(unused_labels.begin(), unused_labels.end());
  for (auto& [pos, name] : unused_labels) {
    error(pos, "label " + std::string(name) + " defined and not used");
  }
  usage(scope_);

  func_ = saved_func;
  sig_ = saved_sig;
  scope_ = saved_scope;
  labels_ = std::move(saved_labels);
  breakable_ = std::move(saved_breakable);
  enclosing_labels_ = std::move(saved_enclosing);
}

void Checker::usage(Scope* /*scope*/) {
  std::vector<Object*> unused;
  for (Object* v : func_->locals) {
    if (!v->used && v->name != "_" && !v->name.empty()) unused.push_back(v);
  }
  std::sort(unused.begin(), unused.end(), [](Object* a, Object* b) { return a->pos < b->pos; });
  for (Object* v : unused) {
    error(v->pos, "declared and not used: " + std::string(v->name));
    v->used = true;
  }
}

void Checker::open_scope() { scope_ = prog_.new_scope(scope_); }

void Checker::close_scope() {
  if (scope_->parent != nullptr) scope_ = scope_->parent;
}

// ----------------------------------------------------------------------------------------------
// Labels: collected per function body first (their scope is the whole body), resolved by the
// branch statements against the labelled statements enclosing them.

void Checker::collect_labels(const std::vector<Stmt*>& list, int depth) {
  if (depth > kMaxDepth) return;
  for (Stmt* s : list) {
    if (s == nullptr) continue;
    switch (s->kind) {
      case StmtKind::Labeled: {
        auto* l = static_cast<LabeledStmt*>(s);
        std::string_view name = l->label->name;
        {  // gc's branch checker treats `_` as an ordinary label
          Object* obj = prog_.new_object(ObjKind::Label, name, l->label->pos);
          obj->label_stmt = l;
          obj->pkg = &pkg_;
          l->label->object = obj;
          auto [it, inserted] = labels_.emplace(name, LabelInfo{obj, false});
          if (!inserted) {
            error(l->label->pos, "label " + std::string(name) + " already defined at " +
                                     pos_str(it->second.obj->pos));
          }
        }
        collect_labels({l->stmt}, depth + 1);
        break;
      }
      case StmtKind::Block: collect_labels(static_cast<BlockStmt*>(s)->list, depth + 1); break;
      case StmtKind::If: {
        auto* i = static_cast<IfStmt*>(s);
        if (i->then != nullptr) collect_labels(i->then->list, depth + 1);
        if (i->else_ != nullptr) collect_labels({i->else_}, depth + 1);
        break;
      }
      case StmtKind::CaseClause: collect_labels(static_cast<CaseClause*>(s)->body, depth + 1); break;
      case StmtKind::CommClause: collect_labels(static_cast<CommClause*>(s)->body, depth + 1); break;
      case StmtKind::Switch: {
        auto* sw = static_cast<SwitchStmt*>(s);
        if (sw->body != nullptr) collect_labels(sw->body->list, depth + 1);
        break;
      }
      case StmtKind::TypeSwitch: {
        auto* sw = static_cast<TypeSwitchStmt*>(s);
        if (sw->body != nullptr) collect_labels(sw->body->list, depth + 1);
        break;
      }
      case StmtKind::Select: {
        auto* sel = static_cast<SelectStmt*>(s);
        if (sel->body != nullptr) collect_labels(sel->body->list, depth + 1);
        break;
      }
      case StmtKind::For: {
        auto* f = static_cast<ForStmt*>(s);
        if (f->body != nullptr) collect_labels(f->body->list, depth + 1);
        break;
      }
      case StmtKind::Range: {
        auto* r = static_cast<RangeStmt*>(s);
        if (r->body != nullptr) collect_labels(r->body->list, depth + 1);
        break;
      }
      default:
        break;
    }
  }
}

void Checker::resolve_branch(BranchStmt* s) {
  std::string name(s->label->name);
  auto it = labels_.find(s->label->name);
  if (it != labels_.end()) {
    it->second.used = true;
    s->label->object = it->second.obj;
  }
  bool is_break = s->tok == Tok::Break;
  for (auto e = enclosing_labels_.rbegin(); e != enclosing_labels_.rend(); ++e) {
    LabeledStmt* l = *e;
    if (l->label->name != s->label->name) continue;
    Stmt* target = l->stmt;
    StmtKind k = target != nullptr ? target->kind : StmtKind::Bad;
    bool ok = is_break ? (k == StmtKind::For || k == StmtKind::Range || k == StmtKind::Switch ||
                          k == StmtKind::TypeSwitch || k == StmtKind::Select)
                       : (k == StmtKind::For || k == StmtKind::Range);
    if (!ok) {
      error(s->label->pos, std::string(is_break ? "invalid break label " : "invalid continue label ") + name);
      return;
    }
    s->target = target;
    return;
  }
  if (it != labels_.end()) {
    error(s->label->pos, std::string(is_break ? "invalid break label " : "invalid continue label ") + name);
  } else {
    error(s->label->pos, std::string(is_break ? "break label not defined: " : "continue label not defined: ") + name);
  }
}

// ----------------------------------------------------------------------------------------------
// Statements

void Checker::stmt_list(unsigned ctx, const std::vector<Stmt*>& list) {
  bool fallthrough_ok = (ctx & kFallthroughOk) != 0;
  bool final_case = (ctx & kFinalSwitchCase) != 0;
  unsigned inner = ctx & ~(kFallthroughOk | kFinalSwitchCase);
  std::vector<Stmt*> trimmed = trim_trailing_empty(list);
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    unsigned c = inner;
    if (i + 1 == trimmed.size()) {
      if (fallthrough_ok) c |= kFallthroughOk;
      if (final_case) c |= kFinalSwitchCase;
    }
    stmt(c, trimmed[i]);
  }
}

void Checker::simple_stmt(Stmt* s) {
  if (s != nullptr) stmt(0, s);
}

void Checker::stmt(unsigned ctx, Stmt* s) {
  if (s == nullptr) return;
  DepthGuard guard(*this);
  if (too_deep(s->pos)) return;
  unsigned inner = ctx & ~(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);
  switch (s->kind) {
    case StmtKind::Bad:
    case StmtKind::Empty:
      return;
    case StmtKind::Decl:
      decl_stmt(static_cast<DeclStmt*>(s)->decl);
      return;
    case StmtKind::Labeled: {
      auto* l = static_cast<LabeledStmt*>(s);
      enclosing_labels_.push_back(l);
      stmt(ctx, l->stmt);
      enclosing_labels_.pop_back();
      return;
    }
    case StmtKind::ExprStmt:
      expr_stmt(static_cast<ExprStmt*>(s));
      return;
    case StmtKind::Send:
      send_stmt(static_cast<SendStmt*>(s));
      return;
    case StmtKind::IncDec:
      inc_dec_stmt(static_cast<IncDecStmt*>(s));
      return;
    case StmtKind::Assign:
      assign_stmt(static_cast<AssignStmt*>(s));
      return;
    case StmtKind::Go:
      go_defer_stmt(s, static_cast<GoStmt*>(s)->call, "go");
      return;
    case StmtKind::Defer:
      if (func_ != nullptr && func_->range != nullptr) {
        // Go runs it when the enclosing function returns; gopark's loop body is a function of
        // its own, whose return would run it early.
        error(s->pos, "gopark does not support defer inside a range-over-function loop yet");
      }
      if (func_ != nullptr) func_->has_defer = true;
      go_defer_stmt(s, static_cast<DeferStmt*>(s)->call, "defer");
      return;
    case StmtKind::Return:
      return_stmt(static_cast<ReturnStmt*>(s));
      return;
    case StmtKind::Branch:
      branch_stmt(ctx, static_cast<BranchStmt*>(s));
      return;
    case StmtKind::Block:
      block_stmt(inner, static_cast<BlockStmt*>(s));
      return;
    case StmtKind::If:
      if_stmt(inner, static_cast<IfStmt*>(s));
      return;
    case StmtKind::Switch:
      switch_stmt(inner, static_cast<SwitchStmt*>(s));
      return;
    case StmtKind::TypeSwitch:
      type_switch_stmt(inner, static_cast<TypeSwitchStmt*>(s));
      return;
    case StmtKind::Select:
      select_stmt(inner, static_cast<SelectStmt*>(s));
      return;
    case StmtKind::For:
      for_stmt(inner, static_cast<ForStmt*>(s));
      return;
    case StmtKind::Range:
      range_stmt(inner, static_cast<RangeStmt*>(s));
      return;
    case StmtKind::CaseClause:
    case StmtKind::CommClause:
      error(s->pos, "invalid statement");
      return;
  }
}

void Checker::expr_stmt(ExprStmt* s) {
  Operand x;
  raw_expr(x, s->x, nullptr, false);
  ExprKind2 kind = last_kind_;
  const char* msg = nullptr;
  switch (x.mode) {
    case Mode::Builtin: msg = "must be called"; break;
    case Mode::TypeExpr: msg = "is not an expression"; break;
    default:
      if (kind == ExprKind2::Statement) return;
      msg = "is not used";
      break;
  }
  error(start_pos(x.expr), describe(x) + " " + msg);
}

void Checker::send_stmt(SendStmt* s) {
  Operand ch, val;
  expr(ch, s->chan);
  const Type* hint = nullptr;
  if (ch.mode != Mode::Invalid) {
    if (const auto* c = under(ch.type)->as<ChanType>()) hint = c->elem;
  }
  expr_with_hint(val, s->value, hint);
  if (ch.mode == Mode::Invalid || val.mode == Mode::Invalid) return;
  const auto* c = under(ch.type)->as<ChanType>();
  if (c == nullptr) {
    error(start_pos(s->chan), "invalid operation: cannot send to non-channel " + describe(ch));
    return;
  }
  if (c->dir == ChanDir::Recv) {
    error(start_pos(s->chan), "invalid operation: cannot send to receive-only channel " + describe(ch));
    return;
  }
  assignment(val, c->elem, "send");
}

void Checker::inc_dec_stmt(IncDecStmt* s) {
  Operand x;
  expr(x, s->x);
  if (x.mode == Mode::Invalid) return;
  if (!is_numeric(x.type)) {
    std::string op(spelling(s->tok));
    error(start_pos(s->x), "invalid operation: " + expr_str(s->x) + op + " (non-numeric type " +
                               tstr(x.type) + ")");
    return;
  }
  assign_var(s->x, &x, nullptr, "assignment");
}

void Checker::assign_stmt(AssignStmt* s) {
  if (s->tok == Tok::Assign) {
    assign_vars(s->lhs, s->rhs);
    return;
  }
  if (s->tok == Tok::Define) {
    short_var_decl(s);
    return;
  }
  if (s->lhs.size() != 1 || s->rhs.size() != 1) {
    error(start_pos(s->lhs.empty() ? nullptr : s->lhs[0]),
          "assignment operation " + std::string(spelling(s->tok)) + " requires single-valued expressions");
    return;
  }
  Operand x;
  binary(x, nullptr, s->lhs[0], s->rhs[0], assign_op_base(s->tok), s->tok_pos);
  assign_var(s->lhs[0], &x, nullptr, "assignment");
}

void Checker::go_defer_stmt(Stmt* s, CallExpr* call, const char* keyword) {
  (void)s;
  if (call == nullptr) return;
  Operand x;
  raw_expr(x, call, nullptr, false);
  ExprKind2 kind = last_kind_;
  std::string msg;
  switch (kind) {
    case ExprKind2::Conversion: msg = "requires function call, not conversion"; break;
    case ExprKind2::Expression: msg = "discards result of"; break;
    case ExprKind2::Statement: return;
  }
  error(start_pos(x.expr), std::string(keyword) + " " + msg + " " + describe(x));
}

void Checker::return_stmt(ReturnStmt* s) {
  if (sig_ == nullptr) return;
  // Inside a range-over-function body: the enclosing function returns, through the body's
  // closure, which therefore captures its result variables.
  FuncInfo* real = real_func();
  if (real != func_) {
    for (Object* r : real->results) capture(r);
  }
  const auto& results = real->results;
  if (s->results.empty() && !results.empty() && !results[0]->name.empty()) {
    for (Object* obj : results) {
      Object* alt = scope_->lookup(obj->name);
      if (alt != nullptr && alt != obj) {
        // Go names the inner object as its declaration reads: "var a int".
        std::string what;
        switch (alt->kind) {
          case ObjKind::Var: what = "var " + std::string(alt->name) + " " + tstr(alt->type); break;
          case ObjKind::Const: what = "const " + std::string(alt->name) + " " + tstr(alt->type); break;
          case ObjKind::TypeName: what = "type " + std::string(alt->name) + " " + tstr(under(alt->type)); break;
          default: what = std::string(alt->name); break;
        }
        error(s->pos, "result parameter " + std::string(obj->name) + " not in scope at return\n\t" +
                          pos_str(alt->pos) + ": inner declaration of " + what);
      }
    }
    return;
  }
  if (!s->results.empty() || !results.empty()) init_vars(results, s->results, s, s->pos);
}

void Checker::branch_stmt(unsigned ctx, BranchStmt* s) {
  switch (s->tok) {
    case Tok::Goto:
      if (s->label != nullptr) {
        auto it = labels_.find(s->label->name);
        if (it != labels_.end()) it->second.used = true;
      }
      error(s->pos, "goto is not supported by gopark");
      return;
    case Tok::Break:
    case Tok::Continue:
      if (s->label != nullptr) {
        resolve_branch(s);
        note_range_exit(s);
        return;
      }
      if (s->tok == Tok::Break) {
        if (breakable_.empty()) {
          error(s->pos, "break is not in a loop, switch, or select");
          return;
        }
        s->target = breakable_.back();
        return;
      }
      for (auto it = breakable_.rbegin(); it != breakable_.rend(); ++it) {
        if ((*it)->kind == StmtKind::For || (*it)->kind == StmtKind::Range) {
          s->target = *it;
          return;
        }
      }
      error(s->pos, "continue is not in a loop");
      return;
    case Tok::Fallthrough: {
      Stmt* innermost = breakable_.empty() ? nullptr : breakable_.back();
      const char* msg = "fallthrough statement out of place";
      if (innermost != nullptr && innermost->kind == StmtKind::TypeSwitch) {
        msg = "cannot fallthrough in type switch";
      } else if (innermost != nullptr && innermost->kind == StmtKind::Switch) {
        if ((ctx & kFallthroughOk) != 0) {
          s->target = innermost;
          return;
        }
        if ((ctx & kFinalSwitchCase) != 0) msg = "cannot fallthrough final case in switch";
      }
      error(s->pos, msg);
      return;
    }
    default:
      return;
  }
}

void Checker::block_stmt(unsigned ctx, BlockStmt* s) {
  open_scope();
  stmt_list(ctx, s->list);
  close_scope();
}

// Checks a condition and gives an untyped boolean its default type.
void Checker::condition(Expr* cond, const char* what) {
  Operand x;
  expr(x, cond);
  if (x.mode == Mode::Invalid) return;
  if (!is_boolean(x.type)) {
    error(start_pos(cond), std::string("non-boolean condition in ") + what + " statement");
    return;
  }
  default_to(x);
}

void Checker::if_stmt(unsigned ctx, IfStmt* s) {
  open_scope();
  simple_stmt(s->init);
  if (s->cond != nullptr) condition(s->cond, "if");
  if (s->then != nullptr) block_stmt(ctx, s->then);
  if (s->else_ != nullptr) stmt(ctx, s->else_);
  close_scope();
}

void Checker::switch_stmt(unsigned ctx, SwitchStmt* s) {
  open_scope();
  simple_stmt(s->init);
  Operand x;
  Ident implicit_true;
  if (s->tag != nullptr) {
    expr(x, s->tag);
    assignment(x, nullptr, "switch expression");
    if (x.mode != Mode::Invalid && !comparable(x.type) && !has_nil(x.type)) {
      error(start_pos(s->tag), "cannot switch on " + describe(x) + " (" + tstr(x.type) +
                                   " is not comparable)");
      x.mode = Mode::Invalid;
    }
  } else {
    x.mode = Mode::Constant;
    x.type = types_.basic(TypeKind::Bool);
    x.val = ConstValue::make_bool(true);
    implicit_true.name = "true";
    implicit_true.pos = s->body != nullptr ? s->body->rbrace : s->pos;
    x.expr = &implicit_true;
  }
  breakable_.push_back(s);
  std::vector<CaseClause*> clauses;
  if (s->body != nullptr) {
    for (Stmt* c : s->body->list) {
      if (auto* cc = c != nullptr ? c->as<CaseClause>() : nullptr) clauses.push_back(cc);
    }
  }
  Pos first_default;
  struct Seen {
    ConstValue val;
    const Type* type;
    Pos pos;
  };
  std::vector<Seen> seen;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    CaseClause* clause = clauses[i];
    if (clause->is_default) {
      if (first_default.valid()) {
        error(clause->pos, "multiple defaults (first at " + pos_str(first_default) + ")");
      } else {
        first_default = clause->pos;
      }
    }
    for (Expr* e : clause->list) {
      Operand v;
      expr(v, e);
      if (x.mode == Mode::Invalid || v.mode == Mode::Invalid) continue;
      convert_untyped(v, x.type);
      if (v.mode == Mode::Invalid) continue;
      Operand res = v;
      Operand tag = x;
      comparison(res, tag, Tok::Eql, true, nullptr);
      if (res.mode == Mode::Invalid) continue;
      if (v.mode != Mode::Constant) continue;
      if (v.val.kind() != ConstKind::Int && v.val.kind() != ConstKind::Float &&
          v.val.kind() != ConstKind::String) {
        continue;
      }
      bool dup = false;
      for (const Seen& sv : seen) {
        if (sv.type == v.type && sv.val.kind() == v.val.kind() &&
            ConstValue::compare(Tok::Eql, sv.val, v.val)) {
          error(start_pos(v.expr), "duplicate case " + describe(v) + " in expression switch\n\t" +
                                       pos_str(sv.pos) + ": previous case");
          dup = true;
          break;
        }
      }
      if (!dup && seen.size() < 100000) seen.push_back({v.val, v.type, start_pos(v.expr)});
    }
    unsigned inner = ctx;
    if (i + 1 < clauses.size()) {
      inner |= kFallthroughOk;
    } else {
      inner |= kFinalSwitchCase;
    }
    open_scope();
    stmt_list(inner, clause->body);
    close_scope();
  }
  breakable_.pop_back();
  close_scope();
}

void Checker::type_switch_stmt(unsigned ctx, TypeSwitchStmt* s) {
  open_scope();
  simple_stmt(s->init);
  Ident* lhs = s->binding;
  if (lhs != nullptr && lhs->name == "_") {
    error(lhs->pos, "no new variable on left side of :=");
    lhs = nullptr;
  }
  Operand x;
  bool have_x = false;
  TypeAssertExpr* guard = s->guard;
  if (guard != nullptr && guard->x != nullptr) {
    expr(x, guard->x);
    if (x.mode != Mode::Invalid) {
      if (is_interface(x.type)) {
        have_x = true;
      } else {
        error(start_pos(guard->x), describe(x) + " is not an interface");
      }
    }
    guard->mode = have_x ? Mode::Value : Mode::Invalid;
    guard->type = have_x ? x.type : types_.invalid();
  }
  breakable_.push_back(s);
  std::vector<CaseClause*> clauses;
  if (s->body != nullptr) {
    for (Stmt* c : s->body->list) {
      if (auto* cc = c != nullptr ? c->as<CaseClause>() : nullptr) clauses.push_back(cc);
    }
  }
  Pos first_default;
  std::vector<std::pair<const Type*, Pos>> seen;  // nullptr: the nil case
  std::vector<Object*> lhs_vars;
  const auto* iface = have_x ? under(x.type)->as<InterfaceType>() : nullptr;
  for (CaseClause* clause : clauses) {
    if (clause->is_default) {
      if (first_default.valid()) {
        error(clause->pos, "multiple defaults (first at " + pos_str(first_default) + ")");
      } else {
        first_default = clause->pos;
      }
    }
    const Type* t = nullptr;
    bool t_valid = false;
    for (Expr* e : clause->list) {
      const Expr* u = unparen(e);
      bool is_nil = false;
      if (const auto* id = u->as<Ident>()) {
        Object* obj = scope_->lookup(id->name);
        is_nil = obj != nullptr && obj->kind == ObjKind::Nil;
      }
      if (is_nil) {
        Operand dummy;
        expr(dummy, e);
        t = nullptr;
        t_valid = true;
      } else {
        t = type_expr(e);
        t_valid = t->kind != TypeKind::Invalid;
        if (!t_valid) continue;
      }
      bool dup = false;
      for (auto& [st, pos] : seen) {
        if (st == t) {
          std::string ts = t == nullptr ? "nil" : tstr(t);
          error(start_pos(e), "duplicate case " + ts + " in type switch\n\t" + pos_str(pos) +
                                  ": previous case");
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seen.emplace_back(t, start_pos(e));
      if (iface != nullptr && t != nullptr) assertable_to(iface, t, e, x, true);
    }
    open_scope();
    if (lhs != nullptr) {
      const Type* vt = t;
      if (clause->list.size() != 1 || t == nullptr || !t_valid) {
        vt = have_x ? x.type : types_.invalid();
      }
      Object* obj = prog_.new_object(ObjKind::Var, lhs->name, lhs->pos);
      obj->type = vt;
      obj->pkg = &pkg_;
      obj->owner = func_;
      if (func_ != nullptr) func_->locals.push_back(obj);
      scope_->insert(obj);
      clause->implicit = obj;
      lhs_vars.push_back(obj);
    }
    stmt_list(ctx | kInTypeSwitch, clause->body);
    close_scope();
  }
  breakable_.pop_back();
  if (lhs != nullptr) {
    bool used = false;
    for (Object* v : lhs_vars) {
      used = used || v->used;
      v->used = true;
    }
    if (!used) error(lhs->pos, std::string(lhs->name) + " declared and not used");
    if (lhs_vars.empty()) {
      // A switch without clauses still declares nothing; the binding is the Ident's object.
      lhs->object = nullptr;
    } else {
      lhs->object = lhs_vars.front();
    }
  }
  close_scope();
}

void Checker::select_stmt(unsigned ctx, SelectStmt* s) {
  breakable_.push_back(s);
  Pos first_default;
  if (s->body != nullptr) {
    for (Stmt* st : s->body->list) {
      auto* clause = st != nullptr ? st->as<CommClause>() : nullptr;
      if (clause == nullptr) continue;
      if (clause->comm == nullptr) {
        if (first_default.valid()) {
          error(clause->pos, "multiple defaults (first at " + pos_str(first_default) + ")");
        } else {
          first_default = clause->pos;
        }
      }
      bool valid = false;
      const Expr* rhs = nullptr;
      if (clause->comm == nullptr || clause->comm->kind == StmtKind::Send) {
        valid = true;
      } else if (auto* a = clause->comm->as<AssignStmt>()) {
        if (a->rhs.size() == 1) rhs = a->rhs[0];
      } else if (auto* es = clause->comm->as<ExprStmt>()) {
        rhs = es->x;
      }
      if (rhs != nullptr) {
        const auto* u = unparen(rhs)->as<UnaryExpr>();
        valid = u != nullptr && u->op == Tok::Arrow;
      }
      if (!valid) {
        // types2 places an expression statement at its expression's own position, which for a
        // binary expression is the operator.
        Pos at = stmt_pos(clause->comm);
        if (const auto* es = clause->comm->as<ExprStmt>()) {
          if (const auto* b = es->x->as<BinaryExpr>()) at = b->op_pos;
        }
        error(at, "select case must be send or receive (possibly with assignment)");
        continue;
      }
      open_scope();
      if (clause->comm != nullptr) stmt(ctx, clause->comm);
      stmt_list(ctx, clause->body);
      close_scope();
    }
  }
  breakable_.pop_back();
}

void Checker::for_stmt(unsigned ctx, ForStmt* s) {
  open_scope();
  std::size_t before = func_ != nullptr ? func_->locals.size() : 0;
  simple_stmt(s->init);
  if (func_ != nullptr) {
    // Go 1.22: each iteration has its own copy of the variables the init statement declares.
    for (std::size_t i = before; i < func_->locals.size(); ++i) func_->locals[i]->per_iteration = true;
  }
  if (s->cond != nullptr) condition(s->cond, "for");
  simple_stmt(s->post);
  breakable_.push_back(s);
  if (s->body != nullptr) block_stmt(ctx, s->body);
  breakable_.pop_back();
  close_scope();
}

void Checker::range_stmt(unsigned ctx, RangeStmt* s) {
  Operand x;
  expr(x, s->x);
  const Type* key = nullptr;
  const Type* val = nullptr;
  bool range_over_int = false;
  bool range_func = false;
  if (x.mode != Mode::Invalid) {
    const Type* u = under(x.type);
    if (const auto* p = u->as<PointerType>()) {
      if (under(p->elem)->kind == TypeKind::Array) u = under(p->elem);
    }
    std::string cause;
    bool ok = true;
    switch (u->kind) {
      case TypeKind::String:
      case TypeKind::UntypedString:
        key = types_.basic(TypeKind::Int);
        val = types_.basic(TypeKind::Int32);
        break;
      case TypeKind::Array:
        key = types_.basic(TypeKind::Int);
        val = u->as<ArrayType>()->elem;
        break;
      case TypeKind::Slice:
        key = types_.basic(TypeKind::Int);
        val = u->as<SliceType>()->elem;
        break;
      case TypeKind::Map:
        key = u->as<MapType>()->key;
        val = u->as<MapType>()->value;
        break;
      case TypeKind::Chan:
        if (u->as<ChanType>()->dir == ChanDir::Send) {
          ok = false;
          cause = "receive from send-only channel";
        } else {
          key = u->as<ChanType>()->elem;
        }
        break;
      case TypeKind::Signature: {
        // func(yield func(...) bool) with 0, 1 or 2 values per step (Go 1.23 iterators).
        const auto* f = u->as<SignatureType>();
        const SignatureType* yield = nullptr;
        if (f->params.size() == 1 && f->results.empty() && !f->variadic) {
          yield = under(f->params[0])->as<SignatureType>();
        }
        if (yield == nullptr || yield->params.size() > 2 || yield->variadic || yield->results.size() != 1 ||
            under(yield->results[0])->kind != TypeKind::Bool) {
          ok = false;
          cause = "func must be func(yield func(...) bool): argument is not func";
          if (f->params.size() != 1) cause = "func must be func(yield func(...) bool): wrong argument count";
          break;
        }
        range_func = true;
        if (yield->params.size() > 0) key = yield->params[0];
        if (yield->params.size() > 1) val = yield->params[1];
        if (s->key != nullptr && key == nullptr) {
          error(start_pos(s->key), "range over " + describe(x) + " permits no iteration variables");
          key = val = types_.invalid();
          range_func = false;
        }
        break;
      }
      default:
        if (is_integer(u)) {
          key = x.type;
          range_over_int = true;
        } else {
          ok = false;
        }
        break;
    }
    if (!ok) {
      if (!cause.empty()) {
        error(start_pos(s->x), "cannot range over " + describe(x) + ": " + cause);
      } else {
        error(start_pos(s->x), "cannot range over " + describe(x));
      }
      key = val = types_.invalid();
    } else if (s->value != nullptr && val == nullptr) {
      error(start_pos(s->value), "range over " + describe(x) + " permits only one iteration variable");
    }
    if (is_untyped(x.type) && !range_over_int && ok) {
      convert_untyped(x, types_.basic(TypeKind::String));
    }
  }

  if (range_func) {
    range_func_stmt(ctx, s, key, val);
    return;
  }
  open_scope();
  Expr* lhs[2] = {s->key, s->value};
  const Type* rhs[2] = {key, val};
  if (s->tok == Tok::Define) {
    std::vector<Object*> vars;
    for (int i = 0; i < 2; ++i) {
      if (lhs[i] == nullptr) continue;
      Object* obj = nullptr;
      if (auto* id = lhs[i]->as<Ident>()) {
        obj = new_var(id, nullptr);
        if (id->name != "_") vars.push_back(obj);
      } else {
        error(start_pos(lhs[i]), "non-name " + expr_str(lhs[i]) + " on left side of :=");
        use_expr(lhs[i]);
        obj = prog_.new_object(ObjKind::Var, "_", lhs[i]->pos);
      }
      const Type* t = rhs[i];
      if (t == nullptr || t->kind == TypeKind::Invalid) {
        obj->type = types_.invalid();
        obj->used = true;
        continue;
      }
      if (i == 1 && is_string(x.type)) spelled_[obj] = &rune_spelling_;
      if (range_over_int) {
        init_var(obj, x, "range clause");
      } else {
        Operand y;
        y.mode = Mode::Value;
        y.expr = lhs[i];
        y.type = t;
        init_var(obj, y, "assignment");
      }
      if (obj->type == nullptr) obj->type = types_.invalid();
      lhs[i]->mode = Mode::Variable;
      lhs[i]->type = obj->type;
    }
    if (!vars.empty()) {
      for (Object* obj : vars) {
        if (Object* alt = scope_->insert(obj)) {
          error(obj->pos, std::string(obj->name) + " redeclared in this block" + alt_decl(alt));
          obj->used = true;
        }
      }
    } else {
      error(s->pos, "no new variables on left side of :=");
    }
  } else if (s->key != nullptr) {
    for (int i = 0; i < 2; ++i) {
      if (lhs[i] == nullptr) continue;
      const Type* t = rhs[i];
      if (t == nullptr || t->kind == TypeKind::Invalid) {
        use_expr(lhs[i]);
        continue;
      }
      if (range_over_int) {
        assign_var(lhs[i], &x, nullptr, "range clause");
        if (x.mode != Mode::Invalid && !is_integer(x.type)) {
          error(start_pos(lhs[i]), "cannot use iteration variable of type " + tstr(x.type));
        }
      } else {
        Operand y;
        y.mode = Mode::Value;
        y.expr = lhs[i];
        y.type = t;
        assign_var(lhs[i], &y, nullptr, "assignment");
      }
    }
  } else if (range_over_int) {
    assignment(x, nullptr, "range clause");
  }
  breakable_.push_back(s);
  if (s->body != nullptr) block_stmt(ctx, s->body);
  breakable_.pop_back();
  close_scope();
}

// `for k, v := range f`: the body becomes the yield function (a FuncInfo of its own, whose
// parameters are the loop variables), so the variables of the enclosing function it uses are
// captured as a closure's are; `state` records how the body left (see RangeStmt).
void Checker::range_func_stmt(unsigned ctx, RangeStmt* s, const Type* key, const Type* val) {
  (void)ctx;
  Object* state = prog_.new_object(ObjKind::Var, "", s->pos);
  state->type = types_.basic(TypeKind::Int);
  state->owner = func_;
  state->used = true;
  s->state = state;
  auto* body = prog_.funcs.emplace_back(std::make_unique<FuncInfo>()).get();
  body->range = s;
  body->outer = func_;
  s->body_func = body;
  int& counter = range_counters_[real_func()];
  body->name = real_func()->name + "-range" + std::to_string(++counter);
  pkg_.literals.push_back(body);
  if (s->tok == Tok::Assign) {
    error(s->tok_pos, "gopark does not support assigning to existing variables in a range over a function (use :=)");
  }
  open_scope();
  FuncInfo* saved = func_;
  func_ = body;
  scope_->func = body;
  Expr* lhs[2] = {s->key, s->value};
  const Type* types[2] = {key, val};
  std::size_t nparams = val != nullptr ? 2 : key != nullptr ? 1 : 0;
  std::vector<const Type*> param_types;
  for (std::size_t i = 0; i < nparams; ++i) {
    param_types.push_back(types[i]);
    Object* obj = nullptr;
    auto* id = lhs[i] != nullptr ? lhs[i]->as<Ident>() : nullptr;
    if (id != nullptr && s->tok == Tok::Define) {
      obj = new_var(id, types[i]);
      if (!body->locals.empty() && body->locals.back() == obj) body->locals.pop_back();  // a parameter
      if (id->name != "_" && scope_->insert(obj) != nullptr) error(obj->pos, std::string(obj->name) + " redeclared in this block");
      lhs[i]->mode = Mode::Variable;
      lhs[i]->type = types[i];
    } else {
      if (lhs[i] != nullptr && s->tok == Tok::Define) {
        error(start_pos(lhs[i]), "non-name " + expr_str(lhs[i]) + " on left side of :=");
      }
      obj = prog_.new_object(ObjKind::Var, "_", s->pos);
      obj->type = types[i];
      obj->used = true;
    }
    obj->is_param = true;
    obj->owner = body;
    body->params.push_back(obj);
  }
  // A variable the iterator has no value for (reported already): declared, so that its uses
  // are not errors too.
  for (std::size_t i = nparams; i < 2; ++i) {
    auto* id = lhs[i] != nullptr ? lhs[i]->as<Ident>() : nullptr;
    if (id == nullptr || s->tok != Tok::Define || id->name == "_") continue;
    Object* obj = new_var(id, types_.invalid());
    obj->used = true;
    scope_->insert(obj);
  }
  Object* result = prog_.new_object(ObjKind::Var, "", s->pos);
  result->type = types_.basic(TypeKind::Bool);
  result->is_result = true;
  result->owner = body;
  body->results.push_back(result);
  body->sig = types_.signature(param_types, {result->type}, false);
  capture(state);
  breakable_.push_back(s);
  if (s->body != nullptr) block_stmt(ctx, s->body);
  breakable_.pop_back();
  func_ = saved;
  close_scope();
}

// The function whose `return` statements a range-over-function body's returns are.
FuncInfo* Checker::real_func() const {
  FuncInfo* f = func_;
  while (f != nullptr && f->range != nullptr) f = f->outer;
  return f;
}

// A break or continue inside range-over-function bodies whose target lies outside some of them:
// each body crossed records it as one of its loop's exits.
void Checker::note_range_exit(BranchStmt* s) {
  if (s->target == nullptr || func_ == nullptr || func_->range == nullptr) return;
  Stmt* target = s->target;
  if (auto* l = target->as<LabeledStmt>()) target = l->stmt;
  auto index_of = [&](const Stmt* st) -> std::ptrdiff_t {
    for (std::size_t i = breakable_.size(); i-- > 0;) {
      if (breakable_[i] == st) return static_cast<std::ptrdiff_t>(i);
    }
    return -1;
  };
  std::ptrdiff_t t = index_of(target);
  for (FuncInfo* f = func_; f != nullptr && f->range != nullptr; f = f->outer) {
    RangeStmt* r = f->range;
    if (r == target || index_of(r) <= t) return;  // the loop's own break/continue, or inside it
    bool is_continue = s->tok == Tok::Continue;
    bool present = false;
    for (std::size_t i = 0; i < r->exits.size(); ++i) {
      if (r->exits[i] == target && r->exit_continue[i] == is_continue) present = true;
    }
    if (!present) {
      r->exits.push_back(target);
      r->exit_continue.push_back(is_continue);
    }
  }
}

// ----------------------------------------------------------------------------------------------
// Terminating statements (spec "Terminating statements")

bool Checker::is_terminating(Stmt* s, std::string_view label) {
  if (s == nullptr) return false;
  switch (s->kind) {
    case StmtKind::Labeled: {
      auto* l = static_cast<LabeledStmt*>(s);
      return is_terminating(l->stmt, l->label->name);
    }
    case StmtKind::ExprStmt: {
      const Expr* e = unparen(static_cast<ExprStmt*>(s)->x);
      if (const auto* call = e->as<CallExpr>()) {
        if (call->form == CallExpr::Form::Builtin) {
          const Expr* f = unparen(call->fun);
          if (const auto* id = f->as<Ident>()) {
            return id->object != nullptr && id->object->kind == ObjKind::Builtin &&
                   id->object->builtin == BuiltinId::Panic;
          }
        }
      }
      return false;
    }
    case StmtKind::Return:
      return true;
    case StmtKind::Branch: {
      Tok t = static_cast<BranchStmt*>(s)->tok;
      return t == Tok::Goto || t == Tok::Fallthrough;
    }
    case StmtKind::Block:
      return is_terminating_list(static_cast<BlockStmt*>(s)->list, "");
    case StmtKind::If: {
      auto* i = static_cast<IfStmt*>(s);
      return i->else_ != nullptr && is_terminating(i->then, "") && is_terminating(i->else_, "");
    }
    case StmtKind::Switch:
      return is_terminating_switch(static_cast<SwitchStmt*>(s)->body, label);
    case StmtKind::TypeSwitch:
      return is_terminating_switch(static_cast<TypeSwitchStmt*>(s)->body, label);
    case StmtKind::Select: {
      auto* sel = static_cast<SelectStmt*>(s);
      if (sel->body == nullptr) return true;
      for (Stmt* c : sel->body->list) {
        auto* cc = c != nullptr ? c->as<CommClause>() : nullptr;
        if (cc == nullptr) continue;
        if (!is_terminating_list(cc->body, "") || has_break_list(cc->body, label, true, 0)) return false;
      }
      return true;
    }
    case StmtKind::For: {
      auto* f = static_cast<ForStmt*>(s);
      return f->cond == nullptr && !has_break(f->body, label, true, 0);
    }
    default:
      return false;
  }
}

bool Checker::is_terminating_list(const std::vector<Stmt*>& list, std::string_view label) {
  for (std::size_t i = list.size(); i-- > 0;) {
    if (list[i] != nullptr && list[i]->kind != StmtKind::Empty) return is_terminating(list[i], label);
  }
  return false;
}

bool Checker::is_terminating_switch(BlockStmt* body, std::string_view label) {
  if (body == nullptr) return false;
  bool has_default = false;
  for (Stmt* c : body->list) {
    auto* cc = c != nullptr ? c->as<CaseClause>() : nullptr;
    if (cc == nullptr) continue;
    if (cc->is_default) has_default = true;
    if (!is_terminating_list(cc->body, "") || has_break_list(cc->body, label, true, 0)) return false;
  }
  return has_default;
}

bool Checker::has_break(Stmt* s, std::string_view label, bool implicit, int depth) {
  if (s == nullptr || depth > kMaxDepth) return false;
  switch (s->kind) {
    case StmtKind::Labeled:
      return has_break(static_cast<LabeledStmt*>(s)->stmt, label, implicit, depth + 1);
    case StmtKind::Branch: {
      auto* b = static_cast<BranchStmt*>(s);
      if (b->tok != Tok::Break) return false;
      if (b->label == nullptr) return implicit;
      return b->label->name == label;
    }
    case StmtKind::Block:
      return has_break_list(static_cast<BlockStmt*>(s)->list, label, implicit, depth + 1);
    case StmtKind::If: {
      auto* i = static_cast<IfStmt*>(s);
      return has_break(i->then, label, implicit, depth + 1) ||
             (i->else_ != nullptr && has_break(i->else_, label, implicit, depth + 1));
    }
    case StmtKind::Switch:
    case StmtKind::TypeSwitch:
    case StmtKind::Select: {
      if (label.empty()) return false;
      BlockStmt* body = s->kind == StmtKind::Switch       ? static_cast<SwitchStmt*>(s)->body
                        : s->kind == StmtKind::TypeSwitch ? static_cast<TypeSwitchStmt*>(s)->body
                                                          : static_cast<SelectStmt*>(s)->body;
      if (body == nullptr) return false;
      for (Stmt* c : body->list) {
        if (c == nullptr) continue;
        if (auto* cc = c->as<CaseClause>()) {
          if (has_break_list(cc->body, label, false, depth + 1)) return true;
        } else if (auto* cm = c->as<CommClause>()) {
          if (has_break_list(cm->body, label, false, depth + 1)) return true;
        }
      }
      return false;
    }
    case StmtKind::For:
      return !label.empty() && has_break(static_cast<ForStmt*>(s)->body, label, false, depth + 1);
    case StmtKind::Range:
      return !label.empty() && has_break(static_cast<RangeStmt*>(s)->body, label, false, depth + 1);
    default:
      return false;
  }
}

bool Checker::has_break_list(const std::vector<Stmt*>& list, std::string_view label, bool implicit,
                             int depth) {
  for (Stmt* s : list) {
    if (has_break(s, label, implicit, depth)) return true;
  }
  return false;
}

}  // namespace gopark::lang::checker_detail
