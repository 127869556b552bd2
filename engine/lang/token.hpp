#pragma once
// Go's tokens (spec "Lexical elements"). One list, used for the enum and the spelling table.
#include <cstdint>
#include <string_view>

namespace gopark::lang {

// X(name, spelling). Order matters only inside the marked ranges (is_* helpers below).
#define GOPARK_TOKENS(X)                                                                  \
  X(Eof, "EOF")                                                                           \
  X(Illegal, "ILLEGAL")                                                                   \
  X(Comment, "comment")                                                                   \
  /* literals */                                                                          \
  X(Ident, "identifier")                                                                  \
  X(Int, "int literal")                                                                   \
  X(Float, "float literal")                                                               \
  X(Imag, "imaginary literal")                                                            \
  X(Char, "rune literal")                                                                 \
  X(String, "string literal")                                                             \
  /* operators: binary ones first, see is_binary_op */                                    \
  X(Add, "+")                                                                             \
  X(Sub, "-")                                                                             \
  X(Mul, "*")                                                                             \
  X(Quo, "/")                                                                             \
  X(Rem, "%")                                                                             \
  X(And, "&")                                                                             \
  X(Or, "|")                                                                              \
  X(Xor, "^")                                                                             \
  X(Shl, "<<")                                                                            \
  X(Shr, ">>")                                                                            \
  X(AndNot, "&^")                                                                         \
  X(LogAnd, "&&")                                                                         \
  X(LogOr, "||")                                                                          \
  X(Eql, "==")                                                                            \
  X(Neq, "!=")                                                                            \
  X(Lss, "<")                                                                             \
  X(Leq, "<=")                                                                            \
  X(Gtr, ">")                                                                             \
  X(Geq, ">=")                                                                            \
  /* assignment operators: op= in the same order as the first 11 binary ops */            \
  X(AddAssign, "+=")                                                                      \
  X(SubAssign, "-=")                                                                      \
  X(MulAssign, "*=")                                                                      \
  X(QuoAssign, "/=")                                                                      \
  X(RemAssign, "%=")                                                                      \
  X(AndAssign, "&=")                                                                      \
  X(OrAssign, "|=")                                                                       \
  X(XorAssign, "^=")                                                                      \
  X(ShlAssign, "<<=")                                                                     \
  X(ShrAssign, ">>=")                                                                     \
  X(AndNotAssign, "&^=")                                                                  \
  X(Assign, "=")                                                                          \
  X(Define, ":=")                                                                         \
  X(Arrow, "<-")                                                                          \
  X(Inc, "++")                                                                            \
  X(Dec, "--")                                                                            \
  X(Not, "!")                                                                             \
  X(Tilde, "~")                                                                           \
  X(Ellipsis, "...")                                                                      \
  X(LParen, "(")                                                                          \
  X(RParen, ")")                                                                          \
  X(LBrack, "[")                                                                          \
  X(RBrack, "]")                                                                          \
  X(LBrace, "{")                                                                          \
  X(RBrace, "}")                                                                          \
  X(Comma, ",")                                                                           \
  X(Period, ".")                                                                          \
  X(Semicolon, ";")                                                                       \
  X(Colon, ":")                                                                           \
  /* keywords */                                                                          \
  X(Break, "break")                                                                       \
  X(Case, "case")                                                                         \
  X(Chan, "chan")                                                                         \
  X(Const, "const")                                                                       \
  X(Continue, "continue")                                                                 \
  X(Default, "default")                                                                   \
  X(Defer, "defer")                                                                       \
  X(Else, "else")                                                                         \
  X(Fallthrough, "fallthrough")                                                           \
  X(For, "for")                                                                           \
  X(Func, "func")                                                                         \
  X(Go, "go")                                                                             \
  X(Goto, "goto")                                                                         \
  X(If, "if")                                                                             \
  X(Import, "import")                                                                     \
  X(Interface, "interface")                                                               \
  X(Map, "map")                                                                           \
  X(Package, "package")                                                                   \
  X(Range, "range")                                                                       \
  X(Return, "return")                                                                     \
  X(Select, "select")                                                                     \
  X(Struct, "struct")                                                                     \
  X(Switch, "switch")                                                                     \
  X(Type, "type")                                                                         \
  X(Var, "var")

enum class Tok : std::uint8_t {
#define GOPARK_TOKEN_ENUM(name, spelling) name,
  GOPARK_TOKENS(GOPARK_TOKEN_ENUM)
#undef GOPARK_TOKEN_ENUM
};

// The spelling Go's compiler uses in messages ("+", "break", "identifier").
std::string_view spelling(Tok t);

constexpr bool is_binary_op(Tok t) { return t >= Tok::Add && t <= Tok::Geq; }
constexpr bool is_assign_op(Tok t) { return t >= Tok::AddAssign && t <= Tok::AndNotAssign; }
constexpr bool is_keyword(Tok t) { return t >= Tok::Break && t <= Tok::Var; }
// `+=` → `+`: the arithmetic op of an assignment operator.
constexpr Tok assign_op_base(Tok t) {
  return static_cast<Tok>(static_cast<int>(t) - static_cast<int>(Tok::AddAssign) +
                          static_cast<int>(Tok::Add));
}
// Binary precedence per the spec: 5 (* / % << >> & &^), 4 (+ - | ^), 3 (== != < <= > >=),
// 2 (&&), 1 (||); 0 for a token that is not a binary operator.
int precedence(Tok t);

// A position in the source: 1-based line and column, the column in bytes as Go counts it.
struct Pos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  constexpr bool valid() const { return line != 0; }
  friend constexpr bool operator==(Pos, Pos) = default;
  friend constexpr bool operator<(Pos a, Pos b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  }
};

}  // namespace gopark::lang
