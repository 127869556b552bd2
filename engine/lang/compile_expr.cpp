// Expressions: constants, operators, conversions, selectors, indexing, slicing, literals.
#include <cstring>

#include "lang/compiler.hpp"

namespace gopark::lang::compile_detail {
namespace {

Word double_bits(double d) {
  Word w;
  std::memcpy(&w, &d, 8);
  return w;
}

Expr* unparen(Expr* e) {
  while (auto* p = e->as<ParenExpr>()) e = p->x;
  return e;
}

}  // namespace

// ---- loads and stores of typed values ----

void FunctionCompiler::load_from(const Type* t, Reg dst, Reg addr, std::uint32_t offset) {
  if (offset > 0xffff) {
    Reg a = alloc();
    load_int(a, offset);
    emit(Op::Add, a, addr, a);
    load_from(t, dst, a, 0);
    release_to(a);
    return;
  }
  switch (underlying(t)->kind) {
    case TypeKind::Bool:
    case TypeKind::Uint8: emit(Op::Load8, dst, addr, offset); return;
    case TypeKind::Int8: emit(Op::LoadS8, dst, addr, offset); return;
    case TypeKind::Int16: emit(Op::LoadS16, dst, addr, offset); return;
    case TypeKind::Uint16: emit(Op::Load16, dst, addr, offset); return;
    case TypeKind::Int32: emit(Op::LoadS32, dst, addr, offset); return;
    case TypeKind::Uint32: emit(Op::Load32, dst, addr, offset); return;
    case TypeKind::Float32: emit(Op::LoadF32, dst, addr, offset); return;
    case TypeKind::Struct:
    case TypeKind::Array: emit(Op::Addr, dst, addr, offset); return;
    default: emit(Op::Load64, dst, addr, offset); return;
  }
}

void FunctionCompiler::store_to(const Type* t, Reg addr, std::uint32_t offset, Reg value) {
  if (offset > 0xffff || is_composite(t)) {
    Reg mark = top();
    Reg a = addr;
    if (offset != 0) {
      a = alloc();
      if (offset <= 0xffff) {
        emit(Op::Addr, a, addr, offset);
      } else {
        load_int(a, offset);
        emit(Op::Add, a, addr, a);
      }
    }
    if (is_composite(t)) emit(Op::CopyMem, a, value, c.type_index(t));
    else store_to(t, a, 0, value);
    release_to(mark);
    return;
  }
  switch (underlying(t)->kind) {
    case TypeKind::Bool:
    case TypeKind::Uint8:
    case TypeKind::Int8: emit(Op::Store8, addr, value, offset); return;
    case TypeKind::Int16:
    case TypeKind::Uint16: emit(Op::Store16, addr, value, offset); return;
    case TypeKind::Int32:
    case TypeKind::Uint32: emit(Op::Store32, addr, value, offset); return;
    case TypeKind::Float32: emit(Op::StoreF32, addr, value, offset); return;
    default: emit(Op::Store64, addr, value, offset); return;
  }
}

// Stores `value` as element `index` of the slice in `slice` (bounds-checked).
void FunctionCompiler::store_element(Reg slice, std::int64_t index, const Type* elem, Reg value) {
  Reg mark = top();
  Reg a = alloc(), ir = alloc();
  std::uint32_t size = std::uint32_t(elem->size());
  load_int(ir, index);
  emit(Op::IndexAddr, a, slice, ir);
  emit_ext(size & 0xffff, size >> 16);
  store_to(elem, a, 0, value);
  release_to(mark);
}

// ---- values ----

Reg FunctionCompiler::expr(Expr* e) {
  if (e->mode != Mode::Constant) {
    if (auto* id = unparen(e)->as<Ident>()) {
      if (id->object && id->object->kind == ObjKind::Var) {
        auto it = locals_.find(id->object);
        if (it != locals_.end() &&
            (it->second.kind == Location::Kind::Reg || it->second.kind == Location::Kind::Storage))
          return it->second.reg;
      }
    }
  }
  // A call leaves its result at the window, which starts at the top: use it where it is.
  if (auto* call_expr = unparen(e)->as<CallExpr>();
      call_expr && call_expr->form == CallExpr::Form::Call && e->mode != Mode::Constant && e->type &&
      !e->type->as<TupleType>()) {
    Reg w = call(call_expr);
    release_to(w + 1);
    return w;
  }
  Reg r = alloc();
  expr_to(e, r);
  return r;
}

bool FunctionCompiler::needs_coercion(Expr* e, const Type* to) {
  return to && is_interface(to) && e->type && !is_interface(e->type) && e->type->kind != TypeKind::UntypedNil;
}

Reg FunctionCompiler::own(Reg r, const Type* t) {
  if (!is_composite(t)) return r;
  Reg copy = alloc();
  emit(Op::Clone, copy, r, c.type_index(t));
  return copy;
}

Reg FunctionCompiler::coerce(Reg r, const Type* from, const Type* to) {
  if (!to || !from || !is_interface(to) || is_interface(from)) return r;
  if (from->kind == TypeKind::UntypedNil) return r;
  Reg b = alloc();
  emit(Op::BoxVal, b, r, c.type_index(from));
  return b;
}

void FunctionCompiler::expr_as(Expr* e, const Type* to, Reg dst) {
  if (e->mode == Mode::Constant && to && is_interface(to)) {
    Reg v = alloc();
    constant_to(*e->constant, e->type, v);
    emit(Op::BoxVal, dst, v, c.type_index(is_untyped(e->type) ? default_type(c.program.types, e->type) : e->type));
    release_to(v);
    return;
  }
  Reg mark = top();
  if (to && is_interface(to) && e->type && !is_interface(e->type) && e->type->kind != TypeKind::UntypedNil) {
    Reg v = expr(e);
    emit(Op::BoxVal, dst, v, c.type_index(e->type));
  } else {
    expr_to(e, dst);
  }
  release_to(std::max(mark, dst + 1));
}

void FunctionCompiler::constant_to(const ConstValue& v, const Type* t, Reg dst) {
  if (!t || is_untyped(t)) t = default_type(c.program.types, t ? t : c.program.types.basic(TypeKind::UntypedInt));
  const Type* u = underlying(t);
  switch (v.kind()) {
    case ConstKind::Bool: load_int(dst, v.bool_value() ? 1 : 0); return;
    case ConstKind::String: load_word(dst, c.string_constant(v.string_value())); return;
    case ConstKind::Int:
    case ConstKind::Float:
      if (lang::is_float(u)) {
        double d = u->kind == TypeKind::Float32 ? double(v.to_float32()) : v.to_float64();
        load_word(dst, double_bits(d));
      } else if (auto i = v.to_int64()) {
        load_int(dst, *i);
      } else if (auto w = v.to_uint64()) {
        load_word(dst, *w);
      } else {
        load_word(dst, 0);
      }
      return;
    case ConstKind::Unknown:
      emit(Op::Zero, dst);
      return;
  }
}

void FunctionCompiler::expr_to(Expr* e, Reg dst) {
  if (e->mode == Mode::Constant && e->constant) {
    constant_to(*e->constant, e->type, dst);
    return;
  }
  switch (e->kind) {
    case ExprKind::Paren: expr_to(e->as<ParenExpr>()->x, dst); return;
    case ExprKind::Ident: {
      auto* id = e->as<Ident>();
      Object* o = id->object;
      if (!o || o->kind == ObjKind::Nil || (e->type && e->type->kind == TypeKind::UntypedNil)) {
        emit(Op::Zero, dst);
        return;
      }
      if (o->kind == ObjKind::Var) {
        read_var(o, dst);
        return;
      }
      if (o->kind == ObjKind::Func) {
        emit_bx(Op::FuncValue, dst, c.function_of(o));
        return;
      }
      break;
    }
    case ExprKind::FuncLit: func_lit_to(e->as<FuncLit>(), dst); return;
    case ExprKind::CompositeLit: composite_to(e->as<CompositeLit>(), e->type, dst); return;
    case ExprKind::Selector: selector_to(e->as<SelectorExpr>(), dst); return;
    case ExprKind::Index: {
      auto* index = e->as<IndexExpr>();
      if (index->instance != nullptr) {  // F[int] as a function value
        emit_bx(Op::FuncValue, dst, c.function_of(index->instance));
        return;
      }
      index_to(index, dst);
      return;
    }
    case ExprKind::SliceExpr: slice_to(e->as<SliceExpr>(), dst); return;
    case ExprKind::TypeAssert: type_assert_to(e->as<TypeAssertExpr>(), dst, false); return;
    case ExprKind::Call: {
      auto* call_expr = e->as<CallExpr>();
      set_line(call_expr->lparen);
      if (call_expr->form == CallExpr::Form::Conversion) conversion_to(call_expr, dst);
      else if (call_expr->form == CallExpr::Form::Builtin) builtin_to(call_expr, dst);
      else call_to(call_expr, dst);
      return;
    }
    case ExprKind::Star: {
      auto* s = e->as<StarExpr>();
      Reg mark = top();
      Reg p = expr(s->x);
      if (is_composite(e->type)) {
        emit(Op::NilCheck, p);
        if (p != dst) emit(Op::Move, dst, p);
      } else {
        load_from(e->type, dst, p, 0);
      }
      release_to(std::max(mark, dst + 1));
      return;
    }
    case ExprKind::Unary: unary_to(e->as<UnaryExpr>(), dst); return;
    case ExprKind::Binary: binary_to(e->as<BinaryExpr>(), dst); return;
    default: break;
  }
  c.error(e->pos, "gopark does not support this expression yet");
}

// ---- operators ----

void FunctionCompiler::normalize(const Type* t, Reg r) {
  const Type* u = underlying(t);
  if (u->kind == TypeKind::Float32) {
    emit(Op::F32, r, r);
    return;
  }
  if (std::uint8_t k = ext_kind(t)) emit(Op::Ext, r, r, 0, k);
}

void FunctionCompiler::arith(Tok op, const Type* t, Reg dst, Reg x, Reg y, Pos pos) {
  set_line(pos);
  if (is_string(t)) {
    emit(Op::Concat, dst, x, y);
    return;
  }
  if (is_float(t)) {
    Op o = op == Tok::Add ? Op::FAdd : op == Tok::Sub ? Op::FSub : op == Tok::Mul ? Op::FMul : Op::FDiv;
    emit(o, dst, x, y);
    normalize(t, dst);
    return;
  }
  if (underlying(t)->kind == TypeKind::Complex64 || underlying(t)->kind == TypeKind::Complex128) {
    c.error(pos, "gopark does not support complex numbers");
    return;
  }
  bool u = is_unsigned(t);
  Op o = Op::Add;
  switch (op) {
    case Tok::Add: o = Op::Add; break;
    case Tok::Sub: o = Op::Sub; break;
    case Tok::Mul: o = Op::Mul; break;
    case Tok::Quo: o = u ? Op::DivU : Op::Div; break;
    case Tok::Rem: o = u ? Op::RemU : Op::Rem; break;
    case Tok::And: o = Op::And; break;
    case Tok::Or: o = Op::Or; break;
    case Tok::Xor: o = Op::Xor; break;
    case Tok::AndNot: o = Op::AndNot; break;
    case Tok::Shl: o = Op::Shl; break;
    case Tok::Shr: o = u ? Op::ShrU : Op::Shr; break;
    default: c.error(pos, "gopark internal error: bad arithmetic operator"); return;
  }
  emit(o, dst, x, y);
  normalize(t, dst);
}

void FunctionCompiler::compare_to(Tok op, const Type* t, Reg x, Reg y, Reg dst) {
  bool negate = false;
  if (op == Tok::Gtr || op == Tok::Geq) {
    std::swap(x, y);
    op = op == Tok::Gtr ? Tok::Lss : Tok::Leq;
  }
  if (op == Tok::Neq) {
    negate = true;
    op = Tok::Eql;
  }
  const Type* u = underlying(t);
  if (op == Tok::Eql) {
    if (is_string(u)) emit(Op::StrEq, dst, x, y);
    else if (is_float(u)) emit(Op::FEq, dst, x, y);
    else if (is_interface(u)) emit(Op::IfaceEq, dst, x, y);
    else if (is_composite(u)) {
      emit(Op::EqMem, dst, x, y);
      emit_ext(c.type_index(t));
    } else emit(Op::Eq, dst, x, y);
  } else {
    bool lt = op == Tok::Lss;
    if (is_string(u)) emit(lt ? Op::StrLt : Op::StrLe, dst, x, y);
    else if (is_float(u)) emit(lt ? Op::FLt : Op::FLe, dst, x, y);
    else if (is_unsigned(u)) emit(lt ? Op::LtU : Op::LeU, dst, x, y);
    else emit(lt ? Op::Lt : Op::Le, dst, x, y);
  }
  if (negate) emit(Op::LNot, dst, dst);
}

void FunctionCompiler::logical_to(BinaryExpr* e, Reg dst) {
  expr_to(e->x, dst);
  std::uint32_t skip = emit_jump(e->op == Tok::LogAnd ? Op::JmpIfNot : Op::JmpIf, dst);
  expr_to(e->y, dst);
  patch_to_here(skip);
}

void FunctionCompiler::binary_to(BinaryExpr* e, Reg dst) {
  if (e->op == Tok::LogAnd || e->op == Tok::LogOr) {
    logical_to(e, dst);
    return;
  }
  Reg mark = top();
  bool comparison = e->op == Tok::Eql || e->op == Tok::Neq || e->op == Tok::Lss || e->op == Tok::Leq ||
                    e->op == Tok::Gtr || e->op == Tok::Geq;
  if (comparison) {
    const Type* xt = e->x->type;
    const Type* yt = e->y->type;
    // Mixed interface/concrete comparisons compare as interfaces.
    const Type* t = xt;
    if (xt && yt && is_interface(yt) && !is_interface(xt)) t = yt;
    if (xt && xt->kind == TypeKind::UntypedNil) t = yt;
    Reg x, y;
    if (needs_coercion(e->x, t) || needs_coercion(e->y, t)) {
      x = alloc();
      y = alloc();
      expr_as(e->x, t, x);
      expr_as(e->y, t, y);
    } else {
      x = expr(e->x);
      y = expr(e->y);
    }
    set_line(e->op_pos.valid() ? e->op_pos : e->pos);
    compare_to(e->op, t, x, y, dst);
    release_to(std::max(mark, dst + 1));
    return;
  }
  Reg x = expr(e->x);
  // x + c and x - c with a small integer constant: one AddI.
  if ((e->op == Tok::Add || e->op == Tok::Sub) && e->y->mode == Mode::Constant && e->y->constant &&
      lang::is_integer(e->type)) {
    if (auto k = e->y->constant->to_int64(); k && *k >= -32767 && *k <= 32767) {
      std::int64_t imm = e->op == Tok::Add ? *k : -*k;
      emit(Op::AddI, dst, x, std::uint16_t(std::int16_t(imm)));
      normalize(e->type, dst);
      release_to(std::max(mark, dst + 1));
      return;
    }
  }
  // Other small integer constants on the right: the immediate forms.
  if (e->y->mode == Mode::Constant && e->y->constant && lang::is_integer(e->type) && !lang::is_unsigned(e->type)) {
    auto k = e->y->constant->to_int64();
    if (k && e->op == Tok::And && *k >= 0 && *k <= 65535) {
      set_line(e->op_pos.valid() ? e->op_pos : e->pos);
      emit(Op::AndI, dst, x, std::uint16_t(*k));
      normalize(e->type, dst);
      release_to(std::max(mark, dst + 1));
      return;
    }
    if (k && *k >= -32768 && *k <= 32767 && e->op != Tok::And) {
      std::uint16_t imm = std::uint16_t(std::int16_t(*k));
      Op op = Op::Nop;
      switch (e->op) {
        case Tok::Mul: op = Op::MulI; break;
        case Tok::Or: op = Op::OrI; break;
        case Tok::Xor: op = Op::XorI; break;
        case Tok::Shl: if (*k >= 0 && *k < 64) op = Op::ShlI; break;
        case Tok::Shr: if (*k >= 0 && *k < 64) op = Op::ShrI; break;
        case Tok::Quo: if (*k != 0) op = Op::DivI; break;
        case Tok::Rem: if (*k != 0) op = Op::RemI; break;
        default: break;
      }
      if (op != Op::Nop) {
        set_line(e->op_pos.valid() ? e->op_pos : e->pos);
        emit(op, dst, x, imm);
        normalize(e->type, dst);
        release_to(std::max(mark, dst + 1));
        return;
      }
    }
  }
  Reg y = expr(e->y);
  if (e->op == Tok::Shl || e->op == Tok::Shr) {
    if (e->y->mode != Mode::Constant && !is_unsigned(e->y->type)) emit(Op::ShiftCheck, y);
  }
  arith(e->op, e->type, dst, x, y, e->op_pos.valid() ? e->op_pos : e->pos);
  release_to(std::max(mark, dst + 1));
}

void FunctionCompiler::unary_to(UnaryExpr* e, Reg dst) {
  switch (e->op) {
    case Tok::Add: expr_to(e->x, dst); return;
    case Tok::Sub: {
      expr_to(e->x, dst);
      if (is_float(e->type)) emit(Op::FNeg, dst, dst);
      else {
        emit(Op::Neg, dst, dst);
        normalize(e->type, dst);
      }
      return;
    }
    case Tok::Not: expr_to(e->x, dst); emit(Op::LNot, dst, dst); return;
    case Tok::Xor:
      expr_to(e->x, dst);
      emit(Op::Not, dst, dst);
      normalize(e->type, dst);
      return;
    case Tok::And: {
      Expr* x = unparen(e->x);
      if (auto* lit = x->as<CompositeLit>()) {
        const Type* t = underlying(e->type)->as<PointerType>()->elem;
        if (is_composite(t)) {
          composite_to(lit, t, dst);
        } else {
          // &[]int{...} / &map[...]{...}: a cell holding the value.
          Reg v = alloc();
          composite_to(lit, t, v);
          emit_bx(Op::New, dst, c.type_index(t));
          store_to(t, dst, 0, v);
          release_to(std::max(v, dst + 1));
        }
        return;
      }
      address_to(x, dst);
      return;
    }
    case Tok::Arrow: recv_to(e->x, dst, false); return;
    default: break;
  }
  c.error(e->pos, "gopark does not support this operator yet");
}

// ---- addresses ----

// Field access through x.f (with embedded steps): leaves the base address in `base` and returns
// the final offset.
static std::uint32_t field_path(FunctionCompiler& f, SelectorExpr* e, Reg base) {
  const Selection* sel = e->selection;
  const Type* t = e->x->type;
  f.expr_to(e->x, base);  // a pointer, or a struct's storage pointer: an address either way
  if (const auto* p = underlying(t)->as<PointerType>()) t = p->elem;
  std::uint32_t offset = 0;
  for (std::size_t i = 0; i < sel->path.size(); ++i) {
    const auto* st = underlying(t)->as<StructType>();
    t->size();  // compute the layout (field offsets)
    const StructField& field = st->fields[std::size_t(sel->path[i])];
    offset += std::uint32_t(field.offset);
    t = field.type;
    bool last = i + 1 == sel->path.size();
    bool deref = i < sel->deref.size() ? bool(sel->deref[i]) : underlying(t)->kind == TypeKind::Pointer;
    if (!last && (deref || underlying(t)->kind == TypeKind::Pointer)) {
      f.emit(Op::Load64, base, base, offset);
      offset = 0;
      t = underlying(t)->as<PointerType>()->elem;
    }
  }
  return offset;
}

void FunctionCompiler::address_to(Expr* e, Reg dst) {
  e = unparen(e);
  switch (e->kind) {
    case ExprKind::Ident:
      var_address(e->as<Ident>()->object, dst);
      return;
    case ExprKind::Star: {
      expr_to(e->as<StarExpr>()->x, dst);
      emit(Op::NilCheck, dst);
      return;
    }
    case ExprKind::Selector: {
      auto* s = e->as<SelectorExpr>();
      if (s->selection && s->selection->kind == SelectionKind::Qualified) {
        var_address(s->selection->object, dst);
        return;
      }
      std::uint32_t offset = field_path(*this, s, dst);
      if (offset > 0xffff) {
        Reg t = alloc();
        load_int(t, offset);
        emit(Op::Add, dst, dst, t);
        release_to(t);
      } else {
        emit(Op::Addr, dst, dst, offset);
      }
      return;
    }
    case ExprKind::Index: {
      auto* ix = e->as<IndexExpr>();
      Reg mark = top();
      const Type* xt = underlying(ix->x->type);
      Reg base = alloc();
      expr_to(ix->x, base);
      if (const auto* p = xt->as<PointerType>()) xt = underlying(p->elem);
      Reg i = expr(ix->index);
      if (const auto* a = xt->as<ArrayType>()) {
        emit(Op::ArrayAddr, dst, base, i);
        emit_ext(std::uint32_t(a->elem->size()), std::uint32_t(a->len));
      } else if (const auto* s = xt->as<SliceType>()) {
        std::uint32_t size = std::uint32_t(s->elem->size());
        emit(Op::IndexAddr, dst, base, i);
        emit_ext(size & 0xffff, size >> 16);
      }
      release_to(std::max(mark, dst + 1));
      return;
    }
    case ExprKind::CompositeLit:
      composite_to(e->as<CompositeLit>(), e->type, dst);
      return;
    default:
      break;
  }
  c.error(e->pos, "gopark cannot take the address of this expression yet");
}

// ---- selectors, indexing, slicing ----

void FunctionCompiler::selector_to(SelectorExpr* e, Reg dst) {
  const Selection* sel = e->selection;
  if (!sel) {
    c.error(e->pos, "gopark internal error: unresolved selector");
    return;
  }
  switch (sel->kind) {
    case SelectionKind::Qualified: {
      Object* o = sel->object;
      if (o->kind == ObjKind::Var) read_var(o, dst);
      else if (o->kind == ObjKind::Func) emit_bx(Op::FuncValue, dst, c.function_of(o));
      else c.error(e->pos, "gopark internal error: qualified identifier");
      return;
    }
    case SelectionKind::Field: {
      Reg mark = top();
      Reg base = alloc();
      std::uint32_t offset = field_path(*this, e, base);
      load_from(e->type, dst, base, offset);
      release_to(std::max(mark, dst + 1));
      return;
    }
    case SelectionKind::Method:
      method_value_to(e, dst);
      return;
    case SelectionKind::MethodExpr: {
      const Object* m = sel->object;
      const Type* recv = e->x->type;
      if (is_interface(recv)) {
        emit_bx(Op::FuncValue, dst, c.method_wrapper(recv, m, nullptr));
      } else if (m->pointer_recv || !underlying(recv)->as<PointerType>()) {
        emit_bx(Op::FuncValue, dst, c.function_of(m));
      } else {
        emit_bx(Op::FuncValue, dst, c.method_wrapper(recv, m, nullptr));
      }
      return;
    }
  }
}

void FunctionCompiler::index_to(IndexExpr* e, Reg dst, bool comma_ok) {
  Reg mark = top();
  const Type* xt = underlying(e->x->type);
  set_line(e->lbrack.valid() ? e->lbrack : e->pos);
  if (const auto* m = xt->as<MapType>()) {
    Reg mreg = expr(e->x);
    Reg k = alloc();
    expr_as(e->index, m->key, k);
    emit(comma_ok ? Op::MapGetOk : Op::MapGet, dst, mreg, k);
    if (is_composite(m->value)) emit_bx(Op::OrNew, dst, c.type_index(m->value));
    release_to(std::max(mark, dst + (comma_ok ? 2 : 1)));
    return;
  }
  if (is_string(xt)) {
    Reg s = expr(e->x);
    Reg i = expr(e->index);
    emit(Op::StrIndex, dst, s, i);
    release_to(std::max(mark, dst + 1));
    return;
  }
  if (const auto* s = xt->as<SliceType>()) {
    Reg sr = expr(e->x);
    Reg i = expr(e->index);
    if (s->elem->size() == 8 && !is_composite(s->elem) && underlying(s->elem)->kind != TypeKind::Float32) {
      emit(Op::SLoad64, dst, sr, i);
    } else {
      Reg a = alloc();
      std::uint32_t size = std::uint32_t(s->elem->size());
      emit(Op::IndexAddr, a, sr, i);
      emit_ext(size & 0xffff, size >> 16);
      load_from(s->elem, dst, a, 0);
    }
    release_to(std::max(mark, dst + 1));
    return;
  }
  // Arrays (storage) and pointers to arrays.
  Reg a = alloc();
  address_to(e, a);
  const Type* elem = e->type;
  load_from(elem, dst, a, 0);
  release_to(std::max(mark, dst + 1));
}

void FunctionCompiler::slice_to(SliceExpr* e, Reg dst) {
  Reg mark = top();
  const Type* xt = underlying(e->x->type);
  Reg x = alloc();
  std::uint8_t kind = 0;
  std::uint32_t elem = 0xffff;
  std::uint32_t len_k = 0;
  if (is_string(xt)) {
    kind = 2;
    expr_to(e->x, x);
  } else if (const auto* s = xt->as<SliceType>()) {
    expr_to(e->x, x);
    elem = c.type_index(s->elem);
  } else {
    const ArrayType* a = xt->as<ArrayType>();
    if (const auto* p = xt->as<PointerType>()) a = underlying(p->elem)->as<ArrayType>();
    expr_to(e->x, x);  // an array's storage, or a pointer to one
    kind = 1;
    elem = c.type_index(a->elem);
    len_k = constant(Word(a->len));
  }
  Reg lo = 0, hi = 0, mx = 0;
  std::uint8_t flags = 0;
  if (e->lo) { lo = expr(e->lo); flags |= 4; }
  if (e->hi) { hi = expr(e->hi); flags |= 1; }
  if (e->max) { mx = expr(e->max); flags |= 2; }
  set_line(e->lbrack.valid() ? e->lbrack : e->pos);
  emit(Op::SliceOf, x, len_k, elem, kind);
  emit_ext(lo, hi, mx, flags);
  if (x != dst) emit(Op::Move, dst, x);
  release_to(std::max(mark, dst + 1));
}

void FunctionCompiler::type_assert_to(TypeAssertExpr* e, Reg dst, bool comma_ok) {
  Reg mark = top();
  Reg x = expr(e->x);
  const Type* target = e->type;
  bool iface = is_interface(target);
  Op op = iface ? (comma_ok ? Op::AssertIfaceOk : Op::AssertIface) : (comma_ok ? Op::AssertOk : Op::Assert);
  set_line(e->lparen.valid() ? e->lparen : e->pos);
  emit(op, dst, x, c.type_index(target));
  emit_ext(c.type_index(e->x->type));
  release_to(std::max(mark, dst + (comma_ok ? 2 : 1)));
}

void FunctionCompiler::recv_to(Expr* chan, Reg dst, bool comma_ok) {
  Reg mark = top();
  Reg ch = expr(chan);
  emit(comma_ok ? Op::RecvOk : Op::Recv, dst, ch);
  const Type* elem = underlying(chan->type)->as<ChanType>()->elem;
  if (is_composite(elem)) emit_bx(Op::OrNew, dst, c.type_index(elem));  // zero value from a closed channel
  release_to(std::max(mark, dst + (comma_ok ? 2 : 1)));
}

// ---- literals ----

void FunctionCompiler::composite_to(CompositeLit* e, const Type* t, Reg dst) {
  const Type* u = underlying(t);
  Reg mark = top();
  if (const auto* p = u->as<PointerType>()) {
    // An elided &T{...} inside a []*T literal.
    composite_to(e, p->elem, dst);
    return;
  }
  if (const auto* st = u->as<StructType>()) {
    t->size();
    emit_bx(Op::New, dst, c.type_index(t));
    for (std::size_t i = 0; i < e->elts.size(); ++i) {
      Expr* elt = e->elts[i];
      std::size_t field = i;
      if (auto* kv = elt->as<KeyValueExpr>()) {
        auto* key = kv->key->as<Ident>();
        int index = key ? st->field_index(key->name) : -1;
        if (index < 0) continue;
        field = std::size_t(index);
        elt = kv->value;
      }
      const StructField& f = st->fields[field];
      Reg v = alloc();
      if (auto* lit = elt->as<CompositeLit>(); lit && !lit->type_expr) composite_to(lit, f.type, v);
      else expr_as(elt, f.type, v);
      store_to(f.type, dst, std::uint32_t(f.offset), v);
      release_to(v);
    }
    release_to(std::max(mark, dst + 1));
    return;
  }
  if (const auto* m = u->as<MapType>()) {
    emit_bx(Op::MakeMap, dst, c.type_index(t));
    for (Expr* elt : e->elts) {
      auto* kv = elt->as<KeyValueExpr>();
      if (!kv) continue;
      Reg k = alloc(), v = alloc();
      if (auto* lit = kv->key->as<CompositeLit>(); lit && !lit->type_expr) composite_to(lit, m->key, k);
      else expr_as(kv->key, m->key, k);
      if (auto* lit = kv->value->as<CompositeLit>(); lit && !lit->type_expr) composite_to(lit, m->value, v);
      else expr_as(kv->value, m->value, v);
      emit(Op::MapSet, dst, k, v);
      release_to(k);
    }
    release_to(std::max(mark, dst + 1));
    return;
  }
  const Type* elem = nullptr;
  bool slice = false;
  if (const auto* a = u->as<ArrayType>()) elem = a->elem;
  else if (const auto* s = u->as<SliceType>()) {
    elem = s->elem;
    slice = true;
  }
  if (!elem) {
    c.error(e->pos, "gopark does not support this composite literal yet");
    return;
  }
  // Indices: positional, or constant keys.
  std::vector<std::pair<std::int64_t, Expr*>> items;
  std::int64_t index = 0, length = 0;
  for (Expr* elt : e->elts) {
    Expr* value = elt;
    if (auto* kv = elt->as<KeyValueExpr>()) {
      if (kv->key->constant) index = kv->key->constant->to_int64().value_or(index);
      value = kv->value;
    }
    items.push_back({index, value});
    ++index;
    length = std::max(length, index);
  }
  std::uint32_t size = std::uint32_t(elem->size());
  Reg base = dst;
  if (slice) {
    emit(Op::SliceLit, dst, std::uint32_t(length), c.type_index(elem));
    if (length > 0xffff) c.error(e->pos, "gopark does not support slice literals this long yet");
  } else {
    emit_bx(Op::New, dst, c.type_index(t));
  }
  for (auto& [i, value] : items) {
    Reg v = alloc();
    if (auto* lit = value->as<CompositeLit>(); lit && !lit->type_expr) composite_to(lit, elem, v);
    else expr_as(value, elem, v);
    if (slice) {
      store_element(base, i, elem, v);
    } else {
      std::uint64_t off = std::uint64_t(i) * size;
      store_to(elem, base, std::uint32_t(off), v);
    }
    release_to(v);
  }
  release_to(std::max(mark, dst + 1));
}

void FunctionCompiler::func_lit_to(FuncLit* e, Reg dst) { closure_to(e->info, dst); }

void FunctionCompiler::closure_to(const FuncInfo* info, Reg dst) {
  std::uint32_t index = c.function_of(info);
  std::uint32_t nfree = std::uint32_t(info->free_vars.size());
  c.image.functions[index]->nfree = nfree;
  if (nfree == 0) {
    emit_bx(Op::FuncValue, dst, index);
    return;
  }
  Reg mark = top();
  Reg window = alloc(1 + nfree);
  for (std::uint32_t i = 0; i < nfree; ++i) var_address(info->free_vars[i], window + 1 + i);
  emit_bx(Op::Closure, window, index);
  emit(Op::Move, dst, window);
  release_to(std::max(mark, dst + 1));
}

// ---- conversions ----

// The array type of a conversion from slice type `fu` to `tu`, *[N]T or [N]T; null for others.
static const ArrayType* slice_to_array(const Type* tu, const Type* fu) {
  if (!fu->as<SliceType>()) return nullptr;
  if (const auto* p = tu->as<PointerType>()) return underlying(p->elem)->as<ArrayType>();
  return tu->as<ArrayType>();
}

void FunctionCompiler::conversion_to(CallExpr* e, Reg dst) {
  const Type* to = e->type;
  Expr* arg = e->args.empty() ? nullptr : e->args[0];
  if (!arg) return;
  const Type* from = arg->type;
  if (is_interface(to)) {
    expr_as(arg, to, dst);
    return;
  }
  const Type* tu = underlying(to);
  const Type* fu = underlying(from);
  expr_to(arg, dst);
  bool to_int = lang::is_integer(tu), from_int = lang::is_integer(fu);
  bool to_float = lang::is_float(tu), from_float = lang::is_float(fu);
  if (to_int && from_int) {
    normalize(to, dst);
  } else if (to_float && from_int) {
    emit(is_unsigned(fu) ? Op::UToF : Op::IToF, dst, dst);
    normalize(to, dst);
  } else if (to_int && from_float) {
    emit(is_unsigned(tu) ? Op::FToU : Op::FToI, dst, dst);
    normalize(to, dst);
  } else if (to_float && from_float) {
    normalize(to, dst);
  } else if (lang::is_string(tu) && from_int) {
    emit(Op::Convert, dst, dst, 0, std::uint8_t(vm::Conversion::StringFromRune));
  } else if (lang::is_string(tu) && fu->as<SliceType>()) {
    bool runes = underlying(fu->as<SliceType>()->elem)->kind == TypeKind::Int32;
    emit(Op::Convert, dst, dst, 0,
         std::uint8_t(runes ? vm::Conversion::StringFromRunes : vm::Conversion::StringFromBytes));
  } else if (const ArrayType* array = slice_to_array(tu, fu)) {
    // (*[N]T)(s) and [N]T(s): s's elements, after checking that it has at least N.
    Reg n = alloc();
    load_int(n, array->len);
    emit(Op::ArrayPtrOf, dst, dst, n);
    if (tu->as<ArrayType>()) {
      if (array->len == 0) emit_bx(Op::New, dst, c.type_index(to));  // no elements to copy: zero
      else emit(Op::Clone, dst, dst, c.type_index(to));
    }
  } else if (tu->as<SliceType>() && lang::is_string(fu)) {
    bool runes = underlying(tu->as<SliceType>()->elem)->kind == TypeKind::Int32;
    emit(Op::Convert, dst, dst, 0,
         std::uint8_t(runes ? vm::Conversion::RunesFromString : vm::Conversion::BytesFromString));
  }
}

}  // namespace gopark::lang::compile_detail
