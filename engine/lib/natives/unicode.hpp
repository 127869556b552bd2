#pragma once
// Go's unicode package predicates and case mappings, exactly as the Go release that generated the
// tables answers them (unicode_tables.hpp). Any int32 is accepted; values that are not valid
// runes are in no class and map to themselves.
#include <cstdint>

namespace gopark::lib {

bool is_letter(std::int32_t r);   // category L
bool is_digit(std::int32_t r);    // Nd
bool is_number(std::int32_t r);   // N
bool is_upper(std::int32_t r);    // Lu
bool is_lower(std::int32_t r);    // Ll
bool is_title(std::int32_t r);    // Lt
bool is_punct(std::int32_t r);    // P
bool is_symbol(std::int32_t r);   // S
bool is_mark(std::int32_t r);     // M
bool is_space(std::int32_t r);    // White_Space ('\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 ...)
bool is_control(std::int32_t r);  // C0 and C1 controls
// unicode.IsPrint / strconv.IsPrint: L, M, N, P, S and U+0020.
bool is_print(std::int32_t r);
// unicode.IsGraphic: is_print plus the other space separators (Zs: U+00A0, U+3000 ...).
bool is_graphic(std::int32_t r);

std::int32_t to_upper(std::int32_t r);
std::int32_t to_lower(std::int32_t r);
std::int32_t to_title(std::int32_t r);
// unicode.SimpleFold: the next rune (cyclically, by value) equivalent to r under simple folding.
std::int32_t simple_fold(std::int32_t r);

}  // namespace gopark::lib
