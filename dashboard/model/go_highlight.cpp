// Go syntax colouring (go_highlight.hpp).
#include "model/go_highlight.hpp"

#include <array>

namespace gopark::dash {

namespace {

constexpr std::array<std::string_view, 25> kKeywords = {
    "break",  "case",   "chan",   "const", "continue", "default", "defer",  "else",  "fallthrough",
    "for",    "func",   "go",     "goto",  "if",       "import",  "interface", "map", "package",
    "range",  "return", "select", "struct", "switch",  "type",    "var"};

constexpr std::array<std::string_view, 40> kBuiltins = {
    "bool",    "byte",    "complex64", "complex128", "error",   "float32", "float64", "int",     "int8",
    "int16",   "int32",   "int64",     "rune",       "string",  "uint",    "uint8",   "uint16",  "uint32",
    "uint64",  "uintptr", "any",       "comparable", "true",    "false",   "iota",    "nil",     "append",
    "cap",     "clear",   "close",     "copy",       "delete",  "len",     "make",    "max",     "min",
    "new",     "panic",   "print",     "recover"};

bool is_ident_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
  for (std::string_view k : words) {
    if (k == w) return true;
  }
  return false;
}

}  // namespace

std::vector<Span> highlight_line(std::string_view line, ScanState& state) {
  std::vector<Span> spans;
  auto add = [&](std::size_t b, std::size_t e, Token k) {
    if (e <= b) return;
    if (!spans.empty() && spans.back().kind == k && spans.back().end == b) {
      spans.back().end = e;
    } else {
      spans.push_back({b, e, k});
    }
  };
  std::size_t i = 0, n = line.size();
  while (i < n) {
    if (state.in_block_comment) {
      std::size_t close = line.find("*/", i);
      std::size_t end = close == std::string_view::npos ? n : close + 2;
      add(i, end, Token::Comment);
      if (close != std::string_view::npos) state.in_block_comment = false;
      i = end;
      continue;
    }
    if (state.in_raw_string) {
      std::size_t close = line.find('`', i);
      std::size_t end = close == std::string_view::npos ? n : close + 1;
      add(i, end, Token::String);
      if (close != std::string_view::npos) state.in_raw_string = false;
      i = end;
      continue;
    }
    char c = line[i];
    if (c == '/' && i + 1 < n && line[i + 1] == '/') {
      add(i, n, Token::Comment);
      break;
    }
    if (c == '/' && i + 1 < n && line[i + 1] == '*') {
      state.in_block_comment = true;
      add(i, i + 2, Token::Comment);
      i += 2;
      continue;
    }
    if (c == '`') {
      state.in_raw_string = true;
      add(i, i + 1, Token::String);
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < n && line[j] != c) j += line[j] == '\\' ? 2 : 1;
      j = j < n ? j + 1 : n;
      add(i, j, Token::String);
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      std::size_t j = i + 1;
      while (j < n && (is_ident_char(line[j]) || line[j] == '.')) ++j;
      add(i, j, Token::Number);
      i = j;
      continue;
    }
    if (is_ident_start(c)) {
      std::size_t j = i + 1;
      while (j < n && is_ident_char(line[j])) ++j;
      std::string_view word = line.substr(i, j - i);
      bool selected = i > 0 && line[i - 1] == '.';  // x.len is a field, not the builtin
      Token kind = contains(kKeywords, word)                ? Token::Keyword
                   : !selected && contains(kBuiltins, word) ? Token::Builtin
                                                            : Token::Plain;
      add(i, j, kind);
      i = j;
      continue;
    }
    add(i, i + 1, Token::Plain);
    ++i;
  }
  return spans;
}

}  // namespace gopark::dash
