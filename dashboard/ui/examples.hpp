#pragma once
// The examples/ programs, embedded in the binary (generated at build time by cmake/EmbedFiles.cmake)
// with the header each starts with:
//   // Example: <title>
//   // Row: <curriculum rows>
//   // Watch: <what to look at, over several comment lines>
#include <string>
#include <string_view>
#include <vector>

namespace gopark::dash {

struct Example {
  std::string file;       // "07_counter_with_mutex.go"
  std::string title;      // "A counter with a mutex"
  std::string rows;       // "7" or "4, 11"
  std::string watch;      // the paragraph, joined into one line
  std::string_view source;
};

// Every example, in file-name order (so by curriculum row).
const std::vector<Example>& examples();
// Parses the header of an example's source (exposed for tests).
Example parse_example(std::string file, std::string_view source);

}  // namespace gopark::dash
