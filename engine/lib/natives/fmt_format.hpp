#pragma once
// fmt's low-level formatting of one operand of a known C++ type (Go's fmt/format.go): padding to a
// width, precision, the + - # 0 space flags, integers in any base, floats, strings, byte strings,
// quoted strings and runes, U+ notation. Knows nothing of Go values; the printer (fmt_print.hpp)
// walks VM values and calls these.
//
// Widths and padding count runes, not bytes, as Go does. The zero flag pads numbers after their
// sign ("-0042") and everything else on the left ("00ab": Go 1.19 pads strings with zeros too).
#include <cstdint>
#include <string>
#include <string_view>

namespace gopark::lib {

struct FormatFlags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  // %+v and %#v: plus and sharp are moved here for the v verb (they mean field names and Go
  // syntax there, not a sign or an alternate form).
  bool plus_v = false;
  bool sharp_v = false;
};

class Formatter {
 public:
  explicit Formatter(std::string& buf) : buf_(buf) {}

  FormatFlags flags;
  int wid = 0;
  int prec = 0;

  void clear_flags() {
    flags = FormatFlags{};
    wid = 0;
    prec = 0;
  }
  std::string& buf() { return buf_; }

  // Writes s padded to the width (by runes), on the left unless the minus flag is set.
  void pad(std::string_view s);
  void write_padding(int n);

  void fmt_boolean(bool v);
  // %U: U+0041, and with # also the character: U+0041 'A'.
  void fmt_unicode(std::uint64_t u);
  // An integer in base 2, 8, 10 or 16; `is_signed` reads u as an int64. verb 'O' adds 0o.
  void fmt_integer(std::uint64_t u, int base, bool is_signed, std::int32_t verb, bool upper);
  // %s of a string or []byte (precision truncates by runes).
  void fmt_s(std::string_view s);
  // %x / %X of a string or []byte: two hex digits per byte; space puts blanks between bytes and
  // # adds 0x (before each byte when combined with space).
  void fmt_sbx(std::string_view s, bool upper);
  // %q of a string: a Go string literal, or a raw one with # when possible; + escapes non-ASCII.
  void fmt_q(std::string_view s);
  // %c and %q of a rune (values past U+10FFFF print as U+FFFD).
  void fmt_c(std::uint64_t c);
  void fmt_qc(std::uint64_t c);
  // A float with strconv format `verb` ('e','f','g','b','x' ...) and default precision `prec`
  // (-1: shortest), for a float of `size` bits.
  void fmt_float(double v, int size, std::int32_t verb, int prec);

 private:
  std::string_view truncate(std::string_view s) const;
  std::string& buf_;
};

}  // namespace gopark::lib
