// Calls (spec "Calls"), conversions (spec "Conversions") and the builtin functions (spec
// "Built-in functions").
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

std::string Checker::types_summary(const std::vector<const Type*>& list, bool variadic) const {
  std::string out = "(";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ", ";
    const Type* t = list[i];
    if (t == nullptr || t->kind == TypeKind::Invalid) {
      out += "unknown type";
    } else if (is_untyped(t)) {
      if (is_numeric(t)) {
        out += "number";
      } else {
        std::string_view name = static_cast<const BasicType*>(t)->name;
        if (name.rfind("untyped ", 0) == 0) name = name.substr(8);
        out += name;
      }
    } else if (variadic && i + 1 == list.size() && t->as<SliceType>() != nullptr) {
      out += "..." + tstr(t->as<SliceType>()->elem);
    } else {
      out += tstr(t);
    }
  }
  return out + ")";
}

Checker::ExprKind2 Checker::call_expr(Operand& x, CallExpr* call) {
  raw_expr(x, call->fun, nullptr, true);
  exclude(x, mode_bit(Mode::NoValue));
  single_value(x);
  if (x.generic != nullptr) return generic_call(x, call);
  switch (x.mode) {
    case Mode::Invalid:
      use_exprs(call->args);
      x.mode = Mode::Invalid;
      x.expr = call;
      return ExprKind2::Statement;
    case Mode::TypeExpr: {
      call->form = CallExpr::Form::Conversion;
      const Type* t = x.type;
      x.mode = Mode::Invalid;
      if (call->args.empty()) {
        error(start_pos(call), "missing argument in conversion to " + tstr(t));
      } else if (call->args.size() == 1) {
        expr(x, call->args[0]);
        if (x.mode != Mode::Invalid) {
          if (call->has_ellipsis) {
            error(start_pos(call->args[0]), "invalid use of ... in conversion to " + tstr(t));
            x.mode = Mode::Invalid;
          } else {
            conversion(x, t, call);
          }
        }
      } else {
        use_exprs(call->args);
        error(start_pos(call->args.back()), "too many arguments in conversion to " + tstr(t));
      }
      x.expr = call;
      return ExprKind2::Conversion;
    }
    case Mode::Builtin: {
      call->form = CallExpr::Form::Builtin;
      BuiltinId id = x.builtin;
      builtin(x, call, id);
      x.expr = call;
      bool statement = id == BuiltinId::Close || id == BuiltinId::Copy || id == BuiltinId::Delete ||
                       id == BuiltinId::Panic || id == BuiltinId::Print ||
                       id == BuiltinId::Println || id == BuiltinId::Recover ||
                       id == BuiltinId::Clear;
      return statement ? ExprKind2::Statement : ExprKind2::Expression;
    }
    default:
      break;
  }
  call->form = CallExpr::Form::Call;
  const auto* sig = under(x.type)->as<SignatureType>();
  if (sig == nullptr) {
    error(start_pos(x.expr), "invalid operation: cannot call " + describe(x) + ": " +
                                 operand_type_text(x) + " is not a function");
    use_exprs(call->args);
    x.mode = Mode::Invalid;
    x.expr = call;
    return ExprKind2::Statement;
  }
  std::vector<Operand> args;
  call_arguments(call, args);
  return finish_call(x, call, sig, args);
}

void Checker::call_arguments(CallExpr* call, std::vector<Operand>& args) {
  if (call->args.size() == 1) {
    multi_expr(args, call->args[0], false);
  } else {
    for (Expr* a : call->args) {
      Operand v;
      raw_expr(v, a, nullptr, false);
      exclude(v, (1u << static_cast<unsigned>(Mode::NoValue)) |
                     (1u << static_cast<unsigned>(Mode::Builtin)) |
                     (1u << static_cast<unsigned>(Mode::TypeExpr)));
      single_value(v);
      args.push_back(v);
    }
  }
}

// A call of a generic function: the arguments first, then the type arguments they imply, then
// the instance's call like any other.
Checker::ExprKind2 Checker::generic_call(Operand& x, CallExpr* call) {
  call->form = CallExpr::Form::Call;
  std::vector<Operand> args;
  call_arguments(call, args);
  for (const Operand& a : args) {
    if (a.invalid()) {
      x.mode = Mode::Invalid;
      x.generic = nullptr;
      x.expr = call;
      return ExprKind2::Statement;
    }
  }
  // Go reports what cannot be inferred at the '(' and an unsatisfied constraint at the first
  // argument.
  Pos pos = call->lparen.valid() ? call->lparen : start_pos(call);
  Pos arg_pos = call->args.empty() ? start_pos(call->fun) : start_pos(call->args[0]);
  if (!infer(*x.generic, x.type_args, args, call, pos, expr_str(call->fun)) ||
      !instantiate_operand(x, call->fun, arg_pos)) {
    x.mode = Mode::Invalid;
    x.generic = nullptr;
    x.expr = call;
    return ExprKind2::Statement;
  }
  return finish_call(x, call, under(x.type)->as<SignatureType>(), args);
}

Checker::ExprKind2 Checker::finish_call(Operand& x, CallExpr* call, const SignatureType* sig,
                                        std::vector<Operand>& args) {
  arguments(call, sig, args, call->fun);
  if (sig->results.empty()) {
    x.mode = Mode::NoValue;
    x.type = types_.tuple({});
  } else if (sig->results.size() == 1) {
    x.mode = Mode::Value;
    x.type = sig->results[0];
  } else {
    x.mode = Mode::Value;
    x.type = types_.tuple(sig->results);
  }
  x.expr = call;
  return ExprKind2::Statement;
}

void Checker::arguments(CallExpr* call, const SignatureType* sig, std::vector<Operand>& args,
                        Expr* fun) {
  for (const Operand& a : args) {
    if (a.mode == Mode::Invalid) {
      return;
    }
  }
  std::size_t nargs = args.size();
  std::size_t npars = sig->params.size();
  bool ddd = call->has_ellipsis;
  std::vector<const Type*> params = sig->params;
  if (sig->variadic) {
    if (ddd) {
      if (call->args.size() == 1 && nargs > 1) {
        error(start_pos(call), "cannot use ... with " + std::to_string(nargs) + "-valued " +
                                   expr_str(call->args[0]));
        return;
      }
    } else if (npars > 0 && nargs + 1 >= npars) {
      const Type* elem = sig->params.back()->as<SliceType>()->elem;
      params.pop_back();
      while (params.size() < nargs) params.push_back(elem);
      npars = nargs;
    } else if (npars > 0) {
      --npars;
    }
  } else if (ddd) {
    error(start_pos(call), "cannot use ... in call to non-variadic " + expr_str(fun));
    return;
  }
  if (nargs != npars) {
    Pos at = start_pos(call);
    const char* qualifier = "not enough";
    if (nargs > npars) {
      at = start_pos(args[npars].expr);
      qualifier = "too many";
    } else if (nargs > 0) {
      at = start_pos(args[nargs - 1].expr);
    }
    std::vector<const Type*> have;
    for (const Operand& a : args) have.push_back(a.type);
    error(at, std::string(qualifier) + " arguments in call to " + expr_str(fun) + "\n\thave " +
                  types_summary(have, false) + "\n\twant " +
                  types_summary(sig->params, sig->variadic));
    return;
  }
  std::string context = "argument to " + expr_str(fun);
  // The callee's parameters, for their types as written in messages.
  const FuncInfo* callee = nullptr;
  if (const Expr* f = fun; f != nullptr) {
    while (f->kind == ExprKind::Paren) f = static_cast<const ParenExpr*>(f)->x;
    const Object* obj = nullptr;
    if (const auto* id = f->as<Ident>()) obj = id->object;
    if (const auto* sel = f->as<SelectorExpr>()) obj = sel->sel->object;
    if (obj != nullptr && obj->kind == ObjKind::Func && obj->decl != nullptr) callee = obj->decl->info;
  }
  for (std::size_t i = 0; i < nargs; ++i) {
    const Expr* spelled = nullptr;
    if (callee != nullptr && i < callee->params.size() && callee->params.size() == sig->params.size() &&
        !(sig->variadic && i + 1 >= callee->params.size())) {
      auto it = spelled_.find(callee->params[i]);
      if (it != spelled_.end()) spelled = it->second;
    }
    TargetSpelling spelling(*this, spelled);
    assignment(args[i], params[i], context);
  }
}

// T in T(x) as the source spells it (byte(300) overflows byte, not uint8).
std::string Checker::conversion_type_text(const Type* t, const CallExpr* call) const {
  const Expr* f = call != nullptr ? call->fun : nullptr;
  while (f != nullptr && f->kind == ExprKind::Paren) f = static_cast<const ParenExpr*>(f)->x;
  if (f != nullptr && f->mode == Mode::TypeExpr && f->type == t) return expr_str(f);
  return tstr(t);
}

void Checker::conversion(Operand& x, const Type* t, CallExpr* call) {
  bool const_arg = x.mode == Mode::Constant;
  bool ok = false;
  if (const_arg && is_constant_type(t)) {
    const Type* u = under(t);
    ConstValue v = x.val;
    if (representable_const(x.val, u, &v)) {
      ok = true;
    } else if (is_integer(x.type) && is_string(u)) {
      std::uint32_t cp = 0xFFFD;
      if (std::optional<std::uint64_t> i = x.val.to_int().to_uint64(); i && *i <= 0x10FFFF &&
                                                                        !(*i >= 0xD800 && *i <= 0xDFFF)) {
        cp = static_cast<std::uint32_t>(*i);
      }
      std::string s;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
      v = ConstValue::make_string(std::move(s));
      ok = true;
    }
    if (!ok && is_integer(x.type) && is_integer(t)) {
      error(start_pos(x.expr), "constant " + x.val.to_string() + " overflows " + conversion_type_text(t, call));
      x.mode = Mode::Invalid;
      return;
    }
    if (ok) x.val = v;
  } else if (convertible_to(x, t, nullptr)) {
    ok = true;
    x.mode = Mode::Value;
  }
  if (!ok) {
    error(start_pos(x.expr), "cannot convert " + describe(x) + " to type " + conversion_type_text(t, call));
    x.mode = Mode::Invalid;
    return;
  }
  if (is_untyped(x.type)) {
    const Type* final = t;
    if (x.type->kind == TypeKind::UntypedNil) {
      // nil converted to a pointer, func, slice, map, chan or interface type: that type
    } else if (is_interface(t) || (const_arg && !is_constant_type(t))) {
      final = default_type(types_, x.type);
    } else if (x.mode == Mode::Constant && is_integer(x.type) && is_string(t)) {
      final = x.type;
    }
    update_expr_type(x.expr, final, true);
  }
  x.type = t;
}

// ----------------------------------------------------------------------------------------------
// Builtins

void Checker::builtin_args(CallExpr* call, std::vector<Operand>& args) {
  if (call->args.size() == 1) {
    multi_expr(args, call->args[0], false);
    return;
  }
  for (Expr* a : call->args) {
    Operand v;
    expr(v, a);
    args.push_back(v);
  }
}

void Checker::builtin(Operand& x, CallExpr* call, BuiltinId id) {
  std::string_view name = builtin_name(id);
  x.mode = Mode::Invalid;
  auto fail = [&] { x.mode = Mode::Invalid; };
  if (id == BuiltinId::Complex || id == BuiltinId::Real || id == BuiltinId::Imag) {
    error(start_pos(call), "gopark does not support complex numbers (" + std::string(name) + ")");
    use_exprs(call->args);
    return fail();
  }
  if (call->has_ellipsis && id != BuiltinId::Append) {
    error(start_pos(call), "invalid operation: invalid use of ... with built-in " + std::string(name));
    use_exprs(call->args);
    return fail();
  }
  struct Arity {
    std::size_t n;
    bool variadic;
  };
  Arity arity{1, false};
  switch (id) {
    case BuiltinId::Append: arity = {1, true}; break;
    case BuiltinId::Copy: arity = {2, false}; break;
    case BuiltinId::Delete: arity = {2, false}; break;
    case BuiltinId::Make: arity = {1, true}; break;
    case BuiltinId::Max:
    case BuiltinId::Min: arity = {1, true}; break;
    case BuiltinId::Print:
    case BuiltinId::Println: arity = {0, true}; break;
    case BuiltinId::Recover: arity = {0, false}; break;
    default: break;
  }
  if (id == BuiltinId::Recover && func_ != nullptr) func_->has_recover_call = true;

  std::vector<Operand> args;
  std::size_t nargs = call->args.size();
  if (id != BuiltinId::Make && id != BuiltinId::New) {
    builtin_args(call, args);
    nargs = args.size();
    for (const Operand& a : args) {
      if (a.mode == Mode::Invalid) return fail();
    }
  }
  {
    const char* msg = nullptr;
    if (nargs < arity.n) {
      msg = "not enough";
    } else if (!arity.variadic && nargs > arity.n) {
      msg = "too many";
    }
    if (msg != nullptr) {
      error(start_pos(call), "invalid operation: " + std::string(msg) + " arguments for " +
                                 expr_str(call) + " (expected " + std::to_string(arity.n) +
                                 ", found " + std::to_string(nargs) + ")");
      return fail();
    }
  }

  switch (id) {
    case BuiltinId::Append: {
      Operand& s = args[0];
      const auto* st = under(s.type)->as<SliceType>();
      if (st == nullptr) {
        std::string cause = s.is_nil() || s.type->kind == TypeKind::UntypedNil
                                ? "have untyped nil"
                                : "have " + describe(s);
        error(start_pos(s.expr), "first argument to append must be a slice; " + cause);
        return fail();
      }
      const Type* slice_type = s.type;
      if (nargs == 2 && call->has_ellipsis) {
        Operand probe = s;
        if (assignable_to(probe, types_.slice(types_.basic(TypeKind::Uint8)), nullptr) &&
            is_string(args[1].type)) {
          if (is_untyped(args[1].type)) {
            convert_untyped(args[1], types_.basic(TypeKind::String));
          }
          x.mode = Mode::Value;
          x.type = slice_type;
          return;
        }
      }
      const SignatureType* sig = types_.signature(
          {slice_type, types_.slice(st->elem)}, {slice_type}, true);
      arguments(call, sig, args, call->fun);
      x.mode = Mode::Value;
      x.type = slice_type;
      return;
    }
    case BuiltinId::Cap:
    case BuiltinId::Len: {
      Operand& a = args[0];
      const Type* u = under(a.type);
      if (const auto* p = u->as<PointerType>()) {
        if (under(p->elem)->kind == TypeKind::Array) u = under(p->elem);
      }
      Mode mode = Mode::Invalid;
      ConstValue val;
      switch (u->kind) {
        case TypeKind::String:
        case TypeKind::UntypedString:
          if (id == BuiltinId::Len) {
            if (a.mode == Mode::Constant) {
              mode = Mode::Constant;
              val = ConstValue::make_int64(static_cast<std::int64_t>(a.val.string_value().size()));
            } else {
              mode = Mode::Value;
            }
          }
          break;
        case TypeKind::Array:
          mode = Mode::Value;
          if (!contains_call_or_receive(call->args[0], 0)) {
            mode = Mode::Constant;
            val = ConstValue::make_int64(u->as<ArrayType>()->len);
          }
          break;
        case TypeKind::Slice:
        case TypeKind::Chan:
          mode = Mode::Value;
          break;
        case TypeKind::Map:
          if (id == BuiltinId::Len) mode = Mode::Value;
          break;
        default:
          break;
      }
      if (mode == Mode::Invalid) {
        if (u->kind != TypeKind::Invalid) {
          error(start_pos(a.expr), "invalid argument: " + describe(a) + " for built-in " + std::string(name));
        }
        return fail();
      }
      if (is_untyped(a.type) && mode != Mode::Constant) convert_untyped(a, types_.basic(TypeKind::String));
      x.mode = mode;
      x.type = types_.basic(TypeKind::Int);
      x.val = val;
      return;
    }
    case BuiltinId::Clear: {
      Operand& a = args[0];
      TypeKind k = under(a.type)->kind;
      if (k != TypeKind::Map && k != TypeKind::Slice) {
        if (k != TypeKind::Invalid) {
          error(start_pos(a.expr), "invalid argument: cannot clear " + describe(a) +
                                       ": argument must be (or constrained by) map or slice");
        }
        return fail();
      }
      x.mode = Mode::NoValue;
      x.type = types_.tuple({});
      return;
    }
    case BuiltinId::Close: {
      Operand& a = args[0];
      const auto* ch = under(a.type)->as<ChanType>();
      if (ch == nullptr) {
        if (under(a.type)->kind != TypeKind::Invalid) {
          error(start_pos(a.expr), "invalid operation: cannot close non-channel " + describe(a));
        }
        return fail();
      }
      if (ch->dir == ChanDir::Recv) {
        error(start_pos(a.expr), "invalid operation: cannot close receive-only channel " + describe(a));
        return fail();
      }
      x.mode = Mode::NoValue;
      x.type = types_.tuple({});
      return;
    }
    case BuiltinId::Copy: {
      Operand& dst_op = args[0];
      Operand& src_op = args[1];
      const auto* dst = under(dst_op.type)->as<SliceType>();
      const Type* src_u = under(src_op.type);
      const SliceType* src = src_u->as<SliceType>();
      if (is_string(src_u)) {
        src = types_.slice(types_.basic(TypeKind::Uint8));
        if (is_untyped(src_op.type)) convert_untyped(src_op, types_.basic(TypeKind::String));
      }
      if (dst == nullptr || src == nullptr) {
        error(start_pos(dst_op.expr), "invalid argument: copy expects slice arguments; found " +
                                          describe(dst_op) + " and " + describe(src_op));
        return fail();
      }
      if (dst->elem != src->elem) {
        error(start_pos(dst_op.expr), "invalid argument: arguments to copy " + describe(dst_op) +
                                          " and " + describe(src_op) +
                                          " have different element types " + tstr(dst->elem) +
                                          " and " + tstr(src->elem));
        return fail();
      }
      x.mode = Mode::Value;
      x.type = types_.basic(TypeKind::Int);
      return;
    }
    case BuiltinId::Delete: {
      Operand& m = args[0];
      const auto* mt = under(m.type)->as<MapType>();
      if (mt == nullptr) {
        if (under(m.type)->kind != TypeKind::Invalid) {
          error(start_pos(m.expr), "invalid argument: " + describe(m) + " is not a map");
        }
        return fail();
      }
      assignment(args[1], mt->key, "argument to delete");
      if (args[1].mode == Mode::Invalid) return fail();
      x.mode = Mode::NoValue;
      x.type = types_.tuple({});
      return;
    }
    case BuiltinId::Make: {
      Expr* arg0 = call->args[0];
      const Type* t = type_expr(arg0);
      if (t->kind == TypeKind::Invalid) {
        for (std::size_t i = 1; i < call->args.size(); ++i) use_expr(call->args[i]);
        return fail();
      }
      std::size_t min = 0;
      switch (under(t)->kind) {
        case TypeKind::Slice: min = 2; break;
        case TypeKind::Map:
        case TypeKind::Chan: min = 1; break;
        default:
          error(start_pos(arg0), "invalid argument: cannot make " + expr_str(arg0) +
                                     "; type must be slice, map, or channel");
          for (std::size_t i = 1; i < call->args.size(); ++i) use_expr(call->args[i]);
          return fail();
      }
      if (nargs < min || min + 1 < nargs) {
        error(start_pos(call), "invalid operation: " + expr_str(call) + " expects " +
                                   std::to_string(min) + " or " + std::to_string(min + 1) +
                                   " arguments; found " + std::to_string(nargs));
        for (std::size_t i = 1; i < call->args.size(); ++i) use_expr(call->args[i]);
        return fail();
      }
      std::vector<std::int64_t> sizes;
      for (std::size_t i = 1; i < call->args.size(); ++i) {
        std::int64_t v;
        if (index_value(call->args[i], -1, &v) && v >= 0) sizes.push_back(v);
      }
      if (sizes.size() == 2 && sizes[0] > sizes[1]) {
        error(start_pos(call->args[1]), "invalid argument: length and capacity swapped");
      }
      x.mode = Mode::Value;
      x.type = t;
      return;
    }
    case BuiltinId::New: {
      const Type* t = type_expr(call->args[0]);
      if (t->kind == TypeKind::Invalid) return fail();
      x.mode = Mode::Value;
      x.type = types_.pointer(t);
      return;
    }
    case BuiltinId::Panic:
      assignment(args[0], types_.empty_interface(), "argument to panic");
      if (args[0].mode == Mode::Invalid) return fail();
      x.mode = Mode::NoValue;
      x.type = types_.tuple({});
      return;
    case BuiltinId::Print:
    case BuiltinId::Println:
      for (Operand& a : args) {
        assignment(a, nullptr, "argument to built-in " + std::string(name));
        if (a.mode == Mode::Invalid) return fail();
      }
      x.mode = Mode::NoValue;
      x.type = types_.tuple({});
      return;
    case BuiltinId::Recover:
      x.mode = Mode::Value;
      x.type = types_.empty_interface();
      return;
    case BuiltinId::Max:
    case BuiltinId::Min: {
      Tok op = id == BuiltinId::Max ? Tok::Gtr : Tok::Lss;
      for (std::size_t i = 0; i < args.size(); ++i) {
        Operand& a = args[i];
        if (!ordered(a.type)) {
          error(start_pos(a.expr), "invalid argument: " + describe(a) + " cannot be ordered");
          return fail();
        }
        if (i == 0) {
          x = a;
          continue;
        }
        match_types(x, a);
        if (x.mode == Mode::Invalid) return fail();
        if (x.type != a.type) {
          error(start_pos(a.expr), "invalid argument: mismatched types " + tstr(x.type) +
                                       " (previous argument) and " + tstr(a.type) + " (type of " +
                                       expr_str(a.expr) + ")");
          return fail();
        }
        if (x.mode == Mode::Constant && a.mode == Mode::Constant) {
          if (ConstValue::compare(op, a.val, x.val)) x = a;
        } else {
          x.mode = Mode::Value;
        }
      }
      if (x.mode != Mode::Constant) {
        x.mode = Mode::Value;
        assignment(x, types_.empty_interface(), "argument to built-in " + std::string(name));
        if (x.mode == Mode::Invalid) return fail();
      }
      for (Operand& a : args) update_expr_type(a.expr, x.type, true);
      return;
    }
    default:
      return fail();
  }
}

bool Checker::contains_call_or_receive(const Expr* e, int depth) const {
  if (e == nullptr || depth > kMaxDepth) return false;
  switch (e->kind) {
    case ExprKind::Call: {
      const auto* c = static_cast<const CallExpr*>(e);
      if (c->form == CallExpr::Form::Call) return true;
      // A builtin with a constant result (len of an array) runs nothing.
      if (c->form == CallExpr::Form::Builtin) return e->mode != Mode::Constant;
      for (const Expr* a : c->args) {
        if (contains_call_or_receive(a, depth + 1)) return true;
      }
      return contains_call_or_receive(c->fun, depth + 1);
    }
    case ExprKind::Unary: {
      const auto* u = static_cast<const UnaryExpr*>(e);
      if (u->op == Tok::Arrow) return true;
      return contains_call_or_receive(u->x, depth + 1);
    }
    case ExprKind::Paren: return contains_call_or_receive(static_cast<const ParenExpr*>(e)->x, depth + 1);
    case ExprKind::Selector: return contains_call_or_receive(static_cast<const SelectorExpr*>(e)->x, depth + 1);
    case ExprKind::Index: {
      const auto* i = static_cast<const IndexExpr*>(e);
      return contains_call_or_receive(i->x, depth + 1) || contains_call_or_receive(i->index, depth + 1);
    }
    case ExprKind::SliceExpr: {
      const auto* s = static_cast<const SliceExpr*>(e);
      return contains_call_or_receive(s->x, depth + 1) || contains_call_or_receive(s->lo, depth + 1) ||
             contains_call_or_receive(s->hi, depth + 1) || contains_call_or_receive(s->max, depth + 1);
    }
    case ExprKind::Star: return contains_call_or_receive(static_cast<const StarExpr*>(e)->x, depth + 1);
    case ExprKind::Binary: {
      const auto* b = static_cast<const BinaryExpr*>(e);
      return contains_call_or_receive(b->x, depth + 1) || contains_call_or_receive(b->y, depth + 1);
    }
    case ExprKind::TypeAssert:
      return contains_call_or_receive(static_cast<const TypeAssertExpr*>(e)->x, depth + 1);
    case ExprKind::CompositeLit: {
      for (const Expr* el : static_cast<const CompositeLit*>(e)->elts) {
        if (contains_call_or_receive(el, depth + 1)) return true;
      }
      return false;
    }
    case ExprKind::KeyValue: {
      const auto* kv = static_cast<const KeyValueExpr*>(e);
      return contains_call_or_receive(kv->key, depth + 1) || contains_call_or_receive(kv->value, depth + 1);
    }
    default:
      return false;
  }
}

}  // namespace gopark::lang::checker_detail
