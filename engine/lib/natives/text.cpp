// Quoting and unquoting Go literals (strconv's Quote*, Unquote*), over engine/text's UTF-8 codec
// and escape sequences.
#include "lib/natives/text.hpp"

#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace gopark::lib {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

// The rune at s[i] and its width; an invalid encoding is (U+FFFD, 1).
std::int32_t rune_at(std::string_view s, std::size_t i, std::size_t& width) {
  text::Decoded d = text::decode(s, i);
  width = d.width;
  return d.rune;
}

void append_escaped_rune(std::string& out, std::int32_t r, char quote, QuoteMode mode) {
  if (r == quote || r == '\\') {
    out += '\\';
    out += char(r);
    return;
  }
  if (mode.ascii_only) {
    if (r < 0x80 && is_print(r)) {
      out += char(r);
      return;
    }
  } else if (is_print(r) || (mode.graphic_only && is_graphic(r))) {
    text::encode(r, out);
    return;
  }
  text::append_escape(out, r);
}

}  // namespace

bool valid_rune(std::int32_t r) { return text::valid_rune(r); }

std::size_t rune_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t w;
    rune_at(s, i, w);
    i += w;
  }
  return n;
}

void append_quoted(std::string& out, std::string_view s, QuoteMode mode) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    std::size_t w;
    std::int32_t r = rune_at(s, i, w);
    if (w == 1 && r == kRuneError) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += kLowerHex[c >> 4];
      out += kLowerHex[c & 0xF];
    } else {
      append_escaped_rune(out, r, '"', mode);
    }
    i += w;
  }
  out += '"';
}

void append_quoted_rune(std::string& out, std::int32_t r, QuoteMode mode) {
  out += '\'';
  append_escaped_rune(out, valid_rune(r) ? r : kRuneError, '\'', mode);
  out += '\'';
}

bool can_backquote(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t w;
    std::int32_t r = rune_at(s, i, w);
    i += w;
    if (w > 1) {
      if (r == 0xFEFF) return false;  // an invisible byte-order mark
      continue;
    }
    if (r == kRuneError) return false;
    if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) return false;
  }
  return true;
}

bool unquote_char(std::string_view& s, char quote, std::int32_t& value, bool& multibyte) {
  multibyte = false;
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    std::size_t w;
    value = rune_at(s, 0, w);
    multibyte = true;
    s.remove_prefix(w);
    return true;
  }
  if (c != '\\') {
    value = c;
    s.remove_prefix(1);
    return true;
  }
  std::size_t end = 0;
  std::optional<text::Escape> escape = text::decode_escape(s, end, quote);
  if (!escape) return false;
  multibyte = s[1] == 'u' || s[1] == 'U';
  s.remove_prefix(end);
  value = escape->value;
  return true;
}

bool unquote(std::string_view in, std::string& out) {
  out.clear();
  if (in.size() < 2) return false;
  char quote = in[0];
  std::size_t end = in.find(quote, 1);
  if (end == std::string_view::npos) return false;
  if (quote == '`') {
    if (end + 1 != in.size()) return false;
    for (char c : in.substr(1, end - 1)) {
      if (c != '\r') out += c;  // raw literals drop carriage returns
    }
    return true;
  }
  if (quote != '"' && quote != '\'') return false;
  std::string_view body = in.substr(1);
  while (!body.empty() && body[0] != quote) {
    if (body[0] == '\n') return false;
    std::int32_t r;
    bool multibyte;
    if (!unquote_char(body, quote, r, multibyte)) return false;
    if (r < 0x80 || !multibyte) out += char(r);
    else text::encode(r, out);
    if (quote == '\'') break;
  }
  if (body.empty() || body[0] != quote) return false;
  body.remove_prefix(1);
  if (!body.empty()) return false;
  return true;
}

}  // namespace gopark::lib
