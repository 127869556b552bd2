#include "lang/bigint.hpp"

#include <algorithm>
#include <bit>

namespace gopark::lang {

namespace {

constexpr std::uint64_t kLimbBase = std::uint64_t{1} << 32;

}  // namespace

// ---- construction and inspection ----

BigInt BigInt::make(Limbs mag, bool negative) {
  trim(mag);
  BigInt x;
  x.negative_ = negative && !mag.empty();
  x.mag_ = std::move(mag);
  return x;
}

void BigInt::trim(Limbs& mag) {
  while (!mag.empty() && mag.back() == 0) mag.pop_back();
}

BigInt BigInt::from_uint64(std::uint64_t v) {
  return make({static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(v >> 32)}, false);
}

BigInt BigInt::from_int64(std::int64_t v) {
  // Negate in unsigned arithmetic: -INT64_MIN does not exist as an int64.
  std::uint64_t mag = v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  BigInt x = from_uint64(mag);
  x.negative_ = v < 0;
  return x;
}

BigInt BigInt::power(std::uint32_t base, std::uint32_t exp) {
  BigInt result = from_uint64(1);
  BigInt square = from_uint64(base);
  while (exp != 0) {
    if (exp & 1) result = result * square;
    exp >>= 1;
    if (exp != 0) square = square * square;
  }
  return result;
}

std::size_t BigInt::bit_len() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * 32 + static_cast<std::size_t>(std::bit_width(mag_.back()));
}

std::size_t BigInt::trailing_zeros() const {
  for (std::size_t i = 0; i < mag_.size(); ++i) {
    if (mag_[i] != 0) return i * 32 + static_cast<std::size_t>(std::countr_zero(mag_[i]));
  }
  return 0;
}

bool BigInt::mag_bit(std::size_t i) const {
  std::size_t limb = i / 32;
  return limb < mag_.size() && ((mag_[limb] >> (i % 32)) & 1) != 0;
}

std::uint64_t BigInt::low64() const {
  std::uint64_t v = 0;
  if (!mag_.empty()) v = mag_[0];
  if (mag_.size() > 1) v |= std::uint64_t{mag_[1]} << 32;
  return v;
}

bool BigInt::fits_uint64() const { return !negative_ && mag_.size() <= 2; }

bool BigInt::fits_int64() const {
  if (mag_.size() > 2) return false;
  std::uint64_t m = low64();
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;  // |INT64_MIN|
  return negative_ ? m <= kLimit : m < kLimit;
}

std::uint64_t BigInt::to_uint64() const { return low64(); }

std::int64_t BigInt::to_int64() const {
  std::uint64_t m = low64();
  // Two's-complement wrap of the magnitude gives the value, INT64_MIN included.
  return static_cast<std::int64_t>(negative_ ? std::uint64_t{0} - m : m);
}

// ---- magnitude arithmetic ----

int BigInt::compare_mag(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

BigInt::Limbs BigInt::add_mag(const Limbs& a, const Limbs& b) {
  const Limbs& longer = a.size() >= b.size() ? a : b;
  const Limbs& shorter = a.size() >= b.size() ? b : a;
  Limbs sum(longer.size() + 1);
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < longer.size(); ++i) {
    std::uint64_t t = std::uint64_t{longer[i]} + (i < shorter.size() ? shorter[i] : 0) + carry;
    sum[i] = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  sum[longer.size()] = static_cast<std::uint32_t>(carry);
  trim(sum);
  return sum;
}

BigInt::Limbs BigInt::sub_mag(const Limbs& a, const Limbs& b) {
  Limbs diff(a.size());
  std::uint64_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t t = std::uint64_t{a[i]} - (i < b.size() ? b[i] : 0) - borrow;
    diff[i] = static_cast<std::uint32_t>(t);
    borrow = t >> 63;  // the subtraction wrapped
  }
  trim(diff);
  return diff;
}

BigInt::Limbs BigInt::mul_mag(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs prod(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      // a[i]*b[j] + prod + carry < 2^64: (2^32-1)^2 + 2*(2^32-1) = 2^64 - 1.
      std::uint64_t t = std::uint64_t{a[i]} * b[j] + prod[i + j] + carry;
      prod[i + j] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    prod[i + b.size()] = static_cast<std::uint32_t>(carry);
  }
  trim(prod);
  return prod;
}

std::uint32_t BigInt::div_small(Limbs& a, std::uint32_t d) {
  std::uint64_t rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    std::uint64_t cur = (rem << 32) | a[i];
    a[i] = static_cast<std::uint32_t>(cur / d);
    rem = cur % d;
  }
  trim(a);
  return static_cast<std::uint32_t>(rem);
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D: normalize so the divisor's top limb has its high bit
// set, then each quotient limb estimated from the top two limbs is at most 2 too large.
void BigInt::div_mag(const Limbs& u, const Limbs& v, Limbs* q, Limbs* r) {
  if (compare_mag(u, v) < 0) {
    if (q) q->clear();
    if (r) *r = u;
    return;
  }
  if (v.size() == 1) {
    Limbs quot = u;
    std::uint32_t rem = div_small(quot, v[0]);
    if (q) *q = std::move(quot);
    if (r) *r = rem == 0 ? Limbs{} : Limbs{rem};
    return;
  }
  const std::size_t n = v.size();
  const std::size_t m = u.size() - n;
  const int s = std::countl_zero(v.back());
  Limbs vn = shl_mag(v, static_cast<std::size_t>(s));
  Limbs un = shl_mag(u, static_cast<std::size_t>(s));
  un.resize(u.size() + 1, 0);  // one limb above u's top, possibly zero
  Limbs quot(m + 1, 0);
  for (std::size_t j = m + 1; j-- > 0;) {
    std::uint64_t num = (std::uint64_t{un[j + n]} << 32) | un[j + n - 1];
    std::uint64_t qhat = num / vn[n - 1];
    std::uint64_t rhat = num % vn[n - 1];
    while (qhat >= kLimbBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kLimbBase) break;
    }
    // un[j..j+n] -= qhat * vn.
    std::uint64_t carry = 0;
    std::uint64_t borrow = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t p = qhat * vn[i] + carry;
      carry = p >> 32;
      std::uint64_t t = std::uint64_t{un[i + j]} - (p & 0xffffffffu) - borrow;
      un[i + j] = static_cast<std::uint32_t>(t);
      borrow = t >> 63;
    }
    std::uint64_t t = std::uint64_t{un[j + n]} - carry - borrow;
    un[j + n] = static_cast<std::uint32_t>(t);
    if ((t >> 63) != 0) {
      // qhat was one too large (rare): add vn back.
      --qhat;
      std::uint64_t c = 0;
      for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t sum = std::uint64_t{un[i + j]} + vn[i] + c;
        un[i + j] = static_cast<std::uint32_t>(sum);
        c = sum >> 32;
      }
      un[j + n] = static_cast<std::uint32_t>(un[j + n] + c);
    }
    quot[j] = static_cast<std::uint32_t>(qhat);
  }
  trim(quot);
  if (q) *q = std::move(quot);
  if (r) {
    un.resize(n);
    trim(un);
    *r = shr_mag(un, static_cast<std::size_t>(s));
  }
}

BigInt::Limbs BigInt::shl_mag(const Limbs& a, std::size_t n) {
  if (a.empty()) return {};
  std::size_t limbs = n / 32;
  unsigned bits = static_cast<unsigned>(n % 32);
  Limbs out(a.size() + limbs + 1, 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t t = std::uint64_t{a[i]} << bits;
    out[i + limbs] |= static_cast<std::uint32_t>(t);
    out[i + limbs + 1] |= static_cast<std::uint32_t>(t >> 32);
  }
  trim(out);
  return out;
}

BigInt::Limbs BigInt::shr_mag(const Limbs& a, std::size_t n) {
  std::size_t limbs = n / 32;
  if (limbs >= a.size()) return {};
  unsigned bits = static_cast<unsigned>(n % 32);
  Limbs out(a.size() - limbs, 0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint64_t t = a[i + limbs];
    if (i + limbs + 1 < a.size()) t |= std::uint64_t{a[i + limbs + 1]} << 32;
    out[i] = static_cast<std::uint32_t>(t >> bits);
  }
  trim(out);
  return out;
}

// ---- signed arithmetic ----

BigInt BigInt::operator-() const {
  BigInt x = *this;
  x.negative_ = !x.negative_ && !x.mag_.empty();
  return x;
}

BigInt BigInt::abs() const { return make(mag_, false); }

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.negative_ == b.negative_) return BigInt::make(BigInt::add_mag(a.mag_, b.mag_), a.negative_);
  // Opposite signs: the larger magnitude decides the sign.
  if (BigInt::compare_mag(a.mag_, b.mag_) >= 0) {
    return BigInt::make(BigInt::sub_mag(a.mag_, b.mag_), a.negative_);
  }
  return BigInt::make(BigInt::sub_mag(b.mag_, a.mag_), b.negative_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt::make(BigInt::mul_mag(a.mag_, b.mag_), a.negative_ != b.negative_);
}

void BigInt::quo_rem(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  Limbs qm;
  Limbs rm;
  div_mag(a.mag_, b.mag_, q ? &qm : nullptr, r ? &rm : nullptr);
  if (q) *q = make(std::move(qm), a.negative_ != b.negative_);
  if (r) *r = make(std::move(rm), a.negative_);
}

std::uint64_t BigInt::bits_at(std::size_t shift) const {
  const std::size_t i = shift / 32;
  const unsigned bit = static_cast<unsigned>(shift % 32);
  auto limb = [this](std::size_t k) -> std::uint64_t { return k < mag_.size() ? mag_[k] : 0; };
  std::uint64_t low = limb(i) | (limb(i + 1) << 32);
  std::uint64_t high = limb(i + 2);
  return bit == 0 ? low : (low >> bit) | (high << (64 - bit));
}

// Lehmer's method (Knuth, TAOCP vol. 2, 4.5.2, algorithm L): run Euclid on the leading 60 bits
// while their quotients provably match the full numbers' quotients, recording the steps as a 2x2
// matrix, then apply the matrix to the full numbers at once. One multi-precision pass then does
// the work of about 17 plain Euclid steps; for the 65536-bit operands that ConstValue allows this
// is the difference between milliseconds and seconds in a debug build.
BigInt BigInt::gcd(const BigInt& a, const BigInt& b) {
  constexpr std::size_t kLeadBits = 60;  // cofactors stay below 2^60: every sum below fits int64
  BigInt u = a.abs();
  BigInt v = b.abs();
  if (compare_abs(u, v) < 0) std::swap(u, v);
  while (!v.is_zero()) {
    if (u.mag_.size() <= 2) {
      std::uint64_t x = u.low64();
      std::uint64_t y = v.low64();
      while (y != 0) {
        std::uint64_t t = x % y;
        x = y;
        y = t;
      }
      return from_uint64(x);
    }
    const std::size_t shift = u.bit_len() - kLeadBits;
    auto uh = static_cast<std::int64_t>(u.bits_at(shift));
    auto vh = static_cast<std::int64_t>(v.bits_at(shift));
    std::int64_t ca = 1, cb = 0, cc = 0, cd = 1;  // u' = ca*u + cb*v, v' = cc*u + cd*v
    for (;;) {
      const std::int64_t den1 = vh + cc;
      const std::int64_t den2 = vh + cd;
      if (den1 <= 0 || den2 <= 0 || uh + ca < 0 || uh + cb < 0) break;
      const std::int64_t q = (uh + ca) / den1;
      if (q != (uh + cb) / den2) break;
      std::int64_t t = ca - q * cc;
      ca = cc;
      cc = t;
      t = cb - q * cd;
      cb = cd;
      cd = t;
      t = uh - q * vh;
      uh = vh;
      vh = t;
    }
    if (cb == 0) {
      // The leading bits could not decide even one quotient: one full division step.
      BigInt r;
      quo_rem(u, v, nullptr, &r);
      u = std::move(v);
      v = std::move(r);
    } else {
      BigInt next_u = from_int64(ca) * u + from_int64(cb) * v;
      BigInt next_v = from_int64(cc) * u + from_int64(cd) * v;
      u = std::move(next_u);
      v = std::move(next_v);
    }
  }
  return u;
}

BigInt BigInt::shl(std::size_t n) const { return make(shl_mag(mag_, n), negative_); }

BigInt BigInt::shr(std::size_t n) const {
  if (!negative_) return make(shr_mag(mag_, n), false);
  // floor(-m / 2^n) == -(((m - 1) >> n) + 1).
  Limbs m1 = sub_mag(mag_, {1});
  return make(add_mag(shr_mag(m1, n), {1}), true);
}

int BigInt::compare_abs(const BigInt& a, const BigInt& b) { return compare_mag(a.mag_, b.mag_); }

int BigInt::compare(const BigInt& a, const BigInt& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  int c = compare_mag(a.mag_, b.mag_);
  return a.negative_ ? -c : c;
}

void BigInt::mul_add_small(std::uint32_t m, std::uint32_t a) {
  std::uint64_t carry = a;
  for (std::uint32_t& limb : mag_) {
    std::uint64_t t = std::uint64_t{limb} * m + carry;
    limb = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0) mag_.push_back(static_cast<std::uint32_t>(carry));
  trim(mag_);
  if (mag_.empty()) negative_ = false;
}

// ---- bitwise ----

// Each operand becomes its two's complement in `width` limbs (one more than either magnitude, so
// the top limb is pure sign extension); the result's top bit gives its sign.
BigInt BigInt::bitwise(BitOp op, const BigInt& a, const BigInt& b) {
  const std::size_t width = std::max(a.mag_.size(), b.mag_.size()) + 1;
  auto twos = [width](const BigInt& x) {
    Limbs t = x.negative_ ? sub_mag(x.mag_, {1}) : x.mag_;
    t.resize(width, 0);
    if (x.negative_) {
      for (std::uint32_t& limb : t) limb = ~limb;
    }
    return t;
  };
  Limbs ta = twos(a);
  Limbs tb = twos(b);
  Limbs out(width);
  for (std::size_t i = 0; i < width; ++i) {
    switch (op) {
      case BitOp::And: out[i] = ta[i] & tb[i]; break;
      case BitOp::Or: out[i] = ta[i] | tb[i]; break;
      case BitOp::Xor: out[i] = ta[i] ^ tb[i]; break;
      case BitOp::AndNot: out[i] = ta[i] & ~tb[i]; break;
    }
  }
  bool negative = (out.back() >> 31) != 0;
  if (negative) {
    // magnitude = ~out + 1
    for (std::uint32_t& limb : out) limb = ~limb;
    trim(out);
    out = add_mag(out, {1});
  }
  return make(std::move(out), negative);
}

BigInt BigInt::bit_and(const BigInt& a, const BigInt& b) { return bitwise(BitOp::And, a, b); }
BigInt BigInt::bit_or(const BigInt& a, const BigInt& b) { return bitwise(BitOp::Or, a, b); }
BigInt BigInt::bit_xor(const BigInt& a, const BigInt& b) { return bitwise(BitOp::Xor, a, b); }
BigInt BigInt::bit_and_not(const BigInt& a, const BigInt& b) { return bitwise(BitOp::AndNot, a, b); }
BigInt BigInt::bit_not() const { return -*this - from_uint64(1); }

// ---- formatting ----

std::string BigInt::to_decimal() const {
  if (mag_.empty()) return "0";
  constexpr std::uint32_t kChunk = 1000000000;  // 9 decimal digits per division
  Limbs rest = mag_;
  std::string reversed;
  while (!rest.empty()) {
    std::uint32_t chunk = div_small(rest, kChunk);
    for (int i = 0; i < 9; ++i) {
      if (rest.empty() && chunk == 0) break;  // no leading zeros on the top chunk
      reversed.push_back(static_cast<char>('0' + chunk % 10));
      chunk /= 10;
    }
  }
  if (negative_) reversed.push_back('-');
  return std::string(reversed.rbegin(), reversed.rend());
}

}  // namespace gopark::lang
