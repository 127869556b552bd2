#pragma once
// Compile errors, collected: every stage keeps going after an error so that one report lists all
// of a file's problems, as `go build` does.
#include <string>
#include <unordered_set>
#include <string_view>
#include <vector>

#include "lang/token.hpp"

namespace gopark::lang {

struct Diagnostic {
  Pos pos;
  std::string message;  // Go's wording, without the position prefix
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file_name) : file_name_(std::move(file_name)) {}

  // Records an error. A second syntax error on the same line is dropped, as Go's compiler does, so
  // that one mistake does not produce a cascade.
  void error(Pos pos, std::string message);

  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  const std::string& file_name() const { return file_name_; }

  // Sorted by position; each line "name:line:col: message\n". After `limit` errors a final line
  // "name:line:col: too many errors" follows, like gc (limit 0 = no limit).
  std::string format(std::size_t limit = 10) const;
  // Sorts the list by position (stable, so errors at one position keep their order).
  void sort();

 private:
  std::string file_name_;
  std::vector<Diagnostic> list_;
  std::unordered_set<std::uint32_t> lines_;  // lines that already have a syntax error
  // Every (line, column, message) reported, so that a repeat is found without a scan (a file
  // with 300,000 errors took time quadratic in them).
  std::unordered_set<std::string> seen_;
};

}  // namespace gopark::lang
