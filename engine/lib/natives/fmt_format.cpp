// fmt's operand formatting (Go's fmt/format.go semantics; see fmt_format.hpp).
#include "lib/natives/fmt_format.hpp"

#include "lib/natives/float_format.hpp"
#include "lib/natives/text.hpp"
#include "text/utf8.hpp"
#include "vm/interp.hpp"

namespace gopark::lib {
namespace {

constexpr char kLowerDigits[] = "0123456789abcdefx";
constexpr char kUpperDigits[] = "0123456789ABCDEFX";

}  // namespace

void Formatter::write_padding(int n) {
  if (n <= 0) return;
  buf_.append(std::size_t(n), flags.zero ? '0' : ' ');
}

void Formatter::pad(std::string_view s) {
  if (!flags.wid_present || wid == 0) {
    buf_ += s;
    return;
  }
  int width = wid - int(rune_count(s));
  if (!flags.minus) {
    write_padding(width);
    buf_ += s;
  } else {
    buf_ += s;
    write_padding(width);
  }
}

void Formatter::fmt_boolean(bool v) { pad(v ? "true" : "false"); }

void Formatter::fmt_unicode(std::uint64_t u) {
  std::string digits;
  int min_digits = flags.prec_present && prec > 4 ? prec : 4;
  std::uint64_t x = u;
  do {
    digits.insert(digits.begin(), kUpperDigits[x & 0xF]);
    x >>= 4;
  } while (x != 0);
  if (int(digits.size()) < min_digits) digits.insert(0, std::size_t(min_digits) - digits.size(), '0');
  std::string s = "U+" + digits;
  if (flags.sharp && u <= std::uint64_t(kMaxRune) && is_print(std::int32_t(u))) {
    s += " '";
    text::encode(std::int32_t(u), s);
    s += '\'';
  }
  bool old_zero = flags.zero;
  flags.zero = false;
  pad(s);
  flags.zero = old_zero;
}

void Formatter::fmt_integer(std::uint64_t u, int base, bool is_signed, std::int32_t verb, bool upper) {
  const char* digits = upper ? kUpperDigits : kLowerDigits;
  bool negative = is_signed && std::int64_t(u) < 0;
  if (negative) u = 0 - u;

  // Zero padding to the width is done as precision (digits after the sign).
  int precision = 0;
  if (flags.prec_present) {
    precision = prec;
    if (precision == 0 && u == 0) {  // %.0d of 0 prints nothing but padding
      bool old_zero = flags.zero;
      flags.zero = false;
      write_padding(wid);
      flags.zero = old_zero;
      return;
    }
  } else if (flags.zero && flags.wid_present) {
    precision = wid;
    if (negative || flags.plus || flags.space) --precision;  // room for the sign
  }

  std::string s;  // built backwards
  switch (base) {
    case 10:
      while (u >= 10) {
        s += char('0' + u % 10);
        u /= 10;
      }
      break;
    case 16:
      while (u >= 16) {
        s += digits[u & 0xF];
        u >>= 4;
      }
      break;
    case 8:
      while (u >= 8) {
        s += char('0' + (u & 7));
        u >>= 3;
      }
      break;
    default:  // 2
      while (u >= 2) {
        s += char('0' + (u & 1));
        u >>= 1;
      }
      break;
  }
  s += digits[u];
  while (int(s.size()) < precision) s += '0';

  if (flags.sharp) {
    switch (base) {
      case 2: s += "b0"; break;
      case 8:
        if (s.back() != '0') s += '0';
        break;
      case 16:
        s += digits[16];
        s += '0';
        break;
      default: break;
    }
  }
  if (verb == 'O') s += "o0";
  if (negative) s += '-';
  else if (flags.plus) s += '+';
  else if (flags.space) s += ' ';

  std::string forward(s.rbegin(), s.rend());
  bool old_zero = flags.zero;
  flags.zero = false;
  pad(forward);
  flags.zero = old_zero;
}

std::string_view Formatter::truncate(std::string_view s) const {
  if (!flags.prec_present) return s;
  int n = prec;
  for (std::size_t i = 0; i < s.size();) {
    if (--n < 0) return s.substr(0, i);
    std::int64_t w = 1;
    if (static_cast<unsigned char>(s[i]) >= 0x80) w = std::int64_t(text::decode(s, i).width);
    i += std::size_t(w);
  }
  return s;
}

void Formatter::fmt_s(std::string_view s) { pad(truncate(s)); }

void Formatter::fmt_sbx(std::string_view s, bool upper) {
  const char* digits = upper ? kUpperDigits : kLowerDigits;
  int length = int(s.size());
  if (flags.prec_present && prec < length) length = prec;
  int width = 2 * length;
  if (width > 0) {
    if (flags.space) {
      if (flags.sharp) width *= 2;
      width += length - 1;
    } else if (flags.sharp) {
      width += 2;
    }
  } else {
    if (flags.wid_present) write_padding(wid);
    return;
  }
  if (flags.wid_present && wid > width && !flags.minus) write_padding(wid - width);
  if (flags.sharp) {
    buf_ += '0';
    buf_ += digits[16];
  }
  for (int i = 0; i < length; ++i) {
    if (flags.space && i > 0) {
      buf_ += ' ';
      if (flags.sharp) {
        buf_ += '0';
        buf_ += digits[16];
      }
    }
    unsigned char c = static_cast<unsigned char>(s[std::size_t(i)]);
    buf_ += digits[c >> 4];
    buf_ += digits[c & 0xF];
  }
  if (flags.wid_present && wid > width && flags.minus) write_padding(wid - width);
}

void Formatter::fmt_q(std::string_view s) {
  s = truncate(s);
  if (flags.sharp && can_backquote(s)) {
    std::string raw = "`";
    raw += s;
    raw += '`';
    pad(raw);
    return;
  }
  std::string q;
  append_quoted(q, s, QuoteMode{flags.plus, false});
  pad(q);
}

void Formatter::fmt_c(std::uint64_t c) {
  std::string s;
  text::encode(c > std::uint64_t(kMaxRune) ? kRuneError : std::int32_t(c), s);
  pad(s);
}

void Formatter::fmt_qc(std::uint64_t c) {
  std::string s;
  append_quoted_rune(s, c > std::uint64_t(kMaxRune) ? kRuneError : std::int32_t(c), QuoteMode{flags.plus, false});
  pad(s);
}

void Formatter::fmt_float(double v, int size, std::int32_t verb, int precision) {
  if (flags.prec_present) precision = prec;
  // Format with a sign slot in front, so the sign can be placed or dropped below.
  std::string num = "+";
  append_float(num, v, char(verb), precision, size);
  if (num[1] == '-' || num[1] == '+') num.erase(0, 1);
  if (flags.space && num[0] == '+' && !flags.plus) num[0] = ' ';
  // Infinities and NaN are never zero padded; NaN has no sign unless asked for.
  if (num[1] == 'I' || num[1] == 'N') {
    bool old_zero = flags.zero;
    flags.zero = false;
    if (num[1] == 'N' && !flags.space && !flags.plus) num.erase(0, 1);
    pad(num);
    flags.zero = old_zero;
    return;
  }
  // %#g and friends: keep the decimal point and trailing zeros.
  if (flags.sharp && verb != 'b') {
    int digits = 0;
    switch (verb) {
      case 'v':
      case 'g':
      case 'G':
      case 'x':
        digits = precision == -1 ? 6 : precision;
        break;
      default: break;
    }
    std::string tail;
    bool has_point = false;
    bool saw_nonzero = false;
    for (std::size_t i = 1; i < num.size(); ++i) {
      char c = num[i];
      if (c == '.') {
        has_point = true;
        continue;
      }
      if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      }
      if (c != '0') saw_nonzero = true;
      if (saw_nonzero) --digits;
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0') --digits;  // the leading 0 of 0.000 counts
      num += '.';
    }
    while (digits > 0) {
      num += '0';
      --digits;
    }
    num += tail;
  }
  if (flags.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (flags.zero && flags.wid_present && wid > int(num.size())) {
      buf_ += num[0];
      write_padding(wid - int(num.size()));
      buf_.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

}  // namespace gopark::lib
