// The runtime's two small generators, in one place: splitmix64's finaliser (spreads a seed, or
// nearby seeds, over all 64 bits) and a wyrand step (fast, good enough for scheduling choices).
// Runtime::rand32 and the simulation's SimPolicy both draw from them, so a seed means the same
// stream in both and on every platform (64-bit arithmetic only).
#pragma once

#include <cstdint>

namespace gopark::rt {

inline uint64_t splitmix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Advances `state` and returns the next 64 random bits.
inline uint64_t wyrand(uint64_t& state) {
  state += 0xa0761d6478bd642full;
  __uint128_t t = __uint128_t(state) * (state ^ 0xe7037ed1a0b428dbull);
  return uint64_t(t >> 64) ^ uint64_t(t);
}

}  // namespace gopark::rt
