// Untyped values: recording expressions into the tree, delaying the final type of untyped
// expressions until their context decides it, and the representability of constants
// (spec "Constants", "Representability").
//
// An untyped expression is recorded with its untyped type and remembered in `untyped_`. When a
// context gives it a type (`var f float64 = 1 << 3`, `x + 1` with x int), update_expr_type walks
// down the expression, giving every untyped operand that is materialized the same final type and
// converting recorded constants to it. What is left at the end of the package keeps its untyped
// type if it is a constant (the compiler never stores those: it uses Expr::constant) and gets its
// default type otherwise (comparison results used as conditions).
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

const ConstValue* Checker::store_constant(const ConstValue& v) {
  prog_.constants.push_back(std::make_unique<ConstValue>(v));
  return prog_.constants.back().get();
}

void Checker::record(Operand& x) {
  Expr* e = x.expr;
  if (e == nullptr) return;
  if (x.mode == Mode::Invalid || x.type == nullptr) {
    e->mode = Mode::Invalid;
    e->type = types_.invalid();
    e->constant = nullptr;
    return;
  }
  e->mode = x.mode;
  e->type = x.type;
  e->constant = x.mode == Mode::Constant ? store_constant(x.val) : nullptr;
  if (is_untyped(x.type)) remember_untyped(e, false, x.mode, x.type, x.val);
}

void Checker::remember_untyped(Expr* e, bool is_lhs, Mode mode, const Type* type,
                               const ConstValue& v) {
  UntypedInfo& info = untyped_[e];
  info.is_lhs = is_lhs;
  info.mode = mode;
  info.type = type;
  info.val = v;
}

void Checker::update_expr_val(Expr* e, const ConstValue& v) {
  auto it = untyped_.find(e);
  if (it != untyped_.end()) it->second.val = v;
}

void Checker::update_expr_type(Expr* e, const Type* type, bool final) {
  update_expr_type0(nullptr, e, type, final, 0);
}

void Checker::update_expr_type0(Expr* parent, Expr* e, const Type* type, bool final, int depth) {
  if (e == nullptr || depth > kMaxDepth) return;
  auto it = untyped_.find(e);
  if (it == untyped_.end()) return;
  UntypedInfo old = it->second;

  switch (e->kind) {
    case ExprKind::Paren:
      update_expr_type0(e, static_cast<ParenExpr*>(e)->x, type, final, depth + 1);
      break;
    case ExprKind::Unary:
      // Constant operands are never materialized; they keep their recorded types.
      if (old.mode != Mode::Constant) {
        update_expr_type0(e, static_cast<UnaryExpr*>(e)->x, type, final, depth + 1);
      }
      break;
    case ExprKind::Binary: {
      if (old.mode == Mode::Constant) break;
      auto* b = static_cast<BinaryExpr*>(e);
      Tok op = b->op;
      if (op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr ||
          op == Tok::Geq) {
        // The result type is independent of the operands' (already final) types.
      } else if (op == Tok::Shl || op == Tok::Shr) {
        update_expr_type0(e, b->x, type, final, depth + 1);
      } else {
        update_expr_type0(e, b->x, type, final, depth + 1);
        update_expr_type0(e, b->y, type, final, depth + 1);
      }
      break;
    }
    default:
      break;
  }

  it = untyped_.find(e);
  if (it == untyped_.end()) return;
  if (!final && is_untyped(type)) {
    it->second.type = type;
    e->type = type;
    return;
  }
  untyped_.erase(it);

  if (old.is_lhs && !is_integer(type)) {
    // The left operand of a non-constant shift must end up an integer.
    if (type->kind != TypeKind::Invalid) {
      error(start_pos(e), "invalid operation: shifted operand " + expr_str(e) + " (type " +
                              tstr(type) + ") must be integer");
    }
    (void)parent;
    return;
  }
  ConstValue val = old.val;
  if (old.mode == Mode::Constant) {
    Operand c;
    c.mode = old.mode;
    c.expr = e;
    c.type = old.type;
    c.val = old.val;
    convert_untyped(c, type);
    if (c.mode == Mode::Invalid) return;
    val = c.val;
  }
  e->mode = old.mode;
  e->type = type;
  e->constant = old.mode == Mode::Constant ? store_constant(val) : nullptr;
}

void Checker::finish_untyped() {
  for (auto& [e, info] : untyped_) {
    e->type = info.type;
    if (info.mode != Mode::Constant && info.type != nullptr &&
        info.type->kind != TypeKind::UntypedNil) {
      e->type = default_type(types_, info.type);
    }
  }
  untyped_.clear();
}

void Checker::default_to(Operand& x) {
  if (x.mode == Mode::Invalid || !is_untyped(x.type)) return;
  convert_untyped(x, default_type(types_, x.type));
}

void Checker::convert_untyped(Operand& x, const Type* target) {
  const Type* new_type = nullptr;
  ConstValue val;
  bool has_val = false;
  ConvError code = implicit_type_and_value(x, target, &new_type, &val, &has_val);
  if (code != ConvError::None) {
    const Type* t = target;
    if (underlying(target) != nullptr) t = under(target);
    invalid_conversion(code, x, t);
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

Checker::ConvError Checker::implicit_type_and_value(Operand& x, const Type* target,
                                                    const Type** out_type, ConstValue* out_val,
                                                    bool* has_val) {
  *has_val = false;
  *out_type = x.type;
  if (x.mode == Mode::Invalid || !is_untyped(x.type) || target == nullptr ||
      target->kind == TypeKind::Invalid) {
    return ConvError::None;
  }
  if (is_untyped(target)) {
    TypeKind xk = x.type->kind;
    TypeKind tk = target->kind;
    if (is_numeric(x.type) && is_numeric(target)) {
      if (xk < tk) *out_type = target;
      return ConvError::None;
    }
    if (xk != tk) return ConvError::InvalidUntyped;
    return ConvError::None;
  }
  bool nil = x.is_nil() || x.type->kind == TypeKind::UntypedNil;
  if (nil) {
    if (has_nil(target)) {
      *out_type = target;
      return ConvError::None;
    }
    return ConvError::InvalidUntyped;
  }
  const Type* u = under(target);
  if (u->kind >= TypeKind::Bool && u->kind <= TypeKind::UnsafePointer) {
    if (x.mode == Mode::Constant) {
      ConstValue rounded;
      ConvError code = representation(x, u, &rounded);
      if (code != ConvError::None) return code;
      *out_type = target;
      *out_val = rounded;
      *has_val = true;
      return ConvError::None;
    }
    switch (x.type->kind) {
      case TypeKind::UntypedBool:
        if (!is_boolean(u)) return ConvError::InvalidUntyped;
        break;
      case TypeKind::UntypedInt:
      case TypeKind::UntypedRune:
      case TypeKind::UntypedFloat:
        if (!is_numeric(u)) return ConvError::InvalidUntyped;
        break;
      case TypeKind::UntypedString:
        if (!is_string(u)) return ConvError::InvalidUntyped;
        break;
      default:
        return ConvError::InvalidUntyped;
    }
    *out_type = target;
    return ConvError::None;
  }
  if (const auto* it = u->as<InterfaceType>()) {
    // Values stored in interfaces have concrete dynamic types: the default type.
    if (!it->methods.empty()) return ConvError::InvalidUntyped;
    *out_type = default_type(types_, x.type);
    return ConvError::None;
  }
  return ConvError::InvalidUntyped;
}

bool Checker::representable_const(const ConstValue& v, const Type* t, ConstValue* rounded) const {
  if (v.is_unknown()) return true;
  const Type* u = underlying(t);
  if (u == nullptr) return false;
  TypeKind k = u->kind;
  if (is_integer(u)) {
    ConstValue i = v.to_int();
    if (i.kind() != ConstKind::Int) return false;
    if (rounded != nullptr) *rounded = i;
    switch (k) {
      case TypeKind::Int:
      case TypeKind::Int64: return i.fits_int(64, true);
      case TypeKind::Int8: return i.fits_int(8, true);
      case TypeKind::Int16: return i.fits_int(16, true);
      case TypeKind::Int32: return i.fits_int(32, true);
      case TypeKind::Uint:
      case TypeKind::Uint64:
      case TypeKind::Uintptr: return i.fits_int(64, false);
      case TypeKind::Uint8: return i.fits_int(8, false);
      case TypeKind::Uint16: return i.fits_int(16, false);
      case TypeKind::Uint32: return i.fits_int(32, false);
      case TypeKind::UntypedInt:
      case TypeKind::UntypedRune: return true;
      default: return false;
    }
  }
  if (is_float(u)) {
    ConstValue f = v.to_float();
    if (f.kind() != ConstKind::Float) return false;
    if (k == TypeKind::UntypedFloat) return true;
    ConstValue r = f.round_float(k == TypeKind::Float32 ? 32 : 64);
    if (r.is_unknown()) return false;
    if (rounded != nullptr) *rounded = r;
    return true;
  }
  if (is_string(u)) return v.kind() == ConstKind::String;
  if (is_boolean(u)) return v.kind() == ConstKind::Bool;
  return false;
}

Checker::ConvError Checker::representation(const Operand& x, const Type* basic_target,
                                           ConstValue* rounded) {
  ConstValue v = x.val;
  if (!representable_const(x.val, basic_target, &v)) {
    if (is_numeric(x.type) && is_numeric(basic_target)) {
      if (!is_integer(x.type) && is_integer(basic_target)) return ConvError::Truncated;
      return ConvError::Overflow;
    }
    return ConvError::InvalidConst;
  }
  *rounded = v;
  return ConvError::None;
}

void Checker::representable(Operand& x, const Type* t) {
  ConstValue v;
  ConvError code = representation(x, t, &v);
  if (code != ConvError::None) {
    invalid_conversion(code, x, t);
    x.mode = Mode::Invalid;
    return;
  }
  x.val = v;
}

void Checker::invalid_conversion(ConvError code, Operand& x, const Type* target) {
  switch (code) {
    case ConvError::Truncated:
      error(start_pos(x.expr), describe(x) + " truncated to " + tstr(target));
      break;
    case ConvError::Overflow:
      error(start_pos(x.expr), describe(x) + " overflows " + tstr(target));
      break;
    default:
      error(start_pos(x.expr), "cannot convert " + describe(x) + " to type " + tstr(target));
      break;
  }
}

}  // namespace gopark::lang::checker_detail
