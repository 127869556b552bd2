// Quoting and unquoting Go literals (strconv's Quote*, Unquote*), over vm's UTF-8 codec.
#include "lib/natives/text.hpp"

#include "vm/interp.hpp"

namespace gopark::lib {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

// The rune at s[i] and its width; an invalid encoding is (U+FFFD, 1).
std::int32_t rune_at(std::string_view s, std::size_t i, std::size_t& width) {
  std::int64_t w = 1;
  std::int32_t r = vm::ops::decode_rune(s, i, w);
  width = std::size_t(w);
  return r;
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
    vm::ops::encode_rune(r, out);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    out += kLowerHex[(r >> 4) & 0xF];
    out += kLowerHex[r & 0xF];
    return;
  }
  if (!valid_rune(r)) r = kRuneError;
  if (r < 0x10000) {
    out += "\\u";
    for (int s = 12; s >= 0; s -= 4) out += kLowerHex[(r >> s) & 0xF];
  } else {
    out += "\\U";
    for (int s = 28; s >= 0; s -= 4) out += kLowerHex[(r >> s) & 0xF];
  }
}

bool unhex(char c, std::int32_t& v) {
  if (c >= '0' && c <= '9') v = c - '0';
  else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
  else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
  else return false;
  return true;
}

}  // namespace

bool valid_rune(std::int32_t r) { return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= kMaxRune); }

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
  if (s.size() <= 1) return false;
  char e = s[1];
  s.remove_prefix(2);
  switch (e) {
    case 'a': value = '\a'; return true;
    case 'b': value = '\b'; return true;
    case 'f': value = '\f'; return true;
    case 'n': value = '\n'; return true;
    case 'r': value = '\r'; return true;
    case 't': value = '\t'; return true;
    case 'v': value = '\v'; return true;
    case '\\': value = '\\'; return true;
    case 'x':
    case 'u':
    case 'U': {
      std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() < n) return false;
      std::int32_t v = 0;
      for (std::size_t j = 0; j < n; ++j) {
        std::int32_t x;
        if (!unhex(s[j], x)) return false;
        v = std::int32_t(std::uint32_t(v) << 4 | std::uint32_t(x));
      }
      s.remove_prefix(n);
      if (e != 'x') {
        if (!valid_rune(v)) return false;
        multibyte = true;
      }
      value = v;
      return true;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      std::int32_t v = e - '0';
      if (s.size() < 2) return false;
      for (std::size_t j = 0; j < 2; ++j) {
        std::int32_t x = s[j] - '0';
        if (x < 0 || x > 7) return false;
        v = (v << 3) | x;
      }
      s.remove_prefix(2);
      if (v > 255) return false;
      value = v;
      return true;
    }
    case '\'':
    case '"':
      if (e != quote) return false;
      value = e;
      return true;
    default:
      return false;
  }
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
    else vm::ops::encode_rune(r, out);
    if (quote == '\'') break;
  }
  if (body.empty() || body[0] != quote) return false;
  body.remove_prefix(1);
  if (!body.empty()) return false;
  return true;
}

}  // namespace gopark::lib
