// strconv's natives (engine/lib/go/strconv.go): float formatting and parsing, Go-syntax quoting.
#include "lib/natives/float_format.hpp"
#include "lib/natives/float_parse.hpp"
#include "lib/natives/native_support.hpp"
#include "lib/natives/text.hpp"

namespace gopark::lib {
namespace {

std::int32_t rune_arg(vm::Word w) { return std::int32_t(std::int64_t(w)); }

// The digits of v in `base`, with a minus sign when `negative`, into the end of buf; returns
// where they start.
char* format_bits(char* end, std::uint64_t v, std::uint64_t base, bool negative) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char* p = end;
  do {
    *--p = kDigits[v % base];
    v /= base;
  } while (v != 0);
  if (negative) *--p = '-';
  return p;
}

// func FormatInt(i int64, base int) string / FormatUint(i uint64, base int) string: natives
// because every Itoa goes through them (map-heavy programs build keys with it).
template <bool Signed>
bool format_int_native(vm::NativeContext& ctx, vm::Word* args) {
  std::int64_t base = std::int64_t(args[1]);
  if (base < 2 || base > 36) return panic_string(ctx, "strconv: illegal AppendInt/FormatInt base");
  std::uint64_t v = args[0];
  bool negative = Signed && std::int64_t(v) < 0;
  if (negative) v = std::uint64_t(0) - v;
  char buf[72];
  char* start = format_bits(buf + sizeof buf, v, std::uint64_t(base), negative);
  return set_string(ctx, 0, std::string_view(start, std::size_t(buf + sizeof buf - start)));
}

// func FormatFloat(f float64, fmt byte, prec, bitSize int) string
bool format_float_native(vm::NativeContext& ctx, vm::Word* args) {
  std::int64_t bit_size = std::int64_t(args[3]);
  if (bit_size != 32 && bit_size != 64) return panic_string(ctx, "strconv: illegal AppendFloat/FormatFloat bitSize");
  std::string out;
  append_float(out, to_float(args[0]), char(args[1]), int(std::int64_t(args[2])), int(bit_size));
  return set_string(ctx, 0, out);
}

// func parseFloat(s string, bitSize int) (float64, int): status 0 ok, 1 syntax, 2 range.
bool parse_float_native(vm::NativeContext&, vm::Word* args) {
  double value;
  ParseStatus status = parse_float(vm::ops::view(args[0]), std::int64_t(args[1]) == 32 ? 32 : 64, value);
  args[0] = from_float(value);
  args[1] = status == ParseStatus::Ok ? 0 : status == ParseStatus::Syntax ? 1 : 2;
  return true;
}

template <bool AsciiOnly>
bool quote_native(vm::NativeContext& ctx, vm::Word* args) {
  std::string out;
  append_quoted(out, vm::ops::view(args[0]), QuoteMode{AsciiOnly, false});
  return set_string(ctx, 0, out);
}

template <bool AsciiOnly>
bool quote_rune_native(vm::NativeContext& ctx, vm::Word* args) {
  std::string out;
  append_quoted_rune(out, rune_arg(args[0]), QuoteMode{AsciiOnly, false});
  return set_string(ctx, 0, out);
}

// func CanBackquote(s string) bool
bool can_backquote_native(vm::NativeContext&, vm::Word* args) {
  args[0] = from_bool(can_backquote(vm::ops::view(args[0])));
  return true;
}

// func IsPrint(r rune) bool
bool is_print_native(vm::NativeContext&, vm::Word* args) {
  args[0] = from_bool(is_print(rune_arg(args[0])));
  return true;
}

// func unquote(s string) (string, bool)
bool unquote_native(vm::NativeContext& ctx, vm::Word* args) {
  std::string out;
  bool ok = unquote(vm::ops::view(args[0]), out);
  if (!set_string(ctx, 0, ok ? out : std::string())) return false;
  args[1] = from_bool(ok);
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"strconv.FormatFloat", format_float_native},
    {"strconv.FormatInt", format_int_native<true>},
    {"strconv.FormatUint", format_int_native<false>},
    {"strconv.parseFloat", parse_float_native},
    {"strconv.Quote", quote_native<false>},
    {"strconv.QuoteToASCII", quote_native<true>},
    {"strconv.QuoteRune", quote_rune_native<false>},
    {"strconv.QuoteRuneToASCII", quote_rune_native<true>},
    {"strconv.CanBackquote", can_backquote_native},
    {"strconv.IsPrint", is_print_native},
    {"strconv.unquote", unquote_native},
};

}  // namespace

std::span<const NativeEntry> strconv_natives() { return kNatives; }

}  // namespace gopark::lib
