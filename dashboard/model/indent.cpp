// The editor's auto-indent (indent.hpp).
#include "model/indent.hpp"

namespace gopark::dash {

namespace {

// The start of the line that holds byte `pos`.
std::size_t line_start(std::string_view text, std::size_t pos) {
  std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// The line's last character that is code: not a space, and not in a trailing // comment
// (a "//" inside a string literal is rare enough in a line that opens a block to ignore).
char last_code_char(std::string_view line) {
  std::size_t comment = line.find("//");
  if (comment != std::string_view::npos) line = line.substr(0, comment);
  std::size_t end = line.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? '\0' : line[end];
}

}  // namespace

std::string indent_after_newline(std::string_view text, std::size_t cursor) {
  if (cursor == 0 || cursor > text.size() || text[cursor - 1] != '\n') return "";
  std::size_t prev_start = line_start(text, cursor - 1);
  std::string_view prev = text.substr(prev_start, cursor - 1 - prev_start);
  std::size_t ws = prev.find_first_not_of(" \t");
  std::string indent(prev.substr(0, ws == std::string_view::npos ? prev.size() : ws));
  char last = last_code_char(prev);
  if (last == '{' || last == '(' || last == '[') indent += '\t';
  return indent;
}

std::size_t dedent_for_closer(std::string_view text, std::size_t cursor) {
  if (cursor == 0 || cursor > text.size()) return 0;
  char c = text[cursor - 1];
  if (c != '}' && c != ')' && c != ']') return 0;
  std::size_t start = line_start(text, cursor - 1);
  std::string_view before = text.substr(start, cursor - 1 - start);
  if (before.empty() || before.find_first_not_of('\t') != std::string_view::npos) return 0;
  return 1;
}

}  // namespace gopark::dash
