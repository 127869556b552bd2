#include "runtime/api/frame_pool.hpp"

#include <cstdint>
#include <mutex>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOPARK_FRAME_POOL_OFF 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GOPARK_FRAME_POOL_OFF 1
#endif

namespace gopark::co::detail {

#ifdef GOPARK_FRAME_POOL_OFF

void* allocate_frame(std::size_t size) { return ::operator new(size); }
void free_frame(void* p, std::size_t) { ::operator delete(p); }

#else

namespace {

constexpr std::size_t kGranule = 64;
constexpr std::size_t kClasses = 16;      // frames up to 1 KiB; bigger ones go to operator new
constexpr uint32_t kBatch = 32;           // blocks moved between a thread and the global list at once
constexpr uint32_t kThreadMax = 4 * kBatch;

struct Block {
  Block* next;
};

struct FreeList {
  Block* head = nullptr;
  uint32_t count = 0;
  void push(Block* b) {
    b->next = head;
    head = b;
    ++count;
  }
  Block* pop() {
    Block* b = head;
    if (b) {
      head = b->next;
      --count;
    }
    return b;
  }
};

// The global lists: what threads give back, and the slabs carved for new blocks.
struct Global {
  std::mutex mutex;
  FreeList lists[kClasses];
};
Global& global() {
  static Global* g = new Global;  // never destroyed: threads may free frames during static destruction
  return *g;
}

// Moves up to n blocks of class c from `from` to `to`.
void move_blocks(FreeList& from, FreeList& to, uint32_t n) {
  while (n-- > 0) {
    Block* b = from.pop();
    if (!b) return;
    to.push(b);
  }
}

struct ThreadCache {
  FreeList lists[kClasses];
  ~ThreadCache() {  // a thread that ends gives its blocks back
    Global& g = global();
    std::lock_guard lock(g.mutex);
    for (std::size_t c = 0; c < kClasses; ++c) move_blocks(lists[c], g.lists[c], lists[c].count);
  }
};
thread_local ThreadCache cache;

Block* refill(FreeList& mine, std::size_t c) {
  Global& g = global();
  {
    std::lock_guard lock(g.mutex);
    move_blocks(g.lists[c], mine, kBatch);
  }
  if (mine.count == 0) {  // carve a new slab of kBatch blocks
    const std::size_t size = (c + 1) * kGranule;
    auto* slab = static_cast<std::byte*>(::operator new(size * kBatch));
    for (uint32_t i = 0; i < kBatch; ++i) mine.push(reinterpret_cast<Block*>(slab + i * size));
  }
  return mine.pop();
}

}  // namespace

void* allocate_frame(std::size_t size) {
  const std::size_t c = (size - 1) / kGranule;
  if (c >= kClasses) return ::operator new(size);
  FreeList& mine = cache.lists[c];
  if (Block* b = mine.pop()) return b;
  return refill(mine, c);
}

void free_frame(void* p, std::size_t size) {
  const std::size_t c = (size - 1) / kGranule;
  if (c >= kClasses) {
    ::operator delete(p);
    return;
  }
  FreeList& mine = cache.lists[c];
  mine.push(static_cast<Block*>(p));
  if (mine.count > kThreadMax) {
    Global& g = global();
    std::lock_guard lock(g.mutex);
    move_blocks(mine, g.lists[c], kThreadMax / 2);
  }
}

#endif

}  // namespace gopark::co::detail
