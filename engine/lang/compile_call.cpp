// Calls: static functions, methods (static and through interfaces), closures, natives, builtins,
// method values and the wrappers they need; the operands of go and defer.
#include <algorithm>

#include "lang/compiler.hpp"

namespace gopark::lang::compile_detail {
namespace {

Expr* unparen(Expr* e) {
  while (auto* p = e->as<ParenExpr>()) e = p->x;
  return e;
}

// The function object a call expression names statically (a func declaration, a qualified
// library function), or null for a function value.
const Object* static_callee(Expr* fun) {
  fun = unparen(fun);
  if (auto* id = fun->as<Ident>()) {
    if (id->object && id->object->kind == ObjKind::Func) return id->object;
  }
  if (auto* s = fun->as<SelectorExpr>()) {
    if (s->selection && s->selection->kind == SelectionKind::Qualified && s->selection->object->kind == ObjKind::Func)
      return s->selection->object;
  }
  if (auto* index = fun->as<IndexExpr>()) return index->instance;  // F[int](...)
  return nullptr;
}

}  // namespace

// Emits a call of the function object `fn_index` with the window at `window`.
static void emit_static_call(FunctionCompiler& f, std::uint32_t fn_index, Reg window) {
  const vm::Function& fn = *f.c.image.functions[fn_index];
  if (fn.native >= 0) f.emit_bx(Op::CallNative, window, std::uint32_t(fn.native));
  else f.emit_bx(Op::Call, window, fn_index);
}

// A receiver written as a variable or a path of fields ("pen", "c.mu", "&wg", "(*p).mu"), as
// written; "" for anything else (calls, index expressions...).
static std::string receiver_text(Expr* x) {
  x = unparen(x);
  if (const auto* id = x->as<Ident>()) return id->name == "_" ? "" : std::string(id->name);
  if (const auto* u = x->as<UnaryExpr>(); u && u->op == Tok::And) return receiver_text(u->x);
  if (const auto* star = x->as<StarExpr>()) return receiver_text(star->x);
  if (const auto* s = x->as<SelectorExpr>(); s && s->selection && s->selection->kind == SelectionKind::Field) {
    std::string base = receiver_text(s->x);
    return base.empty() ? "" : base + "." + std::string(s->sel->name);
  }
  return "";
}

// The receiver of a method selection x.M into dst, as the method wants it: the address for a
// pointer method, a value (an owned copy for structs) for a value method, after walking the
// embedded fields of a promoted method.
static void receiver_to(FunctionCompiler& f, SelectorExpr* e, Reg dst) {
  const Selection* sel = e->selection;
  const Object* m = sel->object;
  Reg mark = f.top();
  const Type* t = e->x->type;
  bool have_address = false;  // dst holds an address of a value of type t (not a value)
  if (sel->path.empty()) {
    if (m->pointer_recv && !underlying(t)->as<PointerType>()) {
      f.address_to(e->x, dst);  // addressable x: &x
      have_address = true;
    } else {
      f.expr_to(e->x, dst);
      if (const auto* p = underlying(t)->as<PointerType>()) {
        if (!m->pointer_recv) {
          t = p->elem;
          have_address = true;
        }
      }
    }
  } else {
    // Promoted: walk to the embedded value.
    f.expr_to(e->x, dst);
    if (const auto* p = underlying(t)->as<PointerType>()) t = p->elem;
    std::uint32_t offset = 0;
    for (std::size_t i = 0; i < sel->path.size(); ++i) {
      const auto* st = underlying(t)->as<StructType>();
      t->size();
      const StructField& field = st->fields[std::size_t(sel->path[i])];
      offset += std::uint32_t(field.offset);
      t = field.type;
      if (underlying(t)->kind == TypeKind::Pointer) {
        f.emit(Op::Load64, dst, dst, offset);
        offset = 0;
        if (i + 1 < sel->path.size() || !m->pointer_recv) t = underlying(t)->as<PointerType>()->elem;
        else {
          // pointer method on an embedded *T: the loaded pointer is the receiver
          f.release_to(std::max(mark, dst + 1));
          return;
        }
      }
    }
    f.emit(Op::Addr, dst, dst, offset);
    have_address = true;
  }
  if (have_address && !m->pointer_recv) {
    // Value method: load the value (a copy for structs: the method may change its receiver).
    if (is_composite(t)) f.emit(Op::Clone, dst, dst, f.c.type_index(t));
    else f.load_from(t, dst, dst, 0);
  } else if (!have_address && !m->pointer_recv && is_composite(t)) {
    f.emit(Op::Clone, dst, dst, f.c.type_index(t));
  }
  f.release_to(std::max(mark, dst + 1));
}

// The value of the interface a method is promoted from (x.M where M comes from an interface
// embedded in x's struct, maybe through other embedded fields) into dst.
static void embedded_interface_to(FunctionCompiler& f, SelectorExpr* e, Reg dst) {
  const Selection* sel = e->selection;
  Reg mark = f.top();
  const Type* t = e->x->type;
  f.expr_to(e->x, dst);  // a struct's register holds its address; so does a pointer's
  if (const auto* p = underlying(t)->as<PointerType>()) t = p->elem;
  std::uint32_t offset = 0;
  for (std::size_t i = 0; i < sel->path.size(); ++i) {
    const auto* st = underlying(t)->as<StructType>();
    t->size();
    const StructField& field = st->fields[std::size_t(sel->path[i])];
    offset += std::uint32_t(field.offset);
    t = field.type;
    if (i + 1 < sel->path.size() && underlying(t)->kind == TypeKind::Pointer) {
      f.emit(Op::Load64, dst, dst, offset);
      offset = 0;
      t = underlying(t)->as<PointerType>()->elem;
    }
  }
  f.emit(Op::Load64, dst, dst, offset);
  f.release_to(std::max(mark, dst + 1));
}

// One argument into its slot: converted to the parameter type, structs copied.
static void arg_to(FunctionCompiler& f, Expr* arg, const Type* param, Reg slot) {
  Reg mark = f.top();
  if (is_composite(param)) {
    Reg v = f.expr(arg);
    f.emit(Op::Clone, slot, v, f.c.type_index(param));
  } else {
    f.expr_as(arg, param, slot);
  }
  f.release_to(std::max(mark, slot + 1));
}

std::uint32_t FunctionCompiler::args_to(CallExpr* e, const SignatureType* sig, Reg window, std::uint32_t first) {
  std::size_t np = sig->params.size();
  // The argument values: expressions, or the results of a multi-value call f(g()).
  struct Arg {
    Expr* expr = nullptr;
    Reg reg = 0;
    const Type* type = nullptr;
  };
  std::vector<Arg> args;
  Reg mark = top();
  if (e->args.size() == 1 && e->args[0]->type && e->args[0]->type->kind == TypeKind::Tuple) {
    const auto* tuple = e->args[0]->type->as<TupleType>();
    Reg results = call(unparen(e->args[0])->as<CallExpr>());
    // Keep the results above everything the arguments will need.
    alloc(std::uint32_t(tuple->types.size()));
    for (std::size_t i = 0; i < tuple->types.size(); ++i) args.push_back({nullptr, results + Reg(i), tuple->types[i]});
  } else {
    for (Expr* a : e->args) args.push_back({a, 0, a->type});
  }
  auto put = [&](const Arg& a, const Type* param, Reg slot) {
    if (a.expr) {
      arg_to(*this, a.expr, param, slot);
      return;
    }
    Reg v = coerce(a.reg, a.type, param);
    if (is_composite(param)) emit(Op::Clone, slot, v, c.type_index(param));
    else emit(Op::Move, slot, v);
  };
  std::size_t fixed = sig->variadic ? np - 1 : np;
  for (std::size_t i = 0; i < fixed && i < args.size(); ++i) put(args[i], sig->params[i], window + first + Reg(i));
  if (sig->variadic) {
    Reg slot = window + first + Reg(fixed);
    const Type* slice_type = sig->params.back();
    if (e->has_ellipsis) {
      put(args.back(), slice_type, slot);
    } else {
      std::size_t extra = args.size() > fixed ? args.size() - fixed : 0;
      if (extra == 0) {
        emit(Op::Zero, slot);
      } else {
        const Type* elem = underlying(slice_type)->as<SliceType>()->elem;
        Reg inner = top();
        emit(Op::SliceLit, slot, std::uint32_t(extra), c.type_index(elem));
        for (std::size_t i = 0; i < extra; ++i) {
          Reg v = alloc();
          const Arg& arg = args[fixed + i];
          if (arg.expr) expr_as(arg.expr, elem, v);
          else emit(Op::Move, v, coerce(arg.reg, arg.type, elem));
          store_element(slot, std::int64_t(i), elem, v);
          release_to(v);
        }
        release_to(inner);
      }
    }
  }
  release_to(mark);
  return std::uint32_t(np);
}

Reg FunctionCompiler::call(CallExpr* e, bool) {
  Expr* fun = unparen(e->fun);
  const SignatureType* sig = underlying(fun->type)->as<SignatureType>();
  if (!sig) {
    c.error(e->pos, "gopark internal error: call of a non-function");
    return alloc();
  }
  std::uint32_t nres = std::uint32_t(sig->results.size());
  auto* sel = fun->as<SelectorExpr>();
  bool method = sel && sel->selection && sel->selection->kind == SelectionKind::Method;
  std::uint32_t recv = method ? 1 : 0;
  Reg window = alloc(std::max<std::uint32_t>(std::uint32_t(sig->params.size()) + recv, std::max(nres, 1u)));
  if (method) {
    const Selection* s = sel->selection;
    if (s->interface_call) {
      if (s->path.empty()) expr_to(sel->x, window);
      else embedded_interface_to(*this, sel, window);
      args_to(e, sig, window, 1);
      set_line(e->lparen.valid() ? e->lparen : e->pos);
      emit(Op::CallIface, window);
      emit_ext(0, c.name_id(s->object->name));
    } else {
      receiver_to(*this, sel, window);
      args_to(e, sig, window, 1);
      set_line(e->lparen.valid() ? e->lparen : e->pos);
      std::uint32_t fn_index = c.function_of(s->object);
      emit_static_call(*this, fn_index, window);
      if (c.image.functions[fn_index]->native >= 0) {
        std::string name = receiver_text(sel->x);
        if (!name.empty()) fn_.call_receivers.emplace_back(here() - 1, std::move(name));
      }
    }
  } else if (const Object* callee = static_callee(fun)) {
    args_to(e, sig, window, 0);
    set_line(e->lparen.valid() ? e->lparen : e->pos);
    emit_static_call(*this, c.function_of(callee), window);
  } else {
    Reg mark = top();
    Reg f = alloc();
    expr_to(fun, f);
    args_to(e, sig, window, 0);
    set_line(e->lparen.valid() ? e->lparen : e->pos);
    emit(Op::CallClosure, window, f);
    release_to(mark);
  }
  release_to(window + std::max(nres, 1u));
  return window;
}

void FunctionCompiler::call_to(CallExpr* e, Reg dst) {
  Reg mark = top();
  Reg w = call(e);
  if (w != dst) emit(Op::Move, dst, w);
  release_to(std::max(mark, dst + 1));
}

// ---- method values and wrappers ----

void FunctionCompiler::method_value_to(SelectorExpr* e, Reg dst) {
  const Selection* s = e->selection;
  Reg mark = top();
  Reg window = alloc(2);
  std::uint32_t fn;
  if (s->interface_call) {
    expr_to(e->x, window + 1);
    fn = c.method_wrapper(e->x->type, s->object, s);  // a bound interface call
  } else {
    receiver_to(*this, e, window + 1);
    fn = c.method_wrapper(nullptr, s->object, nullptr);  // bound: the receiver is free word 0
  }
  c.image.functions[fn]->nfree = 1;
  emit_bx(Op::Closure, window, fn);
  emit(Op::Move, dst, window);
  release_to(std::max(mark, dst + 1));
}

// Wrappers, all made of a few instructions:
//  - recv == nullptr: a bound method value: the receiver is the closure's free word 0; the
//    arguments are shifted up by one and the method called.
//  - recv an interface type (path != null, interface_call): a bound interface method value.
//  - recv a pointer *T and a value method of T (path == null): dereference, then call.
//  - recv an interface type, path == null: the method expression I.M (unbound).
//  - path != null: a method promoted through embedded fields of recv.
std::uint32_t Compiler::method_wrapper(const Type* recv, const Object* method, const Selection* path) {
  bool iface = path && path->interface_call;
  auto key = std::make_pair(iface ? nullptr : recv, method);
  auto it = wrappers_.find(key);
  if (it != wrappers_.end() && !iface) return it->second;
  const auto* sig = method->type->as<SignatureType>();
  std::uint32_t np = std::uint32_t(sig->params.size());
  std::uint32_t nres = std::uint32_t(sig->results.size());
  std::string name = method->info ? method->info->name : method->native_name;
  if (name.empty()) name = std::string(method->name);
  std::uint32_t index = new_function(name + (recv ? "" : "-fm"), true);
  vm::Function& fn = *image.functions[index];
  fn.nresults = nres;
  FunctionCompiler f(*this, fn, nullptr);
  f.next_ = std::max(np + 1, nres) + 1;
  fn.nregs = f.next_ + 4;
  if (!recv || iface) {
    // Bound: R0.. hold the arguments; make room for the receiver.
    fn.nparams = np;
    for (std::uint32_t i = np; i-- > 0;) f.emit(Op::Move, i + 1, i);
    f.emit(Op::Free, 0, 0);
    if (iface) {
      f.emit(Op::CallIface, 0);
      f.emit_ext(0, name_id(method->name));
    } else {
      if (is_composite(method->recv) && !method->pointer_recv) f.emit(Op::Clone, 0, 0, type_index(method->recv));
      emit_static_call(f, function_of(method), 0);
    }
  } else if (!path && is_interface(recv)) {
    // I.M, a method expression of an interface type: the interface is the first argument.
    fn.nparams = np + 1;
    f.emit(Op::CallIface, 0);
    f.emit_ext(0, name_id(method->name));
  } else {
    fn.nparams = np + 1;
    const Type* t = recv;
    if (!path) {
      // (*T).M for a value method M: dereference the receiver.
      t = underlying(recv)->as<PointerType>()->elem;
      if (is_composite(t)) f.emit(Op::Clone, 0, 0, type_index(t));
      else f.load_from(t, 0, 0, 0);
    } else {
      if (const auto* p = underlying(t)->as<PointerType>()) t = p->elem;
      std::uint32_t offset = 0;
      for (std::size_t i = 0; i < path->path.size(); ++i) {
        const auto* st = underlying(t)->as<StructType>();
        t->size();
        const StructField& field = st->fields[std::size_t(path->path[i])];
        offset += std::uint32_t(field.offset);
        t = field.type;
        if (i + 1 == path->path.size() && is_interface(t)) {
          // A method of an embedded interface: dispatch on the field's dynamic value.
          f.emit(Op::Load64, 0, 0, offset);
          f.emit(Op::CallIface, 0);
          f.emit_ext(0, name_id(method->name));
          f.emit(Op::Ret);
          wrappers_[key] = index;
          return index;
        }
        if (underlying(t)->kind == TypeKind::Pointer) {
          f.emit(Op::Load64, 0, 0, offset);
          offset = 0;
          t = underlying(t)->as<PointerType>()->elem;
          if (i + 1 == path->path.size() && method->pointer_recv) goto call;
        }
      }
      f.emit(Op::Addr, 0, 0, offset);
      if (!method->pointer_recv) {
        if (is_composite(t)) f.emit(Op::Clone, 0, 0, type_index(t));
        else f.load_from(t, 0, 0, 0);
      }
    }
  call:
    emit_static_call(f, function_of(method), 0);
  }
  f.emit(Op::Ret);
  wrappers_[key] = index;
  return index;
}

// ---- go and defer ----

FunctionCompiler::Deferred FunctionCompiler::deferred_call(CallExpr* e) {
  Expr* fun = unparen(e->fun);
  const SignatureType* sig = underlying(fun->type)->as<SignatureType>();
  Deferred d{};
  if (e->form == CallExpr::Form::Builtin || !sig) return deferred_builtin(e);
  auto* sel = fun->as<SelectorExpr>();
  bool method = sel && sel->selection && sel->selection->kind == SelectionKind::Method;
  d.closure = alloc();
  if (method && !sel->selection->interface_call) {
    // A static method call: the method itself, with the receiver as its first argument.
    std::uint32_t n = std::uint32_t(sig->params.size()) + 1;
    d.args = alloc(n);
    d.nargs = n;
    emit_bx(Op::FuncValue, d.closure, c.function_of(sel->selection->object));
    receiver_to(*this, sel, d.args);
    args_to(e, sig, d.args, 1);
    return d;
  }
  std::uint32_t n = std::uint32_t(sig->params.size());
  d.args = alloc(std::max<std::uint32_t>(n, 1));
  d.nargs = n;
  if (const Object* callee = static_callee(fun)) emit_bx(Op::FuncValue, d.closure, c.function_of(callee));
  else expr_to(fun, d.closure);  // a function value, or an interface method value
  args_to(e, sig, d.args, 0);
  return d;
}

// go/defer of a builtin (defer close(ch), defer println(x), defer panic(v)): the operands are
// evaluated now, and a small hidden function applies the builtin to them later.
FunctionCompiler::Deferred FunctionCompiler::deferred_builtin(CallExpr* e) {
  auto* id = unparen(e->fun)->as<Ident>();
  BuiltinId b = id && id->object ? id->object->builtin : BuiltinId::Len;
  Deferred d{};
  d.closure = alloc();
  std::uint32_t n = std::uint32_t(e->args.size());
  d.args = alloc(std::max(n, 1u));
  d.nargs = n;
  std::uint32_t index = c.new_function(info_ ? info_->name + ".deferwrap" : "deferwrap", true);
  vm::Function& w = *c.image.functions[index];
  w.nparams = n;
  w.nregs = std::max(n, 1u) + 1;
  FunctionCompiler wf(c, w, nullptr);
  switch (b) {
    case BuiltinId::Close:
      expr_to(e->args[0], d.args);
      wf.emit(Op::Close, 0);
      break;
    case BuiltinId::Panic:
      expr_as(e->args[0], c.program.types.empty_interface(), d.args);
      wf.emit(Op::Panic, 0);
      break;
    case BuiltinId::Delete: {
      const auto* m = underlying(e->args[0]->type)->as<MapType>();
      expr_to(e->args[0], d.args);
      expr_as(e->args[1], m->key, d.args + 1);
      wf.emit(Op::MapDelete, 0, 1);
      break;
    }
    case BuiltinId::Print:
    case BuiltinId::Println: {
      bool ln = b == BuiltinId::Println;
      for (std::uint32_t i = 0; i < n; ++i) {
        expr_to(e->args[i], d.args + i);
        const Type* t = e->args[i]->type;
        if (is_untyped(t)) t = default_type(c.program.types, t);
        std::uint8_t x = 0;
        if (ln && i > 0) x |= 1;
        if (ln && i + 1 == n) x |= 2;
        wf.emit(Op::Print, i, 0, c.type_index(t), x);
      }
      if (ln && n == 0) {
        wf.emit(Op::Zero, 0);
        wf.emit(Op::Print, 0, 0, c.image.string_type, 2);
      }
      break;
    }
    case BuiltinId::Recover:
      break;  // `defer recover()` does not stop a panic: recover is not called by a deferred function
    default:
      c.error(e->pos, "gopark does not support go or defer of this builtin yet");
      break;
  }
  wf.emit(Op::Ret);
  emit_bx(Op::FuncValue, d.closure, index);
  return d;
}

// ---- builtins ----

void FunctionCompiler::builtin_to(CallExpr* e, Reg dst) {
  Expr* fun = unparen(e->fun);
  auto* id = fun->as<Ident>();
  if (!id || !id->object) {
    c.error(e->pos, "gopark internal error: builtin without object");
    return;
  }
  Reg mark = top();
  auto arg = [&](std::size_t i) { return e->args[i]; };
  switch (id->object->builtin) {
    case BuiltinId::Len:
    case BuiltinId::Cap: {
      bool len = id->object->builtin == BuiltinId::Len;
      const Type* t = underlying(arg(0)->type);
      if (const auto* p = t->as<PointerType>()) t = underlying(p->elem);
      if (const auto* a = t->as<ArrayType>()) {
        load_int(dst, a->len);
        break;
      }
      Reg x = expr(arg(0));
      if (t->as<MapType>()) emit(Op::MapLen, dst, x);
      else if (t->as<ChanType>()) emit(len ? Op::ChanLen : Op::ChanCap, dst, x);
      else emit(len ? Op::Len : Op::Cap, dst, x);
      break;
    }
    case BuiltinId::Append: {
      const Type* elem = underlying(e->type)->as<SliceType>()->elem;
      std::uint32_t elem_index = c.type_index(elem);
      expr_to(arg(0), dst);
      if (e->has_ellipsis) {
        Reg other = expr(arg(1));
        emit(Op::AppendSlice, dst, dst, other);
        emit_ext(elem_index, 0, 0, is_string(arg(1)->type) ? 1 : 0);
      } else if (e->args.size() == 2) {
        Reg v = alloc();
        expr_as(arg(1), elem, v);
        emit(Op::Append, dst, dst, v);
        emit_ext(elem_index);
      } else if (e->args.size() > 2) {
        // Several values grow the slice once, as Go does (it decides the capacity programs see):
        // gather them in a temporary slice and append that.
        std::uint32_t n = std::uint32_t(e->args.size() - 1);
        Reg tmp = alloc();
        emit(Op::SliceLit, tmp, n, elem_index);
        for (std::uint32_t i = 0; i < n; ++i) {
          Reg v = alloc();
          expr_as(arg(i + 1), elem, v);
          store_element(tmp, i, elem, v);
          release_to(v);
        }
        emit(Op::AppendSlice, dst, dst, tmp);
        emit_ext(elem_index);
      }
      break;
    }
    case BuiltinId::Copy: {
      Reg d = expr(arg(0));
      Reg s = expr(arg(1));
      const Type* elem = underlying(arg(0)->type)->as<SliceType>()->elem;
      emit(Op::CopySlice, dst, d, s, is_string(arg(1)->type) ? 1 : 0);
      emit_ext(std::uint32_t(elem->size()));
      break;
    }
    case BuiltinId::Delete: {
      const auto* m = underlying(arg(0)->type)->as<MapType>();
      Reg mr = expr(arg(0));
      Reg k = alloc();
      expr_as(arg(1), m->key, k);
      emit(Op::MapDelete, mr, k);
      break;
    }
    case BuiltinId::Clear: {
      const Type* t = underlying(arg(0)->type);
      Reg x = expr(arg(0));
      if (t->as<MapType>()) emit(Op::MapClear, x);
      else emit_bx(Op::ClearSlice, x, c.type_index(t->as<SliceType>()->elem));
      break;
    }
    case BuiltinId::Close: {
      Reg ch = expr(arg(0));
      emit(Op::Close, ch);
      break;
    }
    case BuiltinId::Make: {
      const Type* t = e->type;
      const Type* u = underlying(t);
      if (const auto* s = u->as<SliceType>()) {
        Reg len = alloc(), cap = alloc();
        expr_to(arg(1), len);
        if (e->args.size() > 2) expr_to(arg(2), cap);
        else emit(Op::Move, cap, len);
        emit(Op::MakeSlice, dst, len, cap);
        emit_ext(c.type_index(s->elem));
      } else if (u->as<MapType>()) {
        emit_bx(Op::MakeMap, dst, c.type_index(t));
      } else if (const auto* ch = u->as<ChanType>()) {
        Reg size = alloc();
        if (e->args.size() > 1) expr_to(arg(1), size);
        else emit(Op::Zero, size);
        emit(Op::MakeChan, dst, size, c.type_index(ch->elem));
        // The channel's name for the dashboard: its variable, else where it was made.
        std::string_view var = make_name_for(e);
        std::string name = !var.empty() && var != "_" ? std::string(var)
                                                      : "make at line " + std::to_string(e->pos.line);
        emit_ext(c.name_id(name));
      }
      break;
    }
    case BuiltinId::New:
      emit_bx(Op::New, dst, c.type_index(underlying(e->type)->as<PointerType>()->elem));
      break;
    case BuiltinId::Panic: {
      Reg v = alloc();
      expr_as(arg(0), c.program.types.empty_interface(), v);
      emit(Op::Panic, v);
      break;
    }
    case BuiltinId::Recover:
      emit(Op::Recover, dst);
      break;
    case BuiltinId::Print:
    case BuiltinId::Println: {
      bool ln = id->object->builtin == BuiltinId::Println;
      for (std::size_t i = 0; i < e->args.size(); ++i) {
        Reg v = alloc();
        expr_to(arg(i), v);
        std::uint8_t x = 0;
        if (ln && i > 0) x |= 1;
        if (ln && i + 1 == e->args.size()) x |= 2;
        const Type* t = arg(i)->type;
        if (is_untyped(t)) t = default_type(c.program.types, t);
        emit(Op::Print, v, 0, c.type_index(t), x);
        release_to(v);
      }
      if (ln && e->args.empty()) {
        Reg v = alloc();
        emit(Op::Zero, v);
        emit(Op::Print, v, 0, c.image.string_type, 2);
      }
      break;
    }
    case BuiltinId::Min:
    case BuiltinId::Max: {
      const Type* t = e->type;
      bool is_min = id->object->builtin == BuiltinId::Min;
      expr_to(arg(0), dst);
      for (std::size_t i = 1; i < e->args.size(); ++i) {
        Reg v = alloc(), cond = alloc();
        expr_to(arg(i), v);
        // dst = v if v < dst (min) / dst < v (max)
        if (is_min) compare_to(Tok::Lss, t, v, dst, cond);
        else compare_to(Tok::Lss, t, dst, v, cond);
        if (lang::is_float(t)) {
          // A NaN operand makes the result NaN.
          Reg nan = alloc();
          emit(Op::FNe, nan, v, v);
          emit(Op::Or, cond, cond, nan);
          emit(Op::FNe, nan, dst, dst);
          emit(Op::AndNot, cond, cond, nan);
        }
        std::uint32_t skip = emit_jump(Op::JmpIfNot, cond);
        emit(Op::Move, dst, v);
        patch_to_here(skip);
        release_to(v);
      }
      break;
    }
    default:
      c.error(e->pos, "gopark does not support complex numbers");
      break;
  }
  release_to(std::max(mark, dst + 1));
}

}  // namespace gopark::lang::compile_detail
