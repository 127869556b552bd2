// runtime's natives (engine/lib/go/runtime.go): the scheduler controls, goroutine counts, the
// collector and its statistics.
#include "lib/natives/native_support.hpp"

namespace gopark::lib {
namespace {

// func Gosched(): gives the thread back with a Yield handoff; the goroutine stays runnable and,
// when it runs again, continues after the call (a parked native resumes past its call).
bool gosched(vm::NativeContext& ctx, vm::Word*) {
  ctx.g().handoff = rt::Handoff::Yield;
  return ctx.park();
}

// func GOMAXPROCS(n int) int: n < 1 only queries.
bool gomaxprocs(vm::NativeContext& ctx, vm::Word* args) {
  auto n = std::int64_t(args[0]);
  rt::Runtime& runtime = ctx.machine().runtime();
  int previous = n >= 1 ? runtime.gomaxprocs(int(std::min<std::int64_t>(n, 1 << 20))) : runtime.procs();
  args[0] = vm::Word(std::int64_t(previous));
  return true;
}

// func NumGoroutine() int
bool num_goroutine(vm::NativeContext& ctx, vm::Word* args) {
  args[0] = vm::Word(std::int64_t(ctx.machine().runtime().num_goroutine()));
  return true;
}

// func NumCPU() int
bool num_cpu(vm::NativeContext& ctx, vm::Word* args) {
  args[0] = vm::Word(std::int64_t(ctx.machine().runtime().cpus()));
  return true;
}

// func GC()
bool gc(vm::NativeContext& ctx, vm::Word*) {
  ctx.machine().collect(ctx.goroutine());
  return true;
}

// func Goexit()
bool goexit(vm::NativeContext& ctx, vm::Word*) { return ctx.goexit(); }

// func ReadMemStats(m *MemStats). MemStats (runtime.go) is ten uint64 fields and then NumGC
// uint32, in this order; the heap's statistics fill what they can (counts of objects are of
// the last collection's live objects: the heap does not count allocations one by one).
bool read_mem_stats(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = vm::ptr<std::uint8_t>(args[0]);
  if (!m) return ctx.panic("runtime error: invalid memory address or nil pointer dereference");
  vm::Heap::Stats s = ctx.machine().heap().stats();
  const std::uint64_t fields[] = {
      s.heap_live,             // Alloc
      s.allocated_bytes,       // TotalAlloc
      s.heap_bytes,            // Sys
      s.live_objects,          // Mallocs
      0,                       // Frees
      s.heap_live,             // HeapAlloc
      s.heap_bytes,            // HeapSys
      s.live_objects,          // HeapObjects
      s.next_gc,               // NextGC
      // A simulated run shows no wall time (runtime/sim.hpp): its collections take none.
      ctx.machine().runtime().mode() == rt::Mode::Sim ? 0 : s.total_pause_ns,  // PauseTotalNs
  };
  for (std::size_t i = 0; i < std::size(fields); ++i) vm::store_word(m + 8 * i, fields[i]);
  auto num_gc = std::uint32_t(s.collections);
  std::memcpy(m + 8 * std::size(fields), &num_gc, sizeof num_gc);
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"runtime.Gosched", gosched},
    {"runtime.GOMAXPROCS", gomaxprocs},
    {"runtime.NumGoroutine", num_goroutine},
    {"runtime.NumCPU", num_cpu},
    {"runtime.GC", gc},
    {"runtime.Goexit", goexit},
    {"runtime.ReadMemStats", read_mem_stats},
};

}  // namespace

std::span<const NativeEntry> runtime_natives() { return kNatives; }

}  // namespace gopark::lib
