#pragma once
// Arbitrary-precision integers for the exact constant arithmetic of engine/lang/constant.hpp.
//
// Design. Sign and magnitude, the magnitude in 32-bit limbs, least significant first, so that a
// limb product fits a 64-bit word and no compiler extension (__int128) is needed: the same code
// runs natively and under Emscripten. The algorithms are the textbook ones (schoolbook multiply,
// Knuth's algorithm D for division, Lehmer's gcd): the numbers a Go program's constants produce
// are small (the checker rejects integer constants past 512 bits, and ConstValue caps every
// component at ConstValue::kMaxBits), so asymptotically faster methods would be code without a
// payoff. Rejected: a fixed-width 512-bit integer (rationals and float literals such as 1e-300
// need denominators far wider than that); GMP (a dependency for the web build, and its
// allocation-failure path aborts).
//
// Bitwise operations follow Go's math/big: a negative number behaves as its infinite two's
// complement, so -1 & 6 == 6 and -8 >> 1 == -4.
//
// Invariants: mag_ has no most-significant zero limb (zero is the empty vector); negative_ is
// false for zero.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gopark::lang {

class BigInt {
 public:
  BigInt() = default;  // zero
  static BigInt from_int64(std::int64_t v);
  static BigInt from_uint64(std::uint64_t v);
  // base^exp, computed by repeated squaring; the caller bounds the size.
  static BigInt power(std::uint32_t base, std::uint32_t exp);

  int sign() const { return mag_.empty() ? 0 : (negative_ ? -1 : 1); }
  bool is_zero() const { return mag_.empty(); }
  bool is_negative() const { return negative_; }
  bool is_odd() const { return !mag_.empty() && (mag_[0] & 1) != 0; }
  // Bits in |x| (0 for zero).
  std::size_t bit_len() const;
  // Trailing zero bits of |x| (0 for zero).
  std::size_t trailing_zeros() const;
  // Bit i of |x|.
  bool mag_bit(std::size_t i) const;
  // The low 64 bits of |x|.
  std::uint64_t low64() const;
  std::size_t limb_count() const { return mag_.size(); }

  bool fits_int64() const;
  bool fits_uint64() const;
  std::int64_t to_int64() const;    // precondition: fits_int64()
  std::uint64_t to_uint64() const;  // precondition: fits_uint64()

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);

  // Truncated division, as Go's QuoRem: q = a/b rounded toward zero, r = a - q*b (r has a's sign).
  // Precondition: b != 0. Either output may be null.
  static void quo_rem(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
  // gcd(|a|, |b|) >= 0; gcd(0, 0) == 0.
  static BigInt gcd(const BigInt& a, const BigInt& b);

  // x * 2^n.
  BigInt shl(std::size_t n) const;
  // floor(x / 2^n): an arithmetic shift, so a negative x stays negative (-1 >> n == -1).
  BigInt shr(std::size_t n) const;
  // Two's-complement bitwise operations on the infinite-width values.
  static BigInt bit_and(const BigInt& a, const BigInt& b);
  static BigInt bit_or(const BigInt& a, const BigInt& b);
  static BigInt bit_xor(const BigInt& a, const BigInt& b);
  static BigInt bit_and_not(const BigInt& a, const BigInt& b);  // a & ^b
  BigInt bit_not() const;                                        // -x - 1

  // |x| * m + a, in place on the magnitude (used by literal parsing); the sign is kept.
  void mul_add_small(std::uint32_t m, std::uint32_t a);

  // -1, 0, 1 as a < b, a == b, a > b.
  static int compare(const BigInt& a, const BigInt& b);
  static int compare_abs(const BigInt& a, const BigInt& b);
  friend bool operator==(const BigInt& a, const BigInt& b) {
    return a.negative_ == b.negative_ && a.mag_ == b.mag_;
  }

  // Decimal, with a leading '-' when negative.
  std::string to_decimal() const;

 private:
  using Limbs = std::vector<std::uint32_t>;
  enum class BitOp { And, Or, Xor, AndNot };

  static BigInt make(Limbs mag, bool negative);
  static void trim(Limbs& mag);
  static int compare_mag(const Limbs& a, const Limbs& b);
  static Limbs add_mag(const Limbs& a, const Limbs& b);
  static Limbs sub_mag(const Limbs& a, const Limbs& b);  // precondition: a >= b
  static Limbs mul_mag(const Limbs& a, const Limbs& b);
  static std::uint32_t div_small(Limbs& a, std::uint32_t d);  // in place; returns the remainder
  static void div_mag(const Limbs& u, const Limbs& v, Limbs* q, Limbs* r);
  static Limbs shl_mag(const Limbs& a, std::size_t n);
  static Limbs shr_mag(const Limbs& a, std::size_t n);
  static BigInt bitwise(BitOp op, const BigInt& a, const BigInt& b);
  // floor(|x| / 2^shift) mod 2^64.
  std::uint64_t bits_at(std::size_t shift) const;

  Limbs mag_;
  bool negative_ = false;
};

}  // namespace gopark::lang
