// engine/text: the one UTF-8 codec and escape-sequence reader/writer the lexer, the constant
// folder, the VM and the natives share. The ugly cases, each as Go's unicode/utf8 and strconv
// answer them.
#include <doctest/doctest.h>

#include <string>

#include "text/escape.hpp"
#include "text/utf8.hpp"

using namespace gopark;

namespace {

// The (rune, width) pairs decoding all of s gives, stepping by the width.
std::string decode_all(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    text::Decoded d = text::decode(s, i);
    out += std::to_string(d.rune) + "/" + std::to_string(d.width) + " ";
    i += d.width;
  }
  return out;
}

std::string encoded(std::int64_t r) {
  std::string out;
  text::encode(r, out);
  return out;
}

std::string escaped(std::int32_t r) {
  std::string out;
  text::append_escape(out, r);
  return out;
}

// The escape at the start of s: its value, "b" for a byte, and how much it took; "error" if none.
std::string escape_of(std::string_view s, char quote) {
  std::size_t i = 0;
  std::optional<text::Escape> e = text::decode_escape(s, i, quote);
  if (!e) return "error";
  return std::to_string(e->value) + (e->is_byte ? "b" : "") + " +" + std::to_string(i);
}

}  // namespace

TEST_CASE("utf8 decode: valid runes at each width, and the edges of each range") {
  CHECK(decode_all("a") == "97/1 ");
  CHECK(decode_all("\xC2\x80") == "128/2 ");              // U+0080, the first 2-byte rune
  CHECK(decode_all("\xDF\xBF") == "2047/2 ");             // U+07FF
  CHECK(decode_all("\xE0\xA0\x80") == "2048/3 ");         // U+0800, the first 3-byte rune
  CHECK(decode_all("\xED\x9F\xBF") == "55295/3 ");        // U+D7FF, just below the surrogates
  CHECK(decode_all("\xEE\x80\x80") == "57344/3 ");        // U+E000, just above them
  CHECK(decode_all("\xEF\xBF\xBD") == "65533/3 ");        // a real U+FFFD is not an error
  CHECK_FALSE(text::decode("\xEF\xBF\xBD", 0).invalid());
  CHECK(decode_all("\xF0\x90\x80\x80") == "65536/4 ");    // U+10000
  CHECK(decode_all("\xF4\x8F\xBF\xBF") == "1114111/4 ");  // U+10FFFF, the last rune
}

TEST_CASE("utf8 decode: every invalid form is U+FFFD of width 1, and the next byte is read next") {
  CHECK(decode_all("\x80") == "65533/1 ");                          // a stray continuation byte
  CHECK(text::decode("\x80", 0).invalid());
  CHECK(decode_all("\xC0\xAF") == "65533/1 65533/1 ");              // overlong '/' (bad lead)
  CHECK(decode_all("\xC1\xBF") == "65533/1 65533/1 ");
  CHECK(decode_all("\xE0\x9F\xBF") == "65533/1 65533/1 65533/1 ");  // overlong 3-byte
  CHECK(decode_all("\xF0\x8F\xBF\xBF") == "65533/1 65533/1 65533/1 65533/1 ");  // overlong 4-byte
  CHECK(decode_all("\xED\xA0\x80") == "65533/1 65533/1 65533/1 ");  // U+D800, a surrogate
  CHECK(decode_all("\xED\xBF\xBF") == "65533/1 65533/1 65533/1 ");  // U+DFFF
  CHECK(decode_all("\xF4\x90\x80\x80") == "65533/1 65533/1 65533/1 65533/1 ");  // U+110000
  CHECK(decode_all("\xF5\x80\x80\x80") == "65533/1 65533/1 65533/1 65533/1 ");  // lead past F4
  CHECK(decode_all("\xFF") == "65533/1 ");
  CHECK(decode_all("\xE2\x82") == "65533/1 65533/1 ");              // cut short by the end
  CHECK(decode_all("\xF0\x9F\x98") == "65533/1 65533/1 65533/1 ");
  CHECK(decode_all("\xE2\x82z") == "65533/1 65533/1 122/1 ");       // cut short by an ASCII byte
  CHECK(decode_all("\xC3\xC3\xA9") == "65533/1 233/2 ");            // a lead byte, then a rune
  CHECK(text::decode("ab", 2).invalid());                           // past the end: width 1
  CHECK(text::valid("h\xC3\xA9llo"));
  CHECK_FALSE(text::valid("h\xC3llo"));
  CHECK(text::valid(""));
}

TEST_CASE("utf8 encode: each width, and invalid runes as U+FFFD") {
  CHECK(encoded(0) == std::string(1, '\0'));
  CHECK(encoded(0x7F) == "\x7F");
  CHECK(encoded(0x80) == "\xC2\x80");
  CHECK(encoded(0x7FF) == "\xDF\xBF");
  CHECK(encoded(0x800) == "\xE0\xA0\x80");
  CHECK(encoded(0xFFFF) == "\xEF\xBF\xBF");
  CHECK(encoded(0x10000) == "\xF0\x90\x80\x80");
  CHECK(encoded(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  CHECK(encoded(0xD800) == "\xEF\xBF\xBD");
  CHECK(encoded(0xDFFF) == "\xEF\xBF\xBD");
  CHECK(encoded(0x110000) == "\xEF\xBF\xBD");
  CHECK(encoded(-1) == "\xEF\xBF\xBD");
  CHECK(encoded(std::int64_t(1) << 32 | 'a') == "\xEF\xBF\xBD");  // string(rune) of a wide int
  for (std::int32_t r : {0x41, 0xE9, 0x20AC, 0x1F600}) {
    std::string s = encoded(r);
    text::Decoded d = text::decode(s, 0);
    CHECK(d.rune == r);
    CHECK(d.width == s.size());
  }
}

TEST_CASE("escapes: decoding as strconv.UnquoteChar does") {
  CHECK(escape_of("\\n", '"') == "10 +2");
  CHECK(escape_of("\\\\", '"') == "92 +2");
  CHECK(escape_of("\\\"", '"') == "34 +2");
  CHECK(escape_of("\\'", '"') == "error");    // only the literal's own quote may be escaped
  CHECK(escape_of("\\'", '\'') == "39 +2");
  CHECK(escape_of("\\\"", 0) == "error");     // quote 0: neither
  CHECK(escape_of("\\q", '"') == "error");
  CHECK(escape_of("\\", '"') == "error");
  CHECK(escape_of("\\xff", '"') == "255b +4");
  CHECK(escape_of("\\xFf", '"') == "255b +4");
  CHECK(escape_of("\\xf", '"') == "error");    // too few digits
  CHECK(escape_of("\\xfg", '"') == "error");
  CHECK(escape_of("\\377", '"') == "255b +4");
  CHECK(escape_of("\\400", '"') == "error");   // octal past 255
  CHECK(escape_of("\\08", '"') == "error");    // not an octal digit
  CHECK(escape_of("\\12", '"') == "error");
  CHECK(escape_of("\\u00e9", '"') == "233 +6");
  CHECK(escape_of("\\u00e9z", '"') == "233 +6");
  CHECK(escape_of("\\ud800", '"') == "error");  // a surrogate
  CHECK(escape_of("\\U0010ffff", '"') == "1114111 +10");
  CHECK(escape_of("\\U00110000", '"') == "error");
  CHECK(escape_of("\\Uffffffff", '"') == "error");
  CHECK(escape_of("\\u12", '"') == "error");
}

TEST_CASE("escapes: writing a rune that is not printed as it is") {
  CHECK(escaped('\a') == "\\a");
  CHECK(escaped('\n') == "\\n");
  CHECK(escaped('\v') == "\\v");
  CHECK(escaped(0) == "\\x00");
  CHECK(escaped(0x1B) == "\\x1b");
  CHECK(escaped(0x7F) == "\\x7f");
  CHECK(escaped(0x85) == "\\u0085");
  CHECK(escaped(0xFEFF) == "\\ufeff");
  CHECK(escaped(0xE0001) == "\\U000e0001");
  CHECK(escaped(0xD800) == "\\ufffd");
  CHECK(escaped(0x110000) == "\\ufffd");
  CHECK(escaped(-5) == "\\ufffd");
}
