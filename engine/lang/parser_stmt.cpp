// The parser: statements. See parser.hpp for the design.
#include <algorithm>

#include "lang/ast_dump.hpp"
#include "lang/parser_impl.hpp"

namespace gopark::lang::detail {

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
// `lhs` may hold the expressions already parsed; `keyword` is the statement whose header this is
// (For allows a range clause, Switch a type switch guard), Illegal elsewhere.
Stmt* Parser::simple_stmt(std::vector<Expr*> lhs, Tok keyword) {
  if (keyword == Tok::For && at(Tok::Range)) return range_clause({}, Tok::Illegal, Pos{});
  if (lhs.empty()) lhs = expr_list();
  if (lhs.size() == 1 && !at(Tok::Assign) && !at(Tok::Define)) return single_expr_stmt(lhs[0]);
  if (at(Tok::Assign) || at(Tok::Define)) {
    Tok tok = tok_.tok;
    Pos tok_pos = tok_.pos;
    next();
    if (keyword == Tok::For && at(Tok::Range)) return range_clause(std::move(lhs), tok, tok_pos);
    auto* assign = node<AssignStmt>(lhs[0]->pos);
    assign->lhs = std::move(lhs);
    assign->tok = tok;
    assign->tok_pos = tok_pos;
    assign->rhs = expr_list();
    return assign;
  }
  syntax_error("expected := or = or comma");
  advance({Tok::Semicolon, Tok::RBrace});
  auto* statement = node<ExprStmt>(lhs[0]->pos);  // make the best of what there is
  statement->x = lhs[0];
  return statement;
}

// One expression, then: op= expr | ++ | -- | <- expr | nothing.
Stmt* Parser::single_expr_stmt(Expr* x) {
  Pos pos = tok_.pos;
  if (is_assign_op(tok_.tok)) {
    auto* assign = node<AssignStmt>(x->pos);
    assign->lhs.push_back(x);
    assign->tok = tok_.tok;
    assign->tok_pos = pos;
    next();
    assign->rhs.push_back(expr());
    return assign;
  }
  if (at(Tok::Inc) || at(Tok::Dec)) {
    auto* step = node<IncDecStmt>(x->pos);
    step->x = x;
    step->tok = tok_.tok;
    step->tok_pos = pos;
    next();
    return step;
  }
  if (at(Tok::Arrow)) {
    auto* send = node<SendStmt>(x->pos);
    send->chan = x;
    send->arrow = pos;
    next();
    send->value = expr();
    return send;
  }
  auto* statement = node<ExprStmt>(x->pos);
  statement->x = x;
  return statement;
}

// RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
// The statement's position and body are set by for_stmt.
RangeStmt* Parser::range_clause(std::vector<Expr*> lhs, Tok tok, Pos tok_pos) {
  auto* range = node<RangeStmt>(tok_.pos);
  next();
  if (!lhs.empty()) {
    range->key = lhs[0];
    range->tok = tok;
    range->tok_pos = tok_pos;
  }
  if (lhs.size() > 1) range->value = lhs[1];
  if (lhs.size() > 2) {
    error_at(lhs[2]->pos, "range clause permits at most two iteration variables");
  }
  range->x = expr();
  return range;
}

// LabeledStmt = Label ":" Statement .
Stmt* Parser::labeled_stmt(Ident* label) {
  Pos colon = tok_.pos;
  auto* labeled = node<LabeledStmt>(label->pos);
  labeled->label = label;
  want(Tok::Colon);
  if (at(Tok::RBrace)) {
    // A statement is required, but the semicolon may be omitted before '}': an empty statement.
    auto* empty = node<EmptyStmt>(tok_.pos);
    empty->implicit = true;
    labeled->stmt = empty;
    return labeled;
  }
  labeled->stmt = stmt_or_null();
  if (labeled->stmt != nullptr) return labeled;
  syntax_error_at(colon, "missing statement after label");
  return nullptr;  // gc drops it, which avoids follow-on errors
}

// Block = "{" StatementList "}" .   `context` names what the block belongs to, for the message
// when the brace is missing (people coming from C forget it).
BlockStmt* Parser::block_stmt(std::string_view context) {
  auto* block = node<BlockStmt>(tok_.pos);
  block->lbrace = tok_.pos;
  if (!got(Tok::LBrace)) {
    syntax_error("expected { after " + std::string(context));
    advance({Tok::Ident, Tok::RBrace});
    block->rbrace = tok_.pos;
    if (got(Tok::RBrace)) return block;
  }
  block->list = stmt_list();
  block->rbrace = tok_.pos;
  want(Tok::RBrace);
  return block;
}

// Declaration = ConstDecl | TypeDecl | VarDecl .
Stmt* Parser::decl_stmt(DeclKind kind) {
  Pos pos = tok_.pos;
  next();
  auto* statement = node<DeclStmt>(pos);
  statement->decl = group(kind, pos);
  return statement;
}

// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
Stmt* Parser::for_stmt() {
  Pos pos = tok_.pos;
  Header h = header(Tok::For);
  BlockStmt* body = block_stmt("for clause");
  if (h.range != nullptr) {
    h.range->pos = pos;
    h.range->body = body;
    return h.range;
  }
  auto* loop = node<ForStmt>(pos);
  loop->init = h.init;
  loop->cond = h.cond;
  loop->post = h.post;
  loop->body = body;
  return loop;
}

// The header of if, for and switch:  [ SimpleStmt ";" ] Expression, or for's
// ForClause = [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ] . Composite literals of named types
// need parentheses here (xnest_ = -1), since `{` opens the body.
Header Parser::header(Tok keyword) {
  Header h;
  want(keyword);
  if (at(Tok::LBrace)) {
    if (keyword == Tok::If) {
      syntax_error("missing condition in if statement");
      h.cond = bad_expr();
    }
    return h;
  }
  int outer = xnest_;
  xnest_ = -1;
  if (!at(Tok::Semicolon)) {
    if (got(Tok::Var)) {  // accepted, with a complaint
      syntax_error("var declaration not allowed in " + std::string(spelling(keyword)) + " initializer");
    }
    h.init = simple_stmt({}, keyword);
    if (auto* range = h.init->as<RangeStmt>()) {
      h.range = range;
      h.init = nullptr;
      xnest_ = outer;
      return h;
    }
  }
  Stmt* cond = nullptr;
  Pos semi_pos;
  std::string_view semi_text;
  if (!at(Tok::LBrace)) {
    if (at(Tok::Semicolon)) {
      semi_pos = tok_.pos;
      semi_text = tok_.text;
      next();
    } else {
      want(Tok::LBrace);  // asking for '{' rather than ';' gives the better message
      if (!at(Tok::LBrace)) advance({Tok::LBrace, Tok::RBrace});
    }
    if (keyword == Tok::For) {
      cond = for_clause_rest(h);
    } else if (!at(Tok::LBrace)) {
      cond = simple_stmt({}, keyword);
    }
  } else {
    cond = h.init;
    h.init = nullptr;
  }
  header_condition(h, cond, keyword, semi_pos, semi_text);
  xnest_ = outer;
  return h;
}

// ForClause after its init statement and ';':  [ Condition ] ";" [ PostStmt ] .
// Returns the condition's statement; sets the post statement.
Stmt* Parser::for_clause_rest(Header& h) {
  if (at(Tok::LBrace)) {
    syntax_error("expected for loop condition");
    return nullptr;
  }
  Stmt* cond = nullptr;
  if (!at(Tok::Semicolon)) cond = simple_stmt({}, Tok::Illegal);
  want(Tok::Semicolon);
  if (!at(Tok::LBrace)) {
    h.post = simple_stmt({}, Tok::Illegal);
    auto* assign = h.post->as<AssignStmt>();
    if (assign != nullptr && assign->tok == Tok::Define) {
      syntax_error_at(assign->tok_pos, "cannot declare in post statement of for loop");
    }
  }
  return cond;
}

namespace {

// gc parenthesizes binary operands in "cannot use assignment (a + b) = c as value", so that the
// '=' stands out.
std::string emphasize(const std::vector<Expr*>& list) {
  std::string text;
  for (const Expr* x : list) {
    if (!text.empty()) text += ", ";
    text += expr_string(x);
  }
  if (list.size() == 1 && list[0]->kind == ExprKind::Binary) return "(" + text + ")";
  return text;
}

// Where gc reports a simple statement: at its operator.
Pos statement_position(const Stmt* s) {
  if (auto* assign = s->as<AssignStmt>()) return assign->tok_pos;
  if (auto* step = s->as<IncDecStmt>()) return step->tok_pos;
  if (auto* send = s->as<SendStmt>()) return send->arrow;
  return s->pos;
}

bool is_guard(const Expr* x) {
  auto* assertion = x->as<TypeAssertExpr>();
  return assertion != nullptr && assertion->type_expr == nullptr;
}

}  // namespace

// The condition (or switch tag) is the header's last simple statement, which must be an
// expression; `switch x := y.(type)` is the one other form allowed.
void Parser::header_condition(Header& h, Stmt* cond, Tok keyword, Pos semi_pos,
                              std::string_view semi_text) {
  if (cond == nullptr) {
    if (keyword == Tok::If && semi_pos.valid()) {
      if (semi_text != "semicolon") {
        syntax_error_at(semi_pos, "unexpected " + std::string(semi_text) + ", expected { after if clause");
      } else {
        syntax_error_at(semi_pos, "missing condition in if statement");
      }
      h.cond = node<BadExpr>(semi_pos);
    }
    return;
  }
  if (auto* statement = cond->as<ExprStmt>()) {
    h.cond = statement->x;
    return;
  }
  auto* assign = cond->as<AssignStmt>();
  if (keyword == Tok::Switch && assign != nullptr && assign->tok == Tok::Define &&
      assign->lhs.size() == 1 && assign->rhs.size() == 1 && is_guard(assign->rhs[0])) {
    if (auto* binding = assign->lhs[0]->as<Ident>()) {
      h.cond = assign->rhs[0];
      h.binding = binding;
      return;
    }
  }
  // A common mistake is `=` for `==`, which makes the condition an assignment: say so.
  std::string text;
  if (assign != nullptr && assign->tok == Tok::Assign) {
    text = "assignment " + emphasize(assign->lhs) + " = " + emphasize(assign->rhs);
  } else {
    text = stmt_string(cond);
  }
  Pos pos = statement_position(cond);
  syntax_error_at(pos, "cannot use " + text + " as value");
  h.cond = node<BadExpr>(pos);
}

// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
Stmt* Parser::if_stmt() {
  Nesting nesting(*this);  // else-if chains recurse here
  auto* statement = node<IfStmt>(tok_.pos);
  if (!nesting) {
    statement->cond = bad_expr();
    statement->then = node<BlockStmt>(tok_.pos);
    return statement;
  }
  Header h = header(Tok::If);
  statement->init = h.init;
  statement->cond = h.cond != nullptr ? h.cond : bad_expr();
  statement->then = block_stmt("if clause");
  if (got(Tok::Else)) {
    if (at(Tok::If)) {
      statement->else_ = if_stmt();
    } else if (at(Tok::LBrace)) {
      statement->else_ = block_stmt("");
    } else {
      syntax_error("else must be followed by if or statement block");
      advance({Tok::Ident, Tok::RBrace});
    }
  }
  return statement;
}

// SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
// ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
// TypeSwitchStmt = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" .
Stmt* Parser::switch_stmt() {
  Pos pos = tok_.pos;
  Header h = header(Tok::Switch);
  auto* body = node<BlockStmt>(tok_.pos);
  body->lbrace = tok_.pos;
  if (!got(Tok::LBrace)) {
    syntax_error("missing { after switch clause");
    advance({Tok::Case, Tok::Default, Tok::RBrace});
  }
  while (!at(Tok::Eof) && !at(Tok::RBrace)) body->list.push_back(case_clause());
  body->rbrace = tok_.pos;
  want(Tok::RBrace);

  if (h.cond != nullptr && is_guard(h.cond)) {
    auto* guard = h.cond->as<TypeAssertExpr>();
    guards_.erase(std::remove(guards_.begin(), guards_.end(), guard), guards_.end());
    auto* statement = node<TypeSwitchStmt>(pos);
    statement->init = h.init;
    statement->binding = h.binding;
    statement->guard = guard;
    statement->body = body;
    return statement;
  }
  auto* statement = node<SwitchStmt>(pos);
  statement->init = h.init;
  statement->tag = h.cond;
  statement->body = body;
  return statement;
}

// SelectStmt = "select" "{" { CommClause } "}" .
Stmt* Parser::select_stmt() {
  auto* statement = node<SelectStmt>(tok_.pos);
  want(Tok::Select);
  auto* body = node<BlockStmt>(tok_.pos);
  body->lbrace = tok_.pos;
  if (!got(Tok::LBrace)) {
    syntax_error("missing { after select clause");
    advance({Tok::Case, Tok::Default, Tok::RBrace});
  }
  while (!at(Tok::Eof) && !at(Tok::RBrace)) body->list.push_back(comm_clause());
  body->rbrace = tok_.pos;
  want(Tok::RBrace);
  statement->body = body;
  return statement;
}

// ExprCaseClause = ExprSwitchCase ":" StatementList .
// ExprSwitchCase = "case" ExpressionList | "default" .   (type switch cases have types instead)
CaseClause* Parser::case_clause() {
  auto* clause = node<CaseClause>(tok_.pos);
  if (got(Tok::Case)) {
    clause->list = expr_list();
  } else if (got(Tok::Default)) {
    clause->is_default = true;
  } else {
    syntax_error("expected case or default or }");
    advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
  }
  clause->colon = tok_.pos;
  want(Tok::Colon);
  clause->body = stmt_list();
  return clause;
}

// CommClause = CommCase ":" StatementList .
// CommCase   = "case" ( SendStmt | RecvStmt ) | "default" .
// Any simple statement is accepted here; the checker rejects the ones that are not
// communications, as gc's type checker does.
CommClause* Parser::comm_clause() {
  auto* clause = node<CommClause>(tok_.pos);
  if (got(Tok::Case)) {
    clause->comm = simple_stmt({}, Tok::Illegal);
  } else if (!got(Tok::Default)) {
    syntax_error("expected case or default or }");
    advance({Tok::Colon, Tok::Case, Tok::Default, Tok::RBrace});
  }
  clause->colon = tok_.pos;
  want(Tok::Colon);
  clause->body = stmt_list();
  return clause;
}

// Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt | BreakStmt |
//             ContinueStmt | GotoStmt | FallthroughStmt | Block | IfStmt | SwitchStmt |
//             SelectStmt | ForStmt | DeferStmt .
// Null when no statement starts here (nothing consumed).
Stmt* Parser::stmt_or_null() {
  Nesting nesting(*this);
  if (!nesting) return nullptr;
  // Most statements start with a name: look for it first.
  if (at(Tok::Ident)) {
    std::vector<Expr*> lhs = expr_list();
    if (lhs.size() == 1 && at(Tok::Colon)) {
      if (auto* label = lhs[0]->as<Ident>()) return labeled_stmt(label);
    }
    return simple_stmt(std::move(lhs), Tok::Illegal);
  }
  switch (tok_.tok) {
    case Tok::Var: return decl_stmt(DeclKind::Var);
    case Tok::Const: return decl_stmt(DeclKind::Const);
    case Tok::Type: return decl_stmt(DeclKind::Type);
    case Tok::LBrace: return block_stmt("");
    // operands, unary operators, composite types and the receive operator
    case Tok::Add: case Tok::Sub: case Tok::Mul: case Tok::And: case Tok::Xor: case Tok::Not:
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
    case Tok::Func: case Tok::LParen: case Tok::LBrack: case Tok::Struct: case Tok::Map:
    case Tok::Chan: case Tok::Interface: case Tok::Arrow:
      return simple_stmt({}, Tok::Illegal);
    default:
      return keyword_stmt();
  }
}

// The statements that start with their own keyword, and the empty statement.
Stmt* Parser::keyword_stmt() {
  switch (tok_.tok) {
    case Tok::For: return for_stmt();
    case Tok::Switch: return switch_stmt();
    case Tok::Select: return select_stmt();
    case Tok::If: return if_stmt();
    case Tok::Fallthrough: case Tok::Break: case Tok::Continue: case Tok::Goto:
      return branch_stmt();
    case Tok::Go: case Tok::Defer: return call_stmt();
    case Tok::Return: return return_stmt();
    case Tok::Semicolon: {
      auto* empty = node<EmptyStmt>(tok_.pos);
      empty->implicit = tok_.text != "semicolon";
      return empty;  // the caller consumes the ';'
    }
    default:
      return nullptr;
  }
}

// BreakStmt = "break" [ Label ] .  ContinueStmt = "continue" [ Label ] .
// GotoStmt = "goto" Label .        FallthroughStmt = "fallthrough" .
Stmt* Parser::branch_stmt() {
  auto* branch = node<BranchStmt>(tok_.pos);
  branch->tok = tok_.tok;
  next();
  if (branch->tok == Tok::Goto) {
    branch->label = name();
  } else if (branch->tok != Tok::Fallthrough && at(Tok::Ident)) {
    branch->label = name();
  }
  return branch;
}

// GoStmt = "go" Expression .   DeferStmt = "defer" Expression .   (the expression must be a call)
Stmt* Parser::call_stmt() {
  Pos pos = tok_.pos;
  Tok keyword = tok_.tok;
  std::string word(spelling(keyword));
  next();
  Expr* x = primary_expr(nullptr);
  if (Expr* inner = unparen(x); inner != x) {
    error_at(x->pos, "expression in " + word + " must not be parenthesized");
    x = inner;
  }
  auto* call = x->as<CallExpr>();
  if (call == nullptr) {
    if (x->kind != ExprKind::Bad) error_at(x->pos, "expression in " + word + " must be function call");
    // assume the common mistake of a missing argument list
    call = node<CallExpr>(x->pos);
    call->fun = x;
  }
  if (keyword == Tok::Go) {
    auto* statement = node<GoStmt>(pos);
    statement->call = call;
    return statement;
  }
  auto* statement = node<DeferStmt>(pos);
  statement->call = call;
  return statement;
}

// ReturnStmt = "return" [ ExpressionList ] .
Stmt* Parser::return_stmt() {
  auto* statement = node<ReturnStmt>(tok_.pos);
  next();
  if (!at(Tok::Semicolon) && !at(Tok::RBrace)) statement->results = expr_list();
  return statement;
}

// StatementList = { Statement ";" } .   (the ';' may be omitted before '}')
std::vector<Stmt*> Parser::stmt_list() {
  std::vector<Stmt*> list;
  while (!at(Tok::Eof) && !at(Tok::RBrace) && !at(Tok::Case) && !at(Tok::Default)) {
    Stmt* statement = stmt_or_null();
    if (statement == nullptr) break;
    list.push_back(statement);
    if (!got(Tok::Semicolon) && !at(Tok::RBrace)) {
      syntax_error("at end of statement");
      advance({Tok::Semicolon, Tok::RBrace, Tok::Case, Tok::Default});
      got(Tok::Semicolon);  // no spurious empty statement
    }
  }
  return list;
}

}  // namespace gopark::lang::detail
