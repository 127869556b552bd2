#pragma once
// The editor's auto-indent, as plain text functions (no ImGui), so they are unit-tested.
//
// Go code is indented with tabs (gofmt). After Enter, the new line starts with the previous
// line's indentation, one tab more when that line opens a block or a list ("{", "(", "[" at its
// end, a trailing comment aside). Typing "}" (or ")" or "]") first on a line removes one level.
#include <cstddef>
#include <string>
#include <string_view>

namespace gopark::dash {

// `text` has just had a newline inserted, ending right before `cursor`: the indentation to
// insert at `cursor`. "" if the character before `cursor` is not a newline.
std::string indent_after_newline(std::string_view text, std::size_t cursor);

// `text` has just had a closing bracket typed, ending right before `cursor`: the number of
// bytes of indentation (0 or 1) to delete right before that bracket, so it lines up with the
// line that opened the block.
std::size_t dedent_for_closer(std::string_view text, std::size_t cursor);

}  // namespace gopark::dash
