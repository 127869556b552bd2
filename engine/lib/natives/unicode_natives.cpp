// unicode's natives: the character classes and case mappings (engine/lib/go/unicode.go), over
// Go's tables (unicode.hpp).
#include "lib/natives/native_support.hpp"
#include "lib/natives/unicode.hpp"

namespace gopark::lib {
namespace {

std::int32_t rune_arg(vm::Word w) { return std::int32_t(std::int64_t(w)); }

template <bool (*Predicate)(std::int32_t)>
bool predicate_native(vm::NativeContext&, vm::Word* args) {
  args[0] = from_bool(Predicate(rune_arg(args[0])));
  return true;
}

template <std::int32_t (*Mapping)(std::int32_t)>
bool mapping_native(vm::NativeContext&, vm::Word* args) {
  args[0] = vm::Word(std::int64_t(Mapping(rune_arg(args[0]))));
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"unicode.IsLetter", predicate_native<is_letter>},
    {"unicode.IsDigit", predicate_native<is_digit>},
    {"unicode.IsNumber", predicate_native<is_number>},
    {"unicode.IsSpace", predicate_native<is_space>},
    {"unicode.IsUpper", predicate_native<is_upper>},
    {"unicode.IsLower", predicate_native<is_lower>},
    {"unicode.IsTitle", predicate_native<is_title>},
    {"unicode.IsPunct", predicate_native<is_punct>},
    {"unicode.IsSymbol", predicate_native<is_symbol>},
    {"unicode.IsMark", predicate_native<is_mark>},
    {"unicode.IsControl", predicate_native<is_control>},
    {"unicode.IsPrint", predicate_native<is_print>},
    {"unicode.IsGraphic", predicate_native<is_graphic>},
    {"unicode.ToUpper", mapping_native<to_upper>},
    {"unicode.ToLower", mapping_native<to_lower>},
    {"unicode.ToTitle", mapping_native<to_title>},
    {"unicode.SimpleFold", mapping_native<simple_fold>},
};

}  // namespace

std::span<const NativeEntry> unicode_natives() { return kNatives; }

}  // namespace gopark::lib
