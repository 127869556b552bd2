// Quoting, unquoting and the Unicode tables (engine/lib/natives/text.cpp, unicode.cpp), against
// Go 1.19's strconv and unicode.
#include <doctest/doctest.h>

#include <string>

#include "lib/natives/text.hpp"
#include "lib/natives/unicode.hpp"

namespace lib = gopark::lib;

namespace {

std::string quote(std::string_view s, lib::QuoteMode mode = {}) {
  std::string out;
  lib::append_quoted(out, s, mode);
  return out;
}
std::string quote_rune(std::int32_t r, lib::QuoteMode mode = {}) {
  std::string out;
  lib::append_quoted_rune(out, r, mode);
  return out;
}

}  // namespace

TEST_CASE("Quote escapes as Go does") {
  CHECK(quote("hello") == "\"hello\"");
  CHECK(quote("tab\there\n") == "\"tab\\there\\n\"");
  CHECK(quote("héllo") == "\"héllo\"");
  CHECK(quote("héllo", {true, false}) == "\"h\\u00e9llo\"");
  CHECK(quote("\x01\x7f") == "\"\\x01\\x7f\"");
  CHECK(quote("bad\xff") == "\"bad\\xff\"");
  CHECK(quote("\u00a0") == "\"\\u00a0\"");
  CHECK(quote("\u00a0", {false, true}) == "\"\u00a0\"");
  CHECK(quote("\U0001F600", {true, false}) == "\"\\U0001f600\"");
  CHECK(quote("\U000E0001") == "\"\\U000e0001\"");  // a format character: not printable
  CHECK(quote_rune('a') == "'a'");
  CHECK(quote_rune('\'') == "'\\''");
  CHECK(quote_rune('"') == "'\"'");
  CHECK(quote_rune(0xD800) == "'�'");
  CHECK(quote_rune(0x1F600, {true, false}) == "'\\U0001f600'");
}

TEST_CASE("CanBackquote") {
  CHECK(lib::can_backquote("C:\\path"));
  CHECK(lib::can_backquote("tab\tok"));
  CHECK_FALSE(lib::can_backquote("back`tick"));
  CHECK_FALSE(lib::can_backquote("new\nline"));
  CHECK_FALSE(lib::can_backquote("\xEF\xBB\xBF"));
  CHECK_FALSE(lib::can_backquote("bad\xff"));
}

TEST_CASE("Unquote reads Go literals back (Go 1.19's quirks included)") {
  std::string out;
  CHECK(lib::unquote("\"a\\x41\\u00e9\"", out));
  CHECK(out == "aAé");
  CHECK(lib::unquote("`a\rb`", out));
  CHECK(out == "ab");
  CHECK(lib::unquote("'\\377'", out));
  CHECK(out == "\xff");
  CHECK(lib::unquote("''", out));  // Go 1.19 accepts the empty rune literal
  CHECK(out.empty());
  CHECK(lib::unquote("'\xff'", out));
  CHECK(out == "\uFFFD");
  CHECK_FALSE(lib::unquote("'ab'", out));
  CHECK_FALSE(lib::unquote("\"\\'\"", out));
  CHECK_FALSE(lib::unquote("`abc` ", out));
  CHECK_FALSE(lib::unquote("\"abc", out));
  CHECK_FALSE(lib::unquote("'\\400'", out));
  CHECK_FALSE(lib::unquote("\"a\nb\"", out));
}

TEST_CASE("Unicode classes and case mapping match Go's tables") {
  CHECK(lib::is_letter('a'));
  CHECK(lib::is_letter(U'é'));
  CHECK(lib::is_letter(U'ª'));
  CHECK_FALSE(lib::is_letter('1'));
  CHECK(lib::is_digit(U'٣'));  // ARABIC-INDIC DIGIT THREE
  CHECK(lib::is_number(U'½'));
  CHECK_FALSE(lib::is_digit(U'½'));
  CHECK(lib::is_upper(U'Σ'));
  CHECK(lib::is_lower(U'σ'));
  CHECK(lib::is_title(U'ǅ'));
  CHECK(lib::is_space(U'\u0085'));
  CHECK(lib::is_space(U'\u3000'));
  CHECK_FALSE(lib::is_space(U'\u200b'));
  CHECK(lib::is_punct('!'));
  CHECK(lib::is_symbol('+'));
  CHECK(lib::is_mark(0x301));
  CHECK(lib::is_control(0x85));
  CHECK(lib::is_print(' '));
  CHECK_FALSE(lib::is_print(0xAD));  // soft hyphen
  CHECK_FALSE(lib::is_print(0xA0));
  CHECK(lib::is_graphic(0xA0));
  CHECK_FALSE(lib::is_letter(-1));
  CHECK_FALSE(lib::is_letter(0x110000));
  CHECK(lib::to_upper(U'é') == U'É');
  CHECK(lib::to_lower(U'Σ') == U'σ');
  CHECK(lib::to_upper(U'ǆ') == U'Ǆ');
  CHECK(lib::to_title(U'ǆ') == U'ǅ');
  CHECK(lib::to_lower(0x100) == 0x101);  // an alternating upper/lower range
  CHECK(lib::to_upper(0x101) == 0x100);
  CHECK(lib::to_upper('1') == '1');
  CHECK(lib::simple_fold('A') == 'a');
  CHECK(lib::simple_fold('a') == 'A');
  CHECK(lib::simple_fold('K') == 'k');
  CHECK(lib::simple_fold('k') == 0x212A);  // KELVIN SIGN
  CHECK(lib::simple_fold(0x212A) == 'K');
  CHECK(lib::simple_fold('1') == '1');
}
