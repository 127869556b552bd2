// The embedded examples and their headers (examples.hpp).
#include "ui/examples.hpp"

#include <cstddef>

namespace gopark::dash {
namespace embedded {
struct ExampleFile {
  const char* name;
  const unsigned char* data;
  std::size_t size;
};
extern const ExampleFile kExamples[];
}  // namespace embedded

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Example parse_example(std::string file, std::string_view source) {
  Example e;
  e.file = std::move(file);
  e.source = source;
  e.title = e.file;
  std::string* continuing = nullptr;  // the field a bare `// ...` line continues
  std::size_t at = 0;
  while (at < source.size()) {
    std::size_t nl = source.find('\n', at);
    std::string_view line = source.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? source.size() : nl + 1;
    if (line.rfind("//", 0) != 0) break;  // the header ends at the first non-comment line
    std::string_view text = trim(line.substr(2));
    auto field = [&](std::string_view key, std::string& out) {
      if (text.rfind(key, 0) != 0) return false;
      out = std::string(trim(text.substr(key.size())));
      continuing = &out;
      return true;
    };
    if (field("Example:", e.title) || field("Row:", e.rows) || field("Watch:", e.watch)) continue;
    if (text.empty() || text.rfind("gopark:", 0) == 0) {
      continuing = nullptr;
      continue;
    }
    if (continuing == &e.watch) e.watch += " " + std::string(text);
  }
  return e;
}

const std::vector<Example>& examples() {
  static const std::vector<Example> all = [] {
    std::vector<Example> out;
    for (const embedded::ExampleFile* f = embedded::kExamples; f->name != nullptr; ++f) {
      out.push_back(parse_example(f->name, std::string_view(reinterpret_cast<const char*>(f->data), f->size)));
    }
    return out;
  }();
  return all;
}

}  // namespace gopark::dash
