// Go's FormatFloat over exact decimal arithmetic (design in float_format.hpp).
#include "lib/natives/float_format.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace gopark::lib {
namespace {

struct FloatInfo {
  unsigned mantbits;
  unsigned expbits;
  int bias;
};
constexpr FloatInfo kFloat32{23, 8, -127};
constexpr FloatInfo kFloat64{52, 11, -1023};

// A non-negative decimal number 0.d[0]d[1]...d[nd-1] × 10^dp, digits as ASCII.
// Invariants: no trailing zero digit (nd == 0 means zero, then dp == 0); `trunc` records that
// nonzero digits were dropped past the 800th (only for numbers far outside float range).
class Decimal {
 public:
  static constexpr int kMaxDigits = 800;
  char d[kMaxDigits];
  int nd = 0;
  int dp = 0;
  bool trunc = false;

  void assign(std::uint64_t v) {
    char buf[24];
    int n = 0;
    while (v > 0) {
      buf[n++] = char('0' + v % 10);
      v /= 10;
    }
    nd = 0;
    while (n > 0) d[nd++] = buf[--n];
    dp = nd;
    trim();
  }

  // Multiplies by 2^k (k > 0) or divides by 2^-k, exactly (up to kMaxDigits digits).
  void shift(int k) {
    // 60 bits per step keeps `digit << k` plus a carry below 2^64.
    constexpr int kMaxShift = 60;
    if (nd == 0) return;
    while (k > kMaxShift) {
      left_shift(kMaxShift);
      k -= kMaxShift;
    }
    while (k < -kMaxShift) {
      right_shift(kMaxShift);
      k += kMaxShift;
    }
    if (k > 0) left_shift(unsigned(k));
    if (k < 0) right_shift(unsigned(-k));
  }

  // Whether cutting to `n` digits should round up: above half, or exactly half and the kept digit
  // is odd (round half to even), or half of what is left but digits were lost beyond it.
  bool should_round_up(int n) const {
    if (n < 0 || n >= nd) return false;
    if (d[n] == '5' && n + 1 == nd) {
      if (trunc) return true;
      return n > 0 && (d[n - 1] - '0') % 2 != 0;
    }
    return d[n] >= '5';
  }
  void round(int n) {
    if (n < 0 || n >= nd) return;
    if (should_round_up(n)) round_up(n);
    else round_down(n);
  }
  void round_down(int n) {
    if (n < 0 || n >= nd) return;
    nd = n;
    trim();
  }
  void round_up(int n) {
    if (n < 0 || n >= nd) return;
    for (int i = n - 1; i >= 0; --i) {
      if (d[i] < '9') {
        ++d[i];
        nd = i + 1;
        return;
      }
    }
    // All nines: 0.999 becomes 1.0 one place up.
    d[0] = '1';
    nd = 1;
    ++dp;
  }

 private:
  void trim() {
    while (nd > 0 && d[nd - 1] == '0') --nd;
    if (nd == 0) dp = 0;
  }

  // Multiplication by 2^k, from the last digit up, into a scratch buffer whose end lines up with
  // the last digit; the number of new leading digits is known only at the end.
  void left_shift(unsigned k) {
    char out[kMaxDigits + 24];
    int w = int(sizeof out);
    std::uint64_t n = 0;
    for (int r = nd - 1; r >= 0; --r) {
      n += std::uint64_t(d[r] - '0') << k;
      out[--w] = char('0' + n % 10);
      n /= 10;
    }
    while (n > 0) {
      out[--w] = char('0' + n % 10);
      n /= 10;
    }
    int total = int(sizeof out) - w;
    dp += total - nd;
    int keep = std::min(total, kMaxDigits);
    for (int i = keep; i < total; ++i) {
      if (out[w + i] != '0') trunc = true;
    }
    std::memcpy(d, out + w, std::size_t(keep));
    nd = keep;
    trim();
  }

  // Division by 2^k, long division from the first digit.
  void right_shift(unsigned k) {
    int r = 0;
    int w = 0;
    std::uint64_t n = 0;
    // Read digits until the running value reaches 2^k (the first output digit).
    for (; (n >> k) == 0; ++r) {
      if (r >= nd) {
        if (n == 0) {  // the number was zero
          nd = 0;
          return;
        }
        while ((n >> k) == 0) {
          n *= 10;
          ++r;
        }
        break;
      }
      n = n * 10 + std::uint64_t(d[r] - '0');
    }
    dp -= r - 1;
    const std::uint64_t mask = (std::uint64_t(1) << k) - 1;
    for (; r < nd; ++r) {
      std::uint64_t digit = n >> k;
      n &= mask;
      d[w++] = char('0' + digit);
      n = n * 10 + std::uint64_t(d[r] - '0');
    }
    while (n > 0) {
      std::uint64_t digit = n >> k;
      n &= mask;
      if (w < kMaxDigits) d[w++] = char('0' + digit);
      else if (digit > 0) trunc = true;
      n *= 10;
    }
    nd = w;
    trim();
  }
};

// Digits of a decimal (`nd` digits at `d`, point after `dp` of them).
struct Digits {
  const char* d;
  int nd;
  int dp;
};

// Rounds d (= mant × 2^(exp - mantbits)) to the fewest digits that still read back as the same
// float: every decimal strictly between the midpoints to the neighbouring floats does (and the
// midpoints themselves when the mantissa is even, as round-half-even then picks this float).
void round_shortest(Decimal& d, std::uint64_t mant, int exp, const FloatInfo& flt) {
  if (mant == 0) {
    d.nd = 0;
    return;
  }
  // Already shortest when the next shorter decimal, 10^(dp-nd) away, is farther than the
  // distance to a neighbour, 2^(exp-mantbits) (log2(10) > 3.32).
  const int minexp = flt.bias + 1;
  if (exp > minexp && 332 * (d.dp - d.nd) >= 100 * (exp - int(flt.mantbits))) return;

  Decimal upper;  // midpoint to the next float up: (2·mant + 1) × 2^(exp - mantbits - 1)
  upper.assign(mant * 2 + 1);
  upper.shift(exp - int(flt.mantbits) - 1);

  // The next float down is (mant - 1) × 2^(exp-mantbits), except at a power of two above the
  // smallest exponent, where the spacing below is half as wide.
  std::uint64_t mantlo;
  int explo;
  if (mant > (std::uint64_t(1) << flt.mantbits) || exp == minexp) {
    mantlo = mant - 1;
    explo = exp;
  } else {
    mantlo = mant * 2 - 1;
    explo = exp - 1;
  }
  Decimal lower;
  lower.assign(mantlo * 2 + 1);
  lower.shift(explo - int(flt.mantbits) - 1);

  const bool inclusive = mant % 2 == 0;

  // upper_delta: 0 while d and upper agree digit for digit; 1 once they differ by exactly one
  // unit at some digit followed only by 9s in d and 0s in upper (rounding up may land on the
  // bound); 2 once rounding up surely stays below upper.
  int upper_delta = 0;
  for (int ui = 0;; ++ui) {
    // upper has the most integer digits: index the others relative to it.
    int mi = ui - upper.dp + d.dp;
    if (mi >= d.nd) break;
    int li = ui - upper.dp + lower.dp;
    char l = li >= 0 && li < lower.nd ? lower.d[li] : '0';
    char m = mi >= 0 ? d.d[mi] : '0';
    char u = ui < upper.nd ? upper.d[ui] : '0';

    // Cutting here is fine if lower already differs, or if lower ends exactly here and is allowed.
    bool ok_down = l != m || (inclusive && li + 1 == lower.nd);

    if (upper_delta == 0 && m + 1 < u) upper_delta = 2;
    else if (upper_delta == 0 && m != u) upper_delta = 1;
    else if (upper_delta == 1 && (m != '9' || u != '0')) upper_delta = 2;
    bool ok_up = upper_delta > 0 && (inclusive || upper_delta > 1 || ui + 1 < upper.nd);

    if (ok_down && ok_up) {
      d.round(mi + 1);
      return;
    }
    if (ok_down) {
      d.round_down(mi + 1);
      return;
    }
    if (ok_up) {
      d.round_up(mi + 1);
      return;
    }
  }
}

void append_exponent_digits(std::string& out, int exp, int min_digits) {
  char buf[8];
  int n = 0;
  do {
    buf[n++] = char('0' + exp % 10);
    exp /= 10;
  } while (exp > 0);
  while (n < min_digits) buf[n++] = '0';
  while (n > 0) out += buf[--n];
}

// %e: -d.dddde±dd
void format_e(std::string& out, bool neg, const Digits& d, int prec, char fmt) {
  if (neg) out += '-';
  out += d.nd != 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(d.nd, prec + 1);
    if (i < m) {
      out.append(d.d + i, std::size_t(m - i));
      i = m;
    }
    for (; i <= prec; ++i) out += '0';
  }
  out += fmt;
  int exp = d.nd == 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  append_exponent_digits(out, exp < 0 ? -exp : exp, 2);
}

// %f: -ddddddd.ddddd
void format_f(std::string& out, bool neg, const Digits& d, int prec) {
  if (neg) out += '-';
  if (d.dp > 0) {
    int m = std::min(d.nd, d.dp);
    out.append(d.d, std::size_t(m));
    for (; m < d.dp; ++m) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; ++i) {
      int j = d.dp + i;
      out += j >= 0 && j < d.nd ? d.d[j] : '0';
    }
  }
}

// %b: -ddddddddp±ddd (the integer mantissa and binary exponent)
void format_b(std::string& out, bool neg, std::uint64_t mant, int exp, const FloatInfo& flt) {
  if (neg) out += '-';
  out += std::to_string(mant);
  out += 'p';
  exp -= int(flt.mantbits);
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
}

// %x: -0x1.yyyyyyyyp±ddd or -0x0p+0
void format_x(std::string& out, int prec, char fmt, bool neg, std::uint64_t mant, int exp,
              const FloatInfo& flt) {
  if (mant == 0) exp = 0;
  // Put the leading 1 (if any) at bit 60.
  mant <<= 60 - flt.mantbits;
  while (mant != 0 && (mant & (std::uint64_t(1) << 60)) == 0) {
    mant <<= 1;
    --exp;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = unsigned(prec * 4);
    std::uint64_t extra = (mant << shift) & ((std::uint64_t(1) << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (std::uint64_t(1) << 59)) ++mant;
    mant <<= 60 - shift;
    if (mant & (std::uint64_t(1) << 61)) {  // rounding carried into a new leading digit
      mant >>= 1;
      ++exp;
    }
  }
  const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  if (neg) out += '-';
  out += '0';
  out += fmt;
  out += char('0' + ((mant >> 60) & 1));
  mant <<= 4;  // drop the leading digit
  if (prec < 0 && mant != 0) {
    out += '.';
    while (mant != 0) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; ++i) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  append_exponent_digits(out, exp < 0 ? -exp : exp, 2);
}

void format_digits(std::string& out, bool shortest, bool neg, const Digits& d, int prec, char fmt) {
  switch (fmt) {
    case 'e':
    case 'E': format_e(out, neg, d, prec, fmt); return;
    case 'f': format_f(out, neg, d, prec); return;
    case 'g':
    case 'G': {
      // %e when the exponent is below -4 or at least the precision (6 for the shortest form).
      int eprec = prec;
      if (eprec > d.nd && d.nd >= d.dp) eprec = d.nd;
      if (shortest) eprec = 6;
      int exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.nd) prec = d.nd;
        format_e(out, neg, d, prec - 1, char(fmt + 'e' - 'g'));
        return;
      }
      if (prec > d.dp) prec = d.nd;
      format_f(out, neg, d, std::max(prec - d.dp, 0));
      return;
    }
    default:
      out += '%';
      out += fmt;
  }
}

}  // namespace

void append_float(std::string& out, double v, char format, int prec, int bit_size) {
  std::uint64_t bits;
  const FloatInfo& flt = bit_size == 32 ? kFloat32 : kFloat64;
  if (bit_size == 32) {
    float f = float(v);
    std::uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    bits = b;
  } else {
    std::memcpy(&bits, &v, sizeof bits);
  }
  bool neg = (bits >> (flt.expbits + flt.mantbits)) != 0;
  int exp = int(bits >> flt.mantbits) & ((1 << flt.expbits) - 1);
  std::uint64_t mant = bits & ((std::uint64_t(1) << flt.mantbits) - 1);

  if (exp == (1 << flt.expbits) - 1) {
    out += mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
    return;
  }
  if (exp == 0) ++exp;  // denormal: no implicit bit
  else mant |= std::uint64_t(1) << flt.mantbits;
  exp += flt.bias;

  if (format == 'b') {
    format_b(out, neg, mant, exp, flt);
    return;
  }
  if (format == 'x' || format == 'X') {
    format_x(out, prec, format, neg, mant, exp, flt);
    return;
  }

  Decimal d;
  d.assign(mant);
  d.shift(exp - int(flt.mantbits));
  bool shortest = prec < 0;
  if (shortest) {
    round_shortest(d, mant, exp, flt);
    switch (format) {
      case 'e':
      case 'E': prec = std::max(d.nd - 1, 0); break;
      case 'f': prec = std::max(d.nd - d.dp, 0); break;
      case 'g':
      case 'G': prec = d.nd; break;
      default: break;
    }
  } else {
    switch (format) {
      case 'e':
      case 'E': d.round(prec + 1); break;
      case 'f': d.round(d.dp + prec); break;
      case 'g':
      case 'G':
        if (prec == 0) prec = 1;
        d.round(prec);
        break;
      default: break;
    }
  }
  format_digits(out, shortest, neg, Digits{d.d, d.nd, d.dp}, prec, format);
}

std::string format_float(double v, char format, int prec, int bit_size) {
  std::string out;
  append_float(out, v, format, prec, bit_size);
  return out;
}

}  // namespace gopark::lib
