#pragma once
// Go syntax colouring for the editor: splits source lines into coloured spans. A small scanner
// of its own (not the compiler's lexer: it must accept any half-typed text, and only needs to
// know keywords, names, numbers, strings and comments).
#include <cstdint>
#include <string_view>
#include <vector>

namespace gopark::dash {

enum class Token : std::uint8_t { Plain, Keyword, Builtin, Number, String, Comment };

struct Span {
  std::size_t begin = 0, end = 0;  // byte offsets in the line
  Token kind = Token::Plain;
};

// What carries over from one line to the next: inside a /* comment or a `raw string`.
struct ScanState {
  bool in_block_comment = false;
  bool in_raw_string = false;
};

// The spans of one line (covering it entirely, in order), given the state at its start; updates
// the state for the next line.
std::vector<Span> highlight_line(std::string_view line, ScanState& state);

}  // namespace gopark::dash
