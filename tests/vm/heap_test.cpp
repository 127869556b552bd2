// The VM's garbage-collected heap (engine/vm/heap.hpp): allocation, interior pointers, reachability,
// finalizers, reclamation, the limit and trigger, threads and several heaps at once.
#include <doctest/doctest.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "vm/heap.hpp"
#include "vm/heap_internal.hpp"

namespace {

using gopark::vm::GcLayout;
using gopark::vm::Heap;
using gopark::vm::Marker;
namespace detail = gopark::vm::heap_detail;

// Loop counts shrink under sanitizers and wasm (GOPARK_STRESS), as in the runtime's tests.
int scaled(int n) {
  const char* s = std::getenv("GOPARK_STRESS");
  double scale = s ? std::atof(s) : 1.0;
  if (scale <= 0) scale = 1.0;
  int v = int(n * scale);
  return v < 1 ? 1 : v;
}

// A pointer in an 8-byte heap word, as the VM stores one (on wasm32 the high half stays zero).
template <class T>
struct alignas(8) Ref {
  T* p;
};
static_assert(sizeof(Ref<int>) == 8);

struct Node {
  Node* next;  // alignas(8) for the value after it: an 8-byte word on wasm32 too
  std::int64_t value;
};
const GcLayout kNode(sizeof(Node), {0}, nullptr, nullptr, "Node");
const GcLayout kPointer(8, {0}, nullptr, nullptr, "*T");
// {int64, *T, int64}: three words, so its pointer bits are not periodic in 64.
struct Odd {
  std::int64_t a;
  void* p;
  std::int64_t b;
};
const GcLayout kOdd(sizeof(Odd), {8}, nullptr, nullptr, "Odd");

// Collects with `roots` as the only roots.
void collect(Heap& heap, const std::vector<const void*>& roots) {
  heap.collect([&](Marker& m) {
    for (const void* r : roots) m.mark(r);
  });
}

std::vector<const void*> roots_of(const std::vector<Node*>& nodes) {
  return std::vector<const void*>(nodes.begin(), nodes.end());
}

bool alive(Heap& heap, const void* p) { return heap.find_base(p) == p; }

Node* make_list(Heap& heap, int n) {
  Node* head = nullptr;
  for (int i = 0; i < n; ++i) {
    auto* node = static_cast<Node*>(heap.allocate(kNode));
    REQUIRE(node != nullptr);
    node->next = head;
    node->value = i;
    head = node;
  }
  return head;
}

bool all_zero(const void* p, std::size_t n) {
  auto* b = static_cast<const unsigned char*>(p);
  for (std::size_t i = 0; i < n; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

// A C++-structured object: its references live in malloc memory, as a map's table would.
struct Box {
  std::vector<void*>* refs;
  int id;
};
int box_finalized[1000];
void box_trace(void* element, Marker& m) {
  auto* box = static_cast<Box*>(element);
  if (!box->refs) return;
  for (void* p : *box->refs) m.mark(p);
}
void box_finalize(void* element) {
  auto* box = static_cast<Box*>(element);
  if (!box->refs) return;  // never set up (zeroed elements of an array of boxes)
  delete box->refs;
  box->refs = nullptr;
  ++box_finalized[box->id];
}
const GcLayout kBox(sizeof(Box), {}, box_trace, box_finalize, "Box");

Box* make_box(Heap& heap, int id) {
  auto* box = static_cast<Box*>(heap.allocate(kBox));
  REQUIRE(box != nullptr);
  box->refs = new std::vector<void*>;
  box->id = id;
  return box;
}

// A reusable barrier (std::barrier is missing from Emscripten's libc++).
class Barrier {
 public:
  explicit Barrier(int n) : n_(n) {}
  void wait() {
    std::unique_lock lock(mutex_);
    int gen = generation_;
    if (++arrived_ == n_) {
      arrived_ = 0;
      ++generation_;
      cv_.notify_all();
      return;
    }
    cv_.wait(lock, [&] { return gen != generation_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int n_;
  int arrived_ = 0;
  int generation_ = 0;
};

}  // namespace

TEST_CASE("heap: the size class table") {
  using detail::kSizeClasses;
  std::uint32_t previous = 0;
  for (const auto& c : kSizeClasses) {
    CAPTURE(c.size);
    CHECK(c.size % 8 == 0);
    CHECK(c.size > previous);
    CHECK(c.size <= previous + previous / 4 + 16);  // rounding costs at most 20% of a slot (25% of a size)
    std::size_t span = c.pages * detail::kPageSize;
    CHECK(c.slots == span / c.size);
    CHECK(c.slots >= 4);
    CHECK((span - std::size_t(c.slots) * c.size) * 8 <= span);
    // The reciprocal gives the slot of every offset inside the span exactly.
    for (std::size_t off = 0; off < span; ++off) {
      std::uint32_t slot = std::uint32_t((std::uint64_t(off) * c.div_magic) >> 32);
      if (slot != off / c.size) {
        FAIL("div_magic is wrong at offset " << off);
        break;
      }
    }
    previous = c.size;
  }
  for (std::size_t bytes = 1; bytes <= detail::kMaxSmall; ++bytes) {
    int c = detail::size_class_of(bytes);
    if (kSizeClasses[c].size < bytes || (c > 0 && kSizeClasses[c - 1].size >= bytes)) {
      FAIL("size_class_of(" << bytes << ") = " << c);
      break;
    }
  }
}

TEST_CASE("heap: pointer bitmaps") {
  std::uint64_t bits[4] = {~0ull, ~0ull, ~0ull, ~0ull};
  detail::clear_bits(bits, 3, 200);
  CHECK(bits[0] == 0x7);
  CHECK(bits[1] == 0);
  CHECK(bits[2] == 0);
  CHECK(bits[3] == ~0ull << (203 - 192));
  std::uint64_t out[4] = {};
  detail::or_pattern(out, 5, 130, 0x5555555555555555ull);  // every other word, starting with word 5
  for (std::size_t i = 0; i < 256; ++i) {
    bool want = i >= 5 && i < 135 && (i - 5) % 2 == 0;
    bool got = (out[i / 64] >> (i % 64)) & 1;
    if (want != got) {
      FAIL("bit " << i);
      break;
    }
  }
}

TEST_CASE("heap: every size class and large objects: zeroed, distinct, usable") {
  Heap heap;
  std::vector<std::size_t> sizes;
  for (const auto& c : detail::kSizeClasses) {
    sizes.push_back(c.size);
    sizes.push_back(c.size - 1);
  }
  for (std::size_t s : {1, 7, 9, 32769, 40000, 100000, 1 << 20, 3 << 20}) sizes.push_back(s);
  std::vector<const void*> roots;
  for (int round = 0; round < 3; ++round) {
    roots.clear();
    for (std::size_t size : sizes) {
      for (int i = 0; i < 3; ++i) {
        void* p = heap.allocate_noscan(size);
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 8 == 0);
        CHECK(all_zero(p, size));
        CHECK(heap.find_base(p) == p);
        CHECK(heap.find_base(static_cast<char*>(p) + size - 1) == p);
        std::memset(p, 0xA5, size);  // garbage for the next round to find zeroed again
        roots.push_back(p);
      }
      auto* q = static_cast<void**>(heap.allocate(kPointer, (size + 7) / 8));
      REQUIRE(q != nullptr);
      CHECK(all_zero(q, size));
      std::memset(q, 0, size);
      roots.push_back(q);
    }
    // Every object is distinct: no two share a base.
    std::vector<const void*> sorted = roots;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    collect(heap, round == 2 ? roots : std::vector<const void*>{});
  }
  for (const void* r : roots) CHECK(alive(heap, r));
  CHECK(heap.stats().live_objects == roots.size());
}

TEST_CASE("heap: zero-size, overflowing and odd requests") {
  Heap heap;
  void* z1 = heap.allocate_noscan(0);
  void* z2 = heap.allocate(kNode, 0);
  CHECK(z1 != nullptr);
  CHECK(z1 == z2);
  CHECK(heap.find_base(z1) == nullptr);
  CHECK(heap.allocate(kNode, SIZE_MAX / 8) == nullptr);
  CHECK(heap.allocate(kBox, SIZE_MAX / 16) == nullptr);
  CHECK(heap.allocate_noscan(SIZE_MAX - 100) == nullptr);
  auto* box = static_cast<Box*>(heap.allocate(kBox));
  CHECK(reinterpret_cast<std::uintptr_t>(box) % 16 == 0);
  collect(heap, {});
}

TEST_CASE("heap: interior pointers map to their object, other addresses to nothing") {
  Heap heap;
  std::vector<std::pair<char*, std::size_t>> objects;
  for (std::size_t size : {8, 24, 48, 136, 1000, 5000, 32768, 70000}) {
    for (int i = 0; i < 4; ++i) {
      auto* p = static_cast<char*>(heap.allocate(kPointer, size / 8));
      REQUIRE(p != nullptr);
      objects.push_back({p, size});
    }
  }
  // Before any collection the objects sit under their caches' cursors: find_base must see them.
  for (auto [p, size] : objects) {
    for (std::size_t off = 0; off < size; ++off) {
      if (heap.find_base(p + off) != p) {
        FAIL("offset " << off << " of a " << size << "-byte object");
        break;
      }
    }
  }
  static int static_word;
  int stack_word = 0;
  std::vector<int> malloc_words(4);
  CHECK(heap.find_base(nullptr) == nullptr);
  CHECK(heap.find_base(&static_word) == nullptr);
  CHECK(heap.find_base(&stack_word) == nullptr);
  CHECK(heap.find_base(malloc_words.data()) == nullptr);
  CHECK(heap.find_base(reinterpret_cast<void*>(std::uintptr_t{1})) == nullptr);
  CHECK(heap.find_base(reinterpret_cast<void*>(~std::uintptr_t{0} - 7)) == nullptr);
  // Marking the same addresses is harmless.
  heap.collect([&](Marker& m) {
    m.mark(nullptr);
    m.mark(&static_word);
    m.mark(&stack_word);
    m.mark(reinterpret_cast<void*>(~std::uintptr_t{0} - 7));
    for (std::size_t i = 0; i < objects.size(); i += 2) m.mark(objects[i].first + objects[i].second - 1);
  });
  for (std::size_t i = 0; i < objects.size(); ++i) {
    CHECK(alive(heap, objects[i].first) == (i % 2 == 0));  // odd ones were freed: free slots are nothing
  }
  // Another heap's objects are nothing to this one.
  Heap other;
  void* foreign = other.allocate(kNode);
  CHECK(heap.find_base(foreign) == nullptr);
  CHECK(other.find_base(foreign) == foreign);
}

TEST_CASE("heap: reachability through fields, arrays and interior pointers") {
  Heap heap;
  constexpr int kCount = 100;
  auto* array = static_cast<Ref<Node>*>(heap.allocate(kPointer, kCount));
  std::vector<Node*> nodes;
  for (int i = 0; i < kCount; ++i) {
    array[i].p = make_list(heap, 3);
    nodes.push_back(array[i].p);
  }
  Node* unreachable = make_list(heap, 5);
  // Only an interior pointer into the array is a root.
  collect(heap, {&array[kCount / 2]});
  CHECK(alive(heap, array));
  for (Node* n : nodes) {
    for (Node* m = n; m; m = m->next) CHECK(alive(heap, m));
    CHECK(n->value == 2);
    CHECK(n->next->next->value == 0);
  }
  CHECK_FALSE(alive(heap, unreachable));
  CHECK(heap.stats().live_objects == 1 + kCount * 3);
  // A heap word holding an interior pointer (&target.value) keeps its whole object alive.
  auto* holder = static_cast<Ref<std::int64_t>*>(heap.allocate(kPointer));
  Node* target = make_list(heap, 1);
  target->value = 77;
  holder->p = &target->value;
  collect(heap, {holder});
  CHECK(alive(heap, target));
  CHECK(*holder->p == 77);
  // A frame scanned conservatively: 8-byte words, some pointers (interior too), some integers.
  Node* fresh = make_list(heap, 5);
  std::uint64_t frame[4] = {42, std::uint64_t(reinterpret_cast<std::uintptr_t>(&fresh->value)),
                            ~std::uint64_t{0}, 0};
  heap.collect([&](Marker& m) { m.mark_words(frame, 4); });
  CHECK_FALSE(alive(heap, array));
  CHECK(alive(heap, fresh));
  CHECK(heap.stats().live_objects == 5);
  collect(heap, {});
  CHECK(heap.stats().live_objects == 0);
  CHECK(heap.stats().live_bytes == 0);
}

TEST_CASE("heap: only pointer words are scanned") {
  Heap heap;
  auto* odd = static_cast<Odd*>(heap.allocate(kOdd, 5));
  std::vector<Node*> kept, dropped;
  for (int i = 0; i < 5; ++i) {
    kept.push_back(make_list(heap, 1));
    dropped.push_back(make_list(heap, 1));
    odd[i].p = kept.back();
    // Integers that happen to hold addresses keep nothing alive.
    odd[i].a = std::int64_t(reinterpret_cast<std::intptr_t>(dropped.back()));
    odd[i].b = std::int64_t(reinterpret_cast<std::intptr_t>(dropped.back()));
  }
  // Noscan memory holding addresses keeps nothing alive either.
  auto* bytes = static_cast<void**>(heap.allocate_noscan(64));
  Node* only_in_bytes = make_list(heap, 1);
  bytes[3] = only_in_bytes;
  collect(heap, {odd, bytes});
  for (Node* n : kept) CHECK(alive(heap, n));
  for (Node* n : dropped) CHECK_FALSE(alive(heap, n));
  CHECK_FALSE(alive(heap, only_in_bytes));
  CHECK(alive(heap, bytes));
  // A reused slot gets fresh pointer bits: a noscan object in the place of a scan one is not scanned.
  collect(heap, {});
  std::vector<const void*> roots;
  for (int i = 0; i < 2000; ++i) {
    auto* words = static_cast<void**>(heap.allocate_noscan(16));
    words[0] = words[1] = make_list(heap, 1);
    roots.push_back(words);
  }
  collect(heap, roots);
  CHECK(heap.stats().live_objects == roots.size());
}

TEST_CASE("heap: large objects: pointers, arrays, interior") {
  Heap heap;
  constexpr int kCount = 10000;  // 80 KB of pointers: a large object
  auto* array = static_cast<Ref<Node>*>(heap.allocate(kPointer, kCount));
  REQUIRE(array != nullptr);
  for (int i = 0; i < kCount; i += 7) array[i].p = make_list(heap, 1);
  auto* odd = static_cast<Odd*>(heap.allocate(kOdd, 3000));  // 72 KB, non-periodic bits
  for (int i = 0; i < 3000; i += 11) odd[i].p = make_list(heap, 1);
  collect(heap, {&array[kCount - 1], &odd[2999].b});
  for (int i = 0; i < kCount; i += 7) CHECK(alive(heap, array[i].p));
  for (int i = 0; i < 3000; i += 11) CHECK(alive(heap, odd[i].p));
  std::size_t live = heap.stats().live_objects;
  CHECK(live == 2 + (kCount + 6) / 7 + (3000 + 10) / 11);
  collect(heap, {});
  CHECK(heap.stats().live_objects == 0);
}

TEST_CASE("heap: cycles") {
  Heap heap;
  auto* a = static_cast<Node*>(heap.allocate(kNode));
  auto* b = static_cast<Node*>(heap.allocate(kNode));
  a->next = b;
  b->next = a;
  auto* self = static_cast<Node*>(heap.allocate(kNode));
  self->next = self;
  collect(heap, {b});
  CHECK(alive(heap, a));
  CHECK(alive(heap, b));
  CHECK_FALSE(alive(heap, self));
  collect(heap, {});
  CHECK_FALSE(alive(heap, a));
  CHECK_FALSE(alive(heap, b));
}

TEST_CASE("heap: a million-node list is marked without deep recursion") {
  Heap heap;
  int n = scaled(1'000'000);
  Node* head = make_list(heap, n);
  collect(heap, {head});
  CHECK(heap.stats().live_objects == std::size_t(n));
  std::int64_t expect = n - 1;
  for (Node* m = head; m; m = m->next) {
    if (m->value != expect--) {
      FAIL("list damaged at " << expect + 1);
      break;
    }
  }
  CHECK(expect == -1);
  // The same the other way round: the head allocated first, so the mark stack sees the far end last.
  collect(heap, {});
  Node* first = static_cast<Node*>(heap.allocate(kNode));
  Node* tail = first;
  for (int i = 1; i < n; ++i) {
    tail->next = static_cast<Node*>(heap.allocate(kNode));
    tail = tail->next;
  }
  collect(heap, {first});
  CHECK(heap.stats().live_objects == std::size_t(n));
  collect(heap, {});
  CHECK(heap.stats().live_objects == 0);
}

TEST_CASE("heap: custom objects: trace reaches malloc-held references, finalizers run exactly once") {
  std::memset(box_finalized, 0, sizeof box_finalized);
  std::vector<Box*> boxes;
  std::vector<Node*> held;
  {
    Heap heap;
    for (int i = 0; i < 1000; ++i) {
      Box* box = make_box(heap, i);
      Node* node = make_list(heap, 2);
      box->refs->push_back(node);
      boxes.push_back(box);
      held.push_back(node);
    }
    std::vector<const void*> roots;
    for (int i = 0; i < 1000; i += 2) roots.push_back(boxes[i]);
    collect(heap, roots);
    for (int i = 0; i < 1000; ++i) {
      CHECK(box_finalized[i] == (i % 2));
      CHECK(alive(heap, held[i]) == (i % 2 == 0));
      if (i % 2 == 0) CHECK(alive(heap, held[i]->next));
    }
    CHECK(heap.stats().finalized == 500);
    collect(heap, roots);  // the dead stay finalized once
    CHECK(heap.stats().finalized == 500);
    for (int i = 0; i < 1000; ++i) CHECK(box_finalized[i] == (i % 2));
    // A large custom object (an array of boxes), traced and finalized per element.
    auto* many = static_cast<Box*>(heap.allocate(kBox, 4000));
    REQUIRE(many != nullptr);
    CHECK(heap.find_base(&many[3999]) == many);
    collect(heap, roots);
    CHECK(heap.stats().finalized == 501);
  }  // ~Heap finalizes the other half
  for (int i = 0; i < 1000; ++i) CHECK(box_finalized[i] == 1);
}

TEST_CASE("heap: garbage is reclaimed: gigabytes allocated, the heap stays small") {
  Heap heap;
  const std::uint64_t total = std::uint64_t(scaled(2000)) << 20;
  constexpr int kLive = 1000;
  std::vector<const void*> ring(kLive, nullptr);
  std::uint64_t allocated = 0;
  std::size_t max_heap = 0;
  std::uint64_t i = 0;
  while (allocated < total) {
    void* p;
    std::size_t size;
    switch (i % 64) {
      case 0: size = 100'000; p = heap.allocate_noscan(size); break;  // large
      case 1: case 2: size = 3000; p = heap.allocate(kPointer, size / 8); break;
      case 3: size = sizeof(Box) + 16; p = make_box(heap, 0); break;
      case 4: case 5: case 6: case 7: size = 16; p = make_list(heap, 1); break;
      default: size = 16 + i % 200; p = heap.allocate_noscan(size); break;
    }
    REQUIRE(p != nullptr);
    ring[i % kLive] = p;
    allocated += size;
    ++i;
    if (heap.gc_wanted()) {
      max_heap = std::max(max_heap, heap.stats().heap_bytes);
      collect(heap, ring);
    }
  }
  Heap::Stats s = heap.stats();
  MESSAGE("allocated " << (allocated >> 20) << " MB in " << i << " objects, " << s.collections
                       << " collections, heap at most " << (max_heap >> 20) << " MB, last pause "
                       << s.last_pause_ns / 1000 << " us");
  CHECK(s.collections > 10);
  CHECK(max_heap < 48u << 20);
  CHECK(s.allocated_bytes >= allocated);
  collect(heap, {});
  CHECK(heap.stats().live_objects == 0);
}

TEST_CASE("heap: the limit: null, collect, retry") {
  Heap heap;
  constexpr std::size_t kLimit = 8 << 20;
  heap.set_limit(kLimit);
  CHECK(heap.stats().limit == kLimit);
  std::vector<const void*> kept;
  void* p;
  while ((p = heap.allocate(kPointer, 128)) != nullptr) kept.push_back(p);
  CHECK(heap.stats().heap_bytes <= kLimit);
  CHECK(kept.size() * 1024 >= kLimit / 2);
  CHECK(heap.gc_wanted());
  CHECK(heap.allocate_noscan(100'000) == nullptr);  // large objects obey it too
  // What the VM does: null -> collect -> retry.
  std::vector<const void*> half(kept.begin(), kept.begin() + std::ptrdiff_t(kept.size() / 2));
  collect(heap, half);
  CHECK(heap.allocate(kPointer, 128) != nullptr);
  CHECK(heap.allocate_noscan(100'000) != nullptr);
  for (const void* k : half) CHECK(alive(heap, k));
  CHECK(heap.allocate_noscan(kLimit) == nullptr);  // can never fit
  heap.set_limit(SIZE_MAX);
  CHECK(heap.allocate_noscan(kLimit) != nullptr);
}

TEST_CASE("heap: the limit: what one collection frees is usable by every size class at once") {
  Heap heap;
  constexpr std::size_t kLimit = 8 << 20;
  heap.set_limit(kLimit);
  while (heap.allocate(kPointer, 128) != nullptr) {
  }
  collect(heap, {});  // every 1 KB span is empty now, but kept for reuse by its class
  // Another class needs pages: the empty spans give theirs back rather than fail.
  std::vector<const void*> nodes;
  for (std::size_t bytes = 0; bytes < kLimit / 2; bytes += sizeof(Node)) {
    void* p = heap.allocate(kNode);
    REQUIRE(p != nullptr);
    nodes.push_back(p);
  }
  CHECK(heap.allocate_noscan(kLimit / 4) != nullptr);  // a large object too
  CHECK(heap.stats().heap_bytes <= kLimit);
}

TEST_CASE("heap: empty spans are kept for one cycle, then given back") {
  Heap heap;
  for (int i = 0; i < (16 << 20) / 16; ++i) heap.allocate(kNode);
  std::size_t full = heap.stats().heap_bytes;
  CHECK(full >= 16u << 20);
  collect(heap, {});
  CHECK(heap.stats().live_objects == 0);
  CHECK(heap.stats().heap_bytes == full);  // kept: a program allocating steadily reuses them
  for (int i = 0; i < (16 << 20) / 16; ++i) heap.allocate(kNode);
  CHECK(heap.stats().heap_bytes == full);  // reused, nothing new
  collect(heap, {});
  collect(heap, {});  // empty twice: pages back to blocks, blocks beyond the trigger back to the system
  CHECK(heap.stats().heap_bytes <= heap.stats().next_gc + detail::kBlockSize);
}

TEST_CASE("heap: gc_wanted follows GOGC") {
  Heap heap;
  CHECK_FALSE(heap.gc_wanted());
  CHECK(heap.stats().next_gc == detail::kMinTrigger);
  std::vector<const void*> kept;
  while (!heap.gc_wanted()) kept.push_back(heap.allocate_noscan(1024));
  Heap::Stats s = heap.stats();
  CHECK(s.heap_live >= detail::kMinTrigger);
  CHECK(s.heap_live < detail::kMinTrigger + (1 << 20));
  CHECK(kept.size() * 1024 >= detail::kMinTrigger - (1 << 20));
  collect(heap, {});
  CHECK_FALSE(heap.gc_wanted());
  CHECK(heap.stats().next_gc == detail::kMinTrigger);
  // A live heap of 10 MB doubles before the next collection at GOGC=100.
  kept.clear();
  for (int i = 0; i < 10 * 1024; ++i) kept.push_back(heap.allocate_noscan(1024));
  collect(heap, kept);
  std::size_t live = heap.stats().live_bytes;
  CHECK(live == 10u << 20);
  CHECK(heap.stats().next_gc == 2 * live);
  heap.set_gogc(50);
  CHECK(heap.stats().next_gc == live + live / 2);
  heap.set_gogc(2'000'000'000);  // saturates instead of overflowing
  CHECK(heap.stats().next_gc > live);
  heap.set_gogc(-1);
  CHECK(heap.stats().next_gc == SIZE_MAX);
  heap.set_limit(16 << 20);  // the limit still triggers: 7/8 of it
  CHECK(heap.stats().next_gc == 14u << 20);
  heap.set_limit(SIZE_MAX);
  heap.set_gogc(100);
  CHECK_FALSE(heap.gc_wanted());
  heap.set_gc_stress(true);
  CHECK(heap.gc_wanted());
  collect(heap, kept);
  CHECK(heap.gc_wanted());
  heap.set_gc_stress(false);
  CHECK_FALSE(heap.gc_wanted());
}

TEST_CASE("heap: 8 threads allocate at once, then a collection") {
  Heap heap;
  constexpr int kThreads = 8;
  const int n = scaled(100'000);
  std::vector<Node*> heads(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Node* head = nullptr;
      for (int i = 0; i < n; ++i) {
        // Different sizes on different threads, so spans of every kind are shared out.
        auto* node = static_cast<Node*>(heap.allocate(kPointer, 2 + (i + t) % 5));
        node->next = head;
        node->value = i;
        head = node;
        if (i % 3 == 0) heap.allocate_noscan(24);  // garbage
      }
      heads[t] = head;
    });
  }
  for (auto& th : threads) th.join();
  collect(heap, roots_of(heads));
  CHECK(heap.stats().live_objects == std::size_t(kThreads) * n);
  for (Node* head : heads) {
    std::int64_t expect = n - 1;
    for (Node* m = head; m; m = m->next) {
      if (m->value != expect--) {
        FAIL("list damaged");
        break;
      }
    }
    CHECK(expect == -1);
  }
}

TEST_CASE("heap: threads stay alive across collections (caches flushed and refilled)") {
  Heap heap;
  constexpr int kThreads = 8;
  const int rounds = 6;
  const int n = scaled(20'000);
  Barrier barrier(kThreads + 1);
  std::vector<Node*> heads(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < rounds; ++r) {
        for (int i = 0; i < n; ++i) {
          auto* node = static_cast<Node*>(heap.allocate(kNode));
          if (i % 2) {  // keep every other one
            node->next = heads[t];
            node->value = r;
            heads[t] = node;
          }
        }
        barrier.wait();  // stopped: the collector runs
        barrier.wait();
      }
    });
  }
  for (int r = 0; r < rounds; ++r) {
    barrier.wait();
    collect(heap, roots_of(heads));
    CHECK(heap.stats().live_objects == std::size_t(kThreads) * (r + 1) * (n / 2));
    barrier.wait();
  }
  for (auto& th : threads) th.join();
  CHECK(heap.stats().thread_caches == kThreads);
  collect(heap, {});  // the exited threads' caches are reclaimed
  CHECK(heap.stats().thread_caches == 0);
}

TEST_CASE("heap: caches of exited threads are adopted by new threads") {
  Heap heap;
  std::vector<const void*> kept;
  for (int t = 0; t < 20; ++t) {
    std::thread([&] {
      for (int i = 0; i < 1000; ++i) kept.push_back(heap.allocate(kNode));
    }).join();
  }
  CHECK(heap.stats().thread_caches == 1);  // each thread adopted the previous one's
  collect(heap, kept);
  CHECK(heap.stats().live_objects == kept.size());
  CHECK(heap.stats().thread_caches == 0);
}

TEST_CASE("heap: several heaps alive at once on the same threads") {
  auto a = std::make_unique<Heap>();
  auto b = std::make_unique<Heap>();
  constexpr int kThreads = 4;
  const int n = scaled(20'000);
  std::vector<Node*> heads_a(kThreads), heads_b(kThreads);
  Barrier barrier(kThreads + 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Node* ha = nullptr;
      Node* hb = nullptr;
      for (int i = 0; i < n; ++i) {  // alternate heaps object by object
        auto* x = static_cast<Node*>(a->allocate(kNode));
        x->next = ha;
        x->value = i;
        ha = x;
        auto* y = static_cast<Node*>(b->allocate(kNode));
        y->next = hb;
        y->value = -i;
        hb = y;
      }
      heads_a[t] = ha;
      heads_b[t] = hb;
      barrier.wait();  // heap a is collected, then destroyed
      barrier.wait();
      for (int i = 0; i < n; ++i) {  // b still works on this thread; so does a new heap
        auto* y = static_cast<Node*>(b->allocate(kNode));
        y->next = hb;
        y->value = 1;
        hb = y;
      }
      heads_b[t] = hb;
    });
  }
  barrier.wait();
  collect(*a, roots_of(heads_a));
  CHECK(a->stats().live_objects == std::size_t(kThreads) * n);
  CHECK(b->stats().collections == 0);
  for (int t = 0; t < kThreads; ++t) CHECK(b->find_base(heads_b[t]) == heads_b[t]);
  a.reset();
  auto c = std::make_unique<Heap>();
  void* in_c = c->allocate(kNode);
  barrier.wait();
  for (auto& th : threads) th.join();
  collect(*b, roots_of(heads_b));
  CHECK(b->stats().live_objects == std::size_t(kThreads) * 2 * n);
  CHECK(c->find_base(in_c) == in_c);
  CHECK(b->find_base(in_c) == nullptr);
}
