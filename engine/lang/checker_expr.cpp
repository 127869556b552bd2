// Expressions (spec "Expressions"): the dispatch, identifiers, literals, function literals and the
// operators. Selectors, indexing and composite literals are in checker_operand.cpp; calls in
// checker_call.cpp; untyped constants' conversions in checker_untyped.cpp.
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}


std::string_view op_name(const Expr* e) {
  if (const auto* b = e != nullptr ? e->as<BinaryExpr>() : nullptr) {
    switch (b->op) {
      case Tok::Add: return "addition";
      case Tok::Sub: return "subtraction";
      case Tok::Xor: return "bitwise XOR";
      case Tok::Mul: return "multiplication";
      case Tok::Shl: return "shift";
      default: return "";
    }
  }
  if (const auto* u = e != nullptr ? e->as<UnaryExpr>() : nullptr) {
    if (u->op == Tok::Xor) return "bitwise complement";
  }
  return "";
}

}  // namespace

// ----------------------------------------------------------------------------------------------
// Entry points

void Checker::expr(Operand& x, Expr* e) {
  raw_expr(x, e, nullptr, false);
  exclude(x, mode_bit(Mode::NoValue) | mode_bit(Mode::Builtin) | mode_bit(Mode::TypeExpr));
  single_value(x);
}

void Checker::expr_with_hint(Operand& x, Expr* e, const Type* hint) {
  raw_expr(x, e, hint, false);
  exclude(x, mode_bit(Mode::NoValue) | mode_bit(Mode::Builtin) | mode_bit(Mode::TypeExpr));
  single_value(x);
}

void Checker::expr_or_type(Operand& x, Expr* e) {
  raw_expr(x, e, nullptr, false);
  exclude(x, mode_bit(Mode::NoValue));
  single_value(x);
}

void Checker::multi_expr(std::vector<Operand>& list, Expr* e, bool allow_comma_ok) {
  Operand x;
  raw_expr(x, e, nullptr, false);
  exclude(x, mode_bit(Mode::NoValue) | mode_bit(Mode::Builtin) | mode_bit(Mode::TypeExpr));
  if (x.mode != Mode::Invalid && x.type != nullptr) {
    if (const auto* tuple = x.type->as<TupleType>()) {
      for (const Type* t : tuple->types) {
        Operand v;
        v.mode = Mode::Value;
        v.expr = e;
        v.type = t;
        list.push_back(v);
      }
      return;
    }
  }
  list.push_back(x);
  if (allow_comma_ok && (x.mode == Mode::MapIndex || x.mode == Mode::CommaOk)) {
    Operand ok;
    ok.mode = Mode::Value;
    ok.expr = e;
    ok.type = types_.basic(TypeKind::UntypedBool);
    list.push_back(ok);
  }
}

void Checker::raw_expr(Operand& x, Expr* e, const Type* hint, bool allow_generic) {
  DepthGuard guard(*this);
  if (too_deep(e->pos)) {
    x = Operand{};
    x.expr = e;
    e->mode = Mode::Invalid;
    e->type = types_.invalid();
    return;
  }
  last_kind_ = ExprKind2::Expression;
  expr_internal(x, e, hint);
  x.expr = e;
  if (x.generic != nullptr && !allow_generic) {
    error(start_pos(e), "cannot use generic function " + expr_str(e) + " without instantiation");
    x.generic = nullptr;
    x.mode = Mode::Invalid;
  }
  if (x.generic_type != nullptr && !allow_generic) {
    error(start_pos(e), "cannot use generic type " + generic_type_text(*x.generic_type) + " without instantiation");
    x.generic_type = nullptr;
    x.mode = Mode::Invalid;
  }
  record(x);
}

void Checker::exclude(Operand& x, unsigned modes) {
  if ((modes & mode_bit(x.mode)) == 0) return;
  std::string msg;
  switch (x.mode) {
    case Mode::NoValue:
      msg = (modes & mode_bit(Mode::TypeExpr)) != 0 ? " used as value" : " used as value or type";
      break;
    case Mode::Builtin: msg = " must be called"; break;
    case Mode::TypeExpr: msg = " is not an expression"; break;
    default: return;
  }
  error(start_pos(x.expr), describe(x) + msg);
  x.mode = Mode::Invalid;
}

void Checker::single_value(Operand& x) {
  if (x.mode != Mode::Value || x.type == nullptr) return;
  if (x.type->as<TupleType>() != nullptr) {
    error(start_pos(x.expr), "multiple-value " + describe(x) + " in single-value context");
    x.mode = Mode::Invalid;
  }
}

void Checker::use_exprs(const std::vector<Expr*>& list) {
  for (Expr* e : list) use_expr(e);
}

// Evaluates e only to mark what it uses (after an error elsewhere), without reporting anything
// more than the evaluation itself does.
void Checker::use_expr(Expr* e) {
  if (e == nullptr) return;
  Operand x;
  raw_expr(x, e, nullptr, false);
}

void Checker::expr_internal(Operand& x, Expr* e, const Type* hint) {
  x = Operand{};
  x.expr = e;
  x.type = types_.invalid();
  switch (e->kind) {
    case ExprKind::Bad:
      return;
    case ExprKind::Ident:
      ident(x, static_cast<Ident*>(e), nullptr, false);
      return;
    case ExprKind::Ellipsis:
      error(e->pos, "invalid use of '...'");
      return;
    case ExprKind::BasicLit:
      basic_lit(x, static_cast<BasicLit*>(e));
      return;
    case ExprKind::FuncLit:
      func_lit(x, static_cast<FuncLit*>(e));
      return;
    case ExprKind::CompositeLit:
      composite_lit(x, static_cast<CompositeLit*>(e), hint);
      return;
    case ExprKind::Paren: {
      auto* p = static_cast<ParenExpr*>(e);
      raw_expr(x, p->x, nullptr, false);
      ExprKind2 kind = last_kind_;
      x.expr = e;
      last_kind_ = kind;
      return;
    }
    case ExprKind::Selector:
      selector(x, static_cast<SelectorExpr*>(e), nullptr, false);
      return;
    case ExprKind::Index:
      index_expr(x, static_cast<IndexExpr*>(e));
      return;
    case ExprKind::SliceExpr:
      slice_expr(x, static_cast<SliceExpr*>(e));
      return;
    case ExprKind::TypeAssert:
      type_assert(x, static_cast<TypeAssertExpr*>(e));
      return;
    case ExprKind::Call:
      last_kind_ = call_expr(x, static_cast<CallExpr*>(e));
      return;
    case ExprKind::Star:
      star_expr(x, static_cast<StarExpr*>(e));
      return;
    case ExprKind::Unary:
      unary(x, static_cast<UnaryExpr*>(e));
      return;
    case ExprKind::Binary: {
      auto* b = static_cast<BinaryExpr*>(e);
      binary(x, e, b->x, b->y, b->op, b->op_pos);
      return;
    }
    case ExprKind::KeyValue:
      error(start_pos(e), "unexpected key:value expression");
      return;
    case ExprKind::ArrayType:
    case ExprKind::StructType:
    case ExprKind::FuncType:
    case ExprKind::InterfaceType:
    case ExprKind::MapType:
    case ExprKind::ChanType: {
      const Type* t = type_expr(e);
      x.expr = e;
      if (t->kind == TypeKind::Invalid) return;
      x.mode = Mode::TypeExpr;
      x.type = t;
      return;
    }
  }
}

// ----------------------------------------------------------------------------------------------
// Identifiers

void Checker::ident(Operand& x, Ident* e, NamedType* def, bool want_type) {
  x.mode = Mode::Invalid;
  x.expr = e;
  x.type = types_.invalid();
  (void)def;
  Object* obj = scope_->lookup(e->name);
  if (obj == nullptr) {
    if (e->name == "_") {
      error(e->pos, "cannot use _ as value or type");
    } else {
      error(e->pos, "undefined: " + std::string(e->name));
    }
    return;
  }
  e->object = obj;
  if (obj->kind == ObjKind::Package) {
    error(e->pos, "use of package " + std::string(obj->name) + " not in selector");
    obj->used = true;
    return;
  }
  if (obj->type == nullptr || (obj->kind == ObjKind::TypeName && want_type)) object_decl(obj);
  const Type* typ = obj->type;
  if (typ == nullptr) {
    // A type whose declaration is in progress and cannot be resolved (an alias cycle).
    if (obj->kind == ObjKind::TypeName) report_recursive_type(obj);
    obj->type = types_.invalid();
    return;
  }
  switch (obj->kind) {
    case ObjKind::Package:
      error(e->pos, "use of package " + std::string(obj->name) + " not in selector");
      obj->used = true;
      return;
    case ObjKind::Const:
      record_dependency(obj);
      if (typ->kind == TypeKind::Invalid) return;
      if (obj->pkg == nullptr && obj->name == "iota") {
        if (!has_iota_) {
          error(e->pos, "cannot use iota outside constant declaration");
          return;
        }
        x.val = iota_value_;
      } else {
        x.val = obj->value;
      }
      x.mode = Mode::Constant;
      break;
    case ObjKind::TypeName:
      x.mode = Mode::TypeExpr;
      if (obj->generic_type != nullptr) {
        x.generic_type = obj->generic_type;
        x.type = types_.invalid();
        return;
      }
      break;
    case ObjKind::Var:
      if (obj->pkg == &pkg_) obj->used = true;
      record_dependency(obj);
      capture(obj);
      if (typ->kind == TypeKind::Invalid) return;
      x.mode = Mode::Variable;
      break;
    case ObjKind::Func:
      record_dependency(obj);
      x.mode = Mode::Value;
      if (obj->generic != nullptr) {
        x.generic = obj->generic;
        x.type = types_.invalid();
        return;
      }
      break;
    case ObjKind::Builtin:
      x.builtin = obj->builtin;
      x.mode = Mode::Builtin;
      break;
    case ObjKind::Nil:
      x.mode = Mode::Value;
      break;
    default:
      return;
  }
  x.type = typ;
}

// A local variable used by a function literal nested inside its declaring function lives in a
// heap cell, and every literal between the use and the declaration carries it.
void Checker::capture(Object* var) {
  if (var->owner == nullptr || func_ == nullptr || var->owner == func_) return;
  var->boxed = true;
  for (FuncInfo* f = func_; f != nullptr && f != var->owner; f = f->outer) {
    bool present = false;
    for (Object* o : f->free_vars) {
      if (o == var) {
        present = true;
        break;
      }
    }
    if (!present) f->free_vars.push_back(var);
  }
}

// ----------------------------------------------------------------------------------------------
// Literals

void Checker::basic_lit(Operand& x, BasicLit* e) {
  if (e->lit == Tok::Imag) {
    error(e->pos, "gopark does not support complex numbers");
    return;
  }
  if ((e->lit == Tok::Int || e->lit == Tok::Float) && e->text.size() > 10000) {
    error(e->pos, "excessively long constant: " + std::string(e->text.substr(0, 10)) + "... (" +
                      std::to_string(e->text.size()) + " chars)");
    return;
  }
  ConstValue v = ConstValue::from_literal(e->lit, e->text);
  if (v.is_unknown()) {
    error(e->pos, "malformed constant: " + std::string(e->text));
    return;
  }
  TypeKind k = TypeKind::UntypedInt;
  switch (e->lit) {
    case Tok::Float: k = TypeKind::UntypedFloat; break;
    case Tok::Char: k = TypeKind::UntypedRune; break;
    case Tok::String: k = TypeKind::UntypedString; break;
    default: break;
  }
  x.mode = Mode::Constant;
  x.type = types_.basic(k);
  x.val = std::move(v);
}

void Checker::func_lit(Operand& x, FuncLit* e) {
  auto* info = prog_.funcs.emplace_back(std::make_unique<FuncInfo>()).get();
  info->lit = e;
  info->outer = func_;
  e->info = info;
  const SignatureType* sig = func_type(e->sig, info, nullptr, nullptr);
  int& counter = literal_counters_[func_];
  ++counter;
  if (func_ == nullptr) {
    info->name = (pkg_.is_library ? pkg_.path : pkg_.name) + ".init.func" + std::to_string(counter);
  } else if (func_->lit != nullptr) {
    info->name = func_->name + "." + std::to_string(counter);
  } else {
    info->name = func_->name + ".func" + std::to_string(counter);
  }
  pkg_.literals.push_back(info);
  if (e->body != nullptr) func_body(info, sig, e->body, scope_);
  x.mode = Mode::Value;
  x.type = sig;
}

// ----------------------------------------------------------------------------------------------
// Operators

bool Checker::op_allowed(Tok op, Operand& x, bool binary_op) {
  bool ok = true;
  const Type* t = x.type;
  switch (op) {
    case Tok::Add:
      ok = binary_op ? (is_numeric(t) || is_string(t)) : is_numeric(t);
      break;
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo:
      ok = is_numeric(t);
      break;
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot:
      ok = is_integer(t);
      break;
    case Tok::LogAnd:
    case Tok::LogOr:
    case Tok::Not:
      ok = is_boolean(t);
      break;
    default:
      error(start_pos(x.expr), "unknown operator " + std::string(spelling(op)));
      return false;
  }
  if (!ok) {
    error(start_pos(x.expr), "invalid operation: operator " + std::string(spelling(op)) +
                                 " not defined on " + describe(x));
  }
  return ok;
}

void Checker::star_expr(Operand& x, StarExpr* e) {
  expr_or_type(x, e->x);
  switch (x.mode) {
    case Mode::Invalid:
      x.mode = Mode::Invalid;
      return;
    case Mode::TypeExpr:
      x.type = types_.pointer(x.type);
      return;
    default: {
      if (x.is_nil()) {
        error(start_pos(x.expr), "invalid operation: cannot indirect nil");
        x.mode = Mode::Invalid;
        return;
      }
      const auto* p = under(x.type)->as<PointerType>();
      if (p == nullptr) {
        if (under(x.type)->kind != TypeKind::Invalid) {
          error(start_pos(x.expr), "invalid operation: cannot indirect " + describe(x));
        }
        x.mode = Mode::Invalid;
        return;
      }
      x.mode = Mode::Variable;
      x.type = p->elem;
      return;
    }
  }
}

// Marks the variable whose address an expression takes (directly or by taking the address of
// one of its fields or array elements) as living in a heap cell.
void Checker::mark_addressed(Expr* e) {
  for (int guard = 0; e != nullptr && guard < 10000; ++guard) {
    switch (e->kind) {
      case ExprKind::Paren:
        e = static_cast<ParenExpr*>(e)->x;
        break;
      case ExprKind::Ident: {
        Object* obj = static_cast<Ident*>(e)->object;
        if (obj != nullptr && obj->kind == ObjKind::Var && !obj->is_global && !obj->is_field) {
          obj->boxed = true;
        }
        return;
      }
      case ExprKind::Selector: {
        auto* s = static_cast<SelectorExpr*>(e);
        Selection* sel = s->selection;
        if (sel == nullptr || sel->kind != SelectionKind::Field) return;
        // Through a pointer the address is already in the heap.
        for (bool d : sel->deref) {
          if (d) return;
        }
        if (sel->x_deref) return;
        e = s->x;
        break;
      }
      case ExprKind::Index: {
        auto* i = static_cast<IndexExpr*>(e);
        const Type* t = i->x->type;
        if (t == nullptr || under(t)->kind != TypeKind::Array) return;
        e = i->x;
        break;
      }
      default:
        return;
    }
  }
}

void Checker::unary(Operand& x, UnaryExpr* e) {
  expr(x, e->x);
  if (x.mode == Mode::Invalid) return;
  switch (e->op) {
    case Tok::And: {
      const Expr* inner = unparen(e->x);
      if ((inner == nullptr || inner->kind != ExprKind::CompositeLit) && x.mode != Mode::Variable) {
        error(start_pos(x.expr), "invalid operation: cannot take address of " + describe(x));
        x.mode = Mode::Invalid;
        return;
      }
      mark_addressed(e->x);
      x.mode = Mode::Value;
      x.type = types_.pointer(x.type);
      x.expr = e;
      return;
    }
    case Tok::Arrow: {
      const auto* ch = under(x.type)->as<ChanType>();
      if (ch == nullptr) {
        error(start_pos(x.expr), "invalid operation: cannot receive from non-channel " + describe(x));
        x.mode = Mode::Invalid;
        return;
      }
      if (ch->dir == ChanDir::Send) {
        error(start_pos(x.expr),
              "invalid operation: cannot receive from send-only channel " + describe(x));
        x.mode = Mode::Invalid;
        return;
      }
      x.mode = Mode::CommaOk;
      x.type = ch->elem;
      x.expr = e;
      last_kind_ = ExprKind2::Statement;
      return;
    }
    case Tok::Tilde:
      error(e->pos, "cannot use ~ outside of interface or type constraint");
      x.mode = Mode::Invalid;
      return;
    default:
      break;
  }
  if (!op_allowed(e->op, x, false)) {
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant) {
    if (x.val.is_unknown()) return;
    int bits = is_unsigned(x.type) ? bit_size(under(x.type)->kind) : 0;
    x.val = ConstValue::unary(e->op, x.val, bits);
    x.expr = e;
    overflow(x, e->pos);
    return;
  }
  x.mode = Mode::Value;
  x.expr = e;
}

void Checker::overflow(Operand& x, Pos op_pos) {
  if (x.val.is_unknown()) {
    error(op_pos, "constant result is not representable");
    return;
  }
  if (!is_untyped(x.type)) {
    representable(x, under(x.type));
    return;
  }
  if (x.val.kind() == ConstKind::Int && x.val.int_bit_len() > 512) {
    std::string_view op = op_name(x.expr);
    error(op_pos, "constant " + (op.empty() ? std::string() : std::string(op) + " ") + "overflow");
    x.val = ConstValue();
  }
}

void Checker::match_types(Operand& x, Operand& y) {
  auto may_convert = [&](const Operand& a, const Operand& b) {
    if (!is_untyped(a.type) && !is_untyped(b.type)) return false;
    if (is_interface(a.type) || is_interface(b.type)) return true;
    if (is_boolean(a.type) != is_boolean(b.type)) return false;
    if (is_string(a.type) != is_string(b.type)) return false;
    if (a.is_nil() || a.type->kind == TypeKind::UntypedNil) return has_nil(b.type);
    if (b.is_nil() || b.type->kind == TypeKind::UntypedNil) return has_nil(a.type);
    if (under(a.type)->kind == TypeKind::Pointer || under(b.type)->kind == TypeKind::Pointer) return false;
    return true;
  };
  if (!may_convert(x, y)) return;
  convert_untyped(x, y.type);
  if (x.mode == Mode::Invalid) return;
  convert_untyped(y, x.type);
  if (y.mode == Mode::Invalid) x.mode = Mode::Invalid;
}

void Checker::binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Tok op, Pos op_pos) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.mode == Mode::Invalid) return;
  if (y.mode == Mode::Invalid) {
    x.mode = Mode::Invalid;
    x.expr = y.expr;
    return;
  }
  if (op == Tok::Shl || op == Tok::Shr) {
    shift(x, y, e, op, op_pos);
    return;
  }
  match_types(x, y);
  if (x.mode == Mode::Invalid) return;
  if (op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
      op == Tok::Geq) {
    comparison(x, y, op, false, e);
    return;
  }
  if (x.type != y.type) {
    if (x.type->kind != TypeKind::Invalid && y.type->kind != TypeKind::Invalid) {
      std::string types = " (mismatched types " + operand_type_text(x) + " and " +
                          operand_type_text(y) + ")";
      if (e != nullptr) {
        error(start_pos(x.expr), "invalid operation: " + expr_str(e) + types);
      } else {
        error(start_pos(x.expr), "invalid operation: " + expr_str(lhs) + " " +
                                     std::string(spelling(op)) + "= " + expr_str(rhs) + types);
      }
    }
    x.mode = Mode::Invalid;
    return;
  }
  if (!op_allowed(op, x, true)) {
    x.mode = Mode::Invalid;
    return;
  }
  if (op == Tok::Quo || op == Tok::Rem) {
    if ((x.mode == Mode::Constant || is_integer(x.type)) && y.mode == Mode::Constant &&
        !y.val.is_unknown() && y.val.is_numeric() && y.val.is_zero()) {
      error(start_pos(y.expr), "invalid operation: division by zero");
      x.mode = Mode::Invalid;
      return;
    }
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    if (x.val.is_unknown() || y.val.is_unknown()) {
      x.val = ConstValue();
      return;
    }
    x.val = ConstValue::binary(op, x.val, y.val, op == Tok::Quo && is_integer(x.type));
    x.expr = e;
    overflow(x, op_pos);
    return;
  }
  x.mode = Mode::Value;
  x.expr = e;
}

void Checker::shift(Operand& x, Operand& y, Expr* e, Tok op, Pos op_pos) {
  ConstValue xval;
  if (x.mode == Mode::Constant) xval = x.val.to_int();
  if (is_integer(x.type) || (is_untyped(x.type) && x.mode == Mode::Constant &&
                             xval.kind() == ConstKind::Int)) {
    // ok
  } else {
    error(start_pos(x.expr), "invalid operation: shifted operand " + describe(x) + " must be integer");
    x.mode = Mode::Invalid;
    return;
  }
  if (y.mode == Mode::Constant) {
    ConstValue yval = y.val.to_int();
    if (yval.kind() == ConstKind::Int && yval.sign() < 0) {
      error(start_pos(y.expr), "invalid operation: negative shift count " + describe(y));
      x.mode = Mode::Invalid;
      return;
    }
    if (is_untyped(y.type)) {
      representable(y, types_.basic(TypeKind::Uint));
      if (y.mode == Mode::Invalid) {
        x.mode = Mode::Invalid;
        return;
      }
    }
  } else if (is_integer(y.type)) {
    // ok
  } else if (is_untyped(y.type)) {
    convert_untyped(y, types_.basic(TypeKind::Uint));
    if (y.mode == Mode::Invalid) {
      x.mode = Mode::Invalid;
      return;
    }
  } else {
    error(start_pos(y.expr), "invalid operation: shift count " + describe(y) + " must be integer");
    x.mode = Mode::Invalid;
    return;
  }

  if (x.mode == Mode::Constant) {
    if (y.mode == Mode::Constant) {
      if (x.val.is_unknown() || y.val.is_unknown()) {
        x.val = ConstValue();
        if (!is_integer(x.type)) x.type = types_.basic(TypeKind::UntypedInt);
        return;
      }
      constexpr std::uint64_t kShiftBound = 1023 - 1 + 52;
      std::optional<std::uint64_t> s = y.val.to_int().to_uint64();
      if (!s || *s > kShiftBound) {
        error(start_pos(y.expr), "invalid operation: invalid shift count " + describe(y));
        x.mode = Mode::Invalid;
        return;
      }
      if (!is_integer(x.type)) x.type = types_.basic(TypeKind::UntypedInt);
      x.val = ConstValue::shift(op, xval, *s);
      x.expr = e;
      overflow(x, op_pos);
      return;
    }
    if (is_untyped(x.type)) {
      // spec: the constant gets the type the shift expression would get if the shift were
      // replaced by its left operand alone; decided when the shift's type becomes known.
      auto it = untyped_.find(x.expr);
      if (it != untyped_.end()) it->second.is_lhs = true;
      x.mode = Mode::Value;
      x.expr = e;
      return;
    }
  }
  if (!is_integer(x.type)) {
    error(start_pos(x.expr), "invalid operation: shifted operand " + describe(x) + " must be integer");
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Value;
  x.expr = e;
}

std::string Checker::kind_string(const Type* t) {
  switch (under(t)->kind) {
    case TypeKind::Array: return "array";
    case TypeKind::Slice: return "slice";
    case TypeKind::Struct: return "struct";
    case TypeKind::Pointer: return "pointer";
    case TypeKind::Signature: return "func";
    case TypeKind::Interface: return "interface";
    case TypeKind::Map: return "map";
    case TypeKind::Chan: return "chan";
    default: return tstr(t);
  }
}

std::string Checker::incomparable_cause(const Type* t) {
  switch (under(t)->kind) {
    case TypeKind::Slice:
    case TypeKind::Signature:
    case TypeKind::Map:
      return kind_string(t) + " can only be compared to nil";
    default:
      break;
  }
  // A struct or array with an incomparable element: name it.
  const Type* u = under(t);
  for (int guard = 0; guard < 64; ++guard) {
    if (const auto* a = u->as<ArrayType>()) {
      if (!comparable(a->elem)) {
        return tstr(t) + " cannot be compared";
      }
      break;
    }
    if (const auto* s = u->as<StructType>()) {
      for (const StructField& f : s->fields) {
        if (!comparable(f.type)) {
          return "struct containing " + tstr(f.type) + " cannot be compared";
        }
      }
      break;
    }
    break;
  }
  return "";
}

void Checker::comparison(Operand& x, Operand& y, Tok op, bool switch_case, Expr* e) {
  if (switch_case) op = Tok::Eql;
  Operand* err_op = &x;
  std::string cause;
  bool ok = assignable_to(x, y.type, nullptr) || assignable_to(y, x.type, nullptr);
  bool failed = false;
  if (!ok) {
    err_op = &y;
    cause = "mismatched types " + operand_type_text(x) + " and " + operand_type_text(y);
    failed = true;
  } else if (op == Tok::Eql || op == Tok::Neq) {
    bool xnil = x.is_nil() || x.type->kind == TypeKind::UntypedNil;
    bool ynil = y.is_nil() || y.type->kind == TypeKind::UntypedNil;
    if (xnil || ynil) {
      const Type* t = xnil ? y.type : x.type;
      if (!has_nil(t) || (xnil && ynil)) {
        err_op = &y;
        failed = true;
      }
    } else if (!comparable(x.type)) {
      err_op = &x;
      cause = incomparable_cause(x.type);
      failed = true;
    } else if (!comparable(y.type)) {
      err_op = &y;
      cause = incomparable_cause(y.type);
      failed = true;
    }
  } else {
    if (!ordered(x.type)) {
      err_op = &x;
      failed = true;
    } else if (!ordered(y.type)) {
      err_op = &y;
      failed = true;
    }
  }
  if (failed) {
    if (cause.empty()) {
      cause = "operator " + std::string(spelling(op)) + " not defined on " + kind_string(err_op->type);
    }
    if (switch_case) {
      error(start_pos(x.expr), "invalid case " + expr_str(x.expr) + " in switch on " +
                                   expr_str(y.expr) + " (" + cause + ")");
    } else {
      error(start_pos(err_op->expr), "invalid operation: " + expr_str(x.expr) + " " +
                                         std::string(spelling(op)) + " " + expr_str(y.expr) + " (" +
                                         cause + ")");
    }
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::Constant && y.mode == Mode::Constant) {
    x.val = ConstValue::make_bool(ConstValue::compare(op, x.val, y.val));
  } else {
    x.mode = Mode::Value;
    update_expr_type(x.expr, default_type(types_, x.type), true);
    update_expr_type(y.expr, default_type(types_, y.type), true);
  }
  x.type = types_.basic(TypeKind::UntypedBool);
  if (e != nullptr) x.expr = e;
}

}  // namespace gopark::lang::checker_detail
