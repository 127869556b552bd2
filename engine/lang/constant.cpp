#include "lang/constant.hpp"

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>

#include "lang/bigint.hpp"
#include "lang/lexer.hpp"
#include "text/escape.hpp"
#include "text/utf8.hpp"

// The file in four parts: numeric helpers on rationals (rounding to binary floats, decimal
// digits), literal parsing, formatting, and ConstValue itself.

namespace gopark::lang {

struct ConstValue::Payload {
  BigInt num;        // an Int past int64, or a Float's numerator
  BigInt den;        // a Float's denominator (> 0)
  std::string text;  // a String
};

namespace {

struct Rat {
  BigInt num;
  BigInt den;  // > 0
};

// ---- rounding a rational to a binary float ----

// |num/den| (num != 0, den > 0) as (q + f) * 2^exp with q in [2^62, 2^64), 0 <= f < 1 and sticky
// == (f != 0): enough to round correctly to any binary format of up to 62 significand bits.
struct Scaled {
  std::uint64_t q;
  bool sticky;
  std::int64_t exp;
};

Scaled scale_to_64(const BigInt& num, const BigInt& den) {
  std::int64_t k = static_cast<std::int64_t>(num.bit_len()) - static_cast<std::int64_t>(den.bit_len());
  std::int64_t s = 63 - k;  // makes bit_len(a) == bit_len(b) + 63, so a/b lies in (2^62, 2^64)
  BigInt a = num.abs();
  BigInt b = den;
  if (s >= 0) {
    a = a.shl(static_cast<std::size_t>(s));
  } else {
    b = b.shl(static_cast<std::size_t>(-s));
  }
  BigInt q;
  BigInt r;
  BigInt::quo_rem(a, b, &q, &r);
  return {q.low64(), !r.is_zero(), -s};
}

// Rounds to `mant_bits` significand bits (ties to even), with gradual underflow: no bit below
// 2^min_exp (the smallest subnormal) is kept. The result is exact as a double when finite in
// the target format's range; values past it come back larger than the format's maximum.
double round_scaled(const Scaled& x, int mant_bits, std::int64_t min_exp) {
  const int width = std::bit_width(x.q);  // 63 or 64
  const std::int64_t e = width - 1 + x.exp;        // 2^e <= value < 2^(e+1)
  const std::int64_t keep = std::min<std::int64_t>(mant_bits, e - min_exp + 1);
  if (keep < 0) return 0.0;  // below half the smallest subnormal
  const int drop = width - static_cast<int>(keep);  // >= 10: mant_bits <= 53
  std::uint64_t m = drop >= 64 ? 0 : x.q >> drop;
  const std::uint64_t half = std::uint64_t{1} << (drop - 1);
  const bool above_half = (x.q & (half - 1)) != 0 || x.sticky;
  if ((x.q & half) != 0 && (above_half || (m & 1) != 0)) ++m;
  const std::int64_t out_exp = e - keep + 1;  // the weight of m's lowest bit
  if (out_exp > 4096) return std::numeric_limits<double>::infinity();
  return std::ldexp(static_cast<double>(m), static_cast<int>(out_exp));
}

double rat_to_double(const Rat& r, int mant_bits, std::int64_t min_exp) {
  if (r.num.is_zero()) return 0.0;
  double d = round_scaled(scale_to_64(r.num, r.den), mant_bits, min_exp);
  return r.num.is_negative() ? -d : d;
}

double rat_to_float64(const Rat& r) { return rat_to_double(r, 53, -1074); }

float rat_to_float32(const Rat& r) {
  double d = rat_to_double(r, 24, -149);
  if (std::fabs(d) > static_cast<double>(FLT_MAX)) {
    return d < 0 ? -std::numeric_limits<float>::infinity() : std::numeric_limits<float>::infinity();
  }
  return static_cast<float>(d);  // exact: d has at most 24 significant bits in float range
}

// The exact value of a finite double (not reduced: den is a power of two).
Rat rat_of_double(double v) {
  int e = 0;
  double f = std::frexp(v, &e);  // v = f * 2^e, 0.5 <= |f| < 1
  auto m = static_cast<std::int64_t>(std::ldexp(f, 53));
  std::int64_t exp = static_cast<std::int64_t>(e) - 53;
  BigInt num = BigInt::from_int64(m);
  BigInt den = BigInt::from_uint64(1);
  if (exp >= 0) {
    num = num.shl(static_cast<std::size_t>(exp));
  } else {
    den = den.shl(static_cast<std::size_t>(-exp));
  }
  return {std::move(num), std::move(den)};
}

// ---- decimal digits ----

// The first n significant decimal digits of num/den (both > 0), rounded half to even, trailing
// zeros removed; value ~= 0.digits * 10^dp.
struct Decimal {
  std::string digits;
  std::int64_t dp;
};

Decimal decimal_digits(const BigInt& num, const BigInt& den, int n) {
  constexpr double kLog10Of2 = 0.30102999566398119521373889472449302676818988146210854131;
  std::int64_t k = static_cast<std::int64_t>(num.bit_len()) - static_cast<std::int64_t>(den.bit_len());
  std::int64_t est = static_cast<std::int64_t>(std::floor(static_cast<double>(k) * kLog10Of2));  // ~floor(log10 v)
  const BigInt low = BigInt::power(10, static_cast<std::uint32_t>(n - 1));
  const BigInt high = BigInt::power(10, static_cast<std::uint32_t>(n));
  BigInt q;
  BigInt r;
  BigInt b;
  for (;;) {
    std::int64_t p = n - 1 - est;  // q = floor(v * 10^p) should have n digits
    BigInt a = num;
    b = den;
    if (p >= 0) {
      a = a * BigInt::power(10, static_cast<std::uint32_t>(p));
    } else {
      b = b * BigInt::power(10, static_cast<std::uint32_t>(-p));
    }
    BigInt::quo_rem(a, b, &q, &r);
    if (BigInt::compare(q, high) >= 0) {
      ++est;
    } else if (BigInt::compare(q, low) < 0) {
      --est;
    } else {
      break;
    }
  }
  int c = BigInt::compare(r.shl(1), b);
  if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt::from_uint64(1);
  if (q == high) {
    q = low;
    ++est;
  }
  std::string digits = q.to_decimal();
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return {std::move(digits), est + 1};
}

// ---- formatting ----

// strconv's %e body: d.ddddde±dd with `prec` digits after the point.
std::string format_e(const Decimal& d, int prec) {
  std::string out(1, d.digits.empty() ? '0' : d.digits[0]);
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      out += static_cast<std::size_t>(i) < d.digits.size() ? d.digits[static_cast<std::size_t>(i)] : '0';
    }
  }
  std::int64_t exp = d.digits.empty() ? 0 : d.dp - 1;
  out += exp < 0 ? "e-" : "e+";
  std::string digits = std::to_string(exp < 0 ? -exp : exp);
  if (digits.size() < 2) digits.insert(0, "0");
  return out + digits;
}

// strconv's %f body with `prec` digits after the point.
std::string format_f(const Decimal& d, std::int64_t prec) {
  const std::int64_t nd = static_cast<std::int64_t>(d.digits.size());
  std::string out;
  if (d.dp > 0) {
    for (std::int64_t i = 0; i < d.dp; ++i) out += i < nd ? d.digits[static_cast<std::size_t>(i)] : '0';
  } else {
    out = "0";
  }
  if (prec > 0) {
    out += '.';
    for (std::int64_t i = 0; i < prec; ++i) {
      std::int64_t j = d.dp + i;
      out += (j >= 0 && j < nd) ? d.digits[static_cast<std::size_t>(j)] : '0';
    }
  }
  return out;
}

// fmt's %.6g of a finite double: six significant digits, %e form when the exponent is < -4 or
// >= the precision, trailing zeros dropped (strconv's formatDigits rules).
std::string format_g6(double x) {
  constexpr int kPrec = 6;
  if (x == 0) return "0";
  Rat r = rat_of_double(std::fabs(x));
  Decimal d = decimal_digits(r.num, r.den, kPrec);
  const std::int64_t nd = static_cast<std::int64_t>(d.digits.size());
  std::int64_t eprec = kPrec;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  const std::int64_t exp = d.dp - 1;
  std::string body;
  if (exp < -4 || exp >= eprec) {
    body = format_e(d, static_cast<int>(std::min<std::int64_t>(kPrec, nd) - 1));
  } else {
    std::int64_t prec = kPrec > d.dp ? nd : kPrec;
    body = format_f(d, std::max<std::int64_t>(prec - d.dp, 0));
  }
  return x < 0 ? "-" + body : body;
}

// go/constant's String of a Float: %.6g of the nearest double when that neither overflows nor
// underflows to zero; otherwise Go's approximation, mirrored step by step (mantissa in [0.5, 1)
// times a power of ten estimated in float64 arithmetic) so that the digits agree with Go's.
std::string float_string(const Rat& r) {
  if (r.num.is_zero()) return "0";
  double x = rat_to_float64(r);
  if (x != 0 && !std::isinf(x)) return format_g6(x);
  constexpr double kLog10Of2 = 0.30102999566398119521373889472449302676818988146210854131;
  Scaled s = scale_to_64(r.num, r.den);
  const std::int64_t exp2 = std::bit_width(s.q) + s.exp;  // 2^(exp2-1) <= |v| < 2^exp2
  double m = round_scaled({s.q, s.sticky, s.exp - exp2}, 53, -1074);
  if (r.num.is_negative()) m = -m;
  double d = static_cast<double>(exp2) * kLog10Of2;
  auto e = static_cast<std::int64_t>(d);
  m *= std::pow(10.0, d - static_cast<double>(e));
  double am = std::fabs(m);
  if (am < 0.9999995) {
    m *= 10;
    --e;
  } else if (am >= 10) {
    m /= 10;
    ++e;
  }
  return format_g6(m) + (e < 0 ? "e-" : "e+") + std::to_string(e < 0 ? -e : e);
}

// ---- quoting (UTF-8 and escapes: text/utf8.hpp, text/escape.hpp) ----

// An approximation of Go's unicode.IsPrint (see the header): the categories it rejects that
// can be listed by range — controls, separators other than ' ', format characters, private use,
// noncharacters and the unassigned planes — without Go's per-code-point tables.
bool is_print(char32_t r) {
  struct Range {
    char32_t lo;
    char32_t hi;
  };
  static constexpr Range kNotPrint[] = {
      {0x0000, 0x001F},   {0x007F, 0x00A0},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
      {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x08E2, 0x08E2},
      {0x1680, 0x1680},   {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F},
      {0x205F, 0x2064},   {0x2066, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},
      {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD},
      {0x110CD, 0x110CD}, {0x13430, 0x13438}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
      {0x3134B, 0xE00FF}, {0xE01F0, 0x10FFFF},
  };
  if ((r & 0xFFFE) == 0xFFFE) return false;  // U+xxFFFE and U+xxFFFF are noncharacters
  for (const Range& range : kNotPrint) {
    if (r >= range.lo && r <= range.hi) return false;
  }
  return true;
}

void append_hex(std::string& out, std::uint32_t v, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out += kHex[(v >> (4 * i)) & 0xF];
}

// strconv.Quote: printable runes as they are, Go's escapes for the rest, \x for invalid bytes.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    text::Decoded d = text::decode(s, i);
    if (d.invalid()) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[i]), 2);
      ++i;
      continue;
    }
    i += d.width;
    if (d.rune == '"' || d.rune == '\\') {
      out += '\\';
      out += static_cast<char>(d.rune);
    } else if (is_print(static_cast<char32_t>(d.rune))) {
      text::encode(d.rune, out);
    } else {
      text::append_escape(out, d.rune);
    }
  }
  return out + "\"";
}

// go/constant's String of a String: the quoted form cut to its first 69 runes plus "..." when it
// has more than 72 runes (the closing quote goes too).
std::string shortened_quote(std::string_view s) {
  constexpr std::size_t kMaxRunes = 72;
  std::string q = quote(s);
  std::size_t runes = 0;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < q.size();) {
    if (runes == kMaxRunes - 3) cut = i;
    i += text::decode(q, i).width;
    ++runes;
  }
  if (runes <= kMaxRunes) return q;
  return q.substr(0, cut) + "...";
}

// ---- literal parsing ----

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Scans digits of `base` from s[i] with Go's separator rule: each '_' follows a digit (or the
// base prefix, when after_prefix) and precedes a digit. Appends the digits to `out` and stops at
// the first other character; false on a misplaced '_'.
bool scan_digits(std::string_view s, std::size_t& i, int base, bool after_prefix, std::string& out) {
  bool may_underscore = after_prefix;
  bool last_underscore = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (!may_underscore) return false;
      may_underscore = false;
      last_underscore = true;
      continue;
    }
    int d = digit_value(s[i]);
    if (d < 0 || d >= base) break;
    out += s[i];
    may_underscore = true;
    last_underscore = false;
  }
  return !last_underscore;
}

// The value of validated digits in `base`, or nothing past the size cap. Leading zeros are free.
std::optional<BigInt> digits_value(std::string_view digits, int base) {
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return BigInt();
  digits.remove_prefix(first);
  const double bits_per_digit = std::log2(static_cast<double>(base));
  if (static_cast<double>(digits.size() - 1) * bits_per_digit > static_cast<double>(ConstValue::kMaxBits)) {
    return std::nullopt;
  }
  // Digits in word-sized chunks: one multiply-add over the whole number per chunk.
  BigInt value;
  std::uint32_t chunk = 0;
  std::uint32_t scale = 1;
  for (char c : digits) {
    if (scale > 0xFFFFFFFFu / static_cast<std::uint32_t>(base)) {
      value.mul_add_small(scale, chunk);
      chunk = 0;
      scale = 1;
    }
    chunk = chunk * static_cast<std::uint32_t>(base) + static_cast<std::uint32_t>(digit_value(c));
    scale *= static_cast<std::uint32_t>(base);
  }
  value.mul_add_small(scale, chunk);
  return value;
}

// An optionally signed decimal exponent, saturated far past any cap.
bool scan_exponent(std::string_view s, std::size_t& i, std::int64_t* exp) {
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string digits;
  if (!scan_digits(s, i, 10, false, digits) || digits.empty()) return false;
  std::int64_t v = 0;
  for (char c : digits) v = std::min<std::int64_t>(v * 10 + (c - '0'), std::int64_t{1} << 30);
  *exp = negative ? -v : v;
  return true;
}

std::optional<BigInt> parse_int_literal(std::string_view s) {
  int base = 10;
  std::size_t i = 0;
  bool prefix = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);  // lower case
    prefix = true;
    if (p == 'x') {
      base = 16, i = 2;
    } else if (p == 'b') {
      base = 2, i = 2;
    } else if (p == 'o') {
      base = 8, i = 2;
    } else {
      base = 8, i = 1;  // legacy octal: 0 [_] octal digits
    }
  }
  std::string digits;
  if (!scan_digits(s, i, base, prefix, digits) || i != s.size() || digits.empty()) {
    return std::nullopt;
  }
  return digits_value(digits, base);
}

// mantissa * radix^exp as a rational (radix 10 or 2), within the caps.
std::optional<Rat> scaled_rational(std::string digits, int base, std::int64_t exp, int radix) {
  // Trailing zeros move into the exponent; they would only be cancelled by the gcd later.
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    exp += base == 16 ? 4 : 1;
  }
  if (digits.empty()) return Rat{BigInt(), BigInt::from_uint64(1)};
  const std::int64_t limit = radix == 10 ? ConstValue::kMaxDecimalExponent : static_cast<std::int64_t>(ConstValue::kMaxBits);
  if (exp > limit || exp < -limit) return std::nullopt;
  std::optional<BigInt> mant = digits_value(digits, base);
  if (!mant) return std::nullopt;
  BigInt scale = radix == 10 ? BigInt::power(10, static_cast<std::uint32_t>(exp < 0 ? -exp : exp))
                             : BigInt::from_uint64(1).shl(static_cast<std::size_t>(exp < 0 ? -exp : exp));
  if (exp >= 0) return Rat{*mant * scale, BigInt::from_uint64(1)};
  return Rat{std::move(*mant), std::move(scale)};
}

// decimal_float_lit and hex_float_lit from the spec; unreduced.
std::optional<Rat> parse_float_literal(std::string_view s) {
  const bool hex = s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
  const int base = hex ? 16 : 10;
  std::size_t i = hex ? 2 : 0;
  std::string int_digits;
  std::string frac_digits;
  if (!scan_digits(s, i, base, hex, int_digits)) return std::nullopt;
  bool has_point = i < s.size() && s[i] == '.';
  if (has_point) {
    ++i;
    if (!scan_digits(s, i, base, false, frac_digits)) return std::nullopt;
  }
  if (int_digits.empty() && frac_digits.empty()) return std::nullopt;
  std::int64_t exp = 0;
  bool has_exp = false;
  if (i < s.size() && (hex ? (s[i] == 'p' || s[i] == 'P') : (s[i] == 'e' || s[i] == 'E'))) {
    ++i;
    if (!scan_exponent(s, i, &exp)) return std::nullopt;
    has_exp = true;
  }
  if (i != s.size()) return std::nullopt;
  if (hex ? !has_exp : !(has_point || has_exp)) return std::nullopt;  // that would be an int
  const std::int64_t frac_scale = static_cast<std::int64_t>(frac_digits.size()) * (hex ? 4 : 1);
  return scaled_rational(int_digits + frac_digits, base, exp - frac_scale, hex ? 2 : 10);
}

const std::string& empty_string() {
  static const std::string kEmpty;
  return kEmpty;
}

}  // namespace

// ---- ConstValue's representation ----

// The helpers that see ConstValue's representation.
struct ConstOps {
  static ConstValue make_small(std::int64_t v) {
    ConstValue c;
    c.kind_ = ConstKind::Int;
    c.small_ = v;
    return c;
  }

  static ConstValue make_int(BigInt v) {
    if (v.bit_len() > ConstValue::kMaxBits) return {};
    if (v.fits_int64()) return make_small(v.to_int64());
    auto p = std::make_shared<ConstValue::Payload>();
    p->num = std::move(v);
    ConstValue c;
    c.kind_ = ConstKind::Int;
    c.payload_ = std::move(p);
    return c;
  }

  // A Float from num/den already in lowest terms with den > 0; Unknown past the cap.
  static ConstValue make_reduced(BigInt num, BigInt den) {
    if (num.bit_len() > ConstValue::kMaxBits || den.bit_len() > ConstValue::kMaxBits) return {};
    auto p = std::make_shared<ConstValue::Payload>();
    p->num = std::move(num);
    p->den = std::move(den);
    ConstValue c;
    c.kind_ = ConstKind::Float;
    c.payload_ = std::move(p);
    return c;
  }

  // A Float from any num/den with den != 0.
  static ConstValue make_rat(BigInt num, BigInt den) {
    if (den.is_negative()) {
      num = -num;
      den = -den;
    }
    if (num.is_zero()) return make_reduced(BigInt(), BigInt::from_uint64(1));
    // Common factors of two first: cheap, and for the power-of-two denominators of binary
    // literals and doubles it leaves nothing for the gcd to do.
    std::size_t twos = std::min(num.trailing_zeros(), den.trailing_zeros());
    if (twos != 0) {
      num = num.shr(twos);
      den = den.shr(twos);
    }
    bool den_power_of_two = den.trailing_zeros() + 1 == den.bit_len();
    bool one_is_odd = num.is_odd() || den.is_odd();
    if (!(den_power_of_two && one_is_odd)) {
      BigInt g = BigInt::gcd(num, den);
      if (g.bit_len() > 1) {
        BigInt::quo_rem(num, g, &num, nullptr);
        BigInt::quo_rem(den, g, &den, nullptr);
      }
    }
    return make_reduced(std::move(num), std::move(den));
  }

  static ConstValue make_rat(const Rat& r) { return make_rat(r.num, r.den); }

  // An Int's value (precondition: kind Int).
  static BigInt int_of(const ConstValue& x) {
    return x.payload_ ? x.payload_->num : BigInt::from_int64(x.small_);
  }

  // An Int's or Float's value as a rational.
  static Rat rat_of(const ConstValue& x) {
    if (x.kind_ == ConstKind::Float) return {x.payload_->num, x.payload_->den};
    return {int_of(x), BigInt::from_uint64(1)};
  }

  static bool is_small_int(const ConstValue& x) { return x.kind_ == ConstKind::Int && !x.payload_; }

  // The integer value of an Int or integral Float.
  static std::optional<BigInt> integer_of(const ConstValue& x) {
    if (x.kind_ == ConstKind::Int) return int_of(x);
    if (x.kind_ == ConstKind::Float && x.payload_->den.bit_len() == 1) return x.payload_->num;
    return std::nullopt;
  }

  static ConstValue small_int_binary(Tok op, std::int64_t a, std::int64_t b, bool int_division);
  static ConstValue int_binary(Tok op, const ConstValue& x, const ConstValue& y, bool int_division);
  static ConstValue rat_binary(Tok op, const Rat& x, const Rat& y);
  static ConstValue rat_sum(const Rat& x, const Rat& y);
  static ConstValue rat_product(const Rat& x, const Rat& y);
  static int compare_numbers(const ConstValue& x, const ConstValue& y);
};

// ---- construction ----

ConstValue ConstValue::make_bool(bool b) {
  ConstValue c;
  c.kind_ = ConstKind::Bool;
  c.small_ = b ? 1 : 0;
  return c;
}

ConstValue ConstValue::make_string(std::string s) {
  auto p = std::make_shared<Payload>();
  p->text = std::move(s);
  ConstValue c;
  c.kind_ = ConstKind::String;
  c.payload_ = std::move(p);
  return c;
}

ConstValue ConstValue::make_int64(std::int64_t v) { return ConstOps::make_small(v); }

ConstValue ConstValue::make_uint64(std::uint64_t v) { return ConstOps::make_int(BigInt::from_uint64(v)); }

ConstValue ConstValue::make_float64(double v) {
  if (!std::isfinite(v)) return {};
  if (v == 0) return ConstOps::make_reduced(BigInt(), BigInt::from_uint64(1));  // -0.0 too
  Rat r = rat_of_double(v);
  return ConstOps::make_rat(std::move(r.num), std::move(r.den));
}

ConstValue ConstValue::from_literal(Tok kind, std::string_view literal) {
  switch (kind) {
    case Tok::Int: {
      std::optional<BigInt> v = parse_int_literal(literal);
      return v ? ConstOps::make_int(std::move(*v)) : ConstValue();
    }
    case Tok::Float: {
      std::optional<Rat> r = parse_float_literal(literal);
      return r ? ConstOps::make_rat(*r) : ConstValue();
    }
    case Tok::Char: {
      std::optional<std::uint32_t> v = unquote_char(literal);
      return v ? make_int64(*v) : ConstValue();
    }
    case Tok::String: {
      // The lexer's reading, and the bytes must be UTF-8 (they are where the lexer did not
      // report otherwise).
      std::optional<std::string> s = text::valid(literal) ? unquote_string(literal) : std::nullopt;
      return s ? make_string(std::move(*s)) : ConstValue();
    }
    default:
      return {};  // Imag among them: no complex constants
  }
}

// ---- accessors ----

const std::string& ConstValue::string_value() const {
  return kind_ == ConstKind::String ? payload_->text : empty_string();
}

int ConstValue::sign() const {
  switch (kind_) {
    case ConstKind::Unknown: return 1;
    case ConstKind::Int:
      if (!payload_) return small_ < 0 ? -1 : (small_ > 0 ? 1 : 0);
      return payload_->num.sign();
    case ConstKind::Float: return payload_->num.sign();
    default: return 0;
  }
}

bool ConstValue::is_zero() const { return is_numeric() && sign() == 0; }

bool ConstValue::is_integral() const {
  return kind_ == ConstKind::Int || (kind_ == ConstKind::Float && payload_->den.bit_len() == 1);
}

ConstValue ConstValue::to_int() const {
  if (kind_ == ConstKind::Int) return *this;
  std::optional<BigInt> v = ConstOps::integer_of(*this);
  return v ? ConstOps::make_int(std::move(*v)) : ConstValue();
}

ConstValue ConstValue::to_float() const {
  if (kind_ == ConstKind::Float) return *this;
  if (kind_ != ConstKind::Int) return {};
  return ConstOps::make_reduced(ConstOps::int_of(*this), BigInt::from_uint64(1));
}

std::optional<std::int64_t> ConstValue::to_int64() const {
  if (ConstOps::is_small_int(*this)) return small_;
  std::optional<BigInt> v = ConstOps::integer_of(*this);
  if (!v || !v->fits_int64()) return std::nullopt;
  return v->to_int64();
}

std::optional<std::uint64_t> ConstValue::to_uint64() const {
  if (ConstOps::is_small_int(*this)) {
    if (small_ < 0) return std::nullopt;
    return static_cast<std::uint64_t>(small_);
  }
  std::optional<BigInt> v = ConstOps::integer_of(*this);
  if (!v || !v->fits_uint64()) return std::nullopt;
  return v->to_uint64();
}

bool ConstValue::fits_int(int bits, bool is_signed) const {
  if (bits <= 0) return false;
  std::optional<BigInt> v = ConstOps::integer_of(*this);
  if (!v) return false;
  const auto b = static_cast<std::size_t>(bits);
  const std::size_t len = v->bit_len();
  if (!is_signed) return !v->is_negative() && len <= b;
  if (!v->is_negative()) return len <= b - 1;
  // -2^(b-1) is the one negative value whose magnitude needs b bits.
  return len <= b - 1 || (len == b && v->trailing_zeros() == b - 1);
}

double ConstValue::to_float64() const {
  if (ConstOps::is_small_int(*this)) return static_cast<double>(small_);  // rounds to nearest even
  if (!is_numeric()) return 0;
  return rat_to_float64(ConstOps::rat_of(*this));
}

float ConstValue::to_float32() const {
  if (!is_numeric()) return 0;
  return rat_to_float32(ConstOps::rat_of(*this));
}

bool ConstValue::overflows_float(int bits) const {
  if (!is_numeric()) return false;
  return bits == 32 ? std::isinf(to_float32()) : std::isinf(to_float64());
}

ConstValue ConstValue::round_float(int bits) const {
  if (!is_numeric()) return {};
  double d = bits == 32 ? static_cast<double>(to_float32()) : to_float64();
  return make_float64(d);  // Unknown for an infinity
}

std::size_t ConstValue::int_bit_len() const {
  if (kind_ != ConstKind::Int) return 0;
  if (!payload_) {
    std::uint64_t mag = small_ < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(small_)
                                   : static_cast<std::uint64_t>(small_);
    return static_cast<std::size_t>(std::bit_width(mag));
  }
  return payload_->num.bit_len();
}

// ---- arithmetic ----

ConstValue ConstOps::small_int_binary(Tok op, std::int64_t a, std::int64_t b, bool int_division) {
  std::int64_t r = 0;
  switch (op) {
    case Tok::Add:
      if (!__builtin_add_overflow(a, b, &r)) return make_small(r);
      break;
    case Tok::Sub:
      if (!__builtin_sub_overflow(a, b, &r)) return make_small(r);
      break;
    case Tok::Mul:
      if (!__builtin_mul_overflow(a, b, &r)) return make_small(r);
      break;
    case Tok::Quo:
      if (b == 0) return {};
      if (!int_division) return make_rat(BigInt::from_int64(a), BigInt::from_int64(b));
      if (b != -1) return make_small(a / b);  // C++ truncates toward zero, as Go
      break;                                  // INT64_MIN / -1 needs the big path
    case Tok::Rem:
      if (b == 0) return {};
      return make_small(b == -1 ? 0 : a % b);  // INT64_MIN % -1 is undefined in C++
    case Tok::And: return make_small(a & b);
    case Tok::Or: return make_small(a | b);
    case Tok::Xor: return make_small(a ^ b);
    case Tok::AndNot: return make_small(a & ~b);
    default: return {};
  }
  return make_int(op == Tok::Add   ? BigInt::from_int64(a) + BigInt::from_int64(b)
                  : op == Tok::Sub ? BigInt::from_int64(a) - BigInt::from_int64(b)
                  : op == Tok::Mul ? BigInt::from_int64(a) * BigInt::from_int64(b)
                                   : -BigInt::from_int64(a));  // the quotient INT64_MIN / -1
}

ConstValue ConstOps::int_binary(Tok op, const ConstValue& x, const ConstValue& y, bool int_division) {
  if (is_small_int(x) && is_small_int(y)) return small_int_binary(op, x.small_, y.small_, int_division);
  const BigInt a = int_of(x);
  const BigInt b = int_of(y);
  switch (op) {
    case Tok::Add: return make_int(a + b);
    case Tok::Sub: return make_int(a - b);
    case Tok::Mul:
      // The product has at least bit_len(a) + bit_len(b) - 1 bits: refuse before computing.
      if (a.bit_len() + b.bit_len() > ConstValue::kMaxBits + 1) return {};
      return make_int(a * b);
    case Tok::Quo:
    case Tok::Rem: {
      if (b.is_zero()) return {};
      if (op == Tok::Quo && !int_division) return make_rat(a, b);
      BigInt q;
      BigInt r;
      BigInt::quo_rem(a, b, &q, &r);
      return make_int(op == Tok::Quo ? std::move(q) : std::move(r));
    }
    case Tok::And: return make_int(BigInt::bit_and(a, b));
    case Tok::Or: return make_int(BigInt::bit_or(a, b));
    case Tok::Xor: return make_int(BigInt::bit_xor(a, b));
    case Tok::AndNot: return make_int(BigInt::bit_and_not(a, b));
    default: return {};
  }
}

// a/b + c/d, kept small as Knuth (TAOCP 4.5.1) does: with g = gcd(b, d), the sum is
// t / (b/g * d) for t = a*(d/g) + c*(b/g), and only gcd(t, g) can still cancel.
ConstValue ConstOps::rat_sum(const Rat& x, const Rat& y) {
  BigInt g = BigInt::gcd(x.den, y.den);
  if (g.bit_len() == 1) return make_reduced(x.num * y.den + y.num * x.den, x.den * y.den);
  BigInt bg;
  BigInt dg;
  BigInt::quo_rem(x.den, g, &bg, nullptr);
  BigInt::quo_rem(y.den, g, &dg, nullptr);
  BigInt t = x.num * dg + y.num * bg;
  if (t.is_zero()) return make_reduced(BigInt(), BigInt::from_uint64(1));
  BigInt g2 = BigInt::gcd(t, g);
  if (g2.bit_len() > 1) {
    BigInt::quo_rem(t, g2, &t, nullptr);
    BigInt::quo_rem(y.den, g2, &dg, nullptr);  // now d/g2
  } else {
    dg = y.den;
  }
  return make_reduced(std::move(t), bg * dg);
}

// (a/b) * (c/d) with the cross gcds divided out first, so the result is already in lowest terms.
ConstValue ConstOps::rat_product(const Rat& x, const Rat& y) {
  if (x.num.is_zero() || y.num.is_zero()) return make_reduced(BigInt(), BigInt::from_uint64(1));
  if (x.num.bit_len() + y.num.bit_len() > 2 * ConstValue::kMaxBits + 2 ||
      x.den.bit_len() + y.den.bit_len() > 2 * ConstValue::kMaxBits + 2) {
    return {};
  }
  BigInt g1 = BigInt::gcd(x.num, y.den);
  BigInt g2 = BigInt::gcd(y.num, x.den);
  BigInt a;
  BigInt d;
  BigInt c;
  BigInt b;
  BigInt::quo_rem(x.num, g1, &a, nullptr);
  BigInt::quo_rem(y.den, g1, &d, nullptr);
  BigInt::quo_rem(y.num, g2, &c, nullptr);
  BigInt::quo_rem(x.den, g2, &b, nullptr);
  if (a.bit_len() + c.bit_len() > ConstValue::kMaxBits + 1 ||
      b.bit_len() + d.bit_len() > ConstValue::kMaxBits + 1) {
    return {};
  }
  return make_reduced(a * c, b * d);
}

ConstValue ConstOps::rat_binary(Tok op, const Rat& x, const Rat& y) {
  switch (op) {
    case Tok::Add: return rat_sum(x, y);
    case Tok::Sub: return rat_sum(x, {-y.num, y.den});
    case Tok::Mul: return rat_product(x, y);
    case Tok::Quo:
      if (y.num.is_zero()) return {};
      // x * (d/c) with the sign moved to the numerator.
      return rat_product(x, y.num.is_negative() ? Rat{-y.den, -y.num} : Rat{y.den, y.num});
    default: return {};
  }
}

ConstValue ConstValue::binary(Tok op, const ConstValue& x, const ConstValue& y, bool int_division) {
  if (x.is_unknown() || y.is_unknown()) return {};
  if (x.kind_ == ConstKind::Bool && y.kind_ == ConstKind::Bool) {
    if (op == Tok::LogAnd) return make_bool(x.bool_value() && y.bool_value());
    if (op == Tok::LogOr) return make_bool(x.bool_value() || y.bool_value());
    return {};
  }
  if (x.kind_ == ConstKind::String && y.kind_ == ConstKind::String) {
    if (op != Tok::Add) return {};
    const std::string& a = x.string_value();
    const std::string& b = y.string_value();
    if (a.size() + b.size() > kMaxStringBytes) return {};
    if (b.empty()) return x;
    if (a.empty()) return y;
    return make_string(a + b);
  }
  if (!x.is_numeric() || !y.is_numeric()) return {};
  if (x.kind_ == ConstKind::Int && y.kind_ == ConstKind::Int) return ConstOps::int_binary(op, x, y, int_division);
  return ConstOps::rat_binary(op, ConstOps::rat_of(x), ConstOps::rat_of(y));
}

ConstValue ConstValue::shift(Tok op, const ConstValue& x, std::uint64_t count) {
  if (op != Tok::Shl && op != Tok::Shr) return {};
  std::optional<BigInt> v = ConstOps::integer_of(x);
  if (!v) return {};
  if (v->is_zero()) return make_int64(0);
  if (op == Tok::Shr) {
    if (count >= v->bit_len()) return make_int64(v->is_negative() ? -1 : 0);
    return ConstOps::make_int(v->shr(static_cast<std::size_t>(count)));
  }
  if (count > kMaxBits || v->bit_len() + count > kMaxBits) return {};
  return ConstOps::make_int(v->shl(static_cast<std::size_t>(count)));
}

int ConstOps::compare_numbers(const ConstValue& x, const ConstValue& y) {
  if (is_small_int(x) && is_small_int(y)) return x.small_ < y.small_ ? -1 : (x.small_ > y.small_ ? 1 : 0);
  Rat a = rat_of(x);
  Rat b = rat_of(y);
  // Denominators are positive: a.num/a.den < b.num/b.den <=> a.num*b.den < b.num*a.den.
  return BigInt::compare(a.num * b.den, b.num * a.den);
}

bool ConstValue::compare(Tok op, const ConstValue& x, const ConstValue& y) {
  int c = 0;
  if (x.is_numeric() && y.is_numeric()) {
    c = ConstOps::compare_numbers(x, y);
  } else if (x.kind_ == ConstKind::String && y.kind_ == ConstKind::String) {
    int raw = x.string_value().compare(y.string_value());  // bytewise, as unsigned chars
    c = raw < 0 ? -1 : (raw > 0 ? 1 : 0);
  } else if (x.kind_ == ConstKind::Bool && y.kind_ == ConstKind::Bool) {
    if (op == Tok::Eql) return x.bool_value() == y.bool_value();
    if (op == Tok::Neq) return x.bool_value() != y.bool_value();
    return false;
  } else {
    return false;
  }
  switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
  }
}

ConstValue ConstValue::unary(Tok op, const ConstValue& x, int unsigned_bits) {
  switch (op) {
    case Tok::Add: return x.is_numeric() ? x : ConstValue();
    case Tok::Sub:
      if (ConstOps::is_small_int(x) && x.small_ != std::numeric_limits<std::int64_t>::min()) {
        return make_int64(-x.small_);
      }
      if (x.kind_ == ConstKind::Int) return ConstOps::make_int(-ConstOps::int_of(x));
      if (x.kind_ == ConstKind::Float) return ConstOps::make_reduced(-x.payload_->num, x.payload_->den);
      return {};
    case Tok::Not:
      return x.kind_ == ConstKind::Bool ? make_bool(!x.bool_value()) : ConstValue();
    case Tok::Xor: {
      if (x.kind_ != ConstKind::Int || unsigned_bits < 0) return {};
      if (unsigned_bits == 0) {
        if (ConstOps::is_small_int(x)) return make_int64(~x.small_);
        return ConstOps::make_int(ConstOps::int_of(x).bit_not());
      }
      if (static_cast<std::size_t>(unsigned_bits) > kMaxBits) return {};
      // (2^bits - 1) & ^x: Go's "z.Not(x); z.AndNot(z, -1 << bits)".
      BigInt mask = BigInt::from_uint64(1).shl(static_cast<std::size_t>(unsigned_bits)) - BigInt::from_uint64(1);
      return ConstOps::make_int(BigInt::bit_and(ConstOps::int_of(x).bit_not(), mask));
    }
    default: return {};
  }
}

// ---- printing ----

std::string ConstValue::to_string() const {
  switch (kind_) {
    case ConstKind::Unknown: return "unknown";
    case ConstKind::Bool: return bool_value() ? "true" : "false";
    case ConstKind::String: return shortened_quote(payload_->text);
    case ConstKind::Int: return payload_ ? payload_->num.to_decimal() : std::to_string(small_);
    case ConstKind::Float: return float_string(ConstOps::rat_of(*this));
  }
  return "unknown";
}

std::string ConstValue::exact_string() const {
  switch (kind_) {
    case ConstKind::String: return quote(payload_->text);
    case ConstKind::Float: return payload_->num.to_decimal() + "/" + payload_->den.to_decimal();
    default: return to_string();
  }
}

}  // namespace gopark::lang
