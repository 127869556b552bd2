// The parser's core: tokens, error reporting and recovery, and declarations. Expressions and types
// are in parser_expr.cpp, statements in parser_stmt.cpp. The design is in parser.hpp.
#include "lang/parser.hpp"

#include <algorithm>

#include "lang/parser_impl.hpp"

namespace gopark::lang {

std::unique_ptr<File> parse_file(std::string file_name, std::string source, Diagnostics& diags) {
  auto file = std::make_unique<File>();
  file->name = std::move(file_name);
  file->source = std::move(source);  // before the lexer looks at it: views point here
  detail::Parser parser(*file, diags);
  parser.parse();
  return file;
}

FuncDecl* reparse_func_decl(File& file, Pos pos, Diagnostics& diags) {
  detail::Parser parser(file, diags);
  return parser.reparse_func_decl(pos);
}

ValueSpec* reparse_type_spec(File& file, Pos pos, Diagnostics& diags) {
  detail::Parser parser(file, diags);
  return parser.reparse_type_spec(pos);
}

namespace detail {

Expr* unparen(Expr* x) {
  while (auto* paren = x->as<ParenExpr>()) x = paren->x;
  return x;
}

const char* expected_name(Tok t) {
  switch (t) {
    case Tok::Comma: return "comma";
    case Tok::Semicolon: return "semicolon or newline";
    case Tok::Ident: return "name";
    default: return spelling(t).data();  // the spellings are NUL-terminated literals
  }
}

Parser::Parser(File& file, Diagnostics& diags)
    : file_(file), diags_(diags), lexer_(file.source, diags) {}

void Parser::parse() {
  source_file();
  check_type_switch_guards();
  // Passes after this one may rely on a package name, even for a file that lacks one.
  if (file_.package_name == nullptr) file_.package_name = blank_ident(Pos{1, 1});
}

FuncDecl* Parser::reparse_func_decl(Pos pos) {
  lexer_.seek(pos);
  next();
  if (!at(Tok::Func)) return nullptr;
  Pos keyword = tok_.pos;
  next();
  return func_decl(keyword);
}

ValueSpec* Parser::reparse_type_spec(Pos pos) {
  lexer_.seek(pos);
  next();
  if (!at(Tok::Ident)) return nullptr;
  GenDecl* decl = plain<GenDecl>();
  decl->kind = DeclKind::Type;
  type_spec(decl);
  return decl->specs.empty() ? nullptr : decl->specs.front();
}

// ----------------------------------------------------------------------------------------------
// Tokens

void Parser::next() { tok_ = lexer_.next(); }

bool Parser::at_literal() const {
  switch (tok_.tok) {
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
      return true;
    default:
      return false;
  }
}

bool Parser::got(Tok t) {
  if (!at(t)) return false;
  next();
  return true;
}

void Parser::want(Tok t) {
  if (got(t)) return;
  syntax_error(std::string("expected ") + expected_name(t));
  advance();
}

// Like got(Assign), but also takes `:=` (with an error) for a better recovery.
bool Parser::got_assign() {
  if (at(Tok::Define)) syntax_error("expected =");
  if (!at(Tok::Define) && !at(Tok::Assign)) return false;
  next();
  return true;
}

// ----------------------------------------------------------------------------------------------
// Errors

// Diagnostics keeps one error per line: one on the line of the previous is not passed on.
void Parser::error_at(Pos pos, std::string message) {
  ++errors_;
  if (pos.line == last_error_line_ || stopped_) return;
  last_error_line_ = pos.line;
  diags_.error(pos, std::move(message));
  if (diags_.size() >= kMaxErrorsPerFile) stop_reading();
}

// Reading nothing more makes every caller up the stack return promptly.
void Parser::stop_reading() {
  stopped_ = true;
  lexer_.stop();
  Pos pos = tok_.pos;
  tok_ = Token{};
  tok_.pos = pos;
}

// gc's syntax error format: a message starting with "in", "at" or "after" describes where the
// current token was unexpected, one starting with "expected" what should have been there; any
// other message is printed as is.
void Parser::syntax_error_at(Pos pos, std::string_view message) {
  if (at(Tok::Eof) && any_error()) return;  // the end of a broken file says nothing new
  auto starts_with = [&](std::string_view prefix) { return message.substr(0, prefix.size()) == prefix; };
  std::string suffix;
  if (starts_with("in ") || starts_with("at ") || starts_with("after ")) {
    suffix = " " + std::string(message);
  } else if (starts_with("expected ")) {
    suffix = ", " + std::string(message);
  } else if (!message.empty()) {
    error_at(pos, "syntax error: " + std::string(message));
    return;
  }
  error_at(pos, "syntax error: unexpected " + describe_current_token() + suffix);
}

std::string Parser::describe_current_token() const {
  switch (tok_.tok) {
    case Tok::Ident:
    case Tok::Semicolon:
      return std::string(tok_.text);
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
      return "literal " + std::string(tok_.text);
    case Tok::Comma:
      return "comma";
    default:
      return std::string(spelling(tok_.tok));
  }
}

namespace {

// Keywords that start a statement: good places to resume after an error inside a function.
bool in_stop_set(Tok t) {
  switch (t) {
    case Tok::Break: case Tok::Const: case Tok::Continue: case Tok::Defer: case Tok::Fallthrough:
    case Tok::For: case Tok::Go: case Tok::Goto: case Tok::If: case Tok::Return: case Tok::Select:
    case Tok::Switch: case Tok::Type: case Tok::Var:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Skips tokens up to one that may follow the broken production (or, inside a function, one that
// starts a statement). With no follow list it skips exactly one token, so a caller that loops is
// sure to progress. It never skips the end of the file.
void Parser::advance(std::initializer_list<Tok> follow) {
  auto stop = [&] {
    if (at(Tok::Eof)) return true;
    if (follow.size() == 0) return false;
    if (fnest_ > 0 && in_stop_set(tok_.tok)) return true;
    return std::find(follow.begin(), follow.end(), tok_.tok) != follow.end();
  };
  while (!stop()) {
    next();
    if (follow.size() == 0) break;
  }
}

bool Parser::enter_nesting() {
  if (++depth_ <= kMaxNesting) return true;
  if (!stopped_) {
    error_at(tok_.pos, "syntax error: nesting too deep");
    stop_reading();
  }
  return false;
}

void Parser::report_generics(Pos pos, bool declaration) {
  error_at(pos, declaration ? "generic type parameters are not supported by gopark"
                            : "generic instantiation is not supported by gopark");
}

Ident* Parser::blank_ident(Pos pos) {
  Ident* ident = node<Ident>(pos);
  ident->name = "_";
  return ident;
}

void Parser::check_type_switch_guards() {
  for (TypeAssertExpr* guard : guards_) {
    error_at(guard->pos, "invalid syntax tree: use of .(type) outside type switch");
    guard->type_expr = node<BadExpr>(guard->lparen);
  }
  guards_.clear();
}

// ----------------------------------------------------------------------------------------------
// Source file

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
void Parser::source_file() {
  next();
  if (!got(Tok::Package)) {
    syntax_error("package statement must be first");
    return;
  }
  file_.package_name = name();
  want(Tok::Semicolon);
  if (any_error()) return;  // nothing useful follows a broken package clause
  Tok previous = Tok::Import;
  while (!at(Tok::Eof)) top_level_declaration(previous);
}

// TopLevelDecl = Declaration | FunctionDecl | MethodDecl . Imports are accepted anywhere (with an
// error when late) so that a misplaced one does not derail the rest of the file.
void Parser::top_level_declaration(Tok& previous) {
  if (at(Tok::Import) && previous != Tok::Import) {
    syntax_error("imports must appear before other declarations");
  }
  previous = tok_.tok;
  Pos pos = tok_.pos;
  switch (tok_.tok) {
    case Tok::Import: next(); file_.decls.push_back({group(DeclKind::Import, pos), nullptr}); break;
    case Tok::Const: next(); file_.decls.push_back({group(DeclKind::Const, pos), nullptr}); break;
    case Tok::Type: next(); file_.decls.push_back({group(DeclKind::Type, pos), nullptr}); break;
    case Tok::Var: next(); file_.decls.push_back({group(DeclKind::Var, pos), nullptr}); break;
    case Tok::Func: next(); file_.decls.push_back({nullptr, func_decl(pos)}); break;
    default: {
      const Decl* last = file_.decls.empty() ? nullptr : &file_.decls.back();
      if (at(Tok::LBrace) && last != nullptr && last->func != nullptr && last->func->body == nullptr) {
        // the opening { of a function body on the next line
        syntax_error("unexpected semicolon or newline before {");
      } else {
        syntax_error("non-declaration statement outside function body");
      }
      advance({Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func});
      return;
    }
  }
  if (!at(Tok::Eof) && !got(Tok::Semicolon)) {
    syntax_error("after top level declaration");
    advance({Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func});
  }
}

// ----------------------------------------------------------------------------------------------
// Declarations

// Group = Spec | "(" { Spec ";" } ")" .
GenDecl* Parser::group(DeclKind kind, Pos keyword) {
  GenDecl* decl = plain<GenDecl>();
  decl->pos = keyword;
  decl->kind = kind;
  if (at(Tok::LParen)) {
    decl->lparen = tok_.pos;
    next();
    decl->rparen = list("grouped declaration", Tok::Semicolon, Tok::RParen, [&] {
      group_element(decl);
      return false;
    });
  } else {
    group_element(decl);
  }
  return decl;
}

void Parser::group_element(GenDecl* decl) {
  switch (decl->kind) {
    case DeclKind::Import: import_spec(decl); break;
    case DeclKind::Const: const_spec(decl); break;
    case DeclKind::Type: type_spec(decl); break;
    default: var_spec(decl); break;
  }
}

// ImportSpec = [ "." | PackageName ] ImportPath .
// ImportPath = string_lit .
// Only well-formed specs enter the tree: a broken one has been reported already.
void Parser::import_spec(GenDecl* decl) {
  Pos pos = tok_.pos;
  Ident* local = nullptr;
  if (at(Tok::Ident)) {
    local = name();
  } else if (at(Tok::Period)) {
    local = node<Ident>(pos);
    local->name = ".";
    next();
  }
  bool bad = tok_.bad;
  BasicLit* path = literal_or_null();
  if (path == nullptr) {
    syntax_error("missing import path");
    advance({Tok::Semicolon, Tok::RParen});
    return;
  }
  if (bad) return;
  if (path->lit != Tok::String) {
    syntax_error_at(path->pos, "import path must be a string");
    return;
  }
  ImportSpec* spec = plain<ImportSpec>();
  spec->pos = pos;
  spec->name = local;
  spec->path = path;
  decl->imports.push_back(spec);
  file_.imports.push_back(spec);
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
void Parser::const_spec(GenDecl* decl) {
  ValueSpec* spec = plain<ValueSpec>();
  spec->pos = tok_.pos;
  spec->iota = static_cast<int>(decl->specs.size());
  spec->names = name_list(name());
  if (!at(Tok::Eof) && !at(Tok::Semicolon) && !at(Tok::RParen)) {
    spec->type = type_or_null();
    if (got_assign()) spec->values = expr_list();
  }
  if (spec->type == nullptr && spec->values.empty()) {
    // Implicit repetition: the last spec of the group that spelled out its type or values.
    for (auto it = decl->specs.rbegin(); it != decl->specs.rend(); ++it) {
      if ((*it)->type != nullptr || !(*it)->values.empty()) {
        spec->implicit_from = *it;
        break;
      }
    }
  }
  decl->specs.push_back(spec);
}

// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
void Parser::type_spec(GenDecl* decl) {
  ValueSpec* spec = plain<ValueSpec>();
  spec->pos = tok_.pos;
  spec->names.push_back(name());
  if (at(Tok::LBrack)) {
    Pos lbrack = tok_.pos;
    next();
    spec->type = type_parameters_or_array(lbrack, spec);
  } else {
    spec->alias = got_assign();
    spec->type = type_or_null();
  }
  if (spec->type == nullptr) {
    spec->type = bad_expr();
    syntax_error("in type declaration");
    advance({Tok::Semicolon, Tok::RParen});
  }
  decl->specs.push_back(spec);
}

namespace {

// Whether x can only be a type element (a type literal, or ~T, possibly inside | or parentheses),
// never an ordinary value expression.
bool is_type_element(const Expr* x) {
  switch (x->kind) {
    case ExprKind::ArrayType: case ExprKind::StructType: case ExprKind::FuncType:
    case ExprKind::InterfaceType: case ExprKind::MapType: case ExprKind::ChanType:
      return true;
    case ExprKind::Binary: {
      auto* binary = x->as<BinaryExpr>();
      return is_type_element(binary->x) || is_type_element(binary->y);
    }
    case ExprKind::Unary: {
      auto* unary = x->as<UnaryExpr>();
      return unary->op == Tok::Tilde || is_type_element(unary->x);
    }
    case ExprKind::Star: return is_type_element(x->as<StarExpr>()->x);
    case ExprKind::Paren: return is_type_element(x->as<ParenExpr>()->x);
    default: return false;
  }
}

// Whether the expression x after `type T[` reads as the start of a type parameter list:
// `P any` was parsed as just P, `P *C` as a product, `P C|D` as a union, `P (C)` as a call.
// Sets `type` to the constraint part when there is one.
Ident* type_parameter_name(Expr* x, bool force, Expr*& type) {
  type = nullptr;
  if (auto* ident = x->as<Ident>()) return ident;
  if (auto* binary = x->as<BinaryExpr>()) {
    if (binary->op == Tok::Mul) {
      auto* ident = binary->x->as<Ident>();
      if (ident != nullptr && (force || is_type_element(binary->y))) {
        type = binary->y;
        return ident;
      }
    } else if (binary->op == Tok::Or) {
      Expr* left = nullptr;
      Ident* ident = type_parameter_name(binary->x, force || is_type_element(binary->y), left);
      if (ident != nullptr && left != nullptr) {
        type = binary;
        return ident;
      }
      type = nullptr;
    }
  } else if (auto* call = x->as<CallExpr>()) {
    auto* ident = call->fun->as<Ident>();
    if (ident != nullptr && call->args.size() == 1 && !call->has_ellipsis &&
        (force || is_type_element(call->args[0]))) {
      type = call->args[0];
      return ident;
    }
  }
  return nullptr;
}

}  // namespace

// After `type T [`: either an array or slice type, or a type parameter list (which gopark
// rejects, after parsing it as gc does so that recovery continues at the right place).
Expr* Parser::type_parameters_or_array(Pos lbrack, ValueSpec* spec) {
  if (at(Tok::RBrack)) {
    next();
    return slice_type(lbrack);
  }
  if (!at(Tok::Ident)) return array_type(lbrack, nullptr);
  Expr* x = name();
  if (!at(Tok::LBrack)) {
    // `[P]`, `[N * 2]`, `[P any]`...: parse an expression starting with the name, then decide.
    ++xnest_;
    x = binary_expr(primary_expr(x), 0);
    --xnest_;
  }
  Expr* constraint = nullptr;
  Ident* parameter = type_parameter_name(x, at(Tok::Comma), constraint);
  if (parameter == nullptr || (constraint == nullptr && at(Tok::RBrack))) {
    return array_type(lbrack, x);
  }
  ParamList type_params = param_list(parameter, constraint, Tok::RBrack, true);
  spec->type_params = parameters(type_params.params, lbrack, type_params.closing);
  spec->alias = got_assign();
  return type_or_null();
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
void Parser::var_spec(GenDecl* decl) {
  ValueSpec* spec = plain<ValueSpec>();
  spec->pos = tok_.pos;
  spec->names = name_list(name());
  if (got_assign()) {
    spec->values = expr_list();
  } else {
    spec->type = type();
    if (got_assign()) spec->values = expr_list();
  }
  decl->specs.push_back(spec);
}

// FunctionDecl = "func" FunctionName [ TypeParams ] ( Function | Signature ) .
// MethodDecl   = "func" Receiver MethodName ( Function | Signature ) .
// Receiver     = Parameters .
FuncDecl* Parser::func_decl(Pos keyword) {
  FuncDecl* func = plain<FuncDecl>();
  func->pos = keyword;
  std::string_view context;
  if (at(Tok::LParen)) {
    context = "method";
    next();
    ParamList receivers = param_list(nullptr, nullptr, Tok::RParen, false);
    if (receivers.params.empty()) {
      error_at(tok_.pos, "method has no receiver");
    } else {
      if (receivers.params.size() > 1) error_at(tok_.pos, "method has multiple receivers");
      const Param& receiver = receivers.params.front();
      func->recv = plain<Field>();
      func->recv->pos = receiver.pos;
      if (receiver.name != nullptr) func->recv->names.push_back(receiver.name);
      func->recv->type = receiver.type;
    }
  }
  if (at(Tok::Ident)) {
    func->name = name();
    func->sig = func_type(keyword, context);
  } else {
    func->name = blank_ident(tok_.pos);
    func->sig = node<FuncTypeExpr>(keyword);
    func->sig->params = plain<FieldList>();
    syntax_error(context.empty() ? "expected name or (" : "expected name");
    advance({Tok::LBrace, Tok::Semicolon});
  }
  if (at(Tok::LBrace)) func->body = func_body();
  return func;
}

// FunctionBody = Block .
BlockStmt* Parser::func_body() {
  ++fnest_;
  BlockStmt* body = block_stmt("");
  --fnest_;
  return body;
}

}  // namespace detail
}  // namespace gopark::lang
