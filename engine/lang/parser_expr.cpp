// The parser: expressions and types. See parser.hpp for the design.
#include "lang/ast_dump.hpp"
#include "lang/parser_impl.hpp"

namespace gopark::lang::detail {

// ----------------------------------------------------------------------------------------------
// Expressions

// Expression = UnaryExpr | Expression binary_op Expression .
Expr* Parser::expr() { return binary_expr(nullptr, 0); }

// Operators bind by precedence: each loop takes the operators stronger than `prec`, each right
// operand takes those stronger than its operator. The loop builds a left-leaning chain, which
// counts as nesting.
Expr* Parser::binary_expr(Expr* x, int prec) {
  if (x == nullptr) x = unary_expr();
  int levels = 0;
  while (is_binary_op(tok_.tok) && precedence(tok_.tok) > prec) {
    ++levels;
    if (!enter_nesting()) break;
    auto* binary = node<BinaryExpr>(x->pos);
    binary->op = tok_.tok;
    binary->op_pos = tok_.pos;
    int op_prec = precedence(tok_.tok);
    next();
    binary->x = x;
    binary->y = binary_expr(nullptr, op_prec);
    x = binary;
  }
  leave_nesting(levels);
  return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
// unary_op  = "+" | "-" | "!" | "^" | "*" | "&" | "<-" | "~" .
Expr* Parser::unary_expr() {
  Nesting nesting(*this);
  if (!nesting) return bad_expr();
  Pos pos = tok_.pos;
  switch (tok_.tok) {
    case Tok::Mul: {
      next();
      auto* star = node<StarExpr>(pos);
      star->x = unary_expr();
      return star;
    }
    case Tok::Add: case Tok::Sub: case Tok::Not: case Tok::Xor: case Tok::Tilde: case Tok::And: {
      auto* unary = node<UnaryExpr>(pos);
      unary->op = tok_.tok;
      next();
      Expr* x = unary_expr();
      // `&(T{})` takes the address of the literal: the parentheses were kept only so that
      // `(T){}` could be reported, as gc does.
      unary->x = unary->op == Tok::And ? unparen(x) : x;
      return unary;
    }
    case Tok::Arrow:
      next();
      return receive_or_channel_type(pos);
    default:
      return primary_expr(nullptr);
  }
}

// `<-x` is a receive, but `<-chan E` is a channel type; which one is only known once the operand
// has been parsed. For a channel type the arrow moves into it: `<-(chan E)` is `<-chan E`, and
// `<-(chan<- E)` is `<-chan (<-E)`.
Expr* Parser::receive_or_channel_type(Pos arrow) {
  Expr* x = unary_expr();
  auto* channel = x->as<ChanTypeExpr>();
  if (channel == nullptr) {
    auto* receive = node<UnaryExpr>(arrow);
    receive->op = Tok::Arrow;
    receive->x = x;
    return receive;
  }
  ChanDir dir = ChanDir::Send;
  Expr* t = x;
  while (dir == ChanDir::Send) {
    auto* inner = t->as<ChanTypeExpr>();
    if (inner == nullptr) break;
    dir = inner->dir;
    if (dir == ChanDir::Recv) syntax_error("unexpected <-, expected chan");  // <-<-chan E
    inner->dir = ChanDir::Recv;
    t = inner->elem;
  }
  if (dir == ChanDir::Send) {
    // <-chan<- E where E is not a channel type
    syntax_error("unexpected " + expr_string(t) + ", expected chan");
  }
  channel->pos = arrow;
  return channel;
}

// Operand     = Literal | OperandName | "(" Expression ")" .
// Literal     = BasicLit | CompositeLit | FunctionLit .
// Composite literals and qualified names are completed by primary_expr.
Expr* Parser::operand() {
  switch (tok_.tok) {
    case Tok::Ident:
      return name();
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
      return literal_operand();
    case Tok::LParen:
      return paren_operand();
    case Tok::Func:
      return func_operand();
    case Tok::LBrack: case Tok::Chan: case Tok::Map: case Tok::Struct: case Tok::Interface:
      return type();
    default: {
      BadExpr* bad = bad_expr();
      syntax_error("expected expression");
      advance({Tok::RParen, Tok::RBrack, Tok::RBrace});
      return bad;
    }
  }
}

// A malformed literal has been reported by the lexer: the checker gets a BadExpr, so it neither
// decodes the literal nor complains again.
Expr* Parser::literal_operand() {
  bool bad = tok_.bad;
  BasicLit* literal = literal_or_null();
  if (bad) return node<BadExpr>(literal->pos);
  return literal;
}

// "(" Expression ")". The parentheses stay in the tree: go/defer, composite literal types and the
// checker's conversion rules need to see them.
Expr* Parser::paren_operand() {
  auto* paren = node<ParenExpr>(tok_.pos);
  next();
  ++xnest_;
  paren->x = expr();
  --xnest_;
  want(Tok::RParen);
  return paren;
}

// FunctionLit = "func" Signature FunctionBody . Without a body it is a function type.
Expr* Parser::func_operand() {
  Pos pos = tok_.pos;
  next();
  FuncTypeExpr* sig = func_type(pos, "function type");
  if (!at(Tok::LBrace)) return sig;
  ++xnest_;
  auto* literal = node<FuncLit>(pos);
  literal->sig = sig;
  literal->body = func_body();
  --xnest_;
  return literal;
}

// PrimaryExpr = Operand | Conversion | PrimaryExpr Selector | PrimaryExpr Index |
//               PrimaryExpr Slice | PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
// plus composite literals T{...}, whose type is itself a primary expression.
Expr* Parser::primary_expr(Expr* x) {
  if (x == nullptr) x = operand();
  int levels = 0;
  for (;;) {
    if (!at(Tok::Period) && !at(Tok::LBrack) && !at(Tok::LParen) && !at(Tok::LBrace)) break;
    if (at(Tok::LBrace) && !composite_literal_allowed(x)) break;
    ++levels;
    if (!enter_nesting()) break;
    switch (tok_.tok) {
      case Tok::Period: x = selector_or_assertion(x); break;
      case Tok::LBrack: x = index_or_slice(x); break;
      case Tok::LParen: x = call(x); break;
      default: {
        if (unparen(x) != x) syntax_error("cannot parenthesize type in composite literal");
        CompositeLit* literal = complit_expr();
        literal->type_expr = x;
        literal->pos = x->pos;
        x = literal;
        break;
      }
    }
  }
  leave_nesting(levels);
  return x;
}

// Selector      = "." identifier .
// TypeAssertion = "." "(" Type ")" .   and the type switch guard "." "(" "type" ")"
Expr* Parser::selector_or_assertion(Expr* x) {
  next();
  if (at(Tok::Ident)) {
    auto* selector = node<SelectorExpr>(x->pos);
    selector->x = x;
    selector->sel = name();
    return selector;
  }
  if (at(Tok::LParen)) {
    auto* assertion = node<TypeAssertExpr>(x->pos);
    assertion->x = x;
    assertion->lparen = tok_.pos;
    next();
    if (got(Tok::Type)) {
      guards_.push_back(assertion);
    } else {
      assertion->type_expr = type();
    }
    want(Tok::RParen);
    return assertion;
  }
  syntax_error("expected name or (");
  advance({Tok::Semicolon, Tok::RParen});
  return x;
}

// Index = "[" Expression [ "," ] "]" .
// Slice = "[" [ Expression ] ":" [ Expression ] "]" | "[" [ Expression ] ":" Expression ":" Expression "]" .
// `x[A, B]` can only be an instantiation, which gopark rejects.
Expr* Parser::index_or_slice(Expr* x) {
  Pos lbrack = tok_.pos;
  next();
  Expr* index = nullptr;
  if (!at(Tok::Colon)) {
    bool comma = false;
    int count = 1;
    std::vector<Expr*> rest;
    if (at(Tok::RBrack)) {
      syntax_error("expected operand");
      index = bad_expr();
    } else {
      index = type_list(false, comma, count, &rest);
    }
    if (comma || at(Tok::RBrack)) {
      Pos rbrack = tok_.pos;
      want(Tok::RBrack);
      auto* indexed = node<IndexExpr>(x->pos);
      indexed->x = x;
      indexed->index = index;
      indexed->more = std::move(rest);
      indexed->lbrack = lbrack;
      indexed->rbrack = rbrack;
      return indexed;
    }
  }
  // x[i:... (a plain want(Colon) would give a worse message, see Go issue 47704)
  if (!got(Tok::Colon)) {
    syntax_error("expected comma, : or ]");
    advance({Tok::Comma, Tok::Colon, Tok::RBrack});
  }
  return slice_rest(x, index, lbrack);
}

// The rest of a slice expression after its first ':'.
Expr* Parser::slice_rest(Expr* x, Expr* low, Pos lbrack) {
  ++xnest_;
  auto* slice = node<SliceExpr>(x->pos);
  slice->x = x;
  slice->lo = low;
  slice->lbrack = lbrack;
  if (!at(Tok::Colon) && !at(Tok::RBrack)) slice->hi = expr();
  if (at(Tok::Colon)) {
    slice->three_index = true;
    if (slice->hi == nullptr) {
      error_at(tok_.pos, "middle index required in 3-index slice");
      slice->hi = bad_expr();
    }
    next();
    if (!at(Tok::RBrack)) {
      slice->max = expr();
    } else {
      error_at(tok_.pos, "final index required in 3-index slice");
      slice->max = bad_expr();
    }
  }
  --xnest_;
  slice->rbrack = tok_.pos;
  want(Tok::RBrack);
  return slice;
}

// Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" .
CallExpr* Parser::call(Expr* fun) {
  auto* result = node<CallExpr>(fun->pos);
  result->fun = fun;
  result->lparen = tok_.pos;
  next();
  ++xnest_;
  result->rparen = list("argument list", Tok::Comma, Tok::RParen, [&] {
    result->args.push_back(expr());
    if (at(Tok::Ellipsis)) {
      result->ellipsis = tok_.pos;
      result->has_ellipsis = true;
      next();
    }
    return result->has_ellipsis;  // nothing may follow xs...
  });
  --xnest_;
  return result;
}

namespace {

// Whether x must be a value: then `x {` cannot start a composite literal.
bool is_value(const Expr* x) {
  switch (x->kind) {
    case ExprKind::BasicLit: case ExprKind::CompositeLit: case ExprKind::FuncLit:
    case ExprKind::SliceExpr: case ExprKind::TypeAssert: case ExprKind::Call:
    case ExprKind::Unary: case ExprKind::Binary:
      return true;
    case ExprKind::Paren:
      return is_value(x->as<ParenExpr>()->x);
    case ExprKind::Index: {
      auto* index = x->as<IndexExpr>();
      return is_value(index->x) || is_value(index->index);
    }
    default:
      return false;  // *T may be a type
  }
}

}  // namespace

// Whether `{` after x opens a composite literal rather than a block: always after a type literal,
// after a (possibly qualified or indexed) name only outside statement headers, where
// `if x == T {` must keep its block.
bool Parser::composite_literal_allowed(Expr* x) const {
  Expr* t = unparen(x);
  switch (t->kind) {
    case ExprKind::Ident: case ExprKind::Selector:
      return xnest_ >= 0;
    case ExprKind::Index:
      return xnest_ >= 0 && !is_value(t);
    case ExprKind::ArrayType: case ExprKind::StructType: case ExprKind::MapType:
      return true;
    default:
      return false;
  }
}

// Element = Expression | LiteralValue .
Expr* Parser::bare_complit_expr() {
  if (at(Tok::LBrace)) return complit_expr();  // the type is elided
  return expr();
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
// KeyedElement = [ Key ":" ] Element .
CompositeLit* Parser::complit_expr() {
  Nesting nesting(*this);
  auto* literal = node<CompositeLit>(tok_.pos);
  literal->lbrace = tok_.pos;
  literal->rbrace = tok_.pos;
  if (!nesting) return literal;
  ++xnest_;
  want(Tok::LBrace);
  literal->rbrace = list("composite literal", Tok::Comma, Tok::RBrace, [&] {
    Expr* element = bare_complit_expr();
    if (at(Tok::Colon)) {
      auto* pair = node<KeyValueExpr>(element->pos);
      pair->colon = tok_.pos;
      next();
      pair->key = element;
      pair->value = bare_complit_expr();
      element = pair;
    }
    literal->elts.push_back(element);
    return false;
  });
  --xnest_;
  return literal;
}

// ExpressionList = Expression { "," Expression } .
std::vector<Expr*> Parser::expr_list() {
  std::vector<Expr*> list{expr()};
  while (got(Tok::Comma)) list.push_back(expr());
  return list;
}

// typeList = arg { "," arg } [ "," ] . The first element may be any expression (unless strict),
// the others must be types. Returns the first; `count` says how many there were and `comma`
// whether a comma was seen.
Expr* Parser::type_list(bool strict, bool& comma, int& count, std::vector<Expr*>* rest) {
  ++xnest_;
  Expr* first = strict ? type() : expr();
  count = 1;
  comma = false;
  if (got(Tok::Comma)) {
    comma = true;
    if (Expr* t = type_or_null()) {
      ++count;
      if (rest) rest->push_back(t);
      while (got(Tok::Comma)) {
        t = type_or_null();
        if (t == nullptr) break;
        ++count;
        if (rest) rest->push_back(t);
      }
    }
  }
  --xnest_;
  return first;
}

BasicLit* Parser::literal_or_null() {
  if (!at_literal()) return nullptr;
  auto* literal = node<BasicLit>(tok_.pos);
  literal->lit = tok_.tok;
  literal->text = tok_.text;
  next();
  return literal;
}

// A missing name is reported and replaced by `_` after skipping one token.
Ident* Parser::name() {
  if (at(Tok::Ident)) {
    auto* ident = node<Ident>(tok_.pos);
    ident->name = tok_.text;
    next();
    return ident;
  }
  Ident* ident = blank_ident(tok_.pos);
  syntax_error("expected name");
  advance();
  return ident;
}

// IdentifierList = identifier { "," identifier } .
std::vector<Ident*> Parser::name_list(Ident* first) {
  std::vector<Ident*> names{first};
  while (got(Tok::Comma)) names.push_back(name());
  return names;
}

// TypeName = identifier | QualifiedIdent .   (possibly instantiated, which gopark rejects)
Expr* Parser::qualified_name(Ident* first) {
  Expr* x = first;
  if (x == nullptr && at(Tok::Ident)) {
    x = name();
  } else if (x == nullptr) {
    x = blank_ident(tok_.pos);
    syntax_error("expected name");
    advance({Tok::Period, Tok::Semicolon, Tok::RBrace});
  }
  if (at(Tok::Period)) {
    auto* selector = node<SelectorExpr>(x->pos);
    next();
    selector->x = x;
    selector->sel = name();
    x = selector;
  }
  if (at(Tok::LBrack)) x = type_instance(x);
  return x;
}

// ----------------------------------------------------------------------------------------------
// Types

Expr* Parser::type() {
  Expr* t = type_or_null();
  if (t == nullptr) {
    t = bad_expr();
    syntax_error("expected type");
    advance({Tok::Comma, Tok::Colon, Tok::Semicolon, Tok::RParen, Tok::RBrack, Tok::RBrace});
  }
  return t;
}

// Type     = TypeName | TypeLit | "(" Type ")" .
// TypeLit  = ArrayType | StructType | PointerType | FunctionType | InterfaceType | SliceType |
//            MapType | ChannelType .
// Null when no type starts here (nothing consumed).
Expr* Parser::type_or_null() {
  Nesting nesting(*this);
  if (!nesting) return bad_expr();
  Pos pos = tok_.pos;
  switch (tok_.tok) {
    case Tok::Mul: {
      next();
      auto* pointer = node<StarExpr>(pos);
      pointer->x = type();
      return pointer;
    }
    case Tok::Arrow: {
      next();
      want(Tok::Chan);
      auto* channel = node<ChanTypeExpr>(pos);
      channel->dir = ChanDir::Recv;
      channel->elem = channel_element();
      return channel;
    }
    case Tok::Func:
      next();
      return func_type(pos, "function type");
    case Tok::LBrack:
      next();
      if (got(Tok::RBrack)) return slice_type(pos);
      return array_type(pos, nullptr);
    case Tok::Chan:
      return channel_type(pos);
    case Tok::Map:
      return map_type(pos);
    case Tok::Struct:
      return struct_type();
    case Tok::Interface:
      return interface_type();
    case Tok::Ident:
      return qualified_name(nullptr);
    case Tok::LParen: {
      next();
      auto* paren = node<ParenExpr>(pos);
      paren->x = type();
      want(Tok::RParen);
      return paren;
    }
    default:
      return nullptr;
  }
}

// ChannelType = ( "chan" | "chan" "<-" ) ElementType .   (the "<-" "chan" form: type_or_null)
Expr* Parser::channel_type(Pos pos) {
  next();
  auto* channel = node<ChanTypeExpr>(pos);
  if (got(Tok::Arrow)) channel->dir = ChanDir::Send;
  channel->elem = channel_element();
  return channel;
}

// MapType = "map" "[" KeyType "]" ElementType .
Expr* Parser::map_type(Pos pos) {
  next();
  want(Tok::LBrack);
  auto* map = node<MapTypeExpr>(pos);
  map->key = type();
  want(Tok::RBrack);
  map->value = type();
  return map;
}

// TypeName TypeArgs: an instance of a generic type, as an IndexExpr.
Expr* Parser::type_instance(Expr* type_name) {
  Pos lbrack = tok_.pos;
  want(Tok::LBrack);
  auto* instance = node<IndexExpr>(type_name->pos);
  instance->x = type_name;
  instance->lbrack = lbrack;
  if (at(Tok::RBrack)) {
    syntax_error("expected type argument list");
    instance->index = bad_expr();
  } else {
    bool comma = false;
    int count = 0;
    instance->index = type_list(true, comma, count, &instance->more);
  }
  instance->rbrack = tok_.pos;
  want(Tok::RBrack);
  return instance;
}

// Signature = [ TypeParams ] Parameters [ Result ] .   (after "func" and the name, if any)
// `context` names what may not have type parameters ("function type", "method", "interface
// method"); top-level functions may in Go, and gopark reports those as unsupported.
FuncTypeExpr* Parser::func_type(Pos pos, std::string_view context) {
  auto* sig = node<FuncTypeExpr>(pos);
  if (at(Tok::LBrack)) {
    Pos lbrack = tok_.pos;
    next();
    if (!context.empty()) {
      syntax_error_at(lbrack, std::string(context) + " must have no type parameters");
    }
    if (at(Tok::RBrack)) {
      syntax_error("empty type parameter list");
      next();
    } else {
      ParamList type_params = param_list(nullptr, nullptr, Tok::RBrack, true);
      if (context.empty()) sig->type_params = parameters(type_params.params, lbrack, type_params.closing);
    }
  }
  Pos lparen = tok_.pos;
  want(Tok::LParen);
  ParamList params = param_list(nullptr, nullptr, Tok::RParen, false);
  sig->params = parameters(params.params, lparen, params.closing);
  sig->results = func_result();
  return sig;
}

// Groups consecutive named parameters that share one type (`a, b int`) into one Field.
FieldList* Parser::parameters(const std::vector<Param>& params, Pos opening, Pos closing) {
  auto* fields = plain<FieldList>();
  fields->opening = opening;
  fields->closing = closing;
  for (const Param& param : params) {
    Field* last = fields->list.empty() ? nullptr : fields->list.back();
    if (param.name != nullptr && last != nullptr && !last->names.empty() && last->type == param.type) {
      last->names.push_back(param.name);
      continue;
    }
    auto* field = plain<Field>();
    field->pos = param.pos;
    if (param.name != nullptr) field->names.push_back(param.name);
    field->type = param.type;
    fields->list.push_back(field);
  }
  return fields;
}

// Result = Parameters | Type .
FieldList* Parser::func_result() {
  if (at(Tok::LParen)) {
    Pos lparen = tok_.pos;
    next();
    ParamList results = param_list(nullptr, nullptr, Tok::RParen, false);
    return parameters(results.params, lparen, results.closing);
  }
  Pos pos = tok_.pos;
  Expr* result = type_or_null();
  if (result == nullptr) return nullptr;
  auto* fields = plain<FieldList>();
  auto* field = plain<Field>();
  field->pos = pos;
  field->type = result;
  fields->list.push_back(field);
  return fields;
}

// ArrayType = "[" ArrayLength "]" ElementType .  ("[" is consumed; `length` may be parsed already)
// ArrayLength = Expression | "..." .
Expr* Parser::array_type(Pos lbrack, Expr* length) {
  if (length == nullptr) {
    if (at(Tok::Ellipsis)) {
      length = node<EllipsisExpr>(tok_.pos);
      next();
    } else {
      ++xnest_;
      length = expr();
      --xnest_;
    }
  }
  if (at(Tok::Comma)) {
    // Accepted in type parameter lists but not here: complain, and go on.
    syntax_error("unexpected comma; expected ]");
    next();
  }
  want(Tok::RBrack);
  auto* array = node<ArrayTypeExpr>(lbrack);
  array->len = length;
  array->elem = type();
  return array;
}

// SliceType = "[" "]" ElementType .   ("[" and "]" are consumed)
Expr* Parser::slice_type(Pos lbrack) {
  auto* slice = node<ArrayTypeExpr>(lbrack);
  slice->elem = type();
  return slice;
}

Expr* Parser::channel_element() {
  Expr* elem = type_or_null();
  if (elem == nullptr) {
    elem = bad_expr();
    syntax_error("missing channel element type");  // and assume it is simply absent
  }
  return elem;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
StructTypeExpr* Parser::struct_type() {
  auto* structure = node<StructTypeExpr>(tok_.pos);
  structure->fields = plain<FieldList>();
  want(Tok::Struct);
  structure->fields->opening = tok_.pos;
  want(Tok::LBrace);
  structure->fields->closing = list("struct type", Tok::Semicolon, Tok::RBrace, [&] {
    field_decl(structure->fields);
    return false;
  });
  return structure;
}

void Parser::add_field(FieldList* fields, Pos pos, std::vector<Ident*> names, Expr* type) {
  auto* field = plain<Field>();
  field->pos = pos;
  field->names = std::move(names);
  field->type = type;
  field->tag = literal_or_null();
  fields->list.push_back(field);
}

// FieldDecl     = ( IdentifierList Type | EmbeddedField ) [ Tag ] .
// EmbeddedField = [ "*" ] TypeName .
// Tag           = string_lit .
void Parser::field_decl(FieldList* fields) {
  Pos pos = tok_.pos;
  if (at(Tok::Mul) || at(Tok::LParen)) {
    embedded_field(fields, pos);
    return;
  }
  if (!at(Tok::Ident)) {
    syntax_error("expected field name or embedded type");
    advance({Tok::Semicolon, Tok::RBrace});
    return;
  }
  Ident* first = name();
  if (at(Tok::Period) || at_literal() || at(Tok::Semicolon) || at(Tok::RBrace)) {
    add_field(fields, pos, {}, qualified_name(first));  // embedded T or pkg.T
    return;
  }
  std::vector<Ident*> names = name_list(first);
  Expr* field_type = nullptr;
  if (names.size() == 1 && at(Tok::LBrack)) {
    // a field `a [N]E` or `a []E`, or an embedded instance `T[A]`
    ArrayOrTypeArgs result = array_or_type_args();
    if (result.array == nullptr) {
      report_generics(result.lbrack, false);
      add_field(fields, pos, {}, node<BadExpr>(pos));
      return;
    }
    field_type = result.array;
  } else {
    field_type = type();
  }
  add_field(fields, names.front()->pos, std::move(names), field_type);
}

// `*T`, and the parenthesized forms gc reports but accepts: `(T)`, `(*T)`, `*(T)`.
void Parser::embedded_field(FieldList* fields, Pos pos) {
  Expr* embedded = nullptr;
  if (got(Tok::Mul)) {
    auto* pointer = node<StarExpr>(pos);
    if (at(Tok::LParen)) {
      syntax_error("cannot parenthesize embedded type");
      next();
      pointer->x = qualified_name(nullptr);
      got(Tok::RParen);  // no need to complain twice
    } else {
      pointer->x = qualified_name(nullptr);
    }
    embedded = pointer;
  } else {
    syntax_error("cannot parenthesize embedded type");
    next();
    if (at(Tok::Mul)) {
      auto* pointer = node<StarExpr>(tok_.pos);
      next();
      pointer->x = qualified_name(nullptr);
      embedded = pointer;
    } else {
      embedded = qualified_name(nullptr);
    }
    got(Tok::RParen);
  }
  add_field(fields, pos, {}, embedded);
}

// After a name in a field or parameter: "[" "]" E, "[" N "]" E, or type arguments "[" A, ... "]".
ArrayOrTypeArgs Parser::array_or_type_args() {
  Pos lbrack = tok_.pos;
  want(Tok::LBrack);
  if (got(Tok::RBrack)) return {slice_type(lbrack), lbrack};
  bool comma = false;
  int count = 0;
  Expr* length = type_list(false, comma, count);
  want(Tok::RBrack);
  if (!comma) {
    if (Expr* elem = type_or_null()) {
      auto* array = node<ArrayTypeExpr>(lbrack);
      array->len = length;
      array->elem = elem;
      return {array, lbrack};
    }
  }
  return {nullptr, lbrack};
}

// InterfaceType = "interface" "{" { ( MethodSpec | InterfaceElem ) ";" } "}" .
// InterfaceElem = MethodElem | TypeElem .
InterfaceTypeExpr* Parser::interface_type() {
  auto* interface = node<InterfaceTypeExpr>(tok_.pos);
  interface->methods = plain<FieldList>();
  want(Tok::Interface);
  interface->methods->opening = tok_.pos;
  want(Tok::LBrace);
  interface->methods->closing = list("interface type", Tok::Semicolon, Tok::RBrace, [&] {
    Field* field = at(Tok::Ident) ? method_decl() : nullptr;
    if (field == nullptr) {
      field = plain<Field>();
      field->pos = tok_.pos;
      field->type = embedded_union(nullptr);
    } else if (field->names.empty()) {
      field->type = embedded_union(field->type);
    }
    interface->methods->list.push_back(field);
    return false;
  });
  return interface;
}

// MethodSpec = MethodName Signature | InterfaceTypeName .
Field* Parser::method_decl() {
  auto* field = plain<Field>();
  field->pos = tok_.pos;
  Ident* method = name();
  if (at(Tok::LParen)) {
    field->names.push_back(method);
    field->type = func_type(tok_.pos, "interface method");
  } else if (at(Tok::LBrack)) {
    return generic_method_or_instance(field, method);
  } else {
    field->type = qualified_name(method);
  }
  return field;
}

// `name [` in an interface: a generic method m[T C](...) or an embedded instance T[A, B], both
// errors; parsed as gc does to resume at the right place.
Field* Parser::generic_method_or_instance(Field* field, Ident* method) {
  Pos lbrack = tok_.pos;
  next();
  if (at(Tok::RBrack)) {
    Pos rbrack = tok_.pos;
    next();
    if (at(Tok::LParen)) {
      error_at(rbrack, "empty type parameter list");
      field->names.push_back(method);
      field->type = func_type(tok_.pos, "interface method");
    } else {
      error_at(rbrack, "empty type argument list");
      field->type = method;
    }
    return field;
  }
  ParamList list = param_list(nullptr, nullptr, Tok::RBrack, false);
  if (list.params.empty()) {
    // errors inside the brackets, reported already: as if they were absent
    if (at(Tok::LParen)) {
      field->names.push_back(method);
      field->type = func_type(tok_.pos, "interface method");
    } else {
      field->type = method;
    }
    return field;
  }
  if (list.params.front().name != nullptr) {
    field->names.push_back(method);
    field->type = func_type(tok_.pos, "interface method");
    error_at(lbrack, "interface method must have no type parameters");
    return field;
  }
  report_generics(lbrack, false);
  field->type = node<BadExpr>(method->pos);
  return field;
}

// TypeElem = TypeTerm { "|" TypeTerm } .   (kept for the checker to reject)
Expr* Parser::embedded_union(Expr* first) {
  Expr* x = first != nullptr ? first : embedded_term();
  int levels = 0;
  while (at(Tok::Or)) {
    ++levels;
    if (!enter_nesting()) break;
    auto* binary = node<BinaryExpr>(x->pos);
    binary->op = Tok::Or;
    binary->op_pos = tok_.pos;
    next();
    binary->x = x;
    binary->y = embedded_term();
    x = binary;
  }
  leave_nesting(levels);
  return x;
}

// TypeTerm = Type | "~" Type .
Expr* Parser::embedded_term() {
  if (at(Tok::Tilde)) {
    auto* tilde = node<UnaryExpr>(tok_.pos);
    tilde->op = Tok::Tilde;
    next();
    tilde->x = type();
    return tilde;
  }
  Expr* t = type_or_null();
  if (t == nullptr) {
    t = bad_expr();
    syntax_error("expected ~ term or type");
    // gc resumes at any operator; those that can appear in a type element are enough here
    advance({Tok::Or, Tok::Tilde, Tok::Not, Tok::Add, Tok::Sub, Tok::Xor, Tok::Quo, Tok::Rem,
             Tok::And, Tok::AndNot, Tok::Shl, Tok::Shr, Tok::LogAnd, Tok::LogOr, Tok::Eql,
             Tok::Neq, Tok::Lss, Tok::Leq, Tok::Gtr, Tok::Geq, Tok::Semicolon, Tok::RParen,
             Tok::RBrack, Tok::RBrace});
  }
  return t;
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .   one name or type at a time; `name` may
// already be parsed. In type parameter lists (follow == "]") constraints may be type sets.
std::optional<Param> Parser::param_decl_or_null(Ident* first, Tok follow) {
  bool type_sets = follow == Tok::RBrack;
  Param param;
  param.pos = first != nullptr ? first->pos : tok_.pos;
  if (first == nullptr && type_sets && at(Tok::Tilde)) {
    param.type = embedded_union(nullptr);
    return param;
  }
  if (at(Tok::Ident) || first != nullptr) {
    Ident* ident = first != nullptr ? first : name();
    if (at(Tok::LBrack) || at(Tok::Period) || (type_sets && at(Tok::Or))) {
      return param_name_first(param, ident, follow);
    }
    param.name = ident;
  }
  if (at(Tok::Ellipsis)) {
    auto* variadic = node<EllipsisExpr>(tok_.pos);
    next();
    variadic->elem = type_or_null();
    if (variadic->elem == nullptr) {
      variadic->elem = bad_expr();
      syntax_error("... is missing type");
    }
    param.type = variadic;
    return param;
  }
  if (type_sets && at(Tok::Tilde)) {
    param.type = embedded_union(nullptr);
    return param;
  }
  param.type = type_or_null();
  if (type_sets && at(Tok::Or) && param.type != nullptr) param.type = embedded_union(param.type);
  if (param.name != nullptr || param.type != nullptr) return param;
  syntax_error(std::string("expected ") + expected_name(follow));
  advance({Tok::Comma, follow});
  return std::nullopt;
}

// A parameter starting `name [` (array type or instance), `name .` (qualified type) or, in type
// parameter lists, `name |`.
std::optional<Param> Parser::param_name_first(Param param, Ident* ident, Tok follow) {
  bool type_sets = follow == Tok::RBrack;
  if (at(Tok::LBrack)) {
    ArrayOrTypeArgs result = array_or_type_args();
    if (result.array != nullptr) {
      param.name = ident;  // name [N]E
      param.type = result.array;
    } else {
      report_generics(result.lbrack, false);
      param.type = node<BadExpr>(ident->pos);
    }
  } else if (at(Tok::Period)) {
    param.type = qualified_name(ident);
  } else {
    param.type = ident;
  }
  if (type_sets && at(Tok::Or)) param.type = embedded_union(param.type);
  return param;
}

// Parameters = "(" [ ParameterList [ "," ] ] ")" .   ("(" or "[" is consumed)
// ParameterList = ParameterDecl { "," ParameterDecl } .
// `name` and `type` may hold the first parameter, parsed already.
ParamList Parser::param_list(Ident* first, Expr* first_type, Tok close, bool require_names) {
  ParamList result;
  if (first != nullptr && first_type != nullptr && at(close)) {
    result.closing = tok_.pos;
    next();
    result.params.push_back(Param{first->pos, first, first_type});
    return result;
  }
  int named = 0;  // parameters with a name and a type
  int typed = 0;  // parameters with a type
  result.closing = list("parameter list", Tok::Comma, close, [&] {
    std::optional<Param> param;
    if (first_type != nullptr) {
      param = Param{first->pos, first, first_type};
    } else {
      param = param_decl_or_null(first, close);
    }
    first = nullptr;
    first_type = nullptr;
    if (param) {
      if (param->name != nullptr && param->type != nullptr) ++named;
      if (param->type != nullptr) ++typed;
      result.params.push_back(*param);
    }
    return false;
  });
  if (!result.params.empty()) {
    distribute_param_types(result.params, named, typed, result.closing, require_names);
  }
  return result;
}

// `(a, b int, c string)`: a name without a type takes the type of the next parameter that has
// one. With no named parameter at all, the lone names were types: `(int, string)`. Mixing both
// is an error, reported at the leftmost culprit.
void Parser::distribute_param_types(std::vector<Param>& params, int named, int typed, Pos end,
                                    bool require_names) {
  if (named == 0 && !require_names) {
    for (Param& param : params) {
      if (param.name != nullptr) {
        param.type = param.name;
        param.name = nullptr;
      }
    }
    return;
  }
  if (named == static_cast<int>(params.size())) return;
  Pos error_pos;
  Expr* type = nullptr;  // the type to the right
  for (auto it = params.rbegin(); it != params.rend(); ++it) {
    if (it->type != nullptr) {
      type = it->type;
      if (it->name == nullptr) {
        error_pos = it->type->pos;
        it->name = blank_ident(error_pos);
      }
    } else if (type != nullptr) {
      it->type = type;
    } else {
      error_pos = it->name->pos;
      it->type = node<BadExpr>(error_pos);
    }
  }
  if (!error_pos.valid()) return;
  std::string message = "mixed named and unnamed parameters";
  if (require_names && named == typed) {
    error_pos = end;
    message = "missing type constraint";
  } else if (require_names) {
    message = "missing type parameter name";
    if (params.size() == 1) message += " or invalid array length";
  }
  syntax_error_at(error_pos, message);
}

}  // namespace gopark::lang::detail
