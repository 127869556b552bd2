#pragma once
// Exact constant values for the type checker: what Go's go/constant package provides.
//
// Go's untyped constants are exact. Integer constants are arbitrary-precision integers; the
// checker, not this file, rejects results past 512 bits ("constant overflow", see int_bit_len).
// Floating-point constants must carry at least 256 mantissa bits; here they are exact rationals
// of BigInts (engine/lang/bigint.hpp), so 1.0/3*3 == 1 and 0.1+0.2 == 0.3 hold exactly, and a
// value is rounded only where Go rounds it: when it becomes typed (round_float), when it is
// converted to a machine double (to_float64) and when it is printed (to_string).
//
// Rejected: go/constant's switch from rationals to 512-bit binary floats once a component passes
// 4096 bits. Exact rationals are simpler and agree with Go on every value a program can observe;
// the price is that a value must stay below a size cap, past which we answer Unknown where Go
// would still compute (say 1e10000 * 1e10000). The cap also bounds time and memory for any
// input, which matters because this code runs on fuzzed programs: no result has a component
// wider than kMaxBits (intermediates stay below twice that, and operations whose result must be
// wider are refused before they are computed), literals with decimal exponents past
// kMaxDecimalExponent are refused, and string concatenation stops at kMaxStringBytes. The worst
// single operation (a gcd of two unrelated kMaxBits numbers) takes milliseconds in a release build. The checker reports Unknown from known operands as Go does:
// "constant result is not representable".
//
// Representation. A ConstValue is immutable. Bools and integers that fit an int64 live inline;
// larger integers, every float and every string live in a shared, immutable payload, so a copy is
// a reference-count increment at worst. Complex constants are not supported: imaginary literals
// give Unknown.
//
// Invariants: kind Int with no payload <=> the value fits int64 (small_ holds it); a Float's
// payload is num/den with den > 0 and gcd(num, den) == 1; no component is wider than kMaxBits.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/token.hpp"

namespace gopark::lang {

// Unknown is the result of an error; every operation on Unknown gives Unknown (or false).
enum class ConstKind : std::uint8_t { Unknown, Bool, String, Int, Float };

class ConstValue {
 public:
  // The size caps described above.
  static constexpr std::size_t kMaxBits = std::size_t{1} << 16;   // per integer/numerator/denominator
  static constexpr int kMaxDecimalExponent = 10000;               // |e| in 1e-e .. 1e+e literals
  static constexpr std::size_t kMaxStringBytes = std::size_t{1} << 24;

  ConstValue() = default;  // Unknown
  static ConstValue make_bool(bool b);
  static ConstValue make_string(std::string s);
  static ConstValue make_int64(std::int64_t v);
  static ConstValue make_uint64(std::uint64_t v);
  // The exact value of the double; Unknown for an infinity or NaN. -0.0 gives 0.
  static ConstValue make_float64(double v);
  // From a literal token's text exactly as written: Int (decimal, 0x, 0o, 0b, legacy octal, with _
  // separators), Float (decimal and hex floats), Char (an Int: the rune), String (interpreted or
  // raw). Unknown if the text is malformed by the spec's rules, is not valid UTF-8, or exceeds the
  // size caps; Unknown for Imag and any other token.
  static ConstValue from_literal(Tok kind, std::string_view text);

  ConstKind kind() const { return kind_; }
  bool is_unknown() const { return kind_ == ConstKind::Unknown; }
  bool is_numeric() const { return kind_ == ConstKind::Int || kind_ == ConstKind::Float; }
  // false unless kind() is Bool.
  bool bool_value() const { return kind_ == ConstKind::Bool && small_ != 0; }
  // An empty string unless kind() is String.
  const std::string& string_value() const;

  // Int/Float: -1, 0 or 1. Unknown gives 1, as go/constant does, so that "division by zero"
  // checks stay quiet on a value already reported; Bool and String give 0.
  int sign() const;
  // Int or Float with value zero.
  bool is_zero() const;
  // Int, or a Float with an integer value.
  bool is_integral() const;
  // Int from an Int or an integral Float (exactly); Unknown otherwise.
  ConstValue to_int() const;
  // Float from an Int or a Float; Unknown otherwise.
  ConstValue to_float() const;
  // The value, when integral and in range.
  std::optional<std::int64_t> to_int64() const;
  std::optional<std::uint64_t> to_uint64() const;
  // Integral and representable in `bits` bits (1..kMaxBits) of the given signedness.
  bool fits_int(int bits, bool is_signed) const;
  // Int/Float rounded to the nearest double (ties to even, subnormals included); +-inf past the
  // largest finite double. 0 for non-numeric values.
  double to_float64() const;
  float to_float32() const;
  // Whether the value rounds to infinity as a float32 (bits == 32) or float64 (any other bits).
  bool overflows_float(int bits) const;
  // The exact value of the nearest float32/float64, as a Float (Go rounds typed float constants);
  // Unknown if that overflows or the value is not numeric.
  ConstValue round_float(int bits) const;
  // Bits in |x| for an Int (go/constant's BitLen); 0 for every other kind.
  std::size_t int_bit_len() const;

  // x op y for op in Add Sub Mul Quo Rem And Or Xor AndNot LogAnd LogOr. Int op Float promotes to
  // Float. Quo of two Ints truncates toward zero when int_division, else gives the exact rational
  // (a Float, even when integral, as Go). Rem and the bitwise ops need two Ints, LogAnd/LogOr two
  // Bools; Add concatenates Strings. Anything else, division by zero (the caller checks is_zero()
  // first), and results past the size caps give Unknown.
  static ConstValue binary(Tok op, const ConstValue& x, const ConstValue& y, bool int_division);
  // x << count or x >> count (arithmetic) for op Shl/Shr. x must be an Int (an integral Float is
  // taken as its Int); the result is an Int, Unknown past kMaxBits.
  static ConstValue shift(Tok op, const ConstValue& x, std::uint64_t count);
  // x op y for op in Eql Neq Lss Leq Gtr Geq: numbers (Int and Float mixed), Strings (bytewise),
  // Bools (Eql/Neq only). false for anything else, Unknown included.
  static bool compare(Tok op, const ConstValue& x, const ConstValue& y);
  // op x for op in Add Sub (numbers), Not (Bool), Xor (Int). For ^x of a typed unsigned constant
  // pass its size in bits: the result is then (2^bits - 1) ^ x; 0 means untyped or signed
  // (^x == -x - 1).
  static ConstValue unary(Tok op, const ConstValue& x, int unsigned_bits);

  // As Go prints constants in messages (go/constant's String): "unknown", true/false, integers in
  // full decimal, floats as fmt's %.6g of the nearest double (beyond the double range Go's
  // approximate "%.6ge%+d" form), strings quoted as strconv.Quote does and cut to 72 runes with
  // "...". Non-printable runes are recognized approximately (controls, spaces other than ' ',
  // format characters, private use and unassigned planes), not by Go's full Unicode tables.
  std::string to_string() const;
  // Exact: integers in full decimal, floats as "num/den" (den 1 included), strings fully quoted.
  std::string exact_string() const;

 private:
  struct Payload;

  std::int64_t small_ = 0;                   // Int fitting int64; the Bool value
  std::shared_ptr<const Payload> payload_;   // larger Int, every Float and String
  ConstKind kind_ = ConstKind::Unknown;

  friend struct ConstOps;  // constant.cpp's helpers
};

}  // namespace gopark::lang
