// The simulation's scheduling policies (sim.hpp).
#include "runtime/sim.hpp"

#include <algorithm>

#include "runtime/g.hpp"
#include "runtime/random.hpp"

namespace gopark::rt {

SimPolicy::SimPolicy(uint64_t seed) : state_(splitmix(seed ^ 0x5eed5eed5eed5eedull)) {
  kind_ = (next() & 1) ? Kind::Pct : Kind::Walk;
  if (kind_ == Kind::Walk) {
    mean_quantum_ = int64_t(1) << (2 + below(11));  // 4 .. 4096
    return;
  }
  depth_ = 1 + int(below(3));
  horizon_ = uint64_t(1) << (6 + below(14));  // 64 .. 2^19
  for (int i = 1; i < depth_; ++i) change_points_.push_back(1 + below(horizon_));
  std::sort(change_points_.begin(), change_points_.end());
}

std::string SimPolicy::describe() const {
  if (kind_ == Kind::Walk) return "random walk (mean quantum " + std::to_string(mean_quantum_) + ")";
  return "PCT (depth " + std::to_string(depth_) + ", " + std::to_string(horizon_) + " steps)";
}

uint64_t SimPolicy::next() { return wyrand(state_); }

void SimPolicy::created(G& g) {
  g.sim_unblocked = 0;
  // Initial priorities sit above every change point's, which sit above every demotion's.
  g.sim_priority = kind_ == Kind::Pct ? (next() | (uint64_t(1) << 62)) : 0;
}

size_t SimPolicy::pick(const std::vector<G*>& candidates) {
  if (kind_ == Kind::Walk) return size_t(below(candidates.size()));
  size_t best = 0;
  for (size_t i = 1; i < candidates.size(); ++i) {
    const G& a = *candidates[i];
    const G& b = *candidates[best];
    if (a.sim_priority > b.sim_priority) best = i;  // priorities are distinct but by a 2^-62 chance
  }
  return best;
}

size_t SimPolicy::victim(const std::vector<G*>& on_ps) {
  if (kind_ == Kind::Walk) return size_t(below(on_ps.size()));
  size_t worst = 0;
  for (size_t i = 1; i < on_ps.size(); ++i) {
    if (on_ps[i]->sim_priority < on_ps[worst]->sim_priority) worst = i;
  }
  return worst;
}

int64_t SimPolicy::quantum(const G& g, uint64_t steps, bool alone) {
  if (kind_ == Kind::Walk) return alone ? kAlone : 1 + int64_t(below(uint64_t(2 * mean_quantum_)));
  // PCT: run to the next change point, or until the fairness rule would demote g.
  int64_t q = std::max<int64_t>(1, kPctFairness - g.sim_unblocked);
  if (next_change_ < change_points_.size() && change_points_[next_change_] > steps) {
    q = std::min<int64_t>(q, int64_t(change_points_[next_change_] - steps));
  }
  return q;
}

void SimPolicy::ran(G& g, int64_t ran, uint64_t steps, bool blocked) {
  if (kind_ != Kind::Pct) return;
  g.sim_unblocked = blocked ? 0 : g.sim_unblocked + ran;
  // Change points passed in this slice lower g (the goroutine that ran across them) to i.
  while (next_change_ < change_points_.size() && change_points_[next_change_] <= steps) {
    g.sim_priority = kChangeBase + uint64_t(++next_change_);
  }
  if (g.sim_unblocked >= kPctFairness) {  // below everyone, and below the last one demoted
    g.sim_priority = kChangeBase - ++demotions_;
    g.sim_unblocked = 0;
  }
}

}  // namespace gopark::rt
