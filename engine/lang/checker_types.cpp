// Type expressions (spec "Types"), and the relations between types the rest of the checker asks
// about: field and method lookup through embedding, method sets and `implements`,
// assignability and convertibility.
#include <algorithm>
#include <cctype>

#include "lang/checker_internal.hpp"

namespace gopark::lang::checker_detail {

namespace {

bool is_exported(std::string_view name) {
  return !name.empty() && name[0] >= 'A' && name[0] <= 'Z';
}

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Whether a member named `member` declared in `member_pkg` is the one selected by `name` from
// package `from` (go/types' sameId).
bool same_id(std::string_view member, const Package* member_pkg, const Package* from,
             std::string_view name, bool fold_case) {
  if (fold_case ? !equal_fold(member, name) : member != name) return false;
  if (is_exported(member)) return true;
  return member_pkg == from;
}

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

}  // namespace

const Type* Checker::under(const Type* t) const {
  const Type* u = underlying(t);
  return u != nullptr ? u : types_.invalid();
}

// ----------------------------------------------------------------------------------------------
// Type expressions

const Type* Checker::type_expr(Expr* e) {
  const Type* t = defined_type(e, nullptr);
  if (constraint_ok_ == 0) {
    const Type* u = underlying(t);
    const auto* it = u != nullptr ? u->as<InterfaceType>() : nullptr;
    if (it != nullptr && it->is_constraint()) {
      error(start_pos(e), "cannot use type " + expr_str(e) +
                              " outside a type constraint: interface contains type constraints");
      return types_.invalid();
    }
  }
  return t;
}

const Type* Checker::defined_type(Expr* e, NamedType* def) {
  DepthGuard guard(*this);
  if (too_deep(e->pos)) return types_.invalid();
  const Type* t = type_internal(e, def);
  if (t == nullptr) t = types_.invalid();
  e->mode = Mode::TypeExpr;
  e->type = t;
  return t;
}

const Type* Checker::type_internal(Expr* e, NamedType* def) {
  switch (e->kind) {
    case ExprKind::Bad:
      return types_.invalid();
    case ExprKind::Ident:
    case ExprKind::Selector:
      return type_name_expr(e, def);
    case ExprKind::Paren:
      return defined_type(static_cast<ParenExpr*>(e)->x, def);
    case ExprKind::ArrayType:
      return array_type(static_cast<ArrayTypeExpr*>(e), def);
    case ExprKind::Ellipsis:
      error(e->pos, "invalid use of ...");
      return types_.invalid();
    case ExprKind::StructType:
      return struct_type(static_cast<StructTypeExpr*>(e));
    case ExprKind::Star: {
      auto* s = static_cast<StarExpr*>(e);
      const Type* elem = type_expr(s->x);
      if (elem->kind == TypeKind::Invalid) return elem;
      return types_.pointer(elem);
    }
    case ExprKind::FuncType:
      return func_type(static_cast<FuncTypeExpr*>(e), nullptr, nullptr, nullptr);
    case ExprKind::InterfaceType: {
      const Type* t = interface_type(static_cast<InterfaceTypeExpr*>(e), def);
      return t != nullptr ? t : types_.invalid();  // null: completed later (pending_interfaces_)
    }
    case ExprKind::MapType:
      return map_type(static_cast<MapTypeExpr*>(e));
    case ExprKind::ChanType: {
      auto* c = static_cast<ChanTypeExpr*>(e);
      const Type* elem = type_expr(c->elem);
      if (elem->kind == TypeKind::Invalid) return elem;
      return types_.chan(elem, c->dir);
    }
    case ExprKind::Index:
      return type_instance(static_cast<IndexExpr*>(e));
    default:
      error(start_pos(e), expr_str(e) + " is not a type");
      return types_.invalid();
  }
}

const Type* Checker::type_name_expr(Expr* e, NamedType* def) {
  Operand x;
  if (auto* id = e->as<Ident>()) {
    ident(x, id, def, true);
  } else {
    selector(x, static_cast<SelectorExpr*>(e), def, true);
  }
  x.expr = e;
  if (x.generic_type != nullptr) {
    error(start_pos(e), "cannot use generic type " + generic_type_text(*x.generic_type) + " without instantiation");
    return types_.invalid();
  }
  switch (x.mode) {
    case Mode::TypeExpr: {
      const Type* t = x.type;
      if (t->kind == TypeKind::Complex64 || t->kind == TypeKind::Complex128) {
        error(start_pos(e), "gopark does not support complex numbers");
        return types_.invalid();
      }
      return t;
    }
    case Mode::Invalid:
      return types_.invalid();
    case Mode::NoValue:
      error(start_pos(e), describe(x) + " used as type");
      return types_.invalid();
    default:
      error(start_pos(e), describe(x) + " is not a type");
      return types_.invalid();
  }
}

const Type* Checker::array_type(ArrayTypeExpr* e, NamedType* def) {
  if (e->len == nullptr) {
    const Type* elem = type_expr(e->elem);
    if (elem->kind == TypeKind::Invalid) return elem;
    return types_.slice(elem);
  }
  if (e->len->kind == ExprKind::Ellipsis) {
    error(e->len->pos, "invalid use of [...] array (outside a composite literal)");
    type_expr(e->elem);
    return types_.invalid();
  }
  std::int64_t n = array_length(e->len);
  const Type* elem = type_expr(e->elem);
  if (n < 0 || elem->kind == TypeKind::Invalid) return types_.invalid();
  const ArrayType* a = types_.array(elem, n);
  Pos pos = e->pos;
  later_.push_back([this, a, pos] { check_size(pos, a); });
  return a;
}

std::int64_t Checker::array_length(Expr* e) {
  if (auto* id = e->as<Ident>()) {
    Object* obj = scope_->lookup(id->name);
    if (obj == nullptr) {
      error(e->pos, "undefined array length " + std::string(id->name) +
                        " or missing type constraint");
      return -1;
    }
    if (obj->kind != ObjKind::Const) {
      error(e->pos, "invalid array length " + std::string(id->name));
      return -1;
    }
  }
  Operand x;
  expr(x, e);
  if (x.mode != Mode::Constant) {
    if (x.mode != Mode::Invalid) error(start_pos(e), "array length " + describe(x) + " must be constant");
    return -1;
  }
  if (is_untyped(x.type) || is_integer(x.type)) {
    ConstValue v = x.val.to_int();
    if (v.kind() == ConstKind::Int && v.fits_int(64, true)) {
      std::int64_t n = *v.to_int64();
      if (n >= 0) {
        if (is_untyped(x.type)) {
          convert_untyped(x, types_.basic(TypeKind::Int));
          record(x);
        }
        return n;
      }
    }
  }
  if (is_integer(x.type)) {
    error(start_pos(e), "invalid array length " + describe(x));
  } else {
    error(start_pos(e), "array length " + describe(x) + " must be integer");
  }
  return -1;
}

namespace {
// Size in bytes of t, saturating; computed without touching the layout cache (which must wait
// until every type is complete).
std::uint64_t approximate_size(const Type* t, int depth) {
  if (t == nullptr || depth > 64) return 0;
  const Type* u = underlying(t);
  if (u == nullptr) return 0;
  switch (u->kind) {
    case TypeKind::Array: {
      const auto* a = u->as<ArrayType>();
      std::uint64_t e = approximate_size(a->elem, depth + 1);
      std::uint64_t n = a->len < 0 ? 0 : static_cast<std::uint64_t>(a->len);
      if (e != 0 && n > (std::uint64_t{1} << 62) / e) return std::uint64_t{1} << 62;
      return e * n;
    }
    case TypeKind::Struct: {
      std::uint64_t sum = 0;
      for (const StructField& f : u->as<StructType>()->fields) {
        sum += approximate_size(f.type, depth + 1) + 8;
        if (sum > (std::uint64_t{1} << 62)) return std::uint64_t{1} << 62;
      }
      return sum;
    }
    default:
      return 8;
  }
}
}  // namespace

void Checker::check_size(Pos pos, const Type* t) {
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 30;
  if (approximate_size(t, 0) > kLimit) {
    error(pos, "type " + tstr(t) + " is too large (gopark's values are limited to 1 GiB)");
  }
}

const Type* Checker::struct_type(StructTypeExpr* e) {
  std::vector<StructField> fields;
  std::unordered_map<std::string_view, Object*> seen;
  if (e->fields == nullptr) return types_.struct_type({});
  auto add = [&](std::string_view name, Pos pos, const Type* t, bool embedded, const Expr* spelled) {
    Object* obj = prog_.new_object(ObjKind::Var, name, pos);
    obj->type = t;
    obj->is_field = true;
    obj->pkg = &pkg_;
    obj->used = true;
    if (spelled != nullptr) spelled_[obj] = spelled;
    if (name != "_") {
      auto [it, inserted] = seen.emplace(name, obj);
      if (!inserted) {
        error(pos, std::string(name) + " redeclared" + alt_decl(it->second));
        return;
      }
    }
    StructField f;
    f.name = name;
    f.type = t;
    f.embedded = embedded;
    f.pkg = &pkg_;
    f.object = obj;
    fields.push_back(f);
  };
  for (Field* f : e->fields->list) {
    const Type* t = type_expr(f->type);
    if (!f->names.empty()) {
      for (Ident* id : f->names) {
        add(id->name, id->pos, t, false, f->type);
        if (!fields.empty() && fields.back().name == id->name) id->object = fields.back().object;
      }
      continue;
    }
    // Embedded field: T, *T, pkg.T or *pkg.T; its name is the type name.
    const Expr* te = unparen(f->type);
    Pos pos = start_pos(f->type);
    bool ptr = false;
    if (const auto* star = te->as<StarExpr>()) {
      te = unparen(star->x);
      ptr = true;
    }
    std::string_view name;
    if (const auto* id = te->as<Ident>()) {
      name = id->name;
    } else if (const auto* sel = te->as<SelectorExpr>()) {
      name = sel->sel->name;
    } else {
      if (t->kind != TypeKind::Invalid) error(pos, "invalid embedded field type " + expr_str(te));
      continue;
    }
    if (t->kind != TypeKind::Invalid) {
      later_.push_back([this, pos, t, ptr] {
        const Type* base = t;
        bool is_ptr = false;
        if (const auto* p = t->as<PointerType>()) {
          base = p->elem;
          is_ptr = true;
        }
        (void)ptr;
        const Type* u = under(base);
        if (u->kind == TypeKind::Pointer || u->kind == TypeKind::UnsafePointer) {
          error(pos, u->kind == TypeKind::Pointer ? "embedded field type cannot be a pointer"
                                                  : "embedded field type cannot be unsafe.Pointer");
        } else if (u->kind == TypeKind::Interface && is_ptr) {
          error(pos, "embedded field type cannot be a pointer to an interface");
        }
      });
    }
    add(name, pos, t, true, f->type);
  }
  return types_.struct_type(std::move(fields));
}

const InterfaceType* Checker::interface_type(InterfaceTypeExpr* e, NamedType* def) {
  std::vector<InterfaceMethod> methods;
  std::unordered_map<std::string_view, std::pair<const SignatureType*, Pos>> seen;
  if (e->methods == nullptr) return types_.empty_interface();
  // `type T interface{ ... U ... }` where U is still being declared (U's declaration refers back
  // to T, say through a method signature): T's method set is completed once U is done.
  ConstraintContext allow(*this);
  if (def != nullptr) {
    for (Field* f : e->methods->list) {
      if (!f->names.empty() || f->type == nullptr) continue;
      if (f->type->kind == ExprKind::Binary || f->type->kind == ExprKind::Unary) continue;
      const Type* t = type_expr(f->type);
      if (t->kind == TypeKind::Named && underlying(t) == nullptr) {
        pending_interfaces_.push_back({def, e});
        return nullptr;
      }
    }
  }
  auto add = [&](const InterfaceMethod& m, Pos pos, bool explicit_method) {
    auto [it, inserted] = seen.emplace(m.name, std::make_pair(m.sig, pos));
    if (!inserted) {
      if (explicit_method || it->second.first != m.sig) {
        error(pos, "duplicate method " + std::string(m.name) + "\n\t" + pos_str(it->second.second) +
                       ": other declaration of method " + std::string(m.name));
      }
      return;
    }
    methods.push_back(m);
  };
  // Explicit methods first (their positions win duplicate reports), then embedded interfaces.
  for (Field* f : e->methods->list) {
    if (f->names.empty()) continue;
    Ident* name = f->names[0];
    auto* ft = f->type != nullptr ? f->type->as<FuncTypeExpr>() : nullptr;
    if (ft == nullptr) continue;
    const SignatureType* sig = func_type(ft, nullptr, nullptr, nullptr);
    f->type->mode = Mode::TypeExpr;
    f->type->type = sig;
    if (name->name == "_") {
      error(name->pos, "methods must have a unique non-blank name");
      continue;
    }
    Object* obj = prog_.new_object(ObjKind::Func, name->name, name->pos);
    obj->type = sig;
    obj->pkg = &pkg_;
    obj->is_method = true;
    obj->recv = def;  // refined below once the interface type exists
    name->object = obj;
    InterfaceMethod m;
    m.name = name->name;
    m.sig = sig;
    m.pkg = &pkg_;
    m.object = obj;
    add(m, name->pos, true);
  }
  // The type set: every union element (`~int | string`, or a single non-interface type) and
  // every embedded constraint intersects it.
  std::vector<TypeTerm> terms;
  bool restricted = false;
  bool comparable = false;
  auto restrict_to = [&](const std::vector<TypeTerm>& set) {
    if (!restricted) {
      terms = set;
      restricted = true;
      return;
    }
    terms = intersect_terms(terms, set);
  };
  for (Field* f : e->methods->list) {
    if (!f->names.empty()) continue;
    Pos pos = start_pos(f->type);
    const Expr* element = unparen(f->type);
    if (element->kind == ExprKind::Binary || element->kind == ExprKind::Unary) {
      std::vector<TypeTerm> set;
      union_terms(f->type, set);
      restrict_to(set);
      continue;
    }
    const Type* t = type_expr(f->type);
    if (t->kind == TypeKind::Invalid) continue;
    const Type* u = underlying(t);
    if (u == nullptr) {
      // An interface embedding itself, directly or through others.
      if (const auto* n = t->as<NamedType>()) report_recursive_type(n->object);
      continue;
    }
    const auto* embedded = u->as<InterfaceType>();
    if (embedded == nullptr) {
      restrict_to({TypeTerm{false, t}});  // a single-type element: `interface{ int }`
      continue;
    }
    for (const InterfaceMethod& m : embedded->methods) add(m, pos, false);
    if (embedded->restricted) restrict_to(embedded->terms);
    comparable = comparable || embedded->comparable;
  }
  const InterfaceType* it = restricted || comparable
                                ? types_.constraint_type(std::move(methods), std::move(terms), restricted, comparable)
                                : types_.interface_type(std::move(methods));
  for (const InterfaceMethod& m : it->methods) {
    if (m.object != nullptr && m.object->recv == nullptr) m.object->recv = def != nullptr ? static_cast<const Type*>(def) : it;
  }
  return it;
}

const Type* Checker::map_type(MapTypeExpr* e) {
  const Type* key = type_expr(e->key);
  const Type* value = type_expr(e->value);
  if (key->kind == TypeKind::Invalid || value->kind == TypeKind::Invalid) return types_.invalid();
  Pos pos = start_pos(e->key);
  later_.push_back([this, key, pos] {
    if (!comparable(key) && under(key)->kind != TypeKind::Invalid) {
      error(pos, "invalid map key type " + tstr(key));
    }
  });
  return types_.map(key, value);
}

void Checker::collect_params(FieldList* list, bool variadic_ok, std::vector<const Type*>& types,
                             std::vector<Object*>& objs, bool* variadic, bool results) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->list.size(); ++i) {
    Field* f = list->list[i];
    Expr* te = f->type;
    const Type* t = nullptr;
    bool dots = false;
    if (auto* ell = te != nullptr ? te->as<EllipsisExpr>() : nullptr) {
      if (variadic_ok && i + 1 == list->list.size() && f->names.size() <= 1) {
        dots = true;
      } else {
        error(ell->pos, "can only use ... with final parameter in list");
      }
      t = ell->elem != nullptr ? type_expr(ell->elem) : types_.invalid();
      if (dots && t->kind != TypeKind::Invalid) t = types_.slice(t);
      if (dots && variadic != nullptr) *variadic = true;
      te->mode = Mode::TypeExpr;
      te->type = t;
    } else {
      t = te != nullptr ? type_expr(te) : types_.invalid();
    }
    auto make = [&](std::string_view name, Pos pos) {
      Object* obj = prog_.new_object(ObjKind::Var, name, pos);
      obj->type = t;
      obj->pkg = &pkg_;
      obj->is_param = !results;
      obj->is_result = results;
      obj->used = true;  // parameters are never "declared and not used"
      if (!dots && te != nullptr) spelled_[obj] = te;
      return obj;
    };
    if (f->names.empty()) {
      types.push_back(t);
      objs.push_back(make(results ? std::string_view{} : std::string_view{"_"}, f->pos));
    } else {
      for (Ident* id : f->names) {
        types.push_back(t);
        Object* obj = make(id->name, id->pos);
        id->object = obj;
        objs.push_back(obj);
      }
    }
  }
}

const SignatureType* Checker::func_type(FuncTypeExpr* e, FuncInfo* info, Field* recv,
                                        Object** recv_obj) {
  std::vector<const Type*> params, results, recv_types;
  std::vector<Object*> param_objs, result_objs, recv_objs;
  bool variadic = false;
  if (recv != nullptr) {
    FieldList tmp;
    tmp.list.push_back(recv);
    collect_params(&tmp, false, recv_types, recv_objs, nullptr, false);
  }
  collect_params(e->params, true, params, param_objs, &variadic, false);
  collect_params(e->results, false, results, result_objs, nullptr, true);

  // Parameter names share one block with the body: duplicates are redeclarations.
  std::unordered_map<std::string_view, Object*> names;
  auto check_dup = [&](Object* obj) {
    if (obj->name.empty() || obj->name == "_") return;
    auto [it, inserted] = names.emplace(obj->name, obj);
    if (!inserted) {
      error(obj->pos, std::string(obj->name) + " redeclared in this block" + alt_decl(it->second));
    }
  };
  for (Object* o : recv_objs) check_dup(o);
  for (Object* o : param_objs) check_dup(o);
  for (Object* o : result_objs) check_dup(o);

  const SignatureType* sig = types_.signature(std::move(params), std::move(results), variadic);
  if (info != nullptr) {
    info->sig = sig;
    info->params = param_objs;
    info->results = result_objs;
    for (Object* o : param_objs) o->owner = info;
    for (Object* o : result_objs) o->owner = info;
    if (!recv_objs.empty()) {
      info->recv = recv_objs[0];
      info->recv->owner = info;
    }
  }
  if (recv_obj != nullptr) *recv_obj = recv_objs.empty() ? nullptr : recv_objs[0];
  e->mode = Mode::TypeExpr;
  e->type = sig;
  return sig;
}

void Checker::check_recv_base(Field* recv, const Type* recv_type) {
  const Type* base = recv_type;
  if (const auto* p = base->as<PointerType>()) base = p->elem;
  if (base->kind == TypeKind::Invalid) return;
  Pos pos = !recv->names.empty() ? recv->names[0]->pos : start_pos(recv->type);
  if (const auto* n = base->as<NamedType>()) {
    if (n->object == nullptr || n->object->pkg != &pkg_) {
      error(pos, "cannot define new methods on non-local type " + tstr(base));
      return;
    }
    const Type* u = under(n);
    if (u->kind == TypeKind::Pointer || u->kind == TypeKind::Interface) {
      error(pos, "invalid receiver type " + tstr(base) + " (pointer or interface type)");
    } else if (u->kind == TypeKind::UnsafePointer) {
      error(pos, "invalid receiver type " + tstr(base) + " (unsafe.Pointer)");
    }
    return;
  }
  if (is_named(base)) {
    error(pos, "cannot define new methods on non-local type " + tstr(base));
    return;
  }
  error(pos, "invalid receiver type " + tstr(recv_type));
}

// ----------------------------------------------------------------------------------------------
// Lookup (go/types lookupFieldOrMethod): a breadth-first search through embedded fields, depth
// by depth; two candidates at the shallowest depth make the selector ambiguous.

void Checker::ensure_method_type(Object* m) {
  if (m != nullptr && m->type == nullptr) object_decl(m);
  if (m != nullptr && m->type == nullptr) m->type = types_.invalid();
}

LookupResult Checker::lookup_field_or_method(const Type* t, bool addressable, const Package* pkg,
                                             std::string_view name, bool fold_case) {
  LookupResult none;
  if (name == "_" || t == nullptr || t->kind == TypeKind::Invalid) return none;

  // A named pointer type `type P *S` has the fields of S but no methods.
  if (const auto* n = t->as<NamedType>()) {
    if (const auto* p = under(n)->as<PointerType>()) {
      LookupResult r = lookup_field_or_method(p, false, pkg, name, fold_case);
      if (r.obj != nullptr && r.obj->kind == ObjKind::Func) return none;
      return r;
    }
  }

  const Type* typ = t;
  bool is_ptr = false;
  if (const auto* p = t->as<PointerType>()) {
    typ = p->elem;
    is_ptr = true;
    if (under(typ)->kind == TypeKind::Interface) return none;
  }

  struct Candidate {
    const Type* typ;
    std::vector<int> path;
    std::vector<bool> deref;
    bool cur_ptr;    // the value at this level is a pointer
    bool indirect;
    bool multiples;  // this type appears several times at this depth
  };
  std::vector<Candidate> current{{typ, {}, {}, is_ptr, is_ptr, false}};
  std::unordered_set<const NamedType*> seen;

  for (int depth = 0; !current.empty() && depth < 64; ++depth) {
    std::vector<Candidate> next;
    LookupResult found;
    bool have = false;
    // Records a match; false if it collides with another one at this depth.
    auto take = [&](Object* obj, const Candidate& c, std::vector<int> path, std::vector<bool> deref) {
      if (have || c.multiples) return false;
      have = true;
      found.obj = obj;
      found.path = std::move(path);
      found.deref = std::move(deref);
      found.indirect = c.indirect;
      found.recv_is_ptr = c.cur_ptr;
      return true;
    };
    bool collision = false;
    for (const Candidate& c : current) {
      if (const auto* named = c.typ->as<NamedType>()) {
        if (!seen.insert(named).second) continue;
        Object* m = nullptr;
        for (Object* candidate : named->methods) {
          if (same_id(candidate->name, candidate->pkg, pkg, name, fold_case)) {
            m = candidate;
            break;
          }
        }
        if (m != nullptr) {
          if (!take(m, c, c.path, c.deref)) {
            collision = true;
            break;
          }
          continue;
        }
      }
      const Type* u = under(c.typ);
      if (const auto* st = u->as<StructType>()) {
        for (std::size_t i = 0; i < st->fields.size(); ++i) {
          const StructField& f = st->fields[i];
          if (same_id(f.name, f.pkg, pkg, name, fold_case)) {
            std::vector<int> path = c.path;
            path.push_back(static_cast<int>(i));
            std::vector<bool> deref = c.deref;
            deref.push_back(f.type->kind == TypeKind::Pointer);
            if (!take(f.object, c, std::move(path), std::move(deref))) {
              collision = true;
              break;
            }
            continue;
          }
          if (!have && f.embedded) {
            const Type* ft = f.type;
            bool ptr = false;
            if (const auto* p = ft->as<PointerType>()) {
              ft = p->elem;
              ptr = true;
            }
            Candidate n{ft, c.path, c.deref, ptr, c.indirect || ptr, c.multiples};
            n.path.push_back(static_cast<int>(i));
            n.deref.push_back(ptr);
            next.push_back(std::move(n));
          }
        }
        if (collision) break;
      } else if (const auto* it = u->as<InterfaceType>()) {
        for (std::size_t i = 0; i < it->methods.size(); ++i) {
          const InterfaceMethod& m = it->methods[i];
          if (!same_id(m.name, m.pkg, pkg, name, fold_case)) continue;
          if (!take(m.object, c, c.path, c.deref)) {
            collision = true;
            break;
          }
          found.interface_index = static_cast<int>(i);
          break;
        }
        if (collision) break;
      }
    }
    if (collision) {
      LookupResult amb;
      amb.ambiguous = true;
      return amb;
    }
    if (have) {
      Object* obj = found.obj;
      if (obj != nullptr && obj->kind == ObjKind::Func && found.interface_index < 0) {
        ensure_method_type(obj);
        if (obj->pointer_recv && !found.indirect && !addressable) {
          LookupResult r;
          r.needs_pointer = true;
          return r;
        }
      }
      return found;
    }
    // Merge candidates of the same type at this depth: a name found through them is ambiguous.
    std::vector<Candidate> merged;
    for (Candidate& c : next) {
      bool dup = false;
      for (Candidate& m : merged) {
        if (m.typ == c.typ) {
          m.multiples = true;
          dup = true;
          break;
        }
      }
      if (!dup) merged.push_back(std::move(c));
    }
    current = std::move(merged);
  }
  return none;
}

bool Checker::is_interface_ptr(const Type* t) const {
  const auto* p = t != nullptr ? t->as<PointerType>() : nullptr;
  return p != nullptr && is_interface(p->elem);
}

std::string Checker::interface_ptr_error(const Type* t) const {
  return "type " + tstr(t) + " is pointer to interface, not interface";
}

std::string Checker::func_string(Object* f) const {
  std::string s = type_string(f->type, &pkg_);
  // "func(int) string" -> "M(int) string"
  if (s.rfind("func", 0) == 0) s = s.substr(4);
  return std::string(f->name) + s;
}

// The method of interface `t` that `v` lacks, or null. With `static_check` unset and v an
// interface, only methods present in both must agree (type assertions).
Object* Checker::missing_method(const Type* v, const InterfaceType* t, bool static_check,
                                std::string* cause) {
  if (t->methods.empty()) return nullptr;
  enum class State { Ok, NotFound, WrongName, Unexported, WrongSig, PtrRecv, Field, Ambiguous };
  State state = State::Ok;
  const InterfaceMethod* missing = nullptr;
  Object* have = nullptr;

  if (const auto* vi = under(v)->as<InterfaceType>()) {
    for (const InterfaceMethod& m : t->methods) {
      const InterfaceMethod* found = nullptr;
      for (const InterfaceMethod& vm : vi->methods) {
        if (same_id(vm.name, vm.pkg, m.pkg, m.name, false)) {
          found = &vm;
          break;
        }
      }
      if (found == nullptr) {
        if (!static_check) continue;
        state = State::NotFound;
      } else if (found->sig != m.sig) {
        state = State::WrongSig;
        have = found->object;
      }
      if (state != State::Ok) {
        missing = &m;
        break;
      }
    }
  } else {
    for (const InterfaceMethod& m : t->methods) {
      LookupResult r = lookup_field_or_method(v, false, m.pkg, m.name, false);
      if (r.obj == nullptr) {
        if (r.ambiguous) {
          state = State::Ambiguous;
        } else if (r.needs_pointer) {
          state = State::PtrRecv;
        } else {
          state = State::NotFound;
          LookupResult folded = lookup_field_or_method(v, false, m.pkg, m.name, true);
          if (folded.obj != nullptr && folded.obj->kind == ObjKind::Func) {
            have = folded.obj;
            state = folded.obj->name == m.name ? State::Unexported : State::WrongName;
          }
        }
      } else if (r.obj->kind != ObjKind::Func) {
        state = State::Field;
        have = r.obj;
      } else {
        ensure_method_type(r.obj);
        if (r.obj->type != m.sig) {
          state = State::WrongSig;
          have = r.obj;
        }
      }
      if (state != State::Ok) {
        missing = &m;
        break;
      }
    }
  }
  if (missing == nullptr) return nullptr;
  if (cause != nullptr) {
    std::string mname(missing->name);
    Object* want = missing->object;
    switch (state) {
      case State::NotFound:
        if (is_interface_ptr(v)) {
          *cause = "(" + interface_ptr_error(v) + ")";
        } else {
          *cause = "(missing method " + mname + ")";
        }
        break;
      case State::WrongName:
        *cause = "(missing method " + mname + ")\n\t\thave " + func_string(have) + "\n\t\twant " +
                 (want != nullptr ? func_string(want) : mname);
        break;
      case State::Unexported:
        *cause = "(unexported method " + mname + ")";
        break;
      case State::WrongSig:
        *cause = "(wrong type for method " + mname + ")\n\t\thave " + func_string(have) +
                 "\n\t\twant " + (want != nullptr ? func_string(want) : mname);
        break;
      case State::PtrRecv:
        *cause = "(method " + mname + " has pointer receiver)";
        break;
      case State::Field:
        *cause = "(" + tstr(v) + "." + std::string(have->name) + " is a field, not a method)";
        break;
      case State::Ambiguous:
        *cause = "(ambiguous selector " + tstr(v) + "." + mname + ")";
        break;
      case State::Ok:
        break;
    }
  }
  return missing->object != nullptr ? missing->object : ctx_.error_method;
}

bool Checker::implements(const Type* v, const Type* t, std::string* cause) {
  const Type* vu = under(v);
  const Type* tu = under(t);
  if (vu->kind == TypeKind::Invalid || tu->kind == TypeKind::Invalid) return true;
  const auto* ti = tu->as<InterfaceType>();
  if (ti == nullptr) {
    if (cause != nullptr) *cause = tstr(t) + " is not an interface";
    return false;
  }
  if (ti->methods.empty()) return true;
  std::string why;
  if (missing_method(v, ti, true, cause != nullptr ? &why : nullptr) != nullptr) {
    if (cause != nullptr) *cause = tstr(v) + " does not implement " + tstr(t) + " " + why;
    return false;
  }
  return true;
}

// spec "Assignability". Untyped operands are converted by the callers first, except nil and
// untyped constants compared against untyped targets.
bool Checker::assignable_to(Operand& x, const Type* t, std::string* cause) {
  if (x.mode == Mode::Invalid || t == nullptr || t->kind == TypeKind::Invalid) return true;
  const Type* v = x.type;
  if (v == nullptr || v->kind == TypeKind::Invalid) return true;
  if (v == t) return true;
  const Type* vu = under(v);
  const Type* tu = under(t);
  if (is_untyped(vu)) {
    if (const auto* tb = tu; tb->kind <= TypeKind::UntypedNil && tb->kind != TypeKind::Invalid) {
      if (x.is_nil() || vu->kind == TypeKind::UntypedNil) return tb->kind == TypeKind::UnsafePointer;
      if (x.mode == Mode::Constant) return representable_const(x.val, tb, nullptr);
      if (vu->kind == TypeKind::UntypedBool) return is_boolean(tb);
      return is_numeric(tb) && is_numeric(vu);
    }
    if (tu->kind == TypeKind::Interface) {
      return vu->kind == TypeKind::UntypedNil || tu->as<InterfaceType>()->methods.empty();
    }
    if (vu->kind == TypeKind::UntypedNil) return has_nil(tu);
    return false;
  }
  if (tu->kind == TypeKind::Interface) {
    return implements(v, t, cause);
  }
  if (vu->kind == TypeKind::Interface) {
    if (implements(t, v, nullptr)) {
      if (cause != nullptr) *cause = "need type assertion";
      return false;
    }
  }
  if (vu == tu && (!is_named(v) || !is_named(t))) return true;
  if (const auto* vc = vu->as<ChanType>()) {
    if (vc->dir == ChanDir::Both) {
      if (const auto* tc = tu->as<ChanType>()) {
        if (vc->elem == tc->elem) return !is_named(v) || !is_named(t);
      }
    }
  }
  return false;
}

namespace {
bool is_bytes_or_runes(const Type* u) {
  const auto* s = u != nullptr ? u->as<SliceType>() : nullptr;
  if (s == nullptr) return false;
  const Type* e = underlying(s->elem);
  return e != nullptr && (e->kind == TypeKind::Uint8 || e->kind == TypeKind::Int32);
}
bool is_int_or_float(const Type* t) { return is_integer(t) || is_float(t); }
}  // namespace

// spec "Conversions" for a non-constant x.
bool Checker::convertible_to(Operand& x, const Type* t, std::string* cause) {
  if (assignable_to(x, t, nullptr)) return true;
  const Type* v = x.type;
  const Type* vu = under(v);
  const Type* tu = under(t);
  if (vu == tu) return true;
  if (const auto* vp = v->as<PointerType>()) {
    if (const auto* tp = t->as<PointerType>()) {
      if (under(vp->elem) == under(tp->elem)) return true;
    }
  }
  if (is_int_or_float(vu) && is_int_or_float(tu)) return true;
  if (is_string(tu) && (is_integer(vu) || is_bytes_or_runes(vu))) return true;
  if (is_string(vu) && is_bytes_or_runes(tu)) return true;
  if (const auto* vs = vu->as<SliceType>()) {
    if (const auto* ta = tu->as<ArrayType>()) {
      if (vs->elem == ta->elem) return true;
    }
    if (const auto* tp = tu->as<PointerType>()) {
      if (const auto* ta = under(tp->elem)->as<ArrayType>()) {
        if (vs->elem == ta->elem) return true;
      }
    }
  }
  (void)cause;
  return false;
}

}  // namespace gopark::lang::checker_detail
