// Lookups in Go's Unicode tables (unicode.hpp).
#include "lib/natives/unicode.hpp"

#include <algorithm>

#include "lib/natives/unicode_tables.hpp"

namespace gopark::lib {
namespace {

using unicode_data::StrideRange;

bool in_table(std::span<const StrideRange> table, std::int32_t r) {
  if (r < 0) return false;
  auto u = std::uint32_t(r);
  // The last range starting at or below u.
  auto it = std::upper_bound(table.begin(), table.end(), u,
                             [](std::uint32_t v, const StrideRange& range) { return v < range.lo; });
  if (it == table.begin()) return false;
  --it;
  return u <= it->hi && (u - it->lo) % it->stride == 0;
}

enum class Case { Upper = 0, Lower = 1, Title = 2 };

std::int32_t to_case(Case c, std::int32_t r) {
  if (r < 0 || r > 0x10FFFF) return r;
  auto u = std::uint32_t(r);
  auto ranges = unicode_data::case_ranges;
  auto it = std::upper_bound(ranges.begin(), ranges.end(), u,
                             [](std::uint32_t v, const unicode_data::CaseRange& range) { return v < range.lo; });
  if (it == ranges.begin()) return r;
  --it;
  if (u > it->hi) return r;
  std::int32_t delta = it->delta[int(c)];
  if (delta > 0x10FFFF) {
    // Alternating upper/lower pairs from lo: even offsets are upper case, odd ones lower; title
    // case is upper case.
    std::uint32_t low_bit = c == Case::Lower ? 1 : 0;
    return std::int32_t(it->lo + (((u - it->lo) & ~1u) | low_bit));
  }
  return r + delta;
}

}  // namespace

bool is_letter(std::int32_t r) { return in_table(unicode_data::letter, r); }
bool is_digit(std::int32_t r) {
  if (r >= 0 && r < 0x80) return r >= '0' && r <= '9';
  return in_table(unicode_data::digit, r);
}
bool is_number(std::int32_t r) { return in_table(unicode_data::number, r); }
bool is_upper(std::int32_t r) { return in_table(unicode_data::upper, r); }
bool is_lower(std::int32_t r) { return in_table(unicode_data::lower, r); }
bool is_title(std::int32_t r) { return in_table(unicode_data::title, r); }
bool is_punct(std::int32_t r) { return in_table(unicode_data::punct, r); }
bool is_symbol(std::int32_t r) { return in_table(unicode_data::symbol, r); }
bool is_mark(std::int32_t r) { return in_table(unicode_data::mark, r); }
bool is_space(std::int32_t r) { return in_table(unicode_data::white_space, r); }
bool is_control(std::int32_t r) { return (r >= 0 && r < 0x20) || (r >= 0x7F && r <= 0x9F); }

bool is_print(std::int32_t r) {
  if (r >= 0 && r < 0x80) return r >= 0x20 && r < 0x7F;
  return in_table(unicode_data::print, r);
}

bool is_graphic(std::int32_t r) {
  if (is_print(r)) return true;
  switch (r) {  // the space separators (Zs) besides U+0020
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return true;
    default: return r >= 0x2000 && r <= 0x200A;
  }
}

std::int32_t to_upper(std::int32_t r) {
  if (r >= 0 && r < 0x80) return r >= 'a' && r <= 'z' ? r - 32 : r;
  return to_case(Case::Upper, r);
}
std::int32_t to_lower(std::int32_t r) {
  if (r >= 0 && r < 0x80) return r >= 'A' && r <= 'Z' ? r + 32 : r;
  return to_case(Case::Lower, r);
}
std::int32_t to_title(std::int32_t r) { return to_case(Case::Title, r); }

std::int32_t simple_fold(std::int32_t r) {
  if (r < 0 || r > 0x10FFFF) return r;
  auto folds = unicode_data::folds;
  auto it = std::lower_bound(folds.begin(), folds.end(), std::uint32_t(r),
                             [](const unicode_data::FoldPair& f, std::uint32_t v) { return f.from < v; });
  return it != folds.end() && it->from == std::uint32_t(r) ? std::int32_t(it->to) : r;
}

}  // namespace gopark::lib
