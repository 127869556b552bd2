#pragma once
// Go's escape sequences (spec "Rune literals"), both ways: reading one in an interpreted string
// or rune literal, and writing one for a rune a quoting function will not print as it is. The
// lexer and the constant folder (literals in source) and strconv's natives (Quote, Unquote) use
// these; each keeps its own notion of "printable" and its own loop over the literal.
// engine/text's floor: see utf8.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace gopark::text {

struct Escape {
  std::int32_t value = 0;
  // A \x or octal escape: one byte of a string, not a code point (in a string literal "\xff" is
  // the byte 0xFF, "\u00ff" the two bytes of U+00FF).
  bool is_byte = false;
};

namespace escape_detail {
inline int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}
}  // namespace escape_detail

// The escape sequence at s[i] == '\\', by strconv.UnquoteChar's rules; moves i past it. `quote`
// is the literal's quote character, the only quote that may be escaped ('\'' or '"'; 0: neither).
// nullopt for an unknown escape letter, a digit missing or outside its base, an octal value
// past 255, or a \u or \U value that is not a valid rune (i is then anywhere past the '\\').
inline std::optional<Escape> decode_escape(std::string_view s, std::size_t& i, char quote) {
  if (i + 1 >= s.size()) return std::nullopt;
  char letter = s[i + 1];
  i += 2;
  switch (letter) {
    case 'a': return Escape{'\a'};
    case 'b': return Escape{'\b'};
    case 'f': return Escape{'\f'};
    case 'n': return Escape{'\n'};
    case 'r': return Escape{'\r'};
    case 't': return Escape{'\t'};
    case 'v': return Escape{'\v'};
    case '\\': return Escape{'\\'};
    case '\'':
    case '"':
      if (letter != quote) return std::nullopt;
      return Escape{letter};
    default: break;
  }
  int digits = 0, base = 16;
  if (letter >= '0' && letter <= '7') {
    digits = 3, base = 8;
    --i;  // the letter is the first digit
  } else if (letter == 'x') {
    digits = 2;
  } else if (letter == 'u') {
    digits = 4;
  } else if (letter == 'U') {
    digits = 8;
  } else {
    return std::nullopt;
  }
  std::uint32_t value = 0;
  for (int n = 0; n < digits; ++n, ++i) {
    if (i >= s.size()) return std::nullopt;
    int digit = escape_detail::digit_value(s[i]);
    if (digit >= base) return std::nullopt;
    value = value * std::uint32_t(base) + std::uint32_t(digit);
  }
  if (base == 8 || letter == 'x') {
    if (value > 255) return std::nullopt;
    return Escape{std::int32_t(value), true};
  }
  if (!valid_rune(value)) return std::nullopt;
  return Escape{std::int32_t(value)};
}

// Appends the escape that writes r in a quoted Go literal, for a rune the caller does not print
// as it is (not printable by its rules, or not ASCII in an ASCII-only quote): \a \b \f \n \r \t
// \v by name, other controls and DEL as \xNN, the rest as \uNNNN or \UNNNNNNNN (an invalid rune
// as \ufffd). The quote character and the backslash are the caller's: they are printable.
inline void append_escape(std::string& out, std::int32_t r) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto append_hex = [&out](std::uint32_t v, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[v >> shift & 0xF];
  };
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r >= 0 && (r < ' ' || r == 0x7F)) {
    out += "\\x";
    append_hex(std::uint32_t(r), 2);
    return;
  }
  if (!valid_rune(r)) r = kRuneError;
  if (r < 0x10000) {
    out += "\\u";
    append_hex(std::uint32_t(r), 4);
  } else {
    out += "\\U";
    append_hex(std::uint32_t(r), 8);
  }
}

}  // namespace gopark::text
