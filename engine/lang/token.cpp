#include "lang/token.hpp"

#include <array>

namespace gopark::lang {

namespace {

constexpr std::array kSpellings = {
#define GOPARK_TOKEN_SPELLING(name, text) std::string_view(text),
    GOPARK_TOKENS(GOPARK_TOKEN_SPELLING)
#undef GOPARK_TOKEN_SPELLING
};

}  // namespace

std::string_view spelling(Tok t) {
  auto index = static_cast<std::size_t>(t);
  return index < kSpellings.size() ? kSpellings[index] : std::string_view("?");
}

int precedence(Tok t) {
  switch (t) {
    case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr: case Tok::And:
    case Tok::AndNot:
      return 5;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor:
      return 4;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq:
      return 3;
    case Tok::LogAnd:
      return 2;
    case Tok::LogOr:
      return 1;
    default:
      return 0;
  }
}

}  // namespace gopark::lang
