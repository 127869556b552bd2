// The editor's Go syntax colouring (dashboard/model/go_highlight.hpp): half-typed text, strings
// and comments that span lines, keywords versus names that only contain them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/go_highlight.hpp"

namespace {

using gopark::dash::highlight_line;
using gopark::dash::ScanState;
using gopark::dash::Span;
using gopark::dash::Token;

// "kind:text|kind:text..." for the spans of `line` (plain spans left out).
std::string show(std::string_view line, ScanState& state) {
  std::string out;
  std::size_t covered = 0;
  for (const Span& s : highlight_line(line, state)) {
    REQUIRE(s.begin == covered);  // the spans cover the line, in order
    covered = s.end;
    if (s.kind == Token::Plain) continue;
    const char* names[] = {"plain", "kw", "builtin", "num", "str", "comment"};
    out += std::string(names[int(s.kind)]) + ":" + std::string(line.substr(s.begin, s.end - s.begin)) + "|";
  }
  CHECK(covered == line.size());
  return out;
}

}  // namespace

TEST_CASE("highlighting: keywords, builtins, numbers, strings, comments") {
  ScanState st;
  CHECK(show("func main() { x := len(s) + 42 // done", st) == "kw:func|builtin:len|num:42|comment:// done|");
  CHECK(show("\tfor i := range 10 {", st) == "kw:for|kw:range|num:10|");
  CHECK(show("ch := make(chan string, 3)", st) == "builtin:make|kw:chan|builtin:string|num:3|");
  CHECK(show("s := \"a \\\" // not a comment\"", st) == "str:\"a \\\" // not a comment\"|");
  CHECK(show("r := 'x'", st) == "str:'x'|");
}

TEST_CASE("highlighting: names that contain keywords stay names, selected builtins are fields") {
  ScanState st;
  CHECK(show("format := forward + ranges", st) == "");
  CHECK(show("n := q.len + p.cap", st) == "");
  CHECK(show("var iota_ int", st) == "kw:var|builtin:int|");
}

TEST_CASE("highlighting: block comments and raw strings across lines, and half-typed text") {
  ScanState st;
  CHECK(show("x := 1 /* start", st) == "num:1|comment:/* start|");
  CHECK(st.in_block_comment);
  CHECK(show("still for func */ go", st) == "comment:still for func */|kw:go|");
  CHECK_FALSE(st.in_block_comment);
  CHECK(show("s := `raw", st) == "str:`raw|");
  CHECK(show("for `", st) == "str:for `|");
  CHECK_FALSE(st.in_raw_string);
  CHECK(show("\"unterminated", st) == "str:\"unterminated|");
  CHECK(show("x := \"ends with backslash\\", st) == "str:\"ends with backslash\\|");
  CHECK(show("", st) == "");
  CHECK(show("ü := 1", st) == "num:1|");
}
