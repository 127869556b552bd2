// The checker's driver: check_program, library loading, and the helpers every part of the
// checker uses to word its errors as Go does (operand descriptions, expression printing).
#include "lang/checker.hpp"

#include <algorithm>

#include "lang/checker_internal.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"

namespace gopark::lang {

namespace checker_detail {

bool Operand::is_nil() const {
  if (mode != Mode::Value || expr == nullptr) return false;
  const Expr* e = expr;
  while (const auto* p = e->as<ParenExpr>()) e = p->x;
  const auto* id = e->as<Ident>();
  return id != nullptr && id->object != nullptr && id->object->kind == ObjKind::Nil;
}

// ----------------------------------------------------------------------------------------------
// Errors

void Checker::error(Pos pos, std::string message) {
  // go/types' trick: once something was reported, messages about invalid operands or types are
  // follow-on errors that add nothing.
  if (reported_any_ && (message.find("invalid operand") != std::string::npos ||
                        message.find("invalid type") != std::string::npos)) {
    return;
  }
  reported_any_ = true;
  if (errpos_.valid()) pos = errpos_;
  diags_.error(pos, std::move(message));
}

std::string Checker::tstr(const Type* t) const { return type_string(t, &pkg_); }

std::string Checker::pos_str(Pos pos) const {
  return file_.name + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

std::string Checker::alt_decl(const Object* obj) const {
  if (obj == nullptr || !obj->pos.valid() || obj->pkg != &pkg_) return "";
  return "\n\t" + pos_str(obj->pos) + ": other declaration of " + std::string(obj->name);
}

bool Checker::too_deep(Pos pos) {
  if (depth_ <= kMaxDepth) return false;
  if (!depth_reported_) {
    depth_reported_ = true;
    error(pos, "expression or statement nesting too deep for gopark");
  }
  return true;
}

Pos Checker::start_pos(const Expr* e) {
  for (int guard = 0; e != nullptr && guard < 10000; ++guard) {
    switch (e->kind) {
      case ExprKind::CompositeLit: {
        const auto* c = static_cast<const CompositeLit*>(e);
        if (c->type_expr == nullptr) return e->pos;
        e = c->type_expr;
        break;
      }
      case ExprKind::Selector: e = static_cast<const SelectorExpr*>(e)->x; break;
      case ExprKind::Index: e = static_cast<const IndexExpr*>(e)->x; break;
      case ExprKind::SliceExpr: e = static_cast<const SliceExpr*>(e)->x; break;
      case ExprKind::TypeAssert: e = static_cast<const TypeAssertExpr*>(e)->x; break;
      case ExprKind::Call: e = static_cast<const CallExpr*>(e)->fun; break;
      case ExprKind::Binary: e = static_cast<const BinaryExpr*>(e)->x; break;
      case ExprKind::KeyValue: {
        // types2 positions a key:value pair at its colon
        const auto* kv = static_cast<const KeyValueExpr*>(e);
        return kv->colon.valid() ? kv->colon : kv->pos;
      }
      default: return e->pos;
    }
  }
  return e != nullptr ? e->pos : Pos{};
}

// ----------------------------------------------------------------------------------------------
// Go's expression printer (cmd/compile/internal/syntax, short form: bodies and composite literal
// elements print as "…").

namespace {

class ExprPrinter {
 public:
  std::string out;

  void expr(const Expr* e, int depth) {
    if (e == nullptr) return;
    if (depth > 64 || out.size() > 4096) {
      out += "…";
      return;
    }
    switch (e->kind) {
      case ExprKind::Bad: out += "<bad expr>"; break;
      case ExprKind::Ident: out += static_cast<const Ident*>(e)->name; break;
      case ExprKind::BasicLit: out += static_cast<const BasicLit*>(e)->text; break;
      case ExprKind::CompositeLit: {
        const auto* c = static_cast<const CompositeLit*>(e);
        expr(c->type_expr, depth + 1);
        out += c->elts.empty() ? "{}" : "{…}";
        break;
      }
      case ExprKind::FuncLit: {
        const auto* f = static_cast<const FuncLit*>(e);
        expr(f->sig, depth + 1);
        out += (f->body != nullptr && !f->body->list.empty()) ? " {…}" : " {}";
        break;
      }
      case ExprKind::Paren:
        out += "(";
        expr(static_cast<const ParenExpr*>(e)->x, depth + 1);
        out += ")";
        break;
      case ExprKind::Selector: {
        const auto* s = static_cast<const SelectorExpr*>(e);
        expr(s->x, depth + 1);
        out += ".";
        expr(s->sel, depth + 1);
        break;
      }
      case ExprKind::Index: {
        const auto* i = static_cast<const IndexExpr*>(e);
        expr(i->x, depth + 1);
        out += "[";
        expr(i->index, depth + 1);
        out += "]";
        break;
      }
      case ExprKind::SliceExpr: {
        const auto* s = static_cast<const SliceExpr*>(e);
        expr(s->x, depth + 1);
        out += "[";
        expr(s->lo, depth + 1);
        out += ":";
        expr(s->hi, depth + 1);
        if (s->max != nullptr) {
          out += ":";
          expr(s->max, depth + 1);
        }
        out += "]";
        break;
      }
      case ExprKind::TypeAssert: {
        const auto* t = static_cast<const TypeAssertExpr*>(e);
        expr(t->x, depth + 1);
        out += ".(";
        if (t->type_expr == nullptr) {
          out += "type";
        } else {
          expr(t->type_expr, depth + 1);
        }
        out += ")";
        break;
      }
      case ExprKind::Call: {
        const auto* c = static_cast<const CallExpr*>(e);
        expr(c->fun, depth + 1);
        out += "(";
        for (std::size_t i = 0; i < c->args.size(); ++i) {
          if (i > 0) out += ", ";
          expr(c->args[i], depth + 1);
        }
        if (c->has_ellipsis) out += "...";
        out += ")";
        break;
      }
      case ExprKind::Star:
        out += "*";
        expr(static_cast<const StarExpr*>(e)->x, depth + 1);
        break;
      case ExprKind::Unary: {
        const auto* u = static_cast<const UnaryExpr*>(e);
        out += spelling(u->op);
        expr(u->x, depth + 1);
        break;
      }
      case ExprKind::Binary: {
        const auto* b = static_cast<const BinaryExpr*>(e);
        expr(b->x, depth + 1);
        out += " ";
        out += spelling(b->op);
        out += " ";
        expr(b->y, depth + 1);
        break;
      }
      case ExprKind::KeyValue: {
        const auto* kv = static_cast<const KeyValueExpr*>(e);
        expr(kv->key, depth + 1);
        out += ": ";
        expr(kv->value, depth + 1);
        break;
      }
      case ExprKind::ArrayType: {
        const auto* a = static_cast<const ArrayTypeExpr*>(e);
        out += "[";
        if (a->len != nullptr) {
          if (a->len->kind == ExprKind::Ellipsis) {
            out += "...";
          } else {
            expr(a->len, depth + 1);
          }
        }
        out += "]";
        expr(a->elem, depth + 1);
        break;
      }
      case ExprKind::StructType: {
        const auto* s = static_cast<const StructTypeExpr*>(e);
        out += "struct{";
        if (s->fields != nullptr) fields(s->fields, "; ", depth);
        out += "}";
        break;
      }
      case ExprKind::FuncType:
        out += "func";
        signature(static_cast<const FuncTypeExpr*>(e), depth);
        break;
      case ExprKind::InterfaceType: {
        const auto* it = static_cast<const InterfaceTypeExpr*>(e);
        out += "interface{";
        if (it->methods != nullptr) {
          for (std::size_t i = 0; i < it->methods->list.size(); ++i) {
            if (i > 0) out += "; ";
            const Field* f = it->methods->list[i];
            if (!f->names.empty()) {
              out += f->names[0]->name;
              if (const auto* ft = f->type != nullptr ? f->type->as<FuncTypeExpr>() : nullptr) {
                signature(ft, depth);
              }
            } else {
              expr(f->type, depth + 1);
            }
          }
        }
        out += "}";
        break;
      }
      case ExprKind::MapType: {
        const auto* m = static_cast<const MapTypeExpr*>(e);
        out += "map[";
        expr(m->key, depth + 1);
        out += "]";
        expr(m->value, depth + 1);
        break;
      }
      case ExprKind::ChanType: {
        const auto* c = static_cast<const ChanTypeExpr*>(e);
        if (c->dir == ChanDir::Recv) out += "<-";
        out += "chan";
        if (c->dir == ChanDir::Send) out += "<-";
        out += " ";
        const auto* inner = c->elem != nullptr ? c->elem->as<ChanTypeExpr>() : nullptr;
        if (c->dir == ChanDir::Both && inner != nullptr && inner->dir == ChanDir::Recv) {
          out += "(";
          expr(c->elem, depth + 1);
          out += ")";
        } else {
          expr(c->elem, depth + 1);
        }
        break;
      }
      case ExprKind::Ellipsis:
        out += "...";
        expr(static_cast<const EllipsisExpr*>(e)->elem, depth + 1);
        break;
    }
  }

 private:
  void fields(const FieldList* list, const char* sep, int depth) {
    for (std::size_t i = 0; i < list->list.size(); ++i) {
      if (i > 0) out += sep;
      const Field* f = list->list[i];
      for (std::size_t j = 0; j < f->names.size(); ++j) {
        if (j > 0) out += ", ";
        out += f->names[j]->name;
      }
      if (!f->names.empty()) out += " ";
      expr(unparen(f->type), depth + 1);
    }
  }

  static const Expr* unparen(const Expr* e) {
    while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
    return e;
  }

  void signature(const FuncTypeExpr* sig, int depth) {
    out += "(";
    if (sig->params != nullptr) fields(sig->params, ", ", depth);
    out += ")";
    const FieldList* results = sig->results;
    if (results == nullptr || results->list.empty()) return;
    out += " ";
    if (results->list.size() == 1 && results->list[0]->names.empty()) {
      expr(unparen(results->list[0]->type), depth + 1);
      return;
    }
    out += "(";
    fields(results, ", ", depth);
    out += ")";
  }
};

}  // namespace

std::string Checker::expr_str(const Expr* e) const {
  ExprPrinter p;
  p.expr(e, 0);
  return std::move(p.out);
}

namespace {
const Expr* unparen_expr(const Expr* e) {
  while (e != nullptr && e->kind == ExprKind::Paren) e = static_cast<const ParenExpr*>(e)->x;
  return e;
}
}  // namespace

const Expr* Checker::spelling_of(const Expr* e, const Type* t) const {
  e = unparen_expr(e);
  if (const auto* ix = e != nullptr ? e->as<IndexExpr>() : nullptr) {
    if (ix->x->type != nullptr && is_string(ix->x->type) && t == byte_spelling_.type) {
      return &byte_spelling_;
    }
  }
  const Object* obj = nullptr;
  if (const auto* id = e != nullptr ? e->as<Ident>() : nullptr) {
    obj = id->object;
  } else if (const auto* sel = e != nullptr ? e->as<SelectorExpr>() : nullptr) {
    obj = sel->sel != nullptr ? sel->sel->object : nullptr;
  }
  if (obj == nullptr || obj->kind != ObjKind::Var || obj->type != t) return nullptr;
  auto it = spelled_.find(obj);
  return it == spelled_.end() ? nullptr : it->second;
}

std::string Checker::operand_type_text(const Operand& x) const {
  if (const Expr* spelled = spelling_of(x.expr, x.type)) return expr_str(spelled);
  return tstr(x.type);
}

std::string Checker::target_text(const Type* t) const {
  if (target_spelling_ != nullptr && target_spelling_->type == t) return expr_str(target_spelling_);
  return tstr(t);
}

// go/types' operandString: "x (variable of type int)", "300 (untyped int constant)",
// "c (constant 5 of type T)", "nil", "f() (no value)".
std::string Checker::describe(const Operand& x) const {
  if (x.is_nil()) {
    if (x.type == nullptr || x.type->kind == TypeKind::Invalid) return "nil (with invalid type)";
    if (x.type->kind == TypeKind::UntypedNil) return "nil";
    return "nil (of type " + tstr(x.type) + ")";
  }
  std::string expr;
  if (x.expr != nullptr) {
    expr = expr_str(x.expr);
  } else if (x.mode == Mode::Builtin) {
    expr = builtin_name(x.builtin);
  } else if (x.mode == Mode::TypeExpr) {
    expr = tstr(x.type);
  } else if (x.mode == Mode::Constant) {
    expr = x.val.to_string();
  }
  std::string out;
  if (!expr.empty()) out = expr + " (";
  bool has_type = false;
  switch (x.mode) {
    case Mode::Invalid:
    case Mode::NoValue:
    case Mode::Builtin:
    case Mode::TypeExpr:
      break;
    default:
      if (x.type != nullptr) {
        if (is_untyped(x.type)) {
          out += static_cast<const BasicType*>(x.type)->name;
          out += " ";
        } else {
          has_type = true;
        }
      }
  }
  switch (x.mode) {
    case Mode::Invalid: out += "invalid operand"; break;
    case Mode::NoValue: out += "no value"; break;
    case Mode::Builtin: out += "built-in"; break;
    case Mode::TypeExpr: out += "type"; break;
    case Mode::Constant: out += "constant"; break;
    case Mode::Variable: out += "variable"; break;
    case Mode::MapIndex: out += "map index expression"; break;
    case Mode::Value: out += "value"; break;
    case Mode::CommaOk: out += "comma, ok expression"; break;
    case Mode::Package: out += "package"; break;
  }
  if (x.mode == Mode::Constant) {
    std::string s = x.val.to_string();
    if (s != expr) out += " " + s;
  }
  if (has_type) {
    if (x.type->kind != TypeKind::Invalid) {
      // Current Go names the structure of a defined type: "variable of struct type T".
      std::string desc;
      const Expr* spelled = spelling_of(x.expr, x.type);
      const auto* spelled_id = spelled != nullptr ? spelled->as<Ident>() : nullptr;
      if (x.type->kind == TypeKind::Named) {
        const Type* u = under(x.type);
        switch (u->kind) {
          case TypeKind::Array: desc = "array "; break;
          case TypeKind::Slice: desc = "slice "; break;
          case TypeKind::Struct: desc = "struct "; break;
          case TypeKind::Pointer: desc = "pointer "; break;
          case TypeKind::Signature: desc = "func "; break;
          case TypeKind::Interface: desc = "interface "; break;
          case TypeKind::Map: desc = "map "; break;
          case TypeKind::Chan: desc = "chan "; break;
          case TypeKind::Invalid: break;
          default: desc = std::string(static_cast<const BasicType*>(u)->name) + " "; break;
        }
      } else if (spelled_id != nullptr && spelled_id->name == "any" && spelled_id->object != nullptr &&
                 spelled_id->object->pkg == nullptr) {
        desc = "interface ";
      }
      out += " of " + desc + "type " + operand_type_text(x);
    } else {
      out += " with invalid type";
    }
  }
  if (!expr.empty()) out += ")";
  return out;
}

// ----------------------------------------------------------------------------------------------
// Checker

Checker::Checker(ProgramContext& ctx, Package& pkg, File& file, Diagnostics& diags)
    : ctx_(ctx), prog_(ctx.prog), types_(ctx.prog.types), pkg_(pkg), file_(file), diags_(diags),
      library_(pkg.is_library) {
  rune_spelling_.name = "rune";
  rune_spelling_.mode = Mode::TypeExpr;
  rune_spelling_.type = types_.basic(TypeKind::Int32);
  byte_spelling_.name = "byte";
  byte_spelling_.mode = Mode::TypeExpr;
  byte_spelling_.type = types_.basic(TypeKind::Uint8);
}

void Checker::check_package() {
  Scope* universe = library_ ? ctx_.library_universe : prog_.universe;
  pkg_scope_ = prog_.new_scope(universe);
  pkg_.scope = pkg_scope_;
  file_scope_ = prog_.new_scope(pkg_scope_);
  scope_ = file_scope_;

  collect_imports();
  collect_objects();
  for (std::size_t i = 0; i < object_order_.size(); ++i) object_decl(object_order_[i]);
  for (std::size_t i = 0; i < method_objects_.size(); ++i) object_decl(method_objects_[i]);
  process_later();
  ctx_.drain_instances();
  init_order();
  unused_imports();
  finish_untyped();
  check_main_and_init();
}

void Checker::process_later() {
  // Actions may queue further actions (function bodies declaring local types).
  for (std::size_t i = 0; i < later_.size(); ++i) {
    auto action = std::move(later_[i]);
    action();
  }
  later_.clear();
}

}  // namespace checker_detail

// ----------------------------------------------------------------------------------------------
// Loading library packages

namespace checker_detail {

namespace {

std::string package_name_of(std::string_view path) {
  auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

Package* ProgramContext::import(std::string_view path, std::string* why) {
  std::string key(path);
  if (auto it = loaded.find(key); it != loaded.end()) return it->second;
  if (path == "unsafe") {
    *why = "gopark does not support package unsafe";
    return nullptr;
  }
  if (loading.count(key) != 0 || load_depth > 32) {
    *why = "import cycle not allowed";
    return nullptr;
  }
  std::optional<std::string_view> source;
  if (libraries) source = libraries(path);
  if (!source) {
    *why = "package " + key + " is not in std";
    return nullptr;
  }
  loading.insert(key);
  ++load_depth;

  auto pkg = std::make_unique<Package>();
  pkg->path = key;
  pkg->name = package_name_of(path);
  pkg->is_library = true;
  std::string file_name = key + ".go";
  library_diags.push_back({std::make_unique<Diagnostics>(file_name), 0});
  Diagnostics& lib_diags = *library_diags.back().diags;
  std::unique_ptr<File> file = parse_file(file_name, std::string(*source), lib_diags);
  Package* raw = pkg.get();
  if (file != nullptr && file->package_name != nullptr) pkg->name = std::string(file->package_name->name);
  if (file != nullptr && lib_diags.empty()) {
    pkg->files.push_back(std::move(file));
    library_checkers.push_back(std::make_unique<Checker>(*this, *raw, *raw->files.back(), lib_diags));
    library_checkers.back()->check_package();
  } else if (file != nullptr) {
    pkg->files.push_back(std::move(file));
  }
  forward_library_errors();
  --load_depth;
  loading.erase(key);
  loaded[key] = raw;
  prog.packages.push_back(std::move(pkg));
  return raw;
}

// Errors in library sources are gopark's bugs: the user sees them as internal errors.
void ProgramContext::forward_library_errors() {
  for (LibraryDiags& lib : library_diags) {
    const auto& list = lib.diags->list();
    for (; lib.forwarded < list.size(); ++lib.forwarded) {
      const Diagnostic& d = list[lib.forwarded];
      user_diags.error(Pos{}, "gopark internal error: " + lib.diags->file_name() + ":" +
                                  std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
                                  d.message);
    }
  }
}

}  // namespace checker_detail

std::unique_ptr<Program> check_program(std::string file_name, std::string source,
                                       const LibraryLoader& libraries, Diagnostics& diags) {
  using namespace checker_detail;
  auto prog = std::make_unique<Program>();
  ProgramContext ctx{*prog, libraries, diags, {}, {}, nullptr, nullptr, 0, {}, {}, {}, {}, 0};
  build_universe(*prog, ctx);

  std::unique_ptr<File> file = parse_file(std::move(file_name), std::move(source), diags);
  auto main = std::make_unique<Package>();
  main->path = "main";
  main->name = "main";
  Package* raw = main.get();
  prog->main = raw;
  if (file == nullptr) {
    prog->packages.push_back(std::move(main));
    return prog;
  }
  if (file->package_name != nullptr) raw->name = std::string(file->package_name->name);
  main->files.push_back(std::move(file));
  // gc does not type-check a file with syntax errors.
  if (diags.empty()) {
    Checker checker(ctx, *raw, *raw->files.back(), diags);
    checker.check_package();
  }
  ctx.forward_library_errors();
  prog->packages.push_back(std::move(main));
  return prog;
}

}  // namespace gopark::lang
