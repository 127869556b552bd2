#pragma once
// Go's decimal/hexadecimal → binary conversion of floating-point numbers (strconv.ParseFloat).
//
// Design: Go's syntax is checked here (signs, digits with underscores only where Go allows them,
// hexadecimal mantissas with a mandatory p exponent, "inf", "infinity" and "nan" in any case),
// then the digits without underscores go to the C library's strtod/strtof, which round
// correctly (IEEE round-half-even on the exact decimal value, as Go does) in glibc and in
// Emscripten's musl alike. strtof rounds the decimal straight to float32 (no double rounding).
#include <string_view>

namespace gopark::lib {

enum class ParseStatus { Ok, Syntax, Range };

// strconv.ParseFloat(s, bit_size): the value (±Inf with Range when s is past the largest finite
// value of that size; 0 with Syntax when s is not a Go float).
ParseStatus parse_float(std::string_view s, int bit_size, double& out);

}  // namespace gopark::lib
