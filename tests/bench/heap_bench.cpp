// Heap microbenchmarks (engine/vm/heap.hpp): allocation cost per object, alone and from 8 threads, and
// the stop-the-world pause for live heaps of a given shape and size.
//
// Output: one line per workload, "name<TAB>value<TAB>unit", the best of `--reps` runs.
// Options: --only NAME, --reps N, --scale X (multiplies the object counts).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "vm/heap.hpp"

using gopark::vm::GcLayout;
using gopark::vm::Heap;
using gopark::vm::Marker;
using Clock = std::chrono::steady_clock;

namespace {

double g_scale = 1.0;
std::int64_t n_of(std::int64_t n) { return std::max<std::int64_t>(1, std::int64_t(double(n) * g_scale)); }

double elapsed_ns(Clock::time_point start) {
  return double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
}

struct Node {
  Node* next;
  std::int64_t value;
};
const GcLayout kNode(sizeof(Node), {0}, nullptr, nullptr, "Node");
struct Tree {
  Tree* left;
  Tree* right;
  std::int64_t value;
};
const GcLayout kTree(sizeof(Tree), {0, 8}, nullptr, nullptr, "Tree");

void collect(Heap& heap, const std::vector<const void*>& roots) {
  heap.collect([&](Marker& m) {
    for (const void* r : roots) m.mark(r);
  });
}

// Allocating 16-byte objects holding one pointer, a live set of 1000, collections as the trigger asks:
// the cost a VM program sees per `new(T)`, collections included.
double alloc_node() {
  Heap heap;
  const std::int64_t n = n_of(20'000'000);
  std::vector<const void*> ring(1000, nullptr);
  auto start = Clock::now();
  for (std::int64_t i = 0; i < n; ++i) {
    auto* node = static_cast<Node*>(heap.allocate(kNode));
    node->value = i;
    ring[std::size_t(i % 1000)] = node;
    if (heap.gc_wanted()) collect(heap, ring);
  }
  return elapsed_ns(start) / double(n);
}

// The same without collections (GOGC off): the allocation path alone.
double alloc_node_nogc() {
  Heap heap;
  heap.set_gogc(-1);
  const std::int64_t n = n_of(10'000'000);
  auto start = Clock::now();
  for (std::int64_t i = 0; i < n; ++i) {
    auto* node = static_cast<Node*>(heap.allocate(kNode));
    node->value = i;
  }
  return elapsed_ns(start) / double(n);
}

double alloc_bytes64() {
  Heap heap;
  const std::int64_t n = n_of(20'000'000);
  std::vector<const void*> ring(1000, nullptr);
  auto start = Clock::now();
  for (std::int64_t i = 0; i < n; ++i) {
    ring[std::size_t(i % 1000)] = heap.allocate_noscan(64);
    if (heap.gc_wanted()) collect(heap, ring);
  }
  return elapsed_ns(start) / double(n);
}

// For comparison: malloc + free of 16 bytes, in batches of 1000.
double malloc16() {
  const std::int64_t n = n_of(20'000'000);
  std::vector<void*> batch(1000);
  auto start = Clock::now();
  for (std::int64_t i = 0; i < n; i += 1000) {
    for (auto& p : batch) {
      p = std::malloc(16);
      std::memset(p, 0, 16);
    }
    for (void* p : batch) std::free(p);
  }
  return elapsed_ns(start) / double(n);
}

// The allocation path alone: memory already mapped and cached in blocks (a first round allocates it
// and a collection frees it; GOGC off keeps the blocks), 1M objects per round.
double alloc_node_warm() {
  Heap heap;
  heap.set_gogc(-1);
  const std::int64_t n = n_of(1'000'000);
  double best = 1e300;
  for (int round = 0; round < 5; ++round) {
    auto start = Clock::now();
    for (std::int64_t i = 0; i < n; ++i) static_cast<Node*>(heap.allocate(kNode))->value = i;
    best = std::min(best, elapsed_ns(start) / double(n));
    collect(heap, {});
  }
  return best;
}

// `threads` threads allocating 16-byte objects at once into warm memory: wall time per object over all
// threads (perfect scaling divides it by the thread count).
double alloc_node_threads(int threads_n) {
  Heap heap;
  heap.set_gogc(-1);
  const std::int64_t n = n_of(4'000'000) / threads_n;
  double best = 1e300;
  for (int round = 0; round < 3; ++round) {  // round 0 maps the memory; the others reuse it
    std::vector<std::thread> threads;
    auto start = Clock::now();
    for (int t = 0; t < threads_n; ++t) {
      threads.emplace_back([&] {
        for (std::int64_t i = 0; i < n; ++i) static_cast<Node*>(heap.allocate(kNode))->value = i;
      });
    }
    for (auto& th : threads) th.join();
    if (round > 0) best = std::min(best, elapsed_ns(start) / double(threads_n * n));
    collect(heap, {});
  }
  return best;
}

Tree* build_tree(Heap& heap, int depth) {
  auto* t = static_cast<Tree*>(heap.allocate(kTree));
  if (depth > 0) {
    t->left = build_tree(heap, depth - 1);
    t->right = build_tree(heap, depth - 1);
  }
  return t;
}

// The pause for a live binary tree of 2^depth nodes of 24 bytes (2^21: 48 MB).
double pause_tree(int depth, const char* what) {
  Heap heap;
  heap.set_gogc(-1);
  const std::int64_t want = n_of(std::int64_t{1} << depth);  // --scale shrinks the tree
  while ((std::int64_t{1} << depth) > want && depth > 4) --depth;
  Tree* root = build_tree(heap, depth);
  collect(heap, {root});  // first: sweeps the allocation cursors away
  collect(heap, {root});
  Heap::Stats s = heap.stats();
  double mb = double(s.live_bytes) / double(1 << 20);
  if (std::strcmp(what, "mark") == 0) return double(s.last_mark_ns) / 1e6 / mb;
  if (std::strcmp(what, "sweep") == 0) return double(s.last_sweep_ns) / 1e6 / mb;
  return double(s.last_pause_ns) / 1e6;
}

// The pause for a live list of 1M 16-byte nodes (16 MB), and for 1M nodes of which all are garbage.
double pause_list(bool live) {
  Heap heap;
  heap.set_gogc(-1);
  const std::int64_t n = n_of(1'000'000);
  Node* head = nullptr;
  for (std::int64_t i = 0; i < n; ++i) {
    auto* node = static_cast<Node*>(heap.allocate(kNode));
    node->next = head;
    head = node;
  }
  collect(heap, {live ? head : nullptr});
  return double(heap.stats().last_pause_ns) / 1e6;
}

struct Workload {
  const char* name;
  const char* unit;
  std::function<double()> run;
};

}  // namespace

int main(int argc, char** argv) {
  std::string only;
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--reps" && i + 1 < argc) reps = std::atoi(argv[++i]);
    else if (a == "--scale" && i + 1 < argc) g_scale = std::atof(argv[++i]);
  }
  std::vector<Workload> workloads = {
      {"alloc_node", "ns/object", alloc_node},
      {"alloc_node_nogc", "ns/object", alloc_node_nogc},
      {"alloc_bytes64", "ns/object", alloc_bytes64},
      {"malloc16", "ns/object", malloc16},
      {"alloc_node_warm", "ns/object", alloc_node_warm},
      {"alloc_node_1thread", "ns/object", [] { return alloc_node_threads(1); }},
      {"alloc_node_2threads", "ns/object", [] { return alloc_node_threads(2); }},
      {"alloc_node_4threads", "ns/object", [] { return alloc_node_threads(4); }},
      {"alloc_node_8threads", "ns/object", [] { return alloc_node_threads(8); }},
      {"alloc_node_16threads", "ns/object", [] { return alloc_node_threads(16); }},
      {"pause_tree_2M", "ms", [] { return pause_tree(21, "pause"); }},
      {"mark_tree_2M", "ms/MB", [] { return pause_tree(21, "mark"); }},
      {"sweep_tree_2M", "ms/MB", [] { return pause_tree(21, "sweep"); }},
      {"pause_tree_16M", "ms", [] { return pause_tree(24, "pause"); }},
      {"pause_list_1M_live", "ms", [] { return pause_list(true); }},
      {"pause_list_1M_dead", "ms", [] { return pause_list(false); }},
  };
  for (const Workload& w : workloads) {
    if (!only.empty() && only != w.name) continue;
    double best = 1e300;
    for (int r = 0; r < reps; ++r) best = std::min(best, w.run());
    std::printf("%s\t%.3f\t%s\n", w.name, best, w.unit);
    std::fflush(stdout);
  }
  return 0;
}
