// Declarations: collecting a package's objects, declaring them lazily in dependency order (with
// Go's cycle rules), methods, the package initialization order, and local declarations.
#include <algorithm>
#include <queue>

#include "lang/checker_internal.hpp"
#include "lang/lexer.hpp"

namespace gopark::lang::checker_detail {

namespace {

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

std::string_view last_elem(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

DeclInfo* Checker::new_decl() {
  decl_storage_.push_back(std::make_unique<DeclInfo>());
  return decl_storage_.back().get();
}

// ----------------------------------------------------------------------------------------------
// Collecting

void Checker::collect_imports() {
  for (ImportSpec* spec : file_.imports) {
    if (spec->path == nullptr) continue;
    std::optional<std::string> path = unquote_string(spec->path->text);
    Pos path_pos = spec->path->pos;
    if (!path || path->empty()) {
      error(path_pos, "invalid import path: " + std::string(spec->path->text));
      continue;
    }
    std::string why;
    const Package* imported = ctx_.import(*path, &why);
    if (imported == nullptr) error(path_pos, why);
    std::string_view name;
    Pos pos = path_pos;
    if (spec->name != nullptr) {
      name = spec->name->name;
      pos = spec->name->pos;
    } else if (imported != nullptr) {
      name = imported->name;
    } else {
      // Keep the name declared so that its uses do not cascade into "undefined" errors.
      name = file_.source.substr(0, 0);
      std::string_view text = spec->path->text;
      if (text.size() >= 2) {
        std::string_view inner = last_elem(text.substr(1, text.size() - 2));
        name = inner;
      }
    }
    if (name == ".") {
      error(pos, "gopark does not support dot imports");
      // Still make the names visible, so that their uses do not add "undefined" errors.
      if (imported != nullptr && imported->scope != nullptr) {
        for (auto& [member, obj] : imported->scope->names) {
          if (!member.empty() && member[0] >= 'A' && member[0] <= 'Z') file_scope_->insert(obj);
        }
      }
      continue;
    }
    if (imported != nullptr &&
        std::find(pkg_.imports.begin(), pkg_.imports.end(), imported) == pkg_.imports.end()) {
      pkg_.imports.push_back(imported);
    }
    if (name == "_") continue;
    if (name == "init") {
      error(pos, "cannot import package as init - init must be a func");
      continue;
    }
    Object* obj = prog_.new_object(ObjKind::Package, name, pos);
    obj->type = types_.invalid();
    obj->pkg = &pkg_;
    obj->imported = imported;
    obj->import_spec = spec;
    obj->used = imported == nullptr;  // a failed import was reported already
    spec->object = obj;
    if (Object* alt = file_scope_->insert(obj)) {
      error(pos, std::string(name) + " redeclared in this block" + alt_decl(alt));
      continue;
    }
    imports_[obj] = spec;
  }
}

void Checker::declare_package_object(Object* obj, DeclInfo* info) {
  obj->pkg = &pkg_;
  if (obj->kind == ObjKind::Var) obj->is_global = true;
  info->order = static_cast<int>(object_order_.size());
  decls_[obj] = info;
  object_order_.push_back(obj);
  if (obj->name == "_") return;
  if (obj->name == "init" && obj->kind != ObjKind::Func) {
    error(obj->pos, "cannot declare init - must be func");
    return;
  }
  if (obj->name == "main" && obj->kind != ObjKind::Func && pkg_.name == "main" && !library_) {
    error(obj->pos, "cannot declare main - must be func");
  }
  if (Object* alt = pkg_scope_->insert(obj)) {
    error(obj->pos, std::string(obj->name) + " redeclared in this block" + alt_decl(alt));
    return;
  }
  if (Object* imp = file_scope_->lookup_local(obj->name)) {
    const Package* p = imp->imported;
    std::string what = p != nullptr ? "package " + p->name + " (\"" + p->path + "\")" : "package";
    error(obj->pos, std::string(obj->name) + " already declared through import of " + what +
                        "\n\t" + pos_str(imp->pos) + ": other declaration of " +
                        std::string(imp->name));
  }
}

void Checker::collect_objects() {
  for (const Decl& decl : file_.decls) {
    if (GenDecl* gen = decl.gen) {
      switch (gen->kind) {
        case DeclKind::Import:
          break;
        case DeclKind::Const:
          for (ValueSpec* spec : gen->specs) {
            ValueSpec* src = spec->implicit_from != nullptr ? spec->implicit_from : spec;
            for (std::size_t i = 0; i < spec->names.size(); ++i) {
              Ident* id = spec->names[i];
              Object* obj = prog_.new_object(ObjKind::Const, id->name, id->pos);
              id->object = obj;
              DeclInfo* d = new_decl();
              d->obj = obj;
              d->gen = gen;
              d->spec = spec;
              d->type_expr = src->type;
              d->init = i < src->values.size() ? src->values[i] : nullptr;
              d->inherited = spec->implicit_from != nullptr;
              d->iota = spec->iota;
              declare_package_object(obj, d);
            }
            if (spec->implicit_from == nullptr || spec->names.size() != src->values.size()) {
              if (spec->names.size() < src->values.size()) {
                Expr* extra = src->values[spec->names.size()];
                if (spec->implicit_from != nullptr) {
                  error(spec->pos, "extra init expr at " + pos_str(start_pos(extra)));
                } else {
                  error(start_pos(extra), "extra init expr " + expr_str(extra));
                }
              } else if (spec->names.size() > src->values.size()) {
                Ident* n = spec->names[src->values.size()];
                error(n->pos, "missing init expr for " + std::string(n->name));
              }
            }
          }
          break;
        case DeclKind::Var:
          for (ValueSpec* spec : gen->specs) {
            std::vector<Object*> objs;
            for (Ident* id : spec->names) {
              Object* obj = prog_.new_object(ObjKind::Var, id->name, id->pos);
              id->object = obj;
              objs.push_back(obj);
            }
            bool shared = spec->values.size() == 1 && spec->names.size() > 1;
            DeclInfo* group = nullptr;
            if (shared) {
              group = new_decl();
              group->obj = objs[0];
              group->gen = gen;
              group->spec = spec;
              group->lhs = objs;
              group->type_expr = spec->type;
              group->init = spec->values[0];
            }
            for (std::size_t i = 0; i < objs.size(); ++i) {
              DeclInfo* d = group;
              if (d == nullptr) {
                d = new_decl();
                d->obj = objs[i];
                d->gen = gen;
                d->spec = spec;
                d->type_expr = spec->type;
                d->init = i < spec->values.size() ? spec->values[i] : nullptr;
              }
              declare_package_object(objs[i], d);
              if (group != nullptr) group->order = decls_[objs[0]]->order;
            }
            if (spec->type == nullptr || !spec->values.empty()) {
              if (spec->names.size() < spec->values.size()) {
                Expr* extra = spec->values[spec->names.size()];
                error(start_pos(extra), "extra init expr " + expr_str(extra));
              } else if (spec->names.size() > spec->values.size() && spec->values.size() != 1) {
                Ident* n = spec->names[spec->values.size()];
                error(n->pos, "missing init expr for " + std::string(n->name));
              }
            }
          }
          break;
        case DeclKind::Type:
          for (ValueSpec* spec : gen->specs) {
            if (spec->names.empty()) continue;
            Ident* id = spec->names[0];
            Object* obj = prog_.new_object(ObjKind::TypeName, id->name, id->pos);
            obj->is_alias = spec->alias;
            id->object = obj;
            DeclInfo* d = new_decl();
            d->obj = obj;
            d->gen = gen;
            d->spec = spec;
            d->type_expr = spec->type;
            declare_package_object(obj, d);
          }
          break;
        case DeclKind::Func:
          break;
      }
      continue;
    }
    FuncDecl* fd = decl.func;
    if (fd == nullptr || fd->name == nullptr) continue;
    if (fd->recv != nullptr) {
      collect_method(fd);
      continue;
    }
    Object* obj = prog_.new_object(ObjKind::Func, fd->name->name, fd->name->pos);
    obj->decl = fd;
    fd->object = obj;
    fd->name->object = obj;
    DeclInfo* d = new_decl();
    d->obj = obj;
    d->func = fd;
    if (fd->body == nullptr && !library_) error(fd->name->pos, "missing function body");
    std::string_view name = fd->name->name;
    bool no_sig = (fd->sig == nullptr || fd->sig->params == nullptr || fd->sig->params->list.empty()) &&
                  (fd->sig == nullptr || fd->sig->results == nullptr || fd->sig->results->list.empty());
    if (name == "init" || (name == "main" && pkg_.name == "main")) {
      if (!no_sig) {
        error(fd->name->pos, "func " + std::string(name) + " must have no arguments and no return values");
      }
    }
    if (name == "init") {
      obj->pkg = &pkg_;
      d->order = static_cast<int>(object_order_.size());
      decls_[obj] = d;
      object_order_.push_back(obj);
      pkg_.init_funcs.push_back(fd);
      continue;
    }
    declare_package_object(obj, d);
  }
}

void Checker::collect_method(FuncDecl* fd) {
  Object* obj = prog_.new_object(ObjKind::Func, fd->name->name, fd->name->pos);
  obj->decl = fd;
  obj->is_method = true;
  obj->pkg = &pkg_;
  fd->object = obj;
  fd->name->object = obj;
  DeclInfo* d = new_decl();
  d->obj = obj;
  d->func = fd;
  d->order = static_cast<int>(object_order_.size() + method_objects_.size());
  decls_[obj] = d;
  method_objects_.push_back(obj);
  if (fd->body == nullptr && !library_) error(fd->name->pos, "missing function body");
  const Expr* t = unparen(fd->recv->type);
  if (const auto* star = t != nullptr ? t->as<StarExpr>() : nullptr) t = unparen(star->x);
  if (const auto* id = t != nullptr ? t->as<Ident>() : nullptr) {
    if (fd->name->name != "_") methods_[id->name].push_back(fd);
  }
  if (const auto* index = t != nullptr ? t->as<IndexExpr>() : nullptr) {  // a generic type's method
    if (const auto* id = index->x->as<Ident>(); id != nullptr && fd->name->name != "_") {
      generic_methods_[id->name].push_back(fd);
    }
  }
}

// ----------------------------------------------------------------------------------------------
// Declaring objects

namespace {
// The checker state that belongs to the code being checked; a lazily declared package-level
// object is checked in its own (package-level) environment.
struct Environment {
  Scope* scope;
  FuncInfo* func;
  const SignatureType* sig;
  DeclInfo* decl;
  bool has_iota;
  ConstValue iota;
  Pos errpos;
};
}  // namespace

void Checker::object_decl(Object* obj) {
  auto it = decls_.find(obj);
  if (it == decls_.end()) return;
  DeclInfo* d = it->second;
  DeclInfo::Color& color = colors_[obj];
  if (color == DeclInfo::Color::White && obj->type != nullptr && obj->kind == ObjKind::Var) {
    color = DeclInfo::Color::Black;  // declared together with another variable
    return;
  }
  if (color == DeclInfo::Color::Black) return;
  if (color == DeclInfo::Color::Grey) {
    std::size_t start = 0;
    while (start < object_path_.size() && object_path_[start] != obj) ++start;
    switch (obj->kind) {
      case ObjKind::Const:
      case ObjKind::Var:
        if (!valid_cycle(obj, start) || obj->type == nullptr) obj->type = types_.invalid();
        break;
      case ObjKind::TypeName:
        if (!valid_cycle(obj, start)) obj->type = types_.invalid();
        break;
      default:
        valid_cycle(obj, start);
        break;
    }
    return;
  }
  if (object_path_.size() > static_cast<std::size_t>(kMaxDepth)) {
    too_deep(obj->pos);
    if (obj->type == nullptr) obj->type = types_.invalid();
    return;
  }

  color = DeclInfo::Color::Grey;
  object_path_.push_back(obj);
  Environment saved{scope_, func_, sig_, decl_, has_iota_, iota_value_, errpos_};
  scope_ = file_scope_;
  func_ = nullptr;
  sig_ = nullptr;
  decl_ = d;
  has_iota_ = false;
  errpos_ = Pos{};
  auto saved_breakable = std::move(breakable_);
  breakable_.clear();

  switch (obj->kind) {
    case ObjKind::Const: const_decl(obj, d); break;
    case ObjKind::Var: var_decl(obj, d); break;
    case ObjKind::TypeName: type_decl(obj, d); break;
    case ObjKind::Func: func_decl(obj, d); break;
    default: break;
  }

  breakable_ = std::move(saved_breakable);
  scope_ = saved.scope;
  func_ = saved.func;
  sig_ = saved.sig;
  decl_ = saved.decl;
  has_iota_ = saved.has_iota;
  iota_value_ = saved.iota;
  errpos_ = saved.errpos;
  object_path_.pop_back();
  colors_[obj] = DeclInfo::Color::Black;
  if (object_path_.empty()) complete_pending_interfaces();
}

bool Checker::valid_cycle(Object* obj, std::size_t start) {
  if (start >= object_path_.size()) return true;
  std::vector<Object*> cycle(object_path_.begin() + static_cast<std::ptrdiff_t>(start),
                             object_path_.end());
  std::size_t nval = 0, ndef = 0;
  for (Object* o : cycle) {
    if (o->kind == ObjKind::Const || o->kind == ObjKind::Var) ++nval;
    if (o->kind == ObjKind::TypeName && !o->is_alias) ++ndef;
  }
  (void)obj;
  // Cycles of constants and variables only are reported by the initialization order.
  if (nval == cycle.size()) return true;
  // Cycles of types only are fine if they go through a defined (not alias) type.
  if (nval == 0 && ndef > 0) return true;
  cycle_error(cycle);
  return false;
}

void Checker::cycle_error(const std::vector<Object*>& cycle) {
  if (cycle.empty()) return;
  std::size_t first = 0;
  for (std::size_t i = 1; i < cycle.size(); ++i) {
    if (cycle[i]->pos < cycle[first]->pos) first = i;
  }
  Object* obj = cycle[first];
  bool tname = obj->kind == ObjKind::TypeName;
  std::string name(obj->name);
  if (cycle.size() == 1) {
    error(obj->pos, tname ? "invalid recursive type: " + name + " refers to itself"
                          : "invalid cycle in declaration: " + name + " refers to itself");
    return;
  }
  std::string msg = tname ? "invalid recursive type " + name : "invalid cycle in declaration of " + name;
  for (std::size_t n = 0; n < cycle.size(); ++n) {
    const Object* from = cycle[(first + n) % cycle.size()];
    const Object* to = cycle[(first + n + 1) % cycle.size()];
    msg += "\n\t" + pos_str(from->pos) + ": " + std::string(from->name) + " refers to " +
           std::string(to->name);
  }
  error(obj->pos, msg);
}

void Checker::report_recursive_type(Object* obj) {
  if (obj == nullptr) return;
  std::size_t start = 0;
  while (start < object_path_.size() && object_path_[start] != obj) ++start;
  if (start >= object_path_.size()) {
    error(obj->pos, "invalid recursive type " + std::string(obj->name));
    return;
  }
  std::vector<Object*> cycle;
  for (std::size_t i = start; i < object_path_.size(); ++i) {
    if (object_path_[i]->kind == ObjKind::TypeName) cycle.push_back(object_path_[i]);
  }
  cycle_error(cycle);
}

void Checker::const_decl(Object* obj, DeclInfo* d) {
  init_const_from(obj, d->type_expr, d->init, d->iota, d->inherited, obj->pos);
}

void Checker::init_const_from(Object* obj, Expr* type_expr_node, Expr* init, int iota,
                              bool inherited, Pos /*spec_pos*/) {
  has_iota_ = true;
  iota_value_ = ConstValue::make_int64(iota);
  if (type_expr_node != nullptr) {
    const Type* t = type_expr(type_expr_node);
    if (t->kind != TypeKind::Invalid && !is_constant_type(t)) {
      error(start_pos(type_expr_node), "invalid constant type " + tstr(t));
      obj->type = types_.invalid();
      has_iota_ = false;
      return;
    }
    obj->type = t;
  }
  Operand x;
  if (init != nullptr) {
    Pos saved = errpos_;
    if (inherited) errpos_ = obj->pos;
    expr(x, init);
    errpos_ = saved;
  }
  Pos saved = errpos_;
  if (inherited) errpos_ = obj->pos;
  init_const(obj, x);
  errpos_ = saved;
  has_iota_ = false;
}

void Checker::init_const(Object* lhs, Operand& x) {
  if (x.mode == Mode::Invalid || x.type == nullptr || x.type->kind == TypeKind::Invalid ||
      (lhs->type != nullptr && lhs->type->kind == TypeKind::Invalid)) {
    if (lhs->type == nullptr) lhs->type = types_.invalid();
    return;
  }
  if (x.mode != Mode::Constant) {
    error(start_pos(x.expr), describe(x) + " is not constant");
    if (lhs->type == nullptr) lhs->type = types_.invalid();
    return;
  }
  if (lhs->type == nullptr) lhs->type = x.type;
  assignment(x, lhs->type, "constant declaration");
  if (x.mode == Mode::Invalid) return;
  lhs->value = x.val;
}

void Checker::var_decl(Object* obj, DeclInfo* d) {
  if (d->type_expr != nullptr) {
    const Type* t = type_expr(d->type_expr);
    obj->type = t;
    spelled_[obj] = d->type_expr;
    for (Object* o : d->lhs) {
      o->type = t;
      spelled_[o] = d->type_expr;
    }
  }
  if (d->init == nullptr) {
    if (d->type_expr == nullptr) obj->type = types_.invalid();
    return;
  }
  if (d->lhs.size() <= 1) {
    Operand x;
    expr_with_hint(x, d->init, obj->type);
    init_var(obj, x, "variable declaration");
    return;
  }
  init_vars(d->lhs, {d->init}, nullptr, Pos{});
  for (Object* o : d->lhs) colors_[o] = DeclInfo::Color::Black;
}

void Checker::type_decl(Object* obj, DeclInfo* d) {
  ValueSpec* spec = d->spec;
  if (spec->type_params != nullptr) {
    generic_type_decl(obj, d);
    return;
  }
  if (spec->alias) {
    obj->is_alias = true;
    ConstraintContext allow(*this);  // an alias may name a constraint
    const Type* t = type_expr(spec->type);
    if (obj->type == nullptr) obj->type = t;
    // Methods declared on the alias belong to the type it names.
    collect_methods_of(obj);
    return;
  }
  NamedType* named = types_.named(obj);
  obj->type = named;
  named_types_.push_back(named);
  const Type* rhs = defined_type(spec->type, named);
  if (!is_pending_interface(named)) set_underlying_from(named, rhs);
  collect_methods_of(obj);
}

bool Checker::is_pending_interface(const NamedType* named) const {
  for (const PendingInterface& p : pending_interfaces_) {
    if (p.named == named) return true;
  }
  return false;
}

// Completes the interfaces whose embedded interfaces were unfinished, in rounds until no more
// progress; what is left then embeds itself through a cycle.
void Checker::complete_pending_interfaces() {
  auto embedded_unfinished = [](const PendingInterface& p) -> const NamedType* {
    for (Field* f : p.expr->methods->list) {
      if (!f->names.empty() || f->type == nullptr || f->type->type == nullptr) continue;
      const auto* n = f->type->type->as<NamedType>();
      if (n != nullptr && n->underlying == nullptr) return n;
    }
    return nullptr;
  };
  while (!pending_interfaces_.empty()) {
    bool progress = false;
    for (std::size_t i = 0; i < pending_interfaces_.size();) {
      PendingInterface p = pending_interfaces_[i];
      if (embedded_unfinished(p) != nullptr) {
        ++i;
        continue;
      }
      pending_interfaces_.erase(pending_interfaces_.begin() + static_cast<std::ptrdiff_t>(i));
      const InterfaceType* it = interface_type(p.expr, p.named);
      set_underlying_from(p.named, it != nullptr ? static_cast<const Type*>(it) : types_.invalid());
      progress = true;
    }
    if (progress) continue;
    // A cycle: follow the unfinished embeddings from the first pending type until one repeats.
    std::sort(pending_interfaces_.begin(), pending_interfaces_.end(),
              [](const PendingInterface& a, const PendingInterface& b) {
                return a.named->object->pos < b.named->object->pos;
              });
    std::vector<const NamedType*> chain{pending_interfaces_.front().named};
    for (int guard = 0; guard < 10000; ++guard) {
      const NamedType* cur = chain.back();
      const NamedType* next = nullptr;
      for (const PendingInterface& p : pending_interfaces_) {
        if (p.named == cur) next = embedded_unfinished(p);
      }
      if (next == nullptr) break;
      auto seen = std::find(chain.begin(), chain.end(), next);
      if (seen != chain.end()) {
        chain.erase(chain.begin(), seen);
        break;
      }
      chain.push_back(next);
    }
    std::vector<Object*> cycle;
    for (const NamedType* n : chain) cycle.push_back(n->object);
    cycle_error(cycle);
    std::vector<PendingInterface> left = std::move(pending_interfaces_);
    pending_interfaces_.clear();
    for (const PendingInterface& p : left) set_underlying_from(p.named, types_.invalid());
  }
}

// `type T U`: T's underlying type is U's. When U is itself being declared (its declaration
// refers to T through a pointer, say) its underlying type is not known yet: T waits for it, unless
// the chain of waiting types leads back to T, which is an invalid recursive type.
void Checker::set_underlying_from(NamedType* named, const Type* rhs) {
  const auto* n = rhs->as<NamedType>();
  if (n == nullptr) {
    named->underlying = rhs;
  } else if (n->underlying != nullptr) {
    named->underlying = n->underlying;
  } else {
    const NamedType* m = n;
    for (int guard = 0; m != nullptr && m != named && guard < 10000; ++guard) {
      auto it = pending_rhs_.find(m);
      m = it == pending_rhs_.end() ? nullptr : it->second;
    }
    if (m == named) {
      // The cycle: named, n, and the types n waits for, back to named.
      std::vector<Object*> cycle{named->object};
      for (const NamedType* c = n; c != nullptr && c != named && cycle.size() < 10000;) {
        cycle.push_back(c->object);
        auto it = pending_rhs_.find(c);
        c = it == pending_rhs_.end() ? nullptr : it->second;
      }
      cycle_error(cycle);
      named->underlying = types_.invalid();
    } else {
      pending_rhs_[named] = n;
      return;
    }
  }
  // Types waiting for this one can be completed now.
  std::vector<NamedType*> waiting;
  for (auto& [p, target] : pending_rhs_) {
    if (target == named) waiting.push_back(const_cast<NamedType*>(p));
  }
  std::sort(waiting.begin(), waiting.end(),
            [](const NamedType* a, const NamedType* b) { return a->object->pos < b->object->pos; });
  for (NamedType* p : waiting) {
    pending_rhs_.erase(p);
    set_underlying_from(p, named);
  }
  valid_type(named);
}

void Checker::valid_type(NamedType* named) {
  std::vector<NamedType*> path;
  bool complete = true;
  valid_type_walk(named, path, 0, complete);
}

// Reports a struct or array type that contains itself (an infinite size). `complete` is cleared
// when the walk met a type whose underlying type is not known yet: the types on the way are then
// not remembered as valid, since a later walk may still find a cycle through it.
bool Checker::valid_type_walk(const Type* t, std::vector<NamedType*>& path, int depth,
                              bool& complete) {
  if (t == nullptr || depth > kMaxDepth) return true;
  switch (t->kind) {
    case TypeKind::Array:
      return valid_type_walk(t->as<ArrayType>()->elem, path, depth + 1, complete);
    case TypeKind::Struct:
      for (const StructField& f : t->as<StructType>()->fields) {
        if (!valid_type_walk(f.type, path, depth + 1, complete)) return false;
      }
      return true;
    case TypeKind::Named: {
      auto* n = const_cast<NamedType*>(t->as<NamedType>());
      if (n->underlying == nullptr) {
        complete = false;
        return true;
      }
      if (valid_named_.count(n) != 0) return true;
      if (n->object == nullptr || n->object->pkg != &pkg_) return true;
      for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != n) continue;
        std::vector<Object*> cycle;
        for (std::size_t j = i; j < path.size(); ++j) cycle.push_back(path[j]->object);
        cycle_error(cycle);
        for (std::size_t j = i; j < path.size(); ++j) {
          path[j]->underlying = types_.invalid();
          valid_named_.insert(path[j]);
        }
        return false;
      }
      path.push_back(n);
      bool inner_complete = true;
      bool ok = valid_type_walk(n->underlying, path, depth + 1, inner_complete);
      path.pop_back();
      if (ok && inner_complete) valid_named_.insert(n);
      if (!inner_complete) complete = false;
      return ok;
    }
    default:
      return true;
  }
}

void Checker::collect_methods_of(Object* type_name) {
  auto it = methods_.find(type_name->name);
  if (it == methods_.end() || pkg_scope_->lookup_local(type_name->name) != type_name) return;
  auto* named = const_cast<NamedType*>(type_name->type != nullptr ? type_name->type->as<NamedType>() : nullptr);
  if (named == nullptr || named->object == nullptr || named->object->pkg != &pkg_) return;
  const auto* st = under(named)->as<StructType>();
  for (FuncDecl* fd : it->second) {
    Object* m = fd->object;
    bool dup = false;
    for (Object* other : named->methods) {
      if (other->name == m->name) {
        error(m->pos, "method " + std::string(named->object->name) + "." + std::string(m->name) +
                          " already declared at " + pos_str(other->pos));
        dup = true;
        break;
      }
    }
    if (dup) continue;
    if (st != nullptr) {
      int i = st->field_index(m->name);
      if (i >= 0) {
        const StructField& f = st->fields[static_cast<std::size_t>(i)];
        error(m->pos, "field and method with the same name " + std::string(m->name) + "\n\t" +
                          pos_str(f.object != nullptr ? f.object->pos : m->pos) +
                          ": other declaration of " + std::string(m->name));
        continue;
      }
    }
    named->methods.push_back(m);
  }
}

std::string Checker::func_name(FuncDecl* fd, Object* obj) const {
  std::string prefix = pkg_.is_library ? pkg_.path : pkg_.name;
  if (fd->recv == nullptr) {
    if (obj->name == "init") {
      int index = 0;
      for (FuncDecl* f : pkg_.init_funcs) {
        if (f == fd) break;
        ++index;
      }
      return prefix + ".init." + std::to_string(index);
    }
    return prefix + "." + std::string(obj->name);
  }
  const Type* recv = obj->recv;
  bool ptr = false;
  if (recv != nullptr) {
    if (const auto* p = recv->as<PointerType>()) {
      recv = p->elem;
      ptr = true;
    }
  }
  std::string base;
  if (const auto* n = recv != nullptr ? recv->as<NamedType>() : nullptr) {
    base = std::string(n->object->name);
  } else {
    base = expr_str(fd->recv->type);
  }
  if (ptr) return prefix + ".(*" + base + ")." + std::string(obj->name);
  return prefix + "." + base + "." + std::string(obj->name);
}

void Checker::func_decl(Object* obj, DeclInfo* d) {
  FuncDecl* fd = d->func;
  if (fd->recv != nullptr && is_generic_receiver(fd)) {
    obj->type = types_.invalid();  // a template: each instance of the type gets its own copy
    mark_imports_used(fd->pos);
    return;
  }
  if (fd->sig->type_params != nullptr) {
    if (fd->recv == nullptr && (obj->name == "main" || obj->name == "init") && !library_) {
      error(fd->name->pos, "func " + std::string(obj->name) + " must have no type parameters");
    }
    generic_func_decl(obj, d);
    return;
  }
  auto* info = prog_.funcs.emplace_back(std::make_unique<FuncInfo>()).get();
  info->decl = fd;
  fd->info = info;
  fd->object = obj;
  obj->decl = fd;
  Object* recv_obj = nullptr;
  const SignatureType* sig = func_type(fd->sig, info, fd->recv, &recv_obj);
  obj->type = sig;
  if (fd->recv != nullptr) {
    const Type* rt = recv_obj != nullptr ? recv_obj->type : types_.invalid();
    obj->recv = rt;
    obj->pointer_recv = rt->kind == TypeKind::Pointer;
    Field* recv = fd->recv;
    later_.push_back([this, recv, rt] { check_recv_base(recv, rt); });
  }
  info->name = func_name(fd, obj);
  pkg_.funcs.push_back(obj);
  if (fd->body == nullptr) {
    if (library_) obj->native_name = info->name;
    return;
  }
  obj->info = info;
  BlockStmt* body = fd->body;
  later_.push_back([this, info, sig, body, d] {
    DeclInfo* saved = decl_;
    decl_ = d;
    func_body(info, sig, body, file_scope_);
    decl_ = saved;
  });
}

// ----------------------------------------------------------------------------------------------
// Dependencies and the initialization order (spec "Package initialization")

void Checker::record_dependency(Object* obj) {
  if (decl_ == nullptr || obj == nullptr || obj->pkg != &pkg_) return;
  if (decls_.find(obj) == decls_.end()) return;
  if (decl_->dep_set.insert(obj).second) decl_->deps.push_back(obj);
}

void Checker::init_order() {
  struct Node {
    Object* obj;
    std::unordered_set<Node*> pred, succ;
    int ndeps = 0;
    int order = 0;
    bool done = false;
  };
  std::vector<std::unique_ptr<Node>> nodes;
  std::unordered_map<Object*, Node*> by_obj;
  std::vector<Object*> all = object_order_;
  all.insert(all.end(), method_objects_.begin(), method_objects_.end());
  for (Object* obj : all) {
    if (obj->kind != ObjKind::Const && obj->kind != ObjKind::Var && obj->kind != ObjKind::Func) continue;
    nodes.push_back(std::make_unique<Node>());
    Node* n = nodes.back().get();
    n->obj = obj;
    n->order = decls_[obj]->order;
    by_obj[obj] = n;
  }
  for (auto& n : nodes) {
    for (Object* dep : decls_[n->obj]->deps) {
      auto it = by_obj.find(dep);
      if (it == by_obj.end()) continue;
      n->succ.insert(it->second);
      it->second->pred.insert(n.get());
    }
  }
  // Remove function nodes, connecting their dependents directly to their dependencies.
  std::vector<Node*> graph;
  for (auto& np : nodes) {
    Node* n = np.get();
    if (n->obj->kind != ObjKind::Func) {
      graph.push_back(n);
      continue;
    }
    for (Node* p : n->pred) {
      if (p == n) continue;
      for (Node* s : n->succ) {
        if (s == n) continue;
        p->succ.insert(s);
        s->pred.insert(p);
        s->pred.erase(n);
      }
      p->succ.erase(n);
    }
  }
  for (Node* n : graph) n->ndeps = static_cast<int>(n->succ.size());

  // Find a dependency path from `from` back to `to` through the declarations' dependencies.
  std::function<bool(Object*, Object*, std::unordered_set<Object*>&, std::vector<Object*>&)> find_path =
      [&](Object* from, Object* to, std::unordered_set<Object*>& seen, std::vector<Object*>& path) {
        if (!seen.insert(from).second) return false;
        auto it = decls_.find(from);
        if (it == decls_.end()) return false;
        for (Object* d : it->second->deps) {
          if (d == to) {
            path.push_back(d);
            return true;
          }
          if (seen.size() > 100000) return false;
          if (find_path(d, to, seen, path)) {
            path.push_back(d);
            return true;
          }
        }
        return false;
      };

  std::unordered_set<DeclInfo*> emitted;
  for (std::size_t remaining = graph.size(); remaining > 0; --remaining) {
    Node* best = nullptr;
    for (Node* n : graph) {
      if (n->done) continue;
      if (best == nullptr || n->ndeps < best->ndeps ||
          (n->ndeps == best->ndeps && n->order < best->order)) {
        best = n;
      }
    }
    if (best == nullptr) break;
    best->done = true;
    if (best->ndeps > 0) {
      std::unordered_set<Object*> seen;
      std::vector<Object*> cycle;
      if (find_path(best->obj, best->obj, seen, cycle)) {
        // cycle holds the path reversed: [to ... first step]
        Object* obj = cycle[0];
        if (cycle.size() == 1) {
          error(obj->pos, "initialization cycle: " + std::string(obj->name) + " refers to itself");
        } else {
          std::string msg = "initialization cycle for " + std::string(obj->name);
          Object* o = obj;
          for (std::size_t i = cycle.size(); i-- > 0;) {
            Object* next = cycle[i];
            msg += "\n\t" + pos_str(o->pos) + ": " + std::string(o->name) + " refers to " +
                   std::string(next->name);
            o = next;
          }
          error(obj->pos, msg);
        }
      }
    }
    for (Node* p : best->pred) --p->ndeps;
    if (best->obj->kind != ObjKind::Var) continue;
    DeclInfo* d = decls_[best->obj];
    if (!emitted.insert(d).second) continue;
    Package::VarInit init;
    if (d->lhs.empty()) {
      init.lhs.push_back(best->obj);
    } else {
      init.lhs = d->lhs;
    }
    init.rhs = d->init;
    pkg_.var_inits.push_back(std::move(init));
  }
}

void Checker::unused_imports() {
  for (ImportSpec* spec : file_.imports) {
    Object* obj = spec->object;
    if (obj != nullptr) spec->used = obj->used;
    if (obj == nullptr || obj->used || obj->imported == nullptr) continue;
    const std::string& path = obj->imported->path;
    std::string quoted = "\"" + path + "\"";
    if (obj->name == last_elem(path)) {
      error(obj->pos, quoted + " imported and not used");
    } else {
      error(obj->pos, quoted + " imported as " + std::string(obj->name) + " and not used");
    }
  }
}

void Checker::check_main_and_init() {
  // Types whose underlying type never got known (only after errors) become invalid.
  for (NamedType* n : named_types_) {
    if (n->underlying == nullptr) n->underlying = types_.invalid();
  }
  if (library_) return;
  if (pkg_.name != "main") {
    Pos pos = file_.package_name != nullptr ? file_.package_name->pos : Pos{1, 1};
    error(pos, "package " + pkg_.name + " is not a main package");
    return;
  }
  Object* main = pkg_scope_->lookup_local("main");
  if (main == nullptr || main->kind != ObjKind::Func) {
    if (main == nullptr) {
      Pos pos = file_.package_name != nullptr ? file_.package_name->pos : Pos{1, 1};
      error(pos, "function main is undeclared in the main package");
    }
  }
}

// ----------------------------------------------------------------------------------------------
// Local declarations

void Checker::declare(Scope* scope, Ident* id, Object* obj) {
  if (id != nullptr) id->object = obj;
  if (obj->name == "_" || obj->name.empty()) return;
  if (Object* alt = scope->insert(obj)) {
    error(obj->pos, std::string(obj->name) + " redeclared in this block" + alt_decl(alt));
    obj->used = true;  // never in scope, so never usable: no "declared and not used" on top
  }
}

Object* Checker::new_var(Ident* id, const Type* type) {
  Object* obj = prog_.new_object(ObjKind::Var, id->name, id->pos);
  obj->type = type;
  obj->pkg = &pkg_;
  obj->owner = func_;
  if (func_ != nullptr) func_->locals.push_back(obj);
  id->object = obj;
  return obj;
}

void Checker::decl_stmt(GenDecl* gen) {
  for (ValueSpec* spec : gen->specs) {
    switch (gen->kind) {
      case DeclKind::Const: const_spec_local(spec); break;
      case DeclKind::Var: var_spec_local(spec); break;
      case DeclKind::Type: type_spec_local(spec); break;
      default: break;
    }
  }
}

void Checker::const_spec_local(ValueSpec* spec) {
  ValueSpec* src = spec->implicit_from != nullptr ? spec->implicit_from : spec;
  std::vector<Object*> objs;
  for (std::size_t i = 0; i < spec->names.size(); ++i) {
    Ident* id = spec->names[i];
    Object* obj = prog_.new_object(ObjKind::Const, id->name, id->pos);
    obj->pkg = &pkg_;
    id->object = obj;
    Expr* init = i < src->values.size() ? src->values[i] : nullptr;
    init_const_from(obj, src->type, init, spec->iota, spec->implicit_from != nullptr, spec->pos);
    objs.push_back(obj);
  }
  if (spec->names.size() < src->values.size()) {
    Expr* extra = src->values[spec->names.size()];
    if (spec->implicit_from != nullptr) {
      error(spec->pos, "extra init expr at " + pos_str(start_pos(extra)));
    } else {
      error(start_pos(extra), "extra init expr " + expr_str(extra));
    }
  } else if (spec->names.size() > src->values.size()) {
    Ident* n = spec->names[src->values.size()];
    error(n->pos, "missing init expr for " + std::string(n->name));
  }
  for (std::size_t i = 0; i < objs.size(); ++i) declare(scope_, spec->names[i], objs[i]);
}

void Checker::var_spec_local(ValueSpec* spec) {
  const Type* t = spec->type != nullptr ? type_expr(spec->type) : nullptr;
  std::vector<Object*> objs;
  for (Ident* id : spec->names) {
    objs.push_back(new_var(id, t));
    if (t != nullptr) spelled_[objs.back()] = spec->type;
  }
  if (spec->values.empty()) {
    if (t == nullptr) {
      for (Object* o : objs) o->type = types_.invalid();
    }
  } else if (spec->values.size() == spec->names.size()) {
    for (std::size_t i = 0; i < objs.size(); ++i) {
      Operand x;
      expr_with_hint(x, spec->values[i], objs[i]->type);
      init_var(objs[i], x, "variable declaration");
    }
  } else if (spec->values.size() == 1) {
    init_vars(objs, spec->values, nullptr, Pos{});
  } else {
    if (spec->names.size() < spec->values.size()) {
      Expr* extra = spec->values[spec->names.size()];
      error(start_pos(extra), "extra init expr " + expr_str(extra));
    } else {
      Ident* n = spec->names[spec->values.size()];
      error(n->pos, "missing init expr for " + std::string(n->name));
    }
    for (Object* o : objs) {
      if (o->type == nullptr) o->type = types_.invalid();
    }
    use_exprs(spec->values);
  }
  for (std::size_t i = 0; i < objs.size(); ++i) declare(scope_, spec->names[i], objs[i]);
}

void Checker::type_spec_local(ValueSpec* spec) {
  if (spec->names.empty()) return;
  Ident* id = spec->names[0];
  Object* obj = prog_.new_object(ObjKind::TypeName, id->name, id->pos);
  obj->pkg = &pkg_;
  obj->is_alias = spec->alias;
  // The name is in scope in its own declaration (recursive local types).
  declare(scope_, id, obj);
  if (spec->alias) {
    obj->type = type_expr(spec->type);
    return;
  }
  NamedType* named = types_.named(obj);
  obj->type = named;
  named_types_.push_back(named);
  object_path_.push_back(obj);
  const Type* rhs = defined_type(spec->type, named);
  object_path_.pop_back();
  if (!is_pending_interface(named)) set_underlying_from(named, rhs);
  if (object_path_.empty()) complete_pending_interfaces();
}

}  // namespace gopark::lang::checker_detail
