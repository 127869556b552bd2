#pragma once
// The parser's internals, shared by parser.cpp (tokens, errors, declarations), parser_expr.cpp
// (expressions and types) and parser_stmt.cpp (statements). See parser.hpp for the design.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.hpp"
#include "lang/diagnostics.hpp"
#include "lang/lexer.hpp"

namespace gopark::lang::detail {

// One parameter as the grammar sees it, before names sharing a type are grouped into a Field:
// `a, b int` is two Params with the same `type` pointer.
struct Param {
  Pos pos;
  Ident* name = nullptr;
  Expr* type = nullptr;
};

struct ParamList {
  std::vector<Param> params;
  Pos closing;
};

// What a statement header (`if`, `for`, `switch`) holds.
struct Header {
  Stmt* init = nullptr;
  Expr* cond = nullptr;
  Stmt* post = nullptr;
  RangeStmt* range = nullptr;  // `for ... range x`: nothing else is set
  Ident* binding = nullptr;    // `switch x := y.(type)`
};

// The result of `name [` in a field or parameter: either an array type `[N]E` or, when the
// brackets hold type arguments, an instantiation `name[A, B]` (only the '[' is kept).
struct ArrayOrTypeArgs {
  Expr* array = nullptr;  // set for [N]E and []E
  Pos lbrack;             // the type arguments' '[' otherwise
};

class Parser {
 public:
  Parser(File& file, Diagnostics& diags);
  void parse();
  // The function declaration whose `func` keyword is at `pos`, parsed again into fresh nodes.
  FuncDecl* reparse_func_decl(Pos pos);
  // The type declaration `Name [params] Type` whose name is at `pos`, parsed again.
  ValueSpec* reparse_type_spec(Pos pos);

 private:
  friend class Nesting;

  // --- tokens (parser.cpp)
  void next();
  bool at(Tok t) const { return tok_.tok == t; }
  bool at_literal() const;
  bool got(Tok t);
  void want(Tok t);
  bool got_assign();

  // --- errors (parser.cpp)
  void error_at(Pos pos, std::string message);
  void syntax_error_at(Pos pos, std::string_view message);
  void syntax_error(std::string_view message) { syntax_error_at(tok_.pos, message); }
  void advance(std::initializer_list<Tok> follow = {});
  bool any_error() const { return errors_ + lexer_.error_count() > 0; }
  std::string describe_current_token() const;
  void stop_reading();
  bool enter_nesting();
  void leave_nesting(int levels = 1) { depth_ -= levels; }
  void report_generics(Pos pos, bool declaration);

  // --- node construction
  template <class T> T* node(Pos pos) {
    T* n = file_.arena.make<T>();
    n->pos = pos;
    return n;
  }
  template <class T> T* plain() { return file_.arena.make<T>(); }
  BadExpr* bad_expr() { return node<BadExpr>(tok_.pos); }
  Ident* blank_ident(Pos pos);

  // list = [ element { sep element } [ sep ] ] close . Returns the position of `close`.
  template <class Element> Pos list(std::string_view context, Tok sep, Tok close, Element element);

  // --- declarations (parser.cpp)
  void source_file();
  void top_level_declaration(Tok& previous);
  GenDecl* group(DeclKind kind, Pos keyword);
  void group_element(GenDecl* decl);
  void import_spec(GenDecl* decl);
  void const_spec(GenDecl* decl);
  void type_spec(GenDecl* decl);
  Expr* type_parameters_or_array(Pos lbrack, ValueSpec* spec);
  void var_spec(GenDecl* decl);
  FuncDecl* func_decl(Pos keyword);
  BlockStmt* func_body();

  // --- expressions (parser_expr.cpp)
  Expr* expr();
  Expr* binary_expr(Expr* x, int prec);
  Expr* unary_expr();
  Expr* receive_or_channel_type(Pos arrow);
  Expr* operand();
  Expr* paren_operand();
  Expr* literal_operand();
  Expr* func_operand();
  Expr* primary_expr(Expr* x);
  Expr* selector_or_assertion(Expr* x);
  Expr* index_or_slice(Expr* x);
  Expr* slice_rest(Expr* x, Expr* low, Pos lbrack);
  CallExpr* call(Expr* fun);
  bool composite_literal_allowed(Expr* x) const;
  Expr* bare_complit_expr();
  CompositeLit* complit_expr();
  std::vector<Expr*> expr_list();
  Expr* type_list(bool strict, bool& comma, int& count, std::vector<Expr*>* rest = nullptr);
  BasicLit* literal_or_null();
  Ident* name();
  std::vector<Ident*> name_list(Ident* first);
  Expr* qualified_name(Ident* name);

  // --- types (parser_expr.cpp)
  Expr* type();
  Expr* type_or_null();
  Expr* channel_type(Pos pos);
  Expr* map_type(Pos pos);
  Expr* type_instance(Expr* type);
  FuncTypeExpr* func_type(Pos pos, std::string_view context);
  FieldList* parameters(const std::vector<Param>& params, Pos opening, Pos closing);
  FieldList* func_result();
  Expr* array_type(Pos lbrack, Expr* length);
  Expr* slice_type(Pos lbrack);
  Expr* channel_element();
  StructTypeExpr* struct_type();
  void field_decl(FieldList* fields);
  void embedded_field(FieldList* fields, Pos pos);
  void add_field(FieldList* fields, Pos pos, std::vector<Ident*> names, Expr* type);
  ArrayOrTypeArgs array_or_type_args();
  InterfaceTypeExpr* interface_type();
  Field* method_decl();
  Field* generic_method_or_instance(Field* field, Ident* name);
  Expr* embedded_union(Expr* first);
  Expr* embedded_term();
  std::optional<Param> param_decl_or_null(Ident* name, Tok follow);
  std::optional<Param> param_name_first(Param param, Ident* ident, Tok follow);
  ParamList param_list(Ident* name, Expr* type, Tok close, bool require_names);
  void distribute_param_types(std::vector<Param>& params, int named, int typed, Pos end,
                              bool require_names);

  // --- statements (parser_stmt.cpp)
  Stmt* simple_stmt(std::vector<Expr*> lhs, Tok keyword);
  Stmt* single_expr_stmt(Expr* x);
  RangeStmt* range_clause(std::vector<Expr*> lhs, Tok tok, Pos tok_pos);
  Stmt* labeled_stmt(Ident* label);
  BlockStmt* block_stmt(std::string_view context);
  Stmt* decl_stmt(DeclKind kind);
  Stmt* for_stmt();
  Header header(Tok keyword);
  Stmt* for_clause_rest(Header& h);
  void header_condition(Header& h, Stmt* cond, Tok keyword, Pos semi_pos,
                        std::string_view semi_text);
  Stmt* if_stmt();
  Stmt* switch_stmt();
  Stmt* select_stmt();
  CaseClause* case_clause();
  CommClause* comm_clause();
  Stmt* stmt_or_null();
  Stmt* keyword_stmt();
  Stmt* branch_stmt();
  Stmt* call_stmt();
  Stmt* return_stmt();
  std::vector<Stmt*> stmt_list();
  void check_type_switch_guards();

  File& file_;
  Diagnostics& diags_;
  Lexer lexer_;
  Token tok_;
  int fnest_ = 0;   // function nesting: error recovery stops at statement keywords inside one
  int xnest_ = 0;   // expression nesting: < 0 in statement headers, where `T {` is not a literal
  int depth_ = 0;   // recursion depth, capped at kMaxNesting
  int errors_ = 0;  // errors reported by the parser itself (the lexer counts its own)
  std::uint32_t last_error_line_ = 0;
  bool stopped_ = false;  // the file is not read further (too deep, too many errors)
  // Every `x.(type)` not consumed by a type switch header: reported at the end, as gc's type
  // checker does ("use of .(type) outside type switch"), so the checker never meets one.
  std::vector<TypeAssertExpr*> guards_;
};

// Counts one level of nesting for as long as it lives; false when the cap is reached (the parser
// has then reported it and reads no more tokens).
class Nesting {
 public:
  explicit Nesting(Parser& parser) : parser_(parser), ok_(parser.enter_nesting()) {}
  ~Nesting() { parser_.leave_nesting(); }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;
  explicit operator bool() const { return ok_; }

 private:
  Parser& parser_;
  bool ok_;
};

// Helpers on the tree shared by the parser files.
Expr* unparen(Expr* x);
const char* expected_name(Tok t);  // a token as gc names it after "expected"

template <class Element>
Pos Parser::list(std::string_view context, Tok sep, Tok close, Element element) {
  bool done = false;
  while (!at(Tok::Eof) && !at(close) && !done) {
    done = element();
    // the separator is optional before the closing token
    if (!got(sep) && !at(close)) {
      syntax_error(std::string("in ") + std::string(context) + "; possibly missing " +
                   expected_name(sep) + " or " + expected_name(close));
      advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
      if (!at(close)) return tok_.pos;
    }
  }
  Pos pos = tok_.pos;
  want(close);
  return pos;
}

}  // namespace gopark::lang::detail
