// strconv.ParseFloat: Go's syntax, the C library's correctly rounded conversion (float_parse.hpp).
#include "lib/natives/float_parse.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace gopark::lib {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the common prefix of s and `word` (lower case), ignoring case in s.
std::size_t common_prefix_ignore_case(std::string_view s, std::string_view word) {
  std::size_t n = std::min(s.size(), word.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (lower(s[i]) != word[i]) return i;
  }
  return n;
}

// "inf", "infinity" (with an optional sign) and "nan": true with the value if s is exactly one.
bool special(std::string_view s, double& out) {
  if (s.empty()) return false;
  double sign = 1;
  std::size_t nsign = 0;
  if (s[0] == '+' || s[0] == '-') {
    sign = s[0] == '-' ? -1 : 1;
    nsign = 1;
  } else if (lower(s[0]) == 'n') {
    if (s.size() == 3 && common_prefix_ignore_case(s, "nan") == 3) {
      out = std::numeric_limits<double>::quiet_NaN();
      return true;
    }
    return false;
  }
  std::string_view rest = s.substr(nsign);
  std::size_t n = common_prefix_ignore_case(rest, "infinity");
  if ((n == 3 || n == 8) && rest.size() == n) {
    out = sign * std::numeric_limits<double>::infinity();
    return true;
  }
  return false;
}

// Go's rule for underscores in a number: only between digits (a base prefix counts as one).
bool underscores_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// Go's readFloat, as a syntax check: true if all of s is one float literal. `clean` gets s
// without underscores, ready for strtod.
bool valid_float(std::string_view s, std::string& clean) {
  std::size_t i = 0;
  bool underscores = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool saw_dot = false, saw_digits = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if (is_digit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  if (i < s.size() && lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;  // a hexadecimal mantissa needs a p exponent
  }
  if (i != s.size()) return false;
  if (underscores && !underscores_ok(s)) return false;
  clean.clear();
  for (char c : s) {
    if (c != '_') clean += c;
  }
  return true;
}

}  // namespace

ParseStatus parse_float(std::string_view s, int bit_size, double& out) {
  out = 0;
  if (special(s, out)) {
    if (bit_size == 32) out = double(float(out));
    return ParseStatus::Ok;
  }
  std::string clean;
  if (!valid_float(s, clean)) {
    out = 0;
    return ParseStatus::Syntax;
  }
  if (bit_size == 32) out = double(std::strtof(clean.c_str(), nullptr));
  else out = std::strtod(clean.c_str(), nullptr);
  // Overflow gives ±Inf (ERANGE); underflow to zero or a subnormal is no error in Go.
  if (std::isinf(out)) return ParseStatus::Range;
  return ParseStatus::Ok;
}

}  // namespace gopark::lib
