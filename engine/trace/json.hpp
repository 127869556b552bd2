#pragma once
// JSON text for the engine's and the dashboard's writers (Chrome trace, the web page's state).
#include <string>
#include <string_view>

namespace gopark::trace {

// Appends `s` to `out` as a JSON string literal: quotes, backslashes and control characters
// escaped, UTF-8 passed through.
void append_json_string(std::string& out, std::string_view s);

}  // namespace gopark::trace
