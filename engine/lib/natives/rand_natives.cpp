// math/rand's native (engine/lib/go/math/rand.go): the seed of the global generator. As in Go
// 1.20+, every run starts from a different seed unless the program calls rand.Seed; it comes
// from the runtime's generator, itself seeded from the run's seed (rt::Config::seed).
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

// func runtimeSeed() int64
bool runtime_seed(vm::NativeContext& ctx, vm::Word* args) {
  rt::Runtime& runtime = ctx.machine().runtime();
  std::uint64_t seed = std::uint64_t(runtime.rand32()) << 32 | runtime.rand32();
  args[0] = vm::Word(std::int64_t(seed >> 1));  // non-negative, as Go's own seeds
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"math/rand.runtimeSeed", runtime_seed},
};

}  // namespace

std::span<const NativeEntry> rand_natives() { return kNatives; }

}  // namespace gopark::lib
