// Selectors (fields, methods, method values and expressions, qualified identifiers), index and
// slice expressions, type assertions and composite literals.
#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

bool is_exported(std::string_view name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

}  // namespace

// ----------------------------------------------------------------------------------------------
// Selectors

void Checker::record_selection(SelectorExpr* e, SelectionKind kind, const LookupResult& r,
                               Operand& x) {
  auto sel = std::make_unique<Selection>();
  sel->kind = kind;
  sel->object = r.obj;
  sel->path = r.path;
  sel->deref = r.deref;
  const Type* xt = x.type;
  sel->x_deref = xt != nullptr && xt->kind == TypeKind::Pointer;
  if (r.interface_index >= 0) {
    sel->interface_call = true;
    sel->interface_index = r.interface_index;
  } else if (r.obj != nullptr && r.obj->kind == ObjKind::Func &&
             (kind == SelectionKind::Method || kind == SelectionKind::MethodExpr)) {
    bool ptr_method = r.obj->pointer_recv;
    sel->addr_recv = ptr_method && !r.recv_is_ptr;
    sel->deref_recv = !ptr_method && r.recv_is_ptr;
  }
  e->selection = sel.get();
  prog_.selections.push_back(std::move(sel));
  e->sel->object = r.obj;
}

void Checker::selector(Operand& x, SelectorExpr* e, NamedType* def, bool want_type) {
  selector_internal(x, e, def, want_type);
  // The selected name carries the selector's result too.
  e->sel->mode = x.mode;
  e->sel->type = x.mode == Mode::Invalid ? types_.invalid() : x.type;
}

void Checker::selector_internal(Operand& x, SelectorExpr* e, NamedType* def, bool want_type) {
  std::string_view sel = e->sel->name;
  x.mode = Mode::Invalid;
  x.type = types_.invalid();
  x.expr = e;

  // A qualified identifier pkg.Name.
  if (auto* id = e->x->as<Ident>()) {
    Object* obj = scope_->lookup(id->name);
    if (obj != nullptr && obj->kind == ObjKind::Package) {
      id->object = obj;
      id->mode = Mode::Package;
      id->type = types_.invalid();
      obj->used = true;
      const Package* pkg = obj->imported;
      if (pkg == nullptr || pkg->scope == nullptr) return;  // the import failed: reported there
      Object* exp = pkg->scope->lookup_local(sel);
      if (exp == nullptr || exp->kind == ObjKind::Bad) {
        error(e->sel->pos, "undefined: " + expr_str(e));
        return;
      }
      if (!is_exported(sel)) {
        error(e->sel->pos, "name " + std::string(sel) + " not exported by package " + pkg->name);
      }
      e->sel->object = exp;
      auto s = std::make_unique<Selection>();
      s->kind = SelectionKind::Qualified;
      s->object = exp;
      e->selection = s.get();
      prog_.selections.push_back(std::move(s));
      if (exp->type == nullptr) {
        x.mode = Mode::Invalid;
        return;
      }
      switch (exp->kind) {
        case ObjKind::Const:
          x.mode = Mode::Constant;
          x.type = exp->type;
          x.val = exp->value;
          break;
        case ObjKind::TypeName:
          x.mode = Mode::TypeExpr;
          x.type = exp->type;
          if (exp->generic_type != nullptr) {
            x.generic_type = exp->generic_type;
            return;
          }
          break;
        case ObjKind::Var:
          x.mode = Mode::Variable;
          x.type = exp->type;
          break;
        case ObjKind::Func:
          x.mode = Mode::Value;
          x.type = exp->type;
          if (exp->generic != nullptr) {
            x.generic = exp->generic;
            return;
          }
          break;
        default:
          return;
      }
      if (x.type->kind == TypeKind::Invalid) x.mode = Mode::Invalid;
      return;
    }
  }

  expr_or_type(x, e->x);
  switch (x.mode) {
    case Mode::TypeExpr:
      if (def != nullptr && def == x.type) {
        cycle_error({def->object});
        x.mode = Mode::Invalid;
        return;
      }
      break;
    case Mode::Builtin:
      error(e->sel->pos, "cannot select on " + describe(x));
      x.mode = Mode::Invalid;
      return;
    case Mode::Invalid:
      return;
    default:
      break;
  }
  if (want_type) {
    error(e->sel->pos, expr_str(e) + " is not a type");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.is_nil()) {
    error(e->sel->pos, expr_str(e) + " undefined (type untyped nil has no field or method " +
                           std::string(sel) + ")");
    x.mode = Mode::Invalid;
    return;
  }

  LookupResult r = lookup_field_or_method(x.type, x.mode == Mode::Variable, &pkg_, sel, false);
  if (r.obj == nullptr) {
    if (under(x.type)->kind == TypeKind::Invalid) {
      x.mode = Mode::Invalid;
      return;
    }
    if (r.ambiguous) {
      error(e->sel->pos, "ambiguous selector " + expr_str(e->x) + "." + std::string(sel));
    } else if (r.needs_pointer) {
      if (x.mode == Mode::TypeExpr) {
        error(e->sel->pos, "invalid method expression " + expr_str(e->x) + "." + std::string(sel) +
                               " (needs pointer receiver (*" + tstr(x.type) + ")." +
                               std::string(sel) + ")");
      } else {
        error(e->sel->pos, "cannot call pointer method " + std::string(sel) + " on " + tstr(x.type));
      }
    } else {
      std::string why;
      if (is_interface_ptr(x.type)) {
        why = interface_ptr_error(x.type);
      } else {
        why = "type " + tstr(x.type) + " has no field or method " + std::string(sel);
        LookupResult folded =
            lookup_field_or_method(x.type, x.mode == Mode::Variable, &pkg_, sel, true);
        if (folded.obj != nullptr) {
          std::string what = folded.obj->kind == ObjKind::Var ? "field" : "method";
          if (folded.obj->name == sel) {
            why = "type " + tstr(x.type) + " has no field or method " + std::string(sel) +
                  ", but does have unexported " + what + " " + std::string(folded.obj->name);
          } else {
            why += ", but does have " + what + " " + std::string(folded.obj->name);
          }
        }
      }
      error(e->sel->pos, expr_str(e->x) + "." + std::string(sel) + " undefined (" + why + ")");
    }
    x.mode = Mode::Invalid;
    return;
  }

  Object* obj = r.obj;
  if (obj->kind == ObjKind::Func) ensure_method_type(obj);

  if (x.mode == Mode::TypeExpr) {
    // Method expression T.m: a function taking the receiver first.
    if (obj->kind != ObjKind::Func) {
      error(e->sel->pos, expr_str(e->x) + "." + std::string(sel) + " undefined (type " +
                             tstr(x.type) + " has no method " + std::string(sel) + ")");
      x.mode = Mode::Invalid;
      return;
    }
    const auto* sig = obj->type != nullptr ? obj->type->as<SignatureType>() : nullptr;
    if (sig == nullptr) {
      x.mode = Mode::Invalid;
      return;
    }
    record_selection(e, SelectionKind::MethodExpr, r, x);
    std::vector<const Type*> params;
    params.push_back(x.type);
    params.insert(params.end(), sig->params.begin(), sig->params.end());
    x.mode = Mode::Value;
    x.type = types_.signature(std::move(params), sig->results, sig->variadic);
    record_dependency(obj);
    x.expr = e;
    return;
  }

  if (obj->kind == ObjKind::Var) {
    record_selection(e, SelectionKind::Field, r, x);
    x.mode = (x.mode == Mode::Variable || r.indirect) ? Mode::Variable : Mode::Value;
    x.type = obj->type;
  } else {
    record_selection(e, SelectionKind::Method, r, x);
    if (e->selection->addr_recv) mark_addressed(e->x);
    x.mode = Mode::Value;
    x.type = obj->type != nullptr ? obj->type : types_.invalid();
    record_dependency(obj);
  }
  x.expr = e;
}

// ----------------------------------------------------------------------------------------------
// Index and slice expressions

// Checks an index (or a composite literal key); returns false if invalid. *out is the constant
// value (or -1 when not constant). `max` >= 0 bounds a constant index.
bool Checker::index_value(Expr* index, std::int64_t max, std::int64_t* out) {
  *out = -1;
  Operand x;
  expr(x, index);
  if (x.mode == Mode::Invalid) return false;
  convert_untyped(x, types_.basic(TypeKind::Int));
  if (x.mode == Mode::Invalid) return false;
  if (!is_integer(x.type)) {
    error(start_pos(x.expr), "invalid argument: index " + describe(x) + " must be integer");
    return false;
  }
  if (x.mode == Mode::Constant) {
    if (x.val.is_unknown()) return false;
    if (x.val.sign() < 0) {
      error(start_pos(x.expr), "invalid argument: index " + describe(x) + " must not be negative");
      return false;
    }
    if (!representable_const(x.val, types_.basic(TypeKind::Int), nullptr)) {
      error(start_pos(x.expr), "invalid argument: index " + describe(x) + " overflows int");
      return false;
    }
    std::int64_t v = x.val.to_int64().value_or(-1);
    if (max >= 0 && v >= max) {
      error(start_pos(x.expr), "invalid argument: index " + x.val.to_string() +
                                   " out of bounds [0:" + std::to_string(max) + "]");
      return false;
    }
    *out = v;
  }
  return true;
}

void Checker::index_expr(Operand& x, IndexExpr* e) {
  raw_expr(x, e->x, nullptr, true);
  exclude(x, mode_bit(Mode::NoValue));
  single_value(x);
  if (x.mode == Mode::Invalid) {
    use_expr(e->index);
    use_exprs(e->more);
    return;
  }
  if (x.generic != nullptr) {  // an explicit instantiation F[A, B]
    std::vector<Expr*> list{e->index};
    list.insert(list.end(), e->more.begin(), e->more.end());
    if (list.size() > x.generic->params.size()) {
      error(start_pos(list[x.generic->params.size()]),
            "got " + std::to_string(list.size()) + " type arguments but " + expr_str(e->x) + " has " +
                std::to_string(x.generic->params.size()) + " type parameters");
      x.mode = Mode::Invalid;
      x.generic = nullptr;
      return;
    }
    x.type_args.clear();
    for (Expr* a : list) {
      const Type* t = type_expr(a);
      if (t->kind == TypeKind::Invalid) {
        x.mode = Mode::Invalid;
        x.generic = nullptr;
        return;
      }
      x.type_args.push_back(t);
    }
    x.expr = e;
    // Complete: the instance now; partial: the call infers the rest.
    if (x.type_args.size() == x.generic->params.size()) instantiate_operand(x, e, e->lbrack);
    return;
  }
  if (x.generic_type != nullptr) {  // a generic type's instance List[int], in an expression
    x.generic_type = nullptr;
    x.type = type_instance(e);
    x.mode = x.type->kind == TypeKind::Invalid ? Mode::Invalid : Mode::TypeExpr;
    x.expr = e;
    return;
  }
  if (!e->more.empty()) {
    error(start_pos(e->more[0]), "unexpected comma; expecting ]");
    x.mode = Mode::Invalid;
    return;
  }
  if (x.mode == Mode::TypeExpr) {
    error(start_pos(e->x), tstr(x.type) + " is not a generic type");
    x.mode = Mode::Invalid;
    use_expr(e->index);
    return;
  }
  bool valid = false;
  std::int64_t length = -1;
  const Type* u = under(x.type);
  switch (u->kind) {
    case TypeKind::String:
    case TypeKind::UntypedString:
      valid = true;
      if (x.mode == Mode::Constant) length = static_cast<std::int64_t>(x.val.string_value().size());
      x.mode = Mode::Value;
      x.type = types_.basic(TypeKind::Uint8);
      break;
    case TypeKind::Array: {
      const auto* a = u->as<ArrayType>();
      valid = true;
      length = a->len;
      if (x.mode != Mode::Variable) x.mode = Mode::Value;
      x.type = a->elem;
      break;
    }
    case TypeKind::Pointer:
      if (const auto* a = under(u->as<PointerType>()->elem)->as<ArrayType>()) {
        valid = true;
        length = a->len;
        x.mode = Mode::Variable;
        x.type = a->elem;
      }
      break;
    case TypeKind::Slice:
      valid = true;
      x.mode = Mode::Variable;
      x.type = u->as<SliceType>()->elem;
      break;
    case TypeKind::Map: {
      const auto* m = u->as<MapType>();
      Operand key;
      expr_with_hint(key, e->index, m->key);
      assignment(key, m->key, "map index");
      x.mode = Mode::MapIndex;
      x.type = m->value;
      x.expr = e;
      return;
    }
    default:
      break;
  }
  if (!valid) {
    error(e->lbrack.valid() ? e->lbrack : start_pos(e), "invalid operation: cannot index " + describe(x));
    x.mode = Mode::Invalid;
    use_expr(e->index);
    return;
  }
  std::int64_t v;
  index_value(e->index, length, &v);
  x.expr = e;
}

void Checker::slice_expr(Operand& x, SliceExpr* e) {
  expr(x, e->x);
  Expr* indices[3] = {e->lo, e->hi, e->max};
  if (x.mode == Mode::Invalid) {
    for (Expr* i : indices) use_expr(i);
    return;
  }
  bool valid = false;
  std::int64_t length = -1;
  const Type* u = under(x.type);
  switch (u->kind) {
    case TypeKind::String:
    case TypeKind::UntypedString:
      if (e->three_index) {
        Expr* at = e->max != nullptr ? e->max : e;
        error(start_pos(at), "invalid operation: 3-index slice of string");
        x.mode = Mode::Invalid;
        return;
      }
      valid = true;
      if (x.mode == Mode::Constant) length = static_cast<std::int64_t>(x.val.string_value().size());
      if (is_untyped(x.type)) {
        convert_untyped(x, types_.basic(TypeKind::String));
        record(x);
      }
      break;
    case TypeKind::Array: {
      const auto* a = u->as<ArrayType>();
      valid = true;
      length = a->len;
      if (x.mode != Mode::Variable) {
        error(start_pos(x.expr), "invalid operation: " + describe(x) + " (slice of unaddressable value)");
        x.mode = Mode::Invalid;
        return;
      }
      mark_addressed(e->x);
      x.type = types_.slice(a->elem);
      break;
    }
    case TypeKind::Pointer:
      if (const auto* a = under(u->as<PointerType>()->elem)->as<ArrayType>()) {
        valid = true;
        length = a->len;
        x.type = types_.slice(a->elem);
      }
      break;
    case TypeKind::Slice:
      valid = true;
      break;
    default:
      break;
  }
  if (!valid) {
    error(start_pos(x.expr), "cannot slice " + describe(x));
    x.mode = Mode::Invalid;
    return;
  }
  x.mode = Mode::Value;
  x.expr = e;
  std::int64_t ind[3];
  for (int i = 0; i < 3; ++i) {
    std::int64_t v = -1;
    if (indices[i] != nullptr) {
      std::int64_t max = length >= 0 ? length + 1 : -1;
      std::int64_t got;
      if (index_value(indices[i], max, &got) && got >= 0) v = got;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  for (int i = 0; i < 2; ++i) {
    if (ind[i] <= 0) continue;
    for (int j = i + 1; j < 3; ++j) {
      if (ind[j] >= 0 && ind[j] < ind[i]) {
        Expr* at = indices[j] != nullptr ? indices[j] : e;
        error(start_pos(at), "invalid slice indices: " + std::to_string(ind[j]) + " < " +
                                 std::to_string(ind[i]));
        return;
      }
    }
  }
}

// ----------------------------------------------------------------------------------------------
// Type assertions

void Checker::assertable_to(const InterfaceType* iface, const Type* t, Expr* e, Operand& x,
                            bool type_switch) {
  if (is_interface(t)) return;
  std::string cause;
  if (missing_method(t, iface, false, &cause) == nullptr) return;
  if (type_switch) {
    error(start_pos(e), "impossible type switch case: " + expr_str(e) + "\n\t" + describe(x) +
                            " cannot have dynamic type " + tstr(t) + " " + cause);
  } else {
    error(start_pos(e), "impossible type assertion: " + expr_str(e) + "\n\t" + tstr(t) +
                            " does not implement " + tstr(x.type) + " " + cause);
  }
}

void Checker::type_assert(Operand& x, TypeAssertExpr* e) {
  expr(x, e->x);
  if (x.mode == Mode::Invalid) return;
  if (e->type_expr == nullptr) {
    error(start_pos(e), "use of .(type) outside type switch");
    x.mode = Mode::Invalid;
    return;
  }
  const auto* iface = under(x.type)->as<InterfaceType>();
  if (iface == nullptr) {
    error(start_pos(x.expr), "invalid operation: " + describe(x) + " is not an interface");
    type_expr(e->type_expr);
    x.mode = Mode::Invalid;
    return;
  }
  const Type* t = type_expr(e->type_expr);
  if (t->kind == TypeKind::Invalid) {
    x.mode = Mode::Invalid;
    return;
  }
  assertable_to(iface, t, e, x, false);
  x.mode = Mode::CommaOk;
  x.type = t;
  x.expr = e;
}

// ----------------------------------------------------------------------------------------------
// Composite literals

namespace {
struct ElementsResult {
  std::int64_t max = 0;
};
}  // namespace

void Checker::composite_lit(Operand& x, CompositeLit* e, const Type* hint) {
  const Type* typ = nullptr;
  const Type* base = nullptr;
  bool open_array = false;
  const Type* open_elem = nullptr;
  if (e->type_expr != nullptr) {
    auto* at = e->type_expr->as<ArrayTypeExpr>();
    if (at != nullptr && at->len != nullptr && at->len->kind == ExprKind::Ellipsis) {
      open_array = true;
      open_elem = type_expr(at->elem);
      at->len->mode = Mode::Invalid;
    } else {
      typ = type_expr(e->type_expr);
      base = typ;
    }
  } else if (hint != nullptr) {
    typ = hint;
    base = typ;
    if (const auto* p = under(typ)->as<PointerType>()) base = p->elem;  // *T implies &T{}
  } else {
    error(e->pos, "missing type in composite literal");
    x.mode = Mode::Invalid;
    for (Expr* el : e->elts) use_expr(el->kind == ExprKind::KeyValue ? static_cast<KeyValueExpr*>(el)->value : el);
    return;
  }

  // Array and slice elements, possibly with constant indices; returns the length they need.
  auto indexed = [&](const Type* elem, std::int64_t length) -> std::int64_t {
    std::unordered_set<std::int64_t> visited;
    std::int64_t index = 0, max = 0;
    for (Expr* el : e->elts) {
      bool valid_index = false;
      Expr* eval = el;
      if (auto* kv = el->as<KeyValueExpr>()) {
        std::int64_t v;
        if (index_value(kv->key, length, &v)) {
          if (v >= 0) {
            index = v;
            valid_index = true;
          } else {
            error(start_pos(el), "index " + expr_str(kv->key) + " must be integer constant");
          }
        }
        eval = kv->value;
      } else if (length >= 0 && index >= length) {
        error(start_pos(el), "index " + std::to_string(index) + " is out of bounds (>= " +
                                 std::to_string(length) + ")");
      } else {
        valid_index = true;
      }
      if (valid_index) {
        if (!visited.insert(index).second) {
          error(start_pos(el), "duplicate index " + std::to_string(index) +
                                   " in array or slice literal");
        }
      }
      if (index < (std::int64_t{1} << 40)) ++index;
      if (index > max) max = index;
      Operand v;
      expr_with_hint(v, eval, elem);
      assignment(v, elem, "array or slice literal");
    }
    return max;
  };

  if (open_array) {
    if (open_elem->kind == TypeKind::Invalid) {
      for (Expr* el : e->elts) use_expr(el->kind == ExprKind::KeyValue ? static_cast<KeyValueExpr*>(el)->value : el);
      x.mode = Mode::Invalid;
      return;
    }
    std::int64_t n = indexed(open_elem, -1);
    typ = types_.array(open_elem, n);
    e->type_expr->mode = Mode::TypeExpr;
    e->type_expr->type = typ;
    x.mode = Mode::Value;
    x.type = typ;
    return;
  }

  const Type* u = under(base);
  switch (u->kind) {
    case TypeKind::Struct: {
      const auto* st = u->as<StructType>();
      if (e->elts.empty()) break;
      if (e->elts[0]->kind == ExprKind::KeyValue) {
        std::vector<bool> visited(st->fields.size(), false);
        for (Expr* el : e->elts) {
          auto* kv = el->as<KeyValueExpr>();
          if (kv == nullptr) {
            error(start_pos(el), "mixture of field:value and value elements in struct literal");
            use_expr(el);
            continue;
          }
          auto* key = kv->key->as<Ident>();
          Operand v;
          int i = -1;
          if (key != nullptr) {
            for (std::size_t f = 0; f < st->fields.size(); ++f) {
              const StructField& fld = st->fields[f];
              if (fld.name == key->name && (is_exported(fld.name) || fld.pkg == &pkg_)) {
                i = static_cast<int>(f);
                break;
              }
            }
          }
          // Struct field values get no element type: `T{next: {}}` needs its type spelled out.
          expr(v, kv->value);
          if (key == nullptr) {
            error(start_pos(kv), "invalid field name " + expr_str(kv->key) + " in struct literal");
            continue;
          }
          if (i < 0) {
            error(key->pos, "unknown field " + std::string(key->name) + " in struct literal of type " +
                                tstr(base));
            continue;
          }
          const StructField& fld = st->fields[static_cast<std::size_t>(i)];
          key->object = fld.object;
          key->mode = Mode::Variable;
          key->type = fld.type;
          assignment(v, fld.type, "struct literal");
          if (visited[static_cast<std::size_t>(i)]) {
            error(start_pos(kv), "duplicate field name " + std::string(key->name) + " in struct literal");
            continue;
          }
          visited[static_cast<std::size_t>(i)] = true;
        }
      } else {
        for (std::size_t i = 0; i < e->elts.size(); ++i) {
          Expr* el = e->elts[i];
          if (el->kind == ExprKind::KeyValue) {
            error(start_pos(el), "mixture of field:value and value elements in struct literal");
            use_expr(static_cast<KeyValueExpr*>(el)->value);
            continue;
          }
          Operand v;
          expr(v, el);
          if (i >= st->fields.size()) {
            error(start_pos(v.expr), "too many values in " + tstr(base) + "{…}");
            for (std::size_t j = i + 1; j < e->elts.size(); ++j) use_expr(e->elts[j]);
            break;
          }
          const StructField& fld = st->fields[i];
          if (!is_exported(fld.name) && fld.pkg != &pkg_) {
            error(start_pos(v.expr), "implicit assignment to unexported field " +
                                         std::string(fld.name) + " in " + tstr(typ) + " literal");
            continue;
          }
          assignment(v, fld.type, "struct literal");
        }
        if (e->elts.size() < st->fields.size()) {
          error(e->rbrace.valid() ? e->rbrace : e->pos, "too few values in " + tstr(base) + "{…}");
        }
      }
      break;
    }
    case TypeKind::Array: {
      const auto* a = u->as<ArrayType>();
      indexed(a->elem, a->len);
      break;
    }
    case TypeKind::Slice:
      indexed(u->as<SliceType>()->elem, -1);
      break;
    case TypeKind::Map: {
      const auto* m = u->as<MapType>();
      bool key_is_interface = is_interface(m->key);
      std::vector<std::pair<ConstValue, const Type*>> seen;
      for (Expr* el : e->elts) {
        auto* kv = el->as<KeyValueExpr>();
        if (kv == nullptr) {
          error(start_pos(el), "missing key in map literal");
          use_expr(el);
          continue;
        }
        Operand k;
        expr_with_hint(k, kv->key, m->key);
        assignment(k, m->key, "map literal");
        if (k.mode == Mode::Constant && !k.val.is_unknown()) {
          bool dup = false;
          for (const auto& [val, t] : seen) {
            if ((!key_is_interface || t == k.type) && val.kind() == k.val.kind() &&
                ConstValue::compare(Tok::Eql, val, k.val)) {
              dup = true;
              break;
            }
          }
          if (dup) {
            error(start_pos(k.expr), "duplicate key " + k.val.to_string() + " in map literal");
            Operand v;
            expr_with_hint(v, kv->value, m->value);
            continue;
          }
          if (seen.size() < 100000) seen.emplace_back(k.val, k.type);
        }
        Operand v;
        expr_with_hint(v, kv->value, m->value);
        assignment(v, m->value, "map literal");
      }
      break;
    }
    default:
      for (Expr* el : e->elts) {
        use_expr(el->kind == ExprKind::KeyValue ? static_cast<KeyValueExpr*>(el)->value : el);
      }
      if (u->kind != TypeKind::Invalid) {
        error(start_pos(e), "invalid composite literal type " + tstr(typ));
      }
      x.mode = Mode::Invalid;
      return;
  }
  x.mode = Mode::Value;
  x.type = typ;
}

}  // namespace gopark::lang::checker_detail
