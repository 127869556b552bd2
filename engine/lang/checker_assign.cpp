// Assignments (spec "Assignment statements", "Short variable declarations"): assignability of
// one value to a target, the n:n and n:1 forms, := with its new-variable rules, and the count
// mismatches of assignments and return statements.
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

}  // namespace

void Checker::assignment(Operand& x, const Type* t, const std::string& context) {
  single_value(x);
  switch (x.mode) {
    case Mode::Invalid:
      return;
    case Mode::Constant:
    case Mode::Variable:
    case Mode::MapIndex:
    case Mode::Value:
    case Mode::CommaOk:
      break;
    default:
      error(start_pos(x.expr), "cannot assign " + describe(x) + " to " +
                                   (t != nullptr ? tstr(t) : std::string("_")) + " in " + context);
      x.mode = Mode::Invalid;
      return;
  }
  if (is_untyped(x.type)) {
    const Type* target = t;
    if (t == nullptr || is_interface(t)) {
      bool nil = x.is_nil() || x.type->kind == TypeKind::UntypedNil;
      if (t == nullptr && nil) {
        error(start_pos(x.expr), "use of untyped nil in " + context);
        x.mode = Mode::Invalid;
        return;
      }
      if (!nil) target = default_type(types_, x.type);
    }
    const Type* new_type = nullptr;
    ConstValue val;
    bool has_val = false;
    ConvError code = implicit_type_and_value(x, target, &new_type, &val, &has_val);
    if (code != ConvError::None) {
      std::string msg = "cannot use " + describe(x) + " as " + target_text(target) + " value in " + context;
      if (code == ConvError::Truncated) msg += " (truncated)";
      if (code == ConvError::Overflow) msg += " (overflows)";
      error(start_pos(x.expr), msg);
      x.mode = Mode::Invalid;
      return;
    }
    if (has_val) {
      x.val = val;
      update_expr_val(x.expr, val);
    }
    if (new_type != x.type) {
      x.type = new_type;
      update_expr_type(x.expr, new_type, false);
    }
  }
  if (t == nullptr) return;
  std::string cause;
  if (!assignable_to(x, t, &cause)) {
    std::string msg = "cannot use " + describe(x) + " as " + target_text(t) + " value in " + context;
    if (!cause.empty()) msg += ": " + cause;
    error(start_pos(x.expr), msg);
    x.mode = Mode::Invalid;
  }
}

const Type* Checker::lhs_var(Expr* lhs) {
  const Expr* u = unparen(lhs);
  const Ident* id = u != nullptr ? u->as<Ident>() : nullptr;
  if (id != nullptr && id->name == "_") {
    lhs->mode = Mode::Variable;
    return nullptr;
  }
  Object* v = nullptr;
  bool v_used = false;
  if (id != nullptr) {
    Object* obj = scope_->lookup(id->name);
    if (obj != nullptr && obj->kind == ObjKind::Var && obj->pkg == &pkg_) {
      v = obj;
      v_used = v->used;
    }
  }
  Operand x;
  expr(x, lhs);
  if (v != nullptr) v->used = v_used;
  if (x.mode == Mode::Invalid) return types_.invalid();
  switch (x.mode) {
    case Mode::Variable:
    case Mode::MapIndex:
      break;
    default: {
      if (const auto* sel = x.expr->as<SelectorExpr>()) {
        if (sel->x->mode == Mode::MapIndex) {
          error(start_pos(x.expr), "cannot assign to struct field " + expr_str(x.expr) + " in map");
          return types_.invalid();
        }
      }
      error(start_pos(x.expr), "cannot assign to " + expr_str(x.expr) +
                                   " (neither addressable nor a map index expression)");
      return types_.invalid();
    }
  }
  return x.type;
}

void Checker::assign_var(Expr* lhs, Operand* x, Expr* rhs, const std::string& context) {
  const Type* t = lhs_var(lhs);
  if (t != nullptr && t->kind == TypeKind::Invalid) {
    if (x != nullptr) {
      x->mode = Mode::Invalid;
    } else {
      use_expr(rhs);
    }
    return;
  }
  Operand local;
  if (x == nullptr) {
    x = &local;
    expr_with_hint(*x, rhs, t);
  }
  std::string ctx = context;
  if (t == nullptr && context == "assignment") ctx = "assignment to _ identifier";
  TargetSpelling spelling(*this, spelling_of(lhs, t));
  assignment(*x, t, ctx);
}

void Checker::assign_error(const std::vector<Expr*>& rhs, std::size_t l, std::size_t r) {
  std::string vars = std::to_string(l) + (l == 1 ? " variable" : " variables");
  std::string vals = std::to_string(r) + (r == 1 ? " value" : " values");
  Expr* rhs0 = rhs.empty() ? nullptr : rhs[0];
  if (rhs.size() == 1) {
    if (const auto* call = unparen(rhs0)->as<CallExpr>()) {
      error(start_pos(rhs0), "assignment mismatch: " + vars + " but " + expr_str(call->fun) +
                                 " returns " + vals);
      return;
    }
  }
  error(start_pos(rhs0), "assignment mismatch: " + vars + " but " + vals);
}

void Checker::assign_vars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs) {
  std::size_t l = lhs.size(), r = rhs.size();
  bool is_call = r == 1 && unparen(rhs[0])->kind == ExprKind::Call;
  if (l == r && !is_call) {
    for (std::size_t i = 0; i < l; ++i) assign_var(lhs[i], nullptr, rhs[i], "assignment");
    return;
  }
  if (r != 1) {
    std::size_t errors = diags_.size();
    for (Expr* e : lhs) {
      const Expr* u = unparen(e);
      if (u->kind == ExprKind::Ident && static_cast<const Ident*>(u)->name == "_") continue;
      lhs_var(e);
    }
    use_exprs(rhs);
    if (diags_.size() == errors) assign_error(rhs, l, r);
    return;
  }
  std::vector<Operand> values;
  multi_expr(values, rhs[0], l == 2);
  r = values.size();
  if (l == r) {
    for (std::size_t i = 0; i < l; ++i) assign_var(lhs[i], &values[i], nullptr, "assignment");
    return;
  }
  if (values[0].mode != Mode::Invalid) assign_error(rhs, l, r);
  for (Expr* e : lhs) {
    const Expr* u = unparen(e);
    if (u->kind == ExprKind::Ident && static_cast<const Ident*>(u)->name == "_") continue;
    lhs_var(e);
  }
}

void Checker::short_var_decl(AssignStmt* s) {
  std::unordered_set<std::string_view> seen;
  std::vector<Object*> lhs_vars(s->lhs.size(), nullptr);
  std::vector<Object*> new_vars;
  bool has_err = false;
  for (std::size_t i = 0; i < s->lhs.size(); ++i) {
    Expr* e = s->lhs[i];
    auto* id = e->as<Ident>();
    if (id == nullptr) {
      use_expr(e);
      error(start_pos(e), "non-name " + expr_str(e) + " on left side of :=");
      has_err = true;
      continue;
    }
    if (id->name != "_") {
      if (!seen.insert(id->name).second) {
        error(id->pos, std::string(id->name) + " repeated on left side of :=");
        has_err = true;
        continue;
      }
    }
    if (Object* alt = scope_->lookup_local(id->name)) {
      id->object = alt;
      if (alt->kind == ObjKind::Var) {
        lhs_vars[i] = alt;
        id->mode = Mode::Variable;
        id->type = alt->type;
      } else {
        error(id->pos, "cannot assign to " + expr_str(e));
        has_err = true;
      }
      continue;
    }
    Object* obj = new_var(id, nullptr);
    lhs_vars[i] = obj;
    if (id->name != "_") new_vars.push_back(obj);
  }
  for (std::size_t i = 0; i < lhs_vars.size(); ++i) {
    if (lhs_vars[i] == nullptr) {
      lhs_vars[i] = prog_.new_object(ObjKind::Var, "_", s->lhs[i]->pos);
      lhs_vars[i]->used = true;
    }
  }
  init_vars(lhs_vars, s->rhs, nullptr, Pos{});
  for (std::size_t i = 0; i < s->lhs.size(); ++i) {
    if (auto* id = s->lhs[i]->as<Ident>()) {
      id->mode = Mode::Variable;
      id->type = lhs_vars[i]->type;
    }
  }
  if (new_vars.empty() && !has_err) {
    error(s->tok_pos.valid() ? s->tok_pos : s->pos, "no new variables on left side of :=");
    return;
  }
  for (Object* obj : new_vars) declare(scope_, nullptr, obj);
}

void Checker::init_var(Object* lhs, Operand& x, const std::string& context) {
  if (x.mode == Mode::Invalid || x.type == nullptr || x.type->kind == TypeKind::Invalid ||
      (lhs->type != nullptr && lhs->type->kind == TypeKind::Invalid)) {
    if (lhs->type == nullptr) lhs->type = types_.invalid();
    x.mode = Mode::Invalid;
    lhs->used = true;  // as gc: no "declared and not used" on top of the initializer's error
    return;
  }
  if (lhs->type == nullptr) {
    const Type* t = x.type;
    if (is_untyped(t)) {
      if (t->kind == TypeKind::UntypedNil) {
        error(start_pos(x.expr), "use of untyped nil in " + context);
        lhs->type = types_.invalid();
        x.mode = Mode::Invalid;
        return;
      }
      t = default_type(types_, t);
    }
    lhs->type = t;
  }
  auto it = spelled_.find(lhs);
  TargetSpelling spelling(*this, it != spelled_.end() ? it->second : nullptr);
  assignment(x, lhs->type, context);
  if (x.mode == Mode::Invalid) lhs->used = true;
}

void Checker::return_error(ReturnStmt* s, const std::vector<Object*>& lhs, std::vector<Operand>& rhs) {
  std::size_t l = lhs.size(), r = rhs.size();
  Pos at = s->pos;
  const char* qualifier = "not enough";
  if (r > l) {
    at = start_pos(rhs[l].expr);
    qualifier = "too many";
  } else if (r > 0) {
    at = start_pos(rhs[r - 1].expr);
  }
  std::vector<const Type*> have, want;
  for (const Operand& o : rhs) have.push_back(o.type);
  for (const Object* o : lhs) want.push_back(o->type);
  error(at, std::string(qualifier) + " return values\n\thave " + types_summary(have, false) +
                "\n\twant " + types_summary(want, false));
}

void Checker::init_vars(const std::vector<Object*>& lhs, const std::vector<Expr*>& rhs,
                        ReturnStmt* return_stmt, Pos /*pos_for_return*/) {
  std::string context = return_stmt != nullptr ? "return statement" : "assignment";
  std::size_t l = lhs.size(), r = rhs.size();
  bool is_call = r == 1 && unparen(rhs[0])->kind == ExprKind::Call;
  if (l == r && !is_call) {
    for (std::size_t i = 0; i < l; ++i) {
      Operand x;
      expr_with_hint(x, rhs[i], lhs[i]->type);
      init_var(lhs[i], x, context);
    }
    return;
  }
  if (r != 1) {
    std::size_t errors = diags_.size();
    std::vector<Operand> values;
    for (Expr* e : rhs) {
      Operand x;
      expr(x, e);
      values.push_back(x);
    }
    if (diags_.size() == errors) {
      if (return_stmt != nullptr) {
        return_error(return_stmt, lhs, values);
      } else {
        assign_error(rhs, l, r);
      }
    }
    for (Object* v : lhs) {
      if (v->type == nullptr) v->type = types_.invalid();
    }
    return;
  }
  std::vector<Operand> values;
  multi_expr(values, rhs[0], l == 2 && return_stmt == nullptr);
  r = values.size();
  if (l == r) {
    for (std::size_t i = 0; i < l; ++i) init_var(lhs[i], values[i], context);
    return;
  }
  if (values[0].mode != Mode::Invalid) {
    if (return_stmt != nullptr) {
      return_error(return_stmt, lhs, values);
    } else {
      assign_error(rhs, l, r);
    }
  }
  for (Object* v : lhs) {
    if (v->type == nullptr) v->type = types_.invalid();
  }
}

}  // namespace gopark::lang::checker_detail
