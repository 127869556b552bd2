#include "lang/ast_dump.hpp"

namespace gopark::lang {

namespace {

// ----------------------------------------------------------------------------------------------
// S-expressions

class Dumper {
 public:
  std::string out;

  void expr(const Expr* x);
  void stmt(const Stmt* s);
  void gen_decl(const GenDecl* decl);
  void func_decl(const FuncDecl* decl);

 private:
  void open(std::string_view head) {
    out += '(';
    out += head;
  }
  void close() { out += ')'; }
  void word(std::string_view text) {
    out += ' ';
    out += text;
  }
  void child(const Expr* x) {
    out += ' ';
    expr(x);
  }
  void child(const Stmt* s) {
    out += ' ';
    stmt(s);
  }
  void children(const std::vector<Expr*>& list) {
    for (const Expr* x : list) child(x);
  }
  void children(const std::vector<Stmt*>& list) {
    for (const Stmt* s : list) child(s);
  }
  void bracketed(const std::vector<Expr*>& list) {
    out += " [";
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += ' ';
      expr(list[i]);
    }
    out += ']';
  }
  void field_list(std::string_view head, const FieldList* fields);
  void field(const Field* f);
  void value_spec(const ValueSpec* spec, const GenDecl* decl);
  void composite(const CompositeLit* lit);
  void call(const CallExpr* call);
  void type_expr(const Expr* x);
  void clause(const Stmt* s);
  void simple(const Stmt* s);
  void control(const Stmt* s);
};

void Dumper::expr(const Expr* x) {
  if (x == nullptr) {
    out += '_';
    return;
  }
  switch (x->kind) {
    case ExprKind::Bad: out += "(bad)"; return;
    case ExprKind::Ident: open("ident"); word(x->as<Ident>()->name); break;
    case ExprKind::BasicLit: open("lit"); word(x->as<BasicLit>()->text); break;
    case ExprKind::CompositeLit: composite(x->as<CompositeLit>()); return;
    case ExprKind::FuncLit: {
      auto* lit = x->as<FuncLit>();
      open("funclit");
      child(lit->sig);
      child(lit->body);
      break;
    }
    case ExprKind::Paren: open("paren"); child(x->as<ParenExpr>()->x); break;
    case ExprKind::Selector: {
      auto* selector = x->as<SelectorExpr>();
      open("selector");
      child(selector->x);
      word(selector->sel->name);
      break;
    }
    case ExprKind::Index: {
      auto* index = x->as<IndexExpr>();
      open("index");
      child(index->x);
      child(index->index);
      break;
    }
    case ExprKind::SliceExpr: {
      auto* slice = x->as<SliceExpr>();
      open(slice->three_index ? "slice3" : "slice");
      child(slice->x);
      child(slice->lo);
      child(slice->hi);
      if (slice->three_index) child(slice->max);
      break;
    }
    case ExprKind::TypeAssert: {
      auto* assertion = x->as<TypeAssertExpr>();
      open("assert");
      child(assertion->x);
      if (assertion->type_expr == nullptr) {
        word("type");
      } else {
        child(assertion->type_expr);
      }
      break;
    }
    case ExprKind::Call: call(x->as<CallExpr>()); return;
    case ExprKind::Star: open("star"); child(x->as<StarExpr>()->x); break;
    case ExprKind::Unary: {
      auto* unary = x->as<UnaryExpr>();
      open("unary");
      word(spelling(unary->op));
      child(unary->x);
      break;
    }
    case ExprKind::Binary: {
      auto* binary = x->as<BinaryExpr>();
      open("binary");
      word(spelling(binary->op));
      child(binary->x);
      child(binary->y);
      break;
    }
    case ExprKind::KeyValue: {
      auto* pair = x->as<KeyValueExpr>();
      open("kv");
      child(pair->key);
      child(pair->value);
      break;
    }
    default: type_expr(x); return;
  }
  close();
}

void Dumper::composite(const CompositeLit* lit) {
  open("complit");
  child(lit->type_expr);
  children(lit->elts);
  close();
}

void Dumper::call(const CallExpr* call) {
  open("call");
  child(call->fun);
  children(call->args);
  if (call->has_ellipsis) word("...");
  close();
}

void Dumper::type_expr(const Expr* x) {
  switch (x->kind) {
    case ExprKind::ArrayType: {
      auto* array = x->as<ArrayTypeExpr>();
      if (array->len == nullptr) {
        open("slicetype");
      } else {
        open("array");
        child(array->len);
      }
      child(array->elem);
      break;
    }
    case ExprKind::StructType: field_list("struct", x->as<StructTypeExpr>()->fields); return;
    case ExprKind::FuncType: {
      auto* func = x->as<FuncTypeExpr>();
      open("functype");
      out += ' ';
      field_list("params", func->params);
      if (func->results != nullptr) {
        out += ' ';
        field_list("results", func->results);
      }
      break;
    }
    case ExprKind::InterfaceType:
      field_list("interface", x->as<InterfaceTypeExpr>()->methods);
      return;
    case ExprKind::MapType: {
      auto* map = x->as<MapTypeExpr>();
      open("map");
      child(map->key);
      child(map->value);
      break;
    }
    case ExprKind::ChanType: {
      auto* channel = x->as<ChanTypeExpr>();
      open(channel->dir == ChanDir::Both ? "chan" : channel->dir == ChanDir::Send ? "chan<-" : "<-chan");
      child(channel->elem);
      break;
    }
    case ExprKind::Ellipsis: {
      open("ellipsis");
      if (auto* elem = x->as<EllipsisExpr>()->elem) child(elem);
      break;
    }
    default: out += "(?)"; return;
  }
  close();
}

void Dumper::field_list(std::string_view head, const FieldList* fields) {
  open(head);
  if (fields != nullptr) {
    for (const Field* f : fields->list) {
      out += ' ';
      field(f);
    }
  }
  close();
}

void Dumper::field(const Field* f) {
  open("field");
  for (const Ident* name : f->names) word(name->name);
  child(f->type);
  if (f->tag != nullptr) word(f->tag->text);
  close();
}

void Dumper::stmt(const Stmt* s) {
  if (s == nullptr) {
    out += '_';
    return;
  }
  switch (s->kind) {
    case StmtKind::Bad: out += "(badstmt)"; return;
    case StmtKind::Decl: open("declstmt"); out += ' '; gen_decl(s->as<DeclStmt>()->decl); break;
    case StmtKind::Empty: open("empty"); break;
    case StmtKind::Labeled: {
      auto* labeled = s->as<LabeledStmt>();
      open("labeled");
      word(labeled->label->name);
      child(labeled->stmt);
      break;
    }
    case StmtKind::Block: open("block"); children(s->as<BlockStmt>()->list); break;
    case StmtKind::CaseClause: case StmtKind::CommClause: clause(s); return;
    case StmtKind::ExprStmt: case StmtKind::Send: case StmtKind::IncDec: case StmtKind::Assign:
      simple(s);
      return;
    default: control(s); return;
  }
  close();
}

void Dumper::simple(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::ExprStmt: open("expr"); child(s->as<ExprStmt>()->x); break;
    case StmtKind::Send: {
      auto* send = s->as<SendStmt>();
      open("send");
      child(send->chan);
      child(send->value);
      break;
    }
    case StmtKind::IncDec: {
      auto* step = s->as<IncDecStmt>();
      open("incdec");
      word(spelling(step->tok));
      child(step->x);
      break;
    }
    default: {
      auto* assign = s->as<AssignStmt>();
      open("assign");
      word(spelling(assign->tok));
      bracketed(assign->lhs);
      bracketed(assign->rhs);
      break;
    }
  }
  close();
}

void Dumper::clause(const Stmt* s) {
  if (auto* c = s->as<CaseClause>()) {
    if (c->is_default) {
      open("default");
    } else {
      open("case");
      bracketed(c->list);
    }
    children(c->body);
  } else {
    auto* comm = s->as<CommClause>();
    open("comm");
    if (comm->comm == nullptr) {
      word("default");
    } else {
      child(comm->comm);
    }
    children(comm->body);
  }
  close();
}

void Dumper::control(const Stmt* s) {
  switch (s->kind) {
    case StmtKind::Go: open("go"); child(s->as<GoStmt>()->call); break;
    case StmtKind::Defer: open("defer"); child(s->as<DeferStmt>()->call); break;
    case StmtKind::Return: open("return"); children(s->as<ReturnStmt>()->results); break;
    case StmtKind::Branch: {
      auto* branch = s->as<BranchStmt>();
      open(spelling(branch->tok));
      if (branch->label != nullptr) word(branch->label->name);
      break;
    }
    case StmtKind::If: {
      auto* branch = s->as<IfStmt>();
      open("if");
      child(branch->init);
      child(branch->cond);
      child(branch->then);
      child(branch->else_);
      break;
    }
    case StmtKind::Switch: {
      auto* sw = s->as<SwitchStmt>();
      open("switch");
      child(sw->init);
      child(sw->tag);
      child(sw->body);
      break;
    }
    case StmtKind::TypeSwitch: {
      auto* sw = s->as<TypeSwitchStmt>();
      open("typeswitch");
      child(sw->init);
      child(sw->binding);
      child(sw->guard);
      child(sw->body);
      break;
    }
    case StmtKind::Select: open("select"); child(s->as<SelectStmt>()->body); break;
    case StmtKind::For: {
      auto* loop = s->as<ForStmt>();
      open("for");
      child(loop->init);
      child(loop->cond);
      child(loop->post);
      child(loop->body);
      break;
    }
    case StmtKind::Range: {
      auto* range = s->as<RangeStmt>();
      open("range");
      child(range->key);
      child(range->value);
      word(range->tok == Tok::Illegal ? "_" : spelling(range->tok));
      child(range->x);
      child(range->body);
      break;
    }
    default: out += "(?)"; return;
  }
  close();
}

void Dumper::value_spec(const ValueSpec* spec, const GenDecl* decl) {
  open(spec->alias ? "alias" : "spec");
  out += " [";
  for (std::size_t i = 0; i < spec->names.size(); ++i) {
    if (i > 0) out += ' ';
    out += spec->names[i]->name;
  }
  out += ']';
  child(spec->type);
  if (decl->kind != DeclKind::Type) bracketed(spec->values);
  if (decl->kind == DeclKind::Const) {
    word("iota=" + std::to_string(spec->iota));
    for (std::size_t i = 0; i < decl->specs.size(); ++i) {
      if (decl->specs[i] == spec->implicit_from) word("from=" + std::to_string(i));
    }
  }
  close();
}

void Dumper::gen_decl(const GenDecl* decl) {
  static constexpr const char* kHeads[] = {"import", "const", "type", "var", "func"};
  open(kHeads[static_cast<int>(decl->kind)]);
  for (const ImportSpec* spec : decl->imports) {
    out += " (spec ";
    if (spec->name == nullptr) {
      out += '_';
    } else {
      out += spec->name->name;
    }
    word(spec->path->text);
    close();
  }
  for (const ValueSpec* spec : decl->specs) {
    out += ' ';
    value_spec(spec, decl);
  }
  close();
}

void Dumper::func_decl(const FuncDecl* decl) {
  open("func");
  word(decl->name->name);
  out += ' ';
  if (decl->recv == nullptr) {
    out += '_';
  } else {
    field(decl->recv);
  }
  child(decl->sig);
  child(decl->body);
  close();
}

// ----------------------------------------------------------------------------------------------
// Go syntax

class GoPrinter {
 public:
  std::string out;

  void expr(const Expr* x);
  void stmt(const Stmt* s);

 private:
  void list(const std::vector<Expr*>& xs) {
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (i > 0) out += ", ";
      expr(xs[i]);
    }
  }
  void fields(const FieldList* fields, std::string_view separator);
  void signature(const FuncTypeExpr* sig);
  void type_expr(const Expr* x);
};

void GoPrinter::expr(const Expr* x) {
  if (x == nullptr) return;
  switch (x->kind) {
    case ExprKind::Bad: out += "<bad expr>"; break;
    case ExprKind::Ident: out += x->as<Ident>()->name; break;
    case ExprKind::BasicLit: out += x->as<BasicLit>()->text; break;
    case ExprKind::CompositeLit: {
      auto* lit = x->as<CompositeLit>();
      expr(lit->type_expr);
      out += lit->elts.empty() ? "{}" : "{…}";
      break;
    }
    case ExprKind::FuncLit: {
      auto* lit = x->as<FuncLit>();
      expr(lit->sig);
      out += lit->body != nullptr && !lit->body->list.empty() ? " {…}" : " {}";
      break;
    }
    case ExprKind::Paren: out += '('; expr(x->as<ParenExpr>()->x); out += ')'; break;
    case ExprKind::Selector: {
      auto* selector = x->as<SelectorExpr>();
      expr(selector->x);
      out += '.';
      out += selector->sel->name;
      break;
    }
    case ExprKind::Index: {
      auto* index = x->as<IndexExpr>();
      expr(index->x);
      out += '[';
      expr(index->index);
      out += ']';
      break;
    }
    case ExprKind::SliceExpr: {
      auto* slice = x->as<SliceExpr>();
      expr(slice->x);
      out += '[';
      expr(slice->lo);
      out += ':';
      expr(slice->hi);
      if (slice->three_index) {
        out += ':';
        expr(slice->max);
      }
      out += ']';
      break;
    }
    case ExprKind::TypeAssert: {
      auto* assertion = x->as<TypeAssertExpr>();
      expr(assertion->x);
      out += ".(";
      if (assertion->type_expr == nullptr) {
        out += "type";
      } else {
        expr(assertion->type_expr);
      }
      out += ')';
      break;
    }
    case ExprKind::Call: {
      auto* call = x->as<CallExpr>();
      expr(call->fun);
      out += '(';
      list(call->args);
      if (call->has_ellipsis) out += "...";
      out += ')';
      break;
    }
    case ExprKind::Star: out += '*'; expr(x->as<StarExpr>()->x); break;
    case ExprKind::Unary: {
      auto* unary = x->as<UnaryExpr>();
      out += spelling(unary->op);
      expr(unary->x);
      break;
    }
    case ExprKind::Binary: {
      auto* binary = x->as<BinaryExpr>();
      expr(binary->x);
      out += ' ';
      out += spelling(binary->op);
      out += ' ';
      expr(binary->y);
      break;
    }
    case ExprKind::KeyValue: {
      auto* pair = x->as<KeyValueExpr>();
      expr(pair->key);
      out += ": ";
      expr(pair->value);
      break;
    }
    default: type_expr(x); break;
  }
}

void GoPrinter::type_expr(const Expr* x) {
  switch (x->kind) {
    case ExprKind::ArrayType: {
      auto* array = x->as<ArrayTypeExpr>();
      out += '[';
      if (array->len != nullptr && array->len->kind == ExprKind::Ellipsis) {
        out += "...";
      } else {
        expr(array->len);
      }
      out += ']';
      expr(array->elem);
      break;
    }
    case ExprKind::StructType:
      out += "struct{";
      fields(x->as<StructTypeExpr>()->fields, "; ");
      out += '}';
      break;
    case ExprKind::FuncType:
      out += "func";
      signature(x->as<FuncTypeExpr>());
      break;
    case ExprKind::InterfaceType: {
      out += "interface{";
      const FieldList* methods = x->as<InterfaceTypeExpr>()->methods;
      for (std::size_t i = 0; methods != nullptr && i < methods->list.size(); ++i) {
        const Field* method = methods->list[i];
        if (i > 0) out += "; ";
        if (!method->names.empty() && method->type->kind == ExprKind::FuncType) {
          out += method->names[0]->name;
          signature(method->type->as<FuncTypeExpr>());
        } else {
          expr(method->type);
        }
      }
      out += '}';
      break;
    }
    case ExprKind::MapType: {
      auto* map = x->as<MapTypeExpr>();
      out += "map[";
      expr(map->key);
      out += ']';
      expr(map->value);
      break;
    }
    case ExprKind::ChanType: {
      auto* channel = x->as<ChanTypeExpr>();
      out += channel->dir == ChanDir::Recv ? "<-chan" : channel->dir == ChanDir::Send ? "chan<-" : "chan";
      out += ' ';
      auto* inner = channel->elem->as<ChanTypeExpr>();
      bool parenthesize = channel->dir == ChanDir::Both && inner != nullptr && inner->dir == ChanDir::Recv;
      if (parenthesize) out += '(';
      expr(channel->elem);
      if (parenthesize) out += ')';
      break;
    }
    case ExprKind::Ellipsis:
      out += "...";
      expr(x->as<EllipsisExpr>()->elem);
      break;
    default:
      break;
  }
}

void GoPrinter::fields(const FieldList* list, std::string_view separator) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->list.size(); ++i) {
    const Field* f = list->list[i];
    if (i > 0) out += separator;
    for (std::size_t n = 0; n < f->names.size(); ++n) {
      if (n > 0) out += ", ";
      out += f->names[n]->name;
    }
    if (!f->names.empty()) out += ' ';
    expr(f->type);
    if (f->tag != nullptr) {
      out += ' ';
      out += f->tag->text;
    }
  }
}

void GoPrinter::signature(const FuncTypeExpr* sig) {
  out += '(';
  fields(sig->params, ", ");
  out += ')';
  const FieldList* results = sig->results;
  if (results == nullptr || results->list.empty()) return;
  out += ' ';
  if (results->list.size() == 1 && results->list[0]->names.empty()) {
    expr(results->list[0]->type);
    return;
  }
  out += '(';
  fields(results, ", ");
  out += ')';
}

void GoPrinter::stmt(const Stmt* s) {
  if (s == nullptr) return;
  switch (s->kind) {
    case StmtKind::ExprStmt: expr(s->as<ExprStmt>()->x); break;
    case StmtKind::Send: {
      auto* send = s->as<SendStmt>();
      expr(send->chan);
      out += " <- ";
      expr(send->value);
      break;
    }
    case StmtKind::IncDec: {
      auto* step = s->as<IncDecStmt>();
      expr(step->x);
      out += spelling(step->tok);
      break;
    }
    case StmtKind::Assign: {
      auto* assign = s->as<AssignStmt>();
      list(assign->lhs);
      out += ' ';
      out += spelling(assign->tok);
      out += ' ';
      list(assign->rhs);
      break;
    }
    case StmtKind::Range: {
      auto* range = s->as<RangeStmt>();
      if (range->key != nullptr) {
        expr(range->key);
        if (range->value != nullptr) {
          out += ", ";
          expr(range->value);
        }
        out += ' ';
        out += spelling(range->tok);
        out += ' ';
      }
      out += "range ";
      expr(range->x);
      break;
    }
    default: break;
  }
}

}  // namespace

std::string dump(const Expr* x) {
  Dumper dumper;
  dumper.expr(x);
  return dumper.out;
}

std::string dump(const Stmt* s) {
  Dumper dumper;
  dumper.stmt(s);
  return dumper.out;
}

std::string dump(const GenDecl* decl) {
  Dumper dumper;
  dumper.gen_decl(decl);
  return dumper.out;
}

std::string dump(const FuncDecl* decl) {
  Dumper dumper;
  dumper.func_decl(decl);
  return dumper.out;
}

std::string dump(const File& file) {
  std::string out = "(package ";
  out += file.package_name != nullptr ? file.package_name->name : "_";
  out += ")\n";
  for (const Decl& decl : file.decls) {
    out += decl.gen != nullptr ? dump(decl.gen) : dump(decl.func);
    out += '\n';
  }
  return out;
}

std::string expr_string(const Expr* x) {
  GoPrinter printer;
  printer.expr(x);
  return printer.out;
}

std::string stmt_string(const Stmt* s) {
  GoPrinter printer;
  printer.stmt(s);
  return printer.out;
}

}  // namespace gopark::lang
