// Run ×N: the distinct outputs of many runs of one program, most frequent first.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "model/view_model.hpp"

namespace gopark::dash {

std::vector<OutcomeCount> histogram(const std::vector<std::string>& outputs, const std::vector<std::uint64_t>& seeds) {
  std::vector<OutcomeCount> counts;  // in order of first appearance
  std::unordered_map<std::string_view, std::size_t> index;  // views into `outputs`, which outlive it
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::string& output = outputs[i];
    auto [it, fresh] = index.emplace(output, counts.size());
    const std::uint64_t seed = i < seeds.size() ? seeds[i] : 0;
    if (fresh) counts.push_back({output, 0, seed});
    OutcomeCount& c = counts[it->second];
    ++c.count;
    c.seed = std::min(c.seed, seed);  // runs may finish out of order: the smallest seed, always
  }
  // Equal counts: the smallest seed first (as engine::explore orders them, whatever order runs
  // ended in), then first appearance (stable; without seeds they are all 0).
  std::stable_sort(counts.begin(), counts.end(), [](const OutcomeCount& a, const OutcomeCount& b) {
    return a.count != b.count ? a.count > b.count : a.seed < b.seed;
  });
  return counts;
}

}  // namespace gopark::dash
