#include "lang/diagnostics.hpp"

#include <algorithm>

namespace gopark::lang {

void Diagnostics::error(Pos pos, std::string message) {
  // Like gc: one syntax error per line (the rest are usually its echoes); type errors all count.
  bool syntax = message.rfind("syntax error", 0) == 0;
  if (syntax && pos.line != 0 && !lines_.insert(pos.line).second) return;
  // The same error twice at the same place: found again in another instance of a generic function.
  std::string key = std::to_string(pos.line) + ":" + std::to_string(pos.col) + ":" + message;
  if (!seen_.insert(std::move(key)).second) return;
  list_.push_back({pos, std::move(message)});
}

void Diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
}

std::string Diagnostics::format(std::size_t limit) const {
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
  std::string out;
  std::size_t n = 0;
  for (const Diagnostic& d : sorted) {
    std::string where = file_name_ + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col);
    if (limit != 0 && n == limit) {
      out += where + ": too many errors\n";
      break;
    }
    out += where + ": " + d.message + "\n";
    ++n;
  }
  return out;
}

}  // namespace gopark::lang
