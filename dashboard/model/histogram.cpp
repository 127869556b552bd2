// Run ×N: the distinct outputs of many runs of one program, most frequent first.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "model/view_model.hpp"

namespace gopark::dash {

std::vector<OutcomeCount> histogram(const std::vector<std::string>& outputs) {
  std::vector<OutcomeCount> counts;  // in order of first appearance
  std::unordered_map<std::string_view, std::size_t> index;  // views into `outputs`, which outlive it
  for (const auto& output : outputs) {
    auto [it, fresh] = index.emplace(output, counts.size());
    if (fresh) counts.push_back({output, 0});
    ++counts[it->second].count;
  }
  // Stable: equal counts keep first-appearance order.
  std::stable_sort(counts.begin(), counts.end(),
                   [](const OutcomeCount& a, const OutcomeCount& b) { return a.count > b.count; });
  return counts;
}

}  // namespace gopark::dash
