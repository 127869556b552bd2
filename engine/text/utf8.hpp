#pragma once
// UTF-8 by Go's rules: the one encoder and decoder behind the lexer, the constant folder, the
// VM's string conversions and range loops, and the natives (fmt, strconv, unicode/utf8).
//
// engine/text is the lowest floor of the Go side: plain functions over bytes, no state, no
// other gopark header. The front end (lang), the VM and the library's natives all include it;
// it includes nothing of theirs. (Rejected: the codec in vm/, reachable from lang and the
// natives too, but then the lexer would lean on the VM for something that is not the VM's.)
//
// Go's rules (package unicode/utf8): a rune is a Unicode scalar value, 0 to U+10FFFF without the
// surrogates U+D800..U+DFFF. Decoding accepts only the shortest encoding of such a value;
// anything else (a stray continuation byte, a bad lead byte 0xC0, 0xC1 or 0xF5..0xFF, an
// overlong form, an encoded surrogate, a value past U+10FFFF, a sequence cut short by the end)
// decodes as U+FFFD of width 1, so that the next decode starts at the next byte.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gopark::text {

constexpr std::int32_t kRuneError = 0xFFFD;  // utf8.RuneError
constexpr std::int32_t kMaxRune = 0x10FFFF;  // utf8.MaxRune

// utf8.ValidRune: whether r is a value UTF-8 can encode.
constexpr bool valid_rune(std::int64_t r) { return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= kMaxRune); }

struct Decoded {
  std::int32_t rune = kRuneError;
  std::size_t width = 1;
  // Go's error result. A real U+FFFD in the input is 3 bytes wide, so this is unambiguous.
  bool invalid() const { return rune == kRuneError && width == 1; }
};

// utf8.DecodeRuneInString(s[i:]). At or past the end of s: the error result (width 1, unlike
// Go's width 0, so that a loop stepping by the width always ends).
inline Decoded decode(std::string_view s, std::size_t i) {
  Decoded error;
  if (i >= s.size()) return error;
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[i + k]); };
  std::uint8_t lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  // The lead byte gives the width and narrows the second byte's range: that one check rules out
  // overlong forms (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and values past U+10FFFF (F4 90..).
  std::size_t width = 0;
  std::uint8_t low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    width = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    width = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    width = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return error;
  }
  if (s.size() - i < width || byte(1) < low || byte(1) > high) return error;
  std::int32_t rune = lead & (0x7F >> width);
  for (std::size_t k = 1; k < width; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return error;
    rune = rune << 6 | (byte(k) & 0x3F);
  }
  return {rune, width};
}

// utf8.AppendRune: an invalid rune (negative, a surrogate, past U+10FFFF) appends U+FFFD.
inline void encode(std::int64_t r, std::string& out) {
  std::uint32_t c = valid_rune(r) ? std::uint32_t(r) : std::uint32_t(kRuneError);
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | c >> 6);
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | c >> 12);
    out += char(0x80 | (c >> 6 & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | c >> 18);
    out += char(0x80 | (c >> 12 & 0x3F));
    out += char(0x80 | (c >> 6 & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

// utf8.ValidString.
inline bool valid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode(s, i);
    if (d.invalid()) return false;
    i += d.width;
  }
  return true;
}

}  // namespace gopark::text
