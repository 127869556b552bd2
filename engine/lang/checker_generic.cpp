// Generic functions (spec "Type parameter declarations", "Instantiations", "Type inference"):
// declarations, constraint type sets and satisfaction, inference of type arguments from a
// call's arguments, and instances (the design is at GenericFunc, checker_internal.hpp).
#include <algorithm>

#include "lang/checker_internal.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"

namespace gopark::lang::checker_detail {

namespace {

const Expr* unparen(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}

// Whether term a holds every type that term b holds, or the other way round: the narrower one.
// Null when the two sets are disjoint.
const TypeTerm* narrower(const TypeTerm& a, const TypeTerm& b) {
  if (a.tilde && b.tilde) return a.type == b.type ? &a : nullptr;
  if (a.tilde) return underlying(b.type) == a.type ? &b : nullptr;
  if (b.tilde) return underlying(a.type) == b.type ? &a : nullptr;
  return a.type == b.type ? &a : nullptr;
}

}  // namespace

std::vector<TypeTerm> intersect_terms(const std::vector<TypeTerm>& a, const std::vector<TypeTerm>& b) {
  std::vector<TypeTerm> out;
  for (const TypeTerm& x : a) {
    for (const TypeTerm& y : b) {
      if (const TypeTerm* t = narrower(x, y)) out.push_back(*t);
    }
  }
  return out;
}

// The terms of a union element `A | ~B | C` (an embedded constraint contributes its own terms).
void Checker::union_terms(Expr* e, std::vector<TypeTerm>& out) {
  ConstraintContext allow(*this);
  DepthGuard guard(*this);
  if (too_deep(e->pos)) return;
  Expr* x = e;
  while (auto* p = x->as<ParenExpr>()) x = p->x;
  if (auto* b = x->as<BinaryExpr>(); b != nullptr && b->op == Tok::Or) {
    union_terms(b->x, out);
    union_terms(b->y, out);
    return;
  }
  if (auto* u = x->as<UnaryExpr>(); u != nullptr && u->op == Tok::Tilde) {
    const Type* t = type_expr(u->x);
    if (t->kind == TypeKind::Invalid) return;
    if (underlying(t) != t) {
      error(start_pos(u->x), "invalid use of ~ (underlying type of " + tstr(t) + " is " +
                                 tstr(under(t)) + ")");
      return;
    }
    out.push_back({true, t});
    return;
  }
  const Type* t = type_expr(x);
  if (t->kind == TypeKind::Invalid) return;
  if (const auto* it = under(t)->as<InterfaceType>()) {
    if (it->restricted) {
      out.insert(out.end(), it->terms.begin(), it->terms.end());
      return;
    }
    if (!it->methods.empty() || it->comparable) {
      error(start_pos(x), "cannot use " + tstr(t) + " in union (" + tstr(t) + " contains methods)");
      return;
    }
  }
  out.push_back({false, t});
}

bool Checker::satisfies(const Type* t, const Type* constraint, const Package* rel, std::string* cause) {
  auto str = [&](const Type* x) { return type_string(x, rel); };
  const auto* c = under(constraint)->as<InterfaceType>();
  if (c == nullptr) {
    *cause = str(constraint) + " is not an interface";
    return false;
  }
  if (c->restricted) {
    bool in = false;
    for (const TypeTerm& term : c->terms) {
      if (term.tilde ? under(t) == term.type : t == term.type) {
        in = true;
        break;
      }
    }
    if (!in) {
      std::string set;
      for (std::size_t i = 0; i < c->terms.size(); ++i) {
        if (i > 0) set += " | ";
        set += (c->terms[i].tilde ? "~" : "") + str(c->terms[i].type);
      }
      *cause = c->terms.empty() ? "empty type set" : str(t) + " missing in " + set;
      return false;
    }
  }
  if (c->comparable && !comparable(t)) {
    *cause = "";
    return false;
  }
  if (!c->methods.empty()) {
    std::vector<InterfaceMethod> methods = c->methods;
    const InterfaceType* plain = types_.interface_type(std::move(methods));
    std::string why;
    if (missing_method(t, plain, true, &why) != nullptr) {
      *cause = why;
      return false;
    }
  }
  return true;
}

// A generic declaration is checked only in its instances, which may come after the package's
// unused-import check or never: the packages its text names (`pkg.Name`) count as used.
void Checker::mark_imports_used(Pos start) {
  Diagnostics ignored(file_.name);
  Lexer lexer(file_.source, ignored);
  lexer.seek(start);
  int depth = 0;
  Token previous;
  for (int count = 0;; ++count) {
    Token t = lexer.next();
    if (t.tok == Tok::Eof) return;
    if (t.tok == Tok::LParen || t.tok == Tok::LBrack || t.tok == Tok::LBrace) ++depth;
    if (t.tok == Tok::RParen || t.tok == Tok::RBrack || t.tok == Tok::RBrace) --depth;
    if (t.tok == Tok::Semicolon && depth <= 0 && count > 0) return;
    if (t.tok == Tok::Period && previous.tok == Tok::Ident) {
      if (Object* obj = file_scope_->lookup_local(previous.text); obj != nullptr && obj->kind == ObjKind::Package) {
        obj->used = true;
      }
    }
    previous = t;
  }
}

// ----------------------------------------------------------------------------------------------
// Declarations

void Checker::generic_func_decl(Object* obj, DeclInfo* d) {
  FuncDecl* fd = d->func;
  auto* g = prog_.generics.emplace_back(std::make_shared<GenericFunc>()).get();
  g->owner = this;
  g->decl = fd;
  g->decl_info = d;
  type_params_of(fd->sig->type_params, g->params, g->constraints);
  fd->object = obj;
  obj->generic = g;
  mark_imports_used(fd->pos);
  obj->type = types_.invalid();  // declared; uses go through instances
  if (fd->body == nullptr) error(fd->name->pos, "missing function body");
  check_declared_constraints(g->params, g->constraints);
}

// The names and constraints (as written) of a type parameter list, in order.
void Checker::type_params_of(const FieldList* list, std::vector<Ident*>& names, std::vector<Expr*>& constraints) {
  for (Field* f : list->list) {
    for (Ident* name : f->names) {
      names.push_back(name);
      constraints.push_back(f->type);
    }
  }
}

// A scope declaring the type parameters: as aliases of the type arguments `targs` in an instance;
// with `targs` null (the declaration's own check), each standing for `any`, and redeclarations
// reported.
Scope* Checker::type_param_scope(const std::vector<Ident*>& names, const std::vector<const Type*>* targs) {
  Scope* scope = prog_.new_scope(file_scope_);
  for (std::size_t i = 0; i < names.size(); ++i) {
    Ident* name = names[i];
    Object* tn = prog_.new_object(ObjKind::TypeName, name->name, name->pos);
    tn->type = !targs ? types_.empty_interface() : i < targs->size() ? (*targs)[i] : types_.invalid();
    tn->is_alias = true;
    tn->pkg = &pkg_;
    Object* other = scope->insert(tn);
    if (!targs && other != nullptr) {
      error(name->pos, std::string(name->name) + " redeclared in this block" + alt_decl(other));
    }
    if (targs) name->object = tn;
  }
  return scope;
}

// The constraints are checked once at the declaration, with every parameter standing for itself
// (an alias of `any`), so that a bad constraint is reported even if nothing instantiates it.
void Checker::check_declared_constraints(const std::vector<Ident*>& names, const std::vector<Expr*>& constraints) {
  EnvGuard env(*this, type_param_scope(names, nullptr), decl_);
  for (Expr* c : constraints) constraint_of(c);
}

// Whether every type argument satisfies its constraint, evaluated in the current scope (the
// instance's); `written` are the declaration's constraints, for the message.
bool Checker::check_type_args(const std::vector<Expr*>& constraints, const std::vector<Expr*>& written,
                              const std::vector<const Type*>& targs, const Package* rel, std::string* why) {
  for (std::size_t k = 0; k < constraints.size() && k < targs.size(); ++k) {
    const Type* ct = constraint_of(constraints[k]);
    if (ct->kind == TypeKind::Invalid) continue;
    std::string cause;
    if (!satisfies(targs[k], ct, rel, &cause)) {
      *why = type_string(targs[k], rel) + " does not satisfy " + expr_str(written[k]);
      if (!cause.empty()) *why += " (" + cause + ")";
      return false;
    }
  }
  return true;
}

// The constraint of a type parameter as a type: `any`, a named interface, an interface literal,
// or a bare type-set element (`~int | string`, `[]E`, `int`).
const Type* Checker::constraint_of(Expr* c) {
  ConstraintContext allow(*this);
  const Expr* bare = unparen(c);
  if (bare->kind != ExprKind::Ident && bare->kind != ExprKind::Selector &&
      bare->kind != ExprKind::InterfaceType) {
    std::vector<TypeTerm> terms;
    union_terms(c, terms);
    return types_.constraint_type({}, std::move(terms), true, false);
  }
  const Type* t = type_expr(c);
  if (t->kind != TypeKind::Invalid && under(t)->as<InterfaceType>() == nullptr) {
    return types_.constraint_type({}, {TypeTerm{false, t}}, true, false);
  }
  return t;
}

Object* Checker::instantiate(GenericFunc& g, const std::vector<const Type*>& targs, const Package* rel,
                             std::string* why) {
  for (auto& [key, inst] : g.instances) {
    if (key == targs) return inst;
  }
  // A function that instantiates itself with ever larger type arguments (f[T] calling f[[]T])
  // is an instantiation cycle to Go, which finds it by following type parameters through the
  // calls. Here an instance's body is checked from a queue, where it asks for the next instance,
  // so such a chain never ends (and one that asks for two grows exponentially): a cap on one
  // function's instances ends it, far above what a real program makes.
  constexpr std::size_t kMaxInstances = 1000;
  if (g.instances.size() >= kMaxInstances) {
    *why = "instantiation cycle: " + std::string(g.decl->name->name) + " is instantiated with ever larger types";
    return nullptr;
  }
  FuncDecl* fd = reparse_func_decl(file_, g.decl->pos, diags_);
  if (fd == nullptr || fd->sig == nullptr || fd->sig->type_params == nullptr) {
    *why = "gopark internal error: cannot instantiate " + std::string(g.decl->name->name);
    return nullptr;
  }
  // The type parameters, as aliases of the arguments.
  std::vector<Ident*> names;
  std::vector<Expr*> constraints;
  type_params_of(fd->sig->type_params, names, constraints);
  Scope* scope = type_param_scope(names, &targs);
  EnvGuard env(*this, scope, static_cast<DeclInfo*>(g.decl_info));
  if (!check_type_args(constraints, g.constraints, targs, rel, why)) return nullptr;
  Object* obj = prog_.new_object(ObjKind::Func, g.decl->name->name, g.decl->name->pos);
  obj->pkg = &pkg_;
  auto* info = prog_.funcs.emplace_back(std::make_unique<FuncInfo>()).get();
  info->decl = fd;
  fd->info = info;
  fd->object = obj;
  obj->decl = fd;
  const SignatureType* sig = func_type(fd->sig, info, nullptr, nullptr);
  obj->type = sig;
  info->name = func_name(fd, obj) + "[...]";
  pkg_.funcs.push_back(obj);
  obj->info = info;
  g.instances.push_back({targs, obj});
  ctx_.pending_instances.push_back({this, info, sig, fd->body, scope, static_cast<DeclInfo*>(g.decl_info)});
  return obj;
}

void Checker::check_instance_body(FuncInfo* info, const SignatureType* sig, BlockStmt* body, Scope* scope,
                                  DeclInfo* d) {
  DeclInfo* saved = decl_;
  decl_ = d;
  if (body != nullptr) func_body(info, sig, body, scope);
  decl_ = saved;
  process_later();
  finish_untyped();
}

void ProgramContext::drain_instances() {
  while (!pending_instances.empty()) {
    PendingInstance p = pending_instances.front();
    pending_instances.erase(pending_instances.begin());
    p.owner->check_instance_body(p.info, p.sig, p.body, p.scope, p.decl);
  }
}

// ----------------------------------------------------------------------------------------------
// Generic types

bool Checker::is_generic_receiver(const FuncDecl* fd) const {
  const Expr* t = unparen(fd->recv->type);
  if (const auto* star = t != nullptr ? t->as<StarExpr>() : nullptr) t = unparen(star->x);
  return t != nullptr && t->kind == ExprKind::Index;
}

std::string Checker::generic_type_text(const GenericType& gt) const {
  std::string out = std::string(gt.object->name) + "[";
  for (std::size_t i = 0; i < gt.params.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::string(gt.params[i]->name) + " " + expr_str(gt.constraints[i]);
  }
  return out + "]";
}

void Checker::generic_type_decl(Object* obj, DeclInfo* d) {
  ValueSpec* spec = d->spec;
  auto* gt = prog_.generic_types.emplace_back(std::make_shared<GenericType>()).get();
  gt->owner = this;
  gt->object = obj;
  gt->spec = spec;
  gt->decl_info = d;
  type_params_of(spec->type_params, gt->params, gt->constraints);
  if (auto it = generic_methods_.find(obj->name); it != generic_methods_.end()) gt->methods = it->second;
  obj->generic_type = gt;
  obj->type = types_.invalid();
  mark_imports_used(spec->pos);
  if (spec->alias) error(spec->names[0]->pos, "generic type cannot be alias");
  check_declared_constraints(gt->params, gt->constraints);
}

const Type* Checker::type_instance(IndexExpr* e) {
  Operand x;
  Expr* base = e->x;
  while (auto* p = base->as<ParenExpr>()) base = p->x;
  if (auto* id = base->as<Ident>()) {
    ident(x, id, nullptr, true);
  } else if (auto* sel = base->as<SelectorExpr>()) {
    selector(x, sel, nullptr, true);
  } else {
    error(start_pos(base), expr_str(base) + " is not a generic type");
    return types_.invalid();
  }
  if (x.mode == Mode::Invalid) return types_.invalid();
  if (x.generic_type == nullptr) {
    error(start_pos(base), expr_str(base) + (x.mode == Mode::TypeExpr ? " is not a generic type" : " is not a type"));
    return types_.invalid();
  }
  GenericType& gt = *x.generic_type;
  std::vector<Expr*> list{e->index};
  list.insert(list.end(), e->more.begin(), e->more.end());
  std::vector<const Type*> targs;
  for (Expr* a : list) {
    const Type* t = type_expr(a);
    if (t->kind == TypeKind::Invalid) return t;
    targs.push_back(t);
  }
  if (targs.size() != gt.params.size()) {
    error(targs.size() < gt.params.size() ? e->rbrack : start_pos(list[gt.params.size()]),
          std::string(targs.size() < gt.params.size() ? "not enough" : "too many") + " type arguments for type " +
              std::string(gt.object->name) + ": have " + std::to_string(targs.size()) + ", want " +
              std::to_string(gt.params.size()));
    return types_.invalid();
  }
  std::string why;
  const Type* t = gt.owner->instantiate_type(gt, targs, &pkg_, &why);
  if (t == nullptr) {
    error(start_pos(e->index), why);
    return types_.invalid();
  }
  return t;
}

const Type* Checker::instantiate_type(GenericType& gt, const std::vector<const Type*>& targs, const Package* rel,
                                      std::string* why) {
  for (auto& [key, inst] : gt.instances) {
    if (key == targs) return inst;
  }
  if (ctx_.instantiation_depth > 16) {
    *why = "instantiation cycle: " + std::string(gt.object->name) + " is instantiated with ever larger types";
    return nullptr;
  }
  ValueSpec* spec = reparse_type_spec(file_, gt.spec->names[0]->pos, diags_);
  if (spec == nullptr || spec->type_params == nullptr || spec->type == nullptr) {
    *why = "gopark internal error: cannot instantiate " + std::string(gt.object->name);
    return nullptr;
  }
  std::vector<Ident*> names;
  std::vector<Expr*> constraints;
  type_params_of(spec->type_params, names, constraints);
  EnvGuard env(*this, type_param_scope(names, &targs), static_cast<DeclInfo*>(gt.decl_info), nullptr);
  if (!check_type_args(constraints, gt.constraints, targs, rel, why)) return nullptr;
  // The instance's name as Go prints it: List[int], Pair[string,main.Point].
  std::string name = std::string(gt.object->name) + "[";
  for (std::size_t k = 0; k < targs.size(); ++k) {
    if (k > 0) name += ",";
    name += type_string(targs[k], nullptr);
  }
  name += "]";
  gt.names.push_back(std::make_unique<std::string>(std::move(name)));
  Object* tn = prog_.new_object(ObjKind::TypeName, *gt.names.back(), gt.object->pos);
  tn->pkg = &pkg_;
  NamedType* named = types_.named(tn);
  tn->type = named;
  gt.instances.push_back({targs, named});
  ctx_.type_instances[named] = {&gt, targs};
  ++ctx_.instantiation_depth;
  const Type* rhs = defined_type(spec->type, named);
  set_underlying_from(named, rhs);
  for (FuncDecl* templ : gt.methods) instantiate_method(gt, named, targs, templ);
  --ctx_.instantiation_depth;
  return named;
}

void Checker::instantiate_method(GenericType& gt, NamedType* named, const std::vector<const Type*>& targs,
                                 FuncDecl* templ) {
  FuncDecl* fd = reparse_func_decl(file_, templ->pos, diags_);
  if (fd == nullptr || fd->recv == nullptr) return;
  Expr* rt = fd->recv->type;
  while (auto* p = rt->as<ParenExpr>()) rt = p->x;
  if (auto* star = rt->as<StarExpr>()) rt = star->x;
  while (auto* p = rt->as<ParenExpr>()) rt = p->x;
  auto* index = rt->as<IndexExpr>();
  if (index == nullptr) return;
  // The receiver's type parameter names (they need not match the declaration's).
  std::vector<Expr*> names{index->index};
  names.insert(names.end(), index->more.begin(), index->more.end());
  if (names.size() != targs.size()) {
    error(start_pos(index->index), "receiver declares " + std::to_string(names.size()) + " type parameters, but " +
                                       std::string(gt.object->name) + " has " + std::to_string(targs.size()));
    return;
  }
  std::vector<Ident*> idents;
  for (Expr* n : names) {
    auto* id = n->as<Ident>();
    if (id == nullptr) {
      error(start_pos(n), "receiver type parameter " + expr_str(n) + " must be an identifier");
      return;
    }
    idents.push_back(id);
  }
  Scope* scope = type_param_scope(idents, &targs);
  Object* m = prog_.new_object(ObjKind::Func, fd->name->name, fd->name->pos);
  m->pkg = &pkg_;
  m->is_method = true;
  m->decl = fd;
  fd->object = m;
  fd->name->object = m;
  auto* info = prog_.funcs.emplace_back(std::make_unique<FuncInfo>()).get();
  info->decl = fd;
  fd->info = info;
  Object* recv_obj = nullptr;
  const SignatureType* sig = nullptr;
  {
    EnvGuard env(*this, scope, decl_);
    sig = func_type(fd->sig, info, fd->recv, &recv_obj);
  }
  m->type = sig;
  m->recv = recv_obj != nullptr ? recv_obj->type : types_.invalid();
  m->pointer_recv = m->recv->kind == TypeKind::Pointer;
  std::string prefix = pkg_.is_library ? pkg_.path : pkg_.name;
  std::string base = std::string(gt.object->name) + "[...]";
  info->name = m->pointer_recv ? prefix + ".(*" + base + ")." + std::string(m->name)
                               : prefix + "." + base + "." + std::string(m->name);
  m->info = fd->body != nullptr ? info : nullptr;
  for (Object* other : named->methods) {
    if (other->name == m->name) {
      error(m->pos, "method " + std::string(gt.object->name) + "." + std::string(m->name) + " already declared at " +
                        pos_str(other->pos));
      return;
    }
  }
  named->methods.push_back(m);
  pkg_.funcs.push_back(m);
  if (fd->body != nullptr) {
    ctx_.pending_instances.push_back({this, info, sig, fd->body, scope, static_cast<DeclInfo*>(gt.decl_info)});
  }
}

// ----------------------------------------------------------------------------------------------
// Inference

// Matches the parameter type `pattern` (as written in the generic declaration) against the
// argument type `t`, binding the type parameters it mentions that are still unbound. Structure
// is matched through underlying types (a named slice type passed for []E binds E); a mismatch
// binds nothing and is left to the assignment check of the instance.
void Checker::unify(GenericFunc& g, const Expr* pattern, const Type* t, std::vector<const Type*>& targs,
                    int depth) {
  pattern = unparen(pattern);
  if (pattern == nullptr || t == nullptr || t->kind == TypeKind::Invalid || depth > 64) return;
  if (const auto* id = pattern->as<Ident>()) {
    for (std::size_t i = 0; i < g.params.size(); ++i) {
      if (g.params[i]->name == id->name) {
        if (targs[i] == nullptr && !is_untyped(t)) targs[i] = t;
        return;
      }
    }
    return;
  }
  const Type* u = under(t);
  switch (pattern->kind) {
    case ExprKind::ArrayType: {
      const auto* a = static_cast<const ArrayTypeExpr*>(pattern);
      if (a->len == nullptr) {
        if (const auto* s = u->as<SliceType>()) unify(g, a->elem, s->elem, targs, depth + 1);
      } else if (const auto* arr = u->as<ArrayType>()) {
        unify(g, a->elem, arr->elem, targs, depth + 1);
      }
      return;
    }
    case ExprKind::Star:
      if (const auto* p = u->as<PointerType>()) unify(g, static_cast<const StarExpr*>(pattern)->x, p->elem, targs, depth + 1);
      return;
    case ExprKind::MapType:
      if (const auto* m = u->as<MapType>()) {
        unify(g, static_cast<const MapTypeExpr*>(pattern)->key, m->key, targs, depth + 1);
        unify(g, static_cast<const MapTypeExpr*>(pattern)->value, m->value, targs, depth + 1);
      }
      return;
    case ExprKind::ChanType:
      if (const auto* c = u->as<ChanType>()) unify(g, static_cast<const ChanTypeExpr*>(pattern)->elem, c->elem, targs, depth + 1);
      return;
    case ExprKind::Ellipsis:
      if (const auto* s = u->as<SliceType>()) unify(g, static_cast<const EllipsisExpr*>(pattern)->elem, s->elem, targs, depth + 1);
      return;
    case ExprKind::Index: {  // List[E] against an instance List[int]
      const auto* index = static_cast<const IndexExpr*>(pattern);
      const auto* named = t->as<NamedType>();
      auto it = named != nullptr ? ctx_.type_instances.find(named) : ctx_.type_instances.end();
      if (it == ctx_.type_instances.end()) return;
      const Expr* base = unparen(index->x);
      std::string_view base_name;
      if (const auto* id = base->as<Ident>()) base_name = id->name;
      if (const auto* sel = base->as<SelectorExpr>()) base_name = sel->sel->name;
      if (base_name != it->second.generic->object->name) return;
      std::vector<const Expr*> args{index->index};
      args.insert(args.end(), index->more.begin(), index->more.end());
      for (std::size_t k = 0; k < args.size() && k < it->second.args.size(); ++k) {
        unify(g, args[k], it->second.args[k], targs, depth + 1);
      }
      return;
    }
    case ExprKind::FuncType: {
      const auto* f = static_cast<const FuncTypeExpr*>(pattern);
      const auto* sig = u->as<SignatureType>();
      if (sig == nullptr) return;
      auto walk = [&](const FieldList* list, const std::vector<const Type*>& types) {
        if (list == nullptr) return;
        std::size_t k = 0;
        for (const Field* field : list->list) {
          std::size_t n = field->names.empty() ? 1 : field->names.size();
          for (std::size_t j = 0; j < n; ++j, ++k) {
            if (k < types.size()) unify(g, field->type, types[k], targs, depth + 1);
          }
        }
      };
      walk(f->params, sig->params);
      walk(f->results, sig->results);
      return;
    }
    default:
      return;
  }
}

bool Checker::infer(GenericFunc& g, std::vector<const Type*>& targs, std::vector<Operand>& args, CallExpr* call,
                    Pos pos, const std::string& fun_text) {
  targs.resize(g.params.size(), nullptr);
  // The parameters as written, one per argument (a variadic tail repeats its element).
  std::vector<const Expr*> patterns;
  const FieldList* params = g.decl->sig->params;
  for (const Field* f : params->list) {
    std::size_t n = f->names.empty() ? 1 : f->names.size();
    for (std::size_t j = 0; j < n; ++j) patterns.push_back(f->type);
  }
  bool variadic = !patterns.empty() && unparen(patterns.back())->kind == ExprKind::Ellipsis;
  auto pattern_for = [&](std::size_t i) -> const Expr* {
    if (variadic && i + 1 >= patterns.size()) {
      const auto* e = static_cast<const EllipsisExpr*>(unparen(patterns.back()));
      return call->has_ellipsis ? patterns.back() : e->elem;
    }
    return i < patterns.size() ? patterns[i] : nullptr;
  };
  auto core_pass = [&] {
    for (std::size_t i = 0; i < g.params.size(); ++i) {
      if (targs[i] == nullptr) continue;
      const Expr* c = unparen(g.constraints[i]);
      if (const auto* it = c->as<InterfaceTypeExpr>()) {  // interface{ ~[]E }: its single element
        if (it->methods == nullptr || it->methods->list.size() != 1 || !it->methods->list[0]->names.empty()) continue;
        c = unparen(it->methods->list[0]->type);
      }
      if (const auto* u = c->as<UnaryExpr>(); u != nullptr && u->op == Tok::Tilde) {
        unify(g, u->x, under(targs[i]), targs, 0);
      } else if (c->kind == ExprKind::ArrayType || c->kind == ExprKind::MapType || c->kind == ExprKind::FuncType ||
                 c->kind == ExprKind::ChanType || c->kind == ExprKind::Star) {
        unify(g, c, targs[i], targs, 0);
      }
    }
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i].invalid() || args[i].generic != nullptr) continue;
    if (const Expr* p = pattern_for(i)) unify(g, p, args[i].type, targs, 0);
  }
  core_pass();
  // Untyped constants passed for a bare type parameter: the default type of the "largest" one.
  for (std::size_t k = 0; k < g.params.size(); ++k) {
    if (targs[k] != nullptr) continue;
    const Type* best = nullptr;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const Expr* p = unparen(pattern_for(i));
      const auto* id = p != nullptr ? p->as<Ident>() : nullptr;
      if (id == nullptr || id->name != g.params[k]->name || args[i].invalid() || !is_untyped(args[i].type)) continue;
      if (args[i].type->kind == TypeKind::UntypedNil) continue;
      if (best == nullptr || static_cast<int>(args[i].type->kind) > static_cast<int>(best->kind)) best = args[i].type;
    }
    if (best != nullptr) targs[k] = default_type(types_, best);
  }
  core_pass();
  for (std::size_t k = 0; k < g.params.size(); ++k) {
    if (targs[k] == nullptr) {
      error(pos, "in call to " + fun_text + ", cannot infer " + std::string(g.params[k]->name));
      return false;
    }
  }
  return true;
}

bool Checker::instantiate_operand(Operand& x, Expr* fun, Pos pos) {
  GenericFunc& g = *x.generic;
  std::string why;
  Object* inst = g.owner->instantiate(g, x.type_args, &pkg_, &why);
  if (inst == nullptr) {
    error(pos, why);
    x.mode = Mode::Invalid;
    return false;
  }
  // The callee expression now names the instance.
  Expr* f = fun;
  while (auto* p = f->as<ParenExpr>()) f = p->x;
  if (auto* id = f->as<Ident>()) {
    id->object = inst;
  } else if (auto* sel = f->as<SelectorExpr>()) {
    sel->sel->object = inst;
    if (sel->selection != nullptr) sel->selection->object = inst;
  } else if (auto* index = f->as<IndexExpr>()) {
    index->instance = inst;
  }
  x.generic = nullptr;
  x.type_args.clear();
  x.mode = Mode::Value;
  x.type = inst->type;
  x.expr = fun;
  record(x);
  for (Expr* e = fun; e != nullptr;) {  // parentheses and the selected name carry it too
    e->mode = Mode::Value;
    e->type = inst->type;
    if (auto* p = e->as<ParenExpr>()) e = p->x;
    else if (auto* sel = e->as<SelectorExpr>()) e = sel->sel;
    else break;
  }
  return true;
}

}  // namespace gopark::lang::checker_detail
