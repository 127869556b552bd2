#pragma once
// Go's text conventions, shared by fmt and strconv: quoting strings and runes as Go literals and
// reading them back. Pure functions over bytes; invalid UTF-8 is handled as Go does (each bad
// byte is one U+FFFD, or \xNN when quoting).
#include <cstdint>
#include <string>
#include <string_view>

#include "lib/natives/unicode.hpp"
#include "text/utf8.hpp"

namespace gopark::lib {

constexpr std::int32_t kRuneError = text::kRuneError;
constexpr std::int32_t kMaxRune = text::kMaxRune;

bool valid_rune(std::int32_t r);   // utf8.ValidRune
std::size_t rune_count(std::string_view s);  // utf8.RuneCountInString

// How quote_* escape: `ascii_only` escapes every non-ASCII rune (QuoteToASCII, %+q);
// `graphic_only` leaves graphic runes such as U+00A0 unescaped (QuoteToGraphic).
struct QuoteMode {
  bool ascii_only = false;
  bool graphic_only = false;
};
// strconv.AppendQuote and friends: s as a double-quoted Go string literal.
void append_quoted(std::string& out, std::string_view s, QuoteMode mode = {});
// strconv.AppendQuoteRune and friends: r as a single-quoted Go rune literal (an invalid rune
// quotes as U+FFFD).
void append_quoted_rune(std::string& out, std::int32_t r, QuoteMode mode = {});
// strconv.CanBackquote: s can be written as a raw string literal without change.
bool can_backquote(std::string_view s);

// strconv.Unquote: the value of a Go string, rune or raw string literal. False: syntax error.
bool unquote(std::string_view literal, std::string& out);
// strconv.UnquoteChar: decodes the first character or escape of s inside a `quote`-quoted literal.
// False: syntax error.
bool unquote_char(std::string_view& s, char quote, std::int32_t& value, bool& multibyte);

}  // namespace gopark::lib
