#pragma once
// Go's Unicode tables (generated into unicode_tables.cpp by unicode_tables_gen.go; used through
// unicode.hpp).
#include <cstdint>
#include <span>

namespace gopark::lib::unicode_data {

// Runes lo, lo+stride, ..., up to hi (Go's unicode.Range16/Range32).
struct StrideRange {
  std::uint32_t lo;
  std::uint32_t hi;
  std::uint32_t stride;
};

// Go's unicode.CaseRange: deltas to upper, lower and title case for runes lo..hi. A delta of
// kUpperLower means the range alternates upper/lower pairs starting with an upper case rune.
struct CaseRange {
  std::uint32_t lo;
  std::uint32_t hi;
  std::int32_t delta[3];
};
constexpr std::int32_t kUpperLower = 0x10FFFF + 1;

struct FoldPair {
  std::uint32_t from;
  std::uint32_t to;  // unicode.SimpleFold(from)
};

// Sorted by lo; disjoint.
extern const std::span<const StrideRange> letter, digit, number, upper, lower, title, punct, symbol,
    mark, white_space, print;
extern const std::span<const CaseRange> case_ranges;  // sorted by lo
extern const std::span<const FoldPair> folds;         // sorted by from

}  // namespace gopark::lib::unicode_data
