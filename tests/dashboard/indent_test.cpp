// The editor's auto-indent (dashboard/model/indent.hpp).
#include <doctest/doctest.h>

#include <string>

#include "model/indent.hpp"

using gopark::dash::dedent_for_closer;
using gopark::dash::indent_after_newline;

TEST_CASE("no newline before the cursor, or a cursor out of range: nothing to insert") {
  CHECK(indent_after_newline("", 0).empty());
  CHECK(indent_after_newline("abc", 2).empty());
  CHECK(indent_after_newline("abc\n", 9).empty());
}

TEST_CASE("a new line keeps the previous line's indentation, tabs and spaces as they were") {
  CHECK(indent_after_newline("x := 1\n", 7).empty());
  CHECK(indent_after_newline("\t\tx := 1\n", 9) == "\t\t");
  CHECK(indent_after_newline("  \tx\n", 5) == "  \t");
  // A line of only whitespace passes its whitespace on.
  CHECK(indent_after_newline("\t\t\n", 3) == "\t\t");
  // Enter in the middle of the text: only the line before the cursor counts.
  std::string text = "func f() {\n\treturn\n}\n";
  CHECK(indent_after_newline(text, 11) == "\t");
}

TEST_CASE("a line that opens a block or a list indents the next one more") {
  CHECK(indent_after_newline("func main() {\n", 14) == "\t");
  CHECK(indent_after_newline("\tfor i := 0; i < 3; i++ {  \n", 28) == "\t\t");
  CHECK(indent_after_newline("import (\n", 9) == "\t");
  CHECK(indent_after_newline("\txs := []int{\n", 14) == "\t\t");
  CHECK(indent_after_newline("\tgo func() { // worker\n", 23) == "\t\t");
  // A brace that is closed on the same line, or only inside a comment, does not.
  CHECK(indent_after_newline("\tif x { y() }\n", 14) == "\t");
  CHECK(indent_after_newline("\tx := 1 // {\n", 13) == "\t");
}

TEST_CASE("a closing bracket typed first on a line removes one tab") {
  CHECK(dedent_for_closer("\t\t}", 3) == 1);
  CHECK(dedent_for_closer("func f() {\n\t}", 13) == 1);
  CHECK(dedent_for_closer("\t)", 2) == 1);
  CHECK(dedent_for_closer("\t]", 2) == 1);
  // Not first on its line, not after tabs, not a closer, or at column 0: nothing.
  CHECK(dedent_for_closer("\tx}", 3) == 0);
  CHECK(dedent_for_closer("  }", 3) == 0);
  CHECK(dedent_for_closer("\t\tx", 3) == 0);
  CHECK(dedent_for_closer("}", 1) == 0);
  CHECK(dedent_for_closer("", 0) == 0);
  CHECK(dedent_for_closer("\t}", 7) == 0);
}
