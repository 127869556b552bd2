#pragma once
// Go's binary → decimal conversion of floating-point numbers (strconv.FormatFloat), which fmt's
// float verbs are built on.
//
// Design: exact multiprecision decimal arithmetic, as Go's own fallback path (strconv's "bigFtoa"):
// the mantissa is written as a decimal digit string and shifted by the binary exponent (exact, at
// most ~770 significant digits for a double), then rounded. The shortest form (precision -1) walks
// the digits of the value and of the midpoints to its neighbours and stops at the first digit
// where the result can be cut or rounded and still read back as the same float. This yields
// exactly the digits Go's Ryū fast path yields (Go's own tests compare the two), so outputs match
// Go's byte for byte, float32 included (the midpoints are those of float32 then).
//
// Rejected:
//  - std::to_chars: shortest digits and exact rounding, but Emscripten's libc++ 13 has no
//    floating-point to_chars, and the web build must print floats exactly as the native one.
//  - printf("%.17g") plus trial round trips: the correctly rounded n-digit string is not always
//    the one Go picks when the rounding interval is asymmetric (powers of two), and printf's output
//    depends on the C library.
#include <string>

namespace gopark::lib {

// Appends v formatted as Go's strconv.AppendFloat(dst, v, format, prec, bit_size):
//   format: 'b' -ddddp±ddd, 'e'/'E' -d.dddde±dd, 'f' -ddd.dddd, 'g'/'G' ('e' for large
//           exponents, 'f' otherwise), 'x'/'X' -0xd.ddddp±ddd; anything else appends '%' format.
//   prec:   digits after the point ('e', 'f', 'x'), significant digits ('g'); -1: the fewest
//           digits that read back as v.
//   bit_size: 32 (v is a float32 value held in a double) or 64.
void append_float(std::string& out, double v, char format, int prec, int bit_size);
std::string format_float(double v, char format, int prec, int bit_size);

}  // namespace gopark::lib
