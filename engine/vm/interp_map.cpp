// Go maps: make, index, assign, delete, clear, len and range. The design (entries, index,
// iteration, the state word, hashing, layouts) is described at the top of map.hpp.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "runtime/g.hpp"
#include "runtime/runtime.hpp"
#include "vm/interp.hpp"
#include "vm/map.hpp"

namespace gopark::vm {
namespace {

using Kind = TypeInfo::Kind;

// ---------------------------------------------------------------------------------------------
// Hashing: multiply-fold mixing in the manner of wyhash (a 64x64 -> 128-bit product, halves
// xored), which is cheap and spreads every input bit into the low bits the index uses.

constexpr std::uint64_t kP0 = 0xa0761d6478bd642full;
constexpr std::uint64_t kP1 = 0xe7037ed1a0b428dbull;
constexpr std::uint64_t kP2 = 0x8ebc6af09c88c6e3ull;
constexpr std::uint64_t kP3 = 0x589965cc75374cc3ull;

inline std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) {
  __uint128_t r = __uint128_t(a) * b;
  return std::uint64_t(r) ^ std::uint64_t(r >> 64);
}

// Two rounds: an odd multiplier makes the first product's low half a bijection of w, so distinct
// words never collide before the final fold.
inline std::uint64_t mix_word(Word w, std::uint64_t seed) {
  __uint128_t r = __uint128_t(w ^ kP0) * (seed | 1);
  return fold_multiply(std::uint64_t(r) ^ kP1, std::uint64_t(r >> 64) ^ kP2);
}

inline std::uint64_t read64(const std::uint8_t* p) { std::uint64_t v; std::memcpy(&v, p, 8); return v; }
inline std::uint64_t read32(const std::uint8_t* p) { std::uint32_t v; std::memcpy(&v, p, 4); return v; }

// NaN's hash: anything, as long as successive NaNs spread over the index (they never match).
thread_local std::uint64_t nan_noise = 0x9e3779b97f4a7c15ull;

inline std::uint64_t mix_float(Word bits, std::uint64_t seed) {
  double d;
  std::memcpy(&d, &bits, 8);
  if (d == 0) return mix_word(0, seed);  // +0 == -0
  if (d != d) return mix_word(nan_noise += kP3, seed);
  return mix_word(bits, seed);
}

struct Bytes {
  const std::uint8_t* data;
  std::size_t len;
};
inline Bytes bytes_of(Word s) {
  const String* p = ptr<const String>(s);
  return p ? Bytes{p->data, std::size_t(p->len)} : Bytes{nullptr, 0};
}
inline bool string_equal(Word a, Word b) {
  if (a == b) return true;
  Bytes x = bytes_of(a), y = bytes_of(b);
  return x.len == y.len && (x.len == 0 || std::memcmp(x.data, y.data, x.len) == 0);
}
inline std::uint64_t mix_string(Word s, std::uint64_t seed) {
  Bytes b = bytes_of(s);
  return hash_bytes(b.data, b.len, seed);
}

// Storage of zero bytes, for a struct or array register that is 0 (the zero value). Sizes past
// the static block get a fresh zeroed object (0 with a fatal fault when out of memory).
alignas(16) const std::uint8_t kZeros[64 * 1024] = {};
Word storage_word(Goroutine& gr, const TypeInfo& t, Word v) {
  if (v) return v;
  if (t.size <= sizeof kZeros) return word(kZeros);
  return word(gr.machine->allocate(gr, gr.machine->layout_of(t)));
}

void raise_unhashable(Goroutine& gr, const TypeInfo& t) {
  ops::raise(gr, "runtime error: hash of unhashable type " + ops::type_name(t));
}

std::uint64_t mix_box(Goroutine& gr, Word bw, std::uint64_t seed) {
  const Box* b = ptr<const Box>(bw);
  if (!b) return mix_word(kP3, seed);
  const TypeInfo& t = *b->type;
  if (!t.comparable) {
    raise_unhashable(gr, t);
    return 0;
  }
  std::uint64_t s = mix_word(word(&t), seed);  // one TypeInfo per type: its address is its identity
  return t.word_sized ? hash_value(gr, t, ops::load_value(t, b->payload()), s)
                      : hash_storage(gr, t, b->payload(), s);
}

// ---------------------------------------------------------------------------------------------
// Layouts.

inline std::uint32_t slot_size(const TypeInfo& t) { return t.word_sized ? 8 : (t.size + 7) & ~7u; }

// Calls f(offset) for each pointer word of a slot of type t at `base`.
template <class F> void for_pointers(const TypeInfo& t, std::uint32_t base, F&& f) {
  if (t.word_sized) {
    if (t.has_pointers) f(base);
    return;
  }
  if (!t.has_pointers) return;
  for (std::uint32_t off : t.pointer_offsets) f(base + off);
}

const GcLayout kMapLayout(sizeof(MapObject), {offsetof(MapObject, entries), offsetof(MapObject, index)},
                          nullptr, nullptr, "map");
const GcLayout kEntriesLayout(sizeof(Word), {0}, nullptr, nullptr, "map entries");
const GcLayout kIteratorLayout(sizeof(MapIterator),
                               {offsetof(MapIterator, map), offsetof(MapIterator, entries)}, nullptr,
                               nullptr, "map iterator");
// Entries of word-sized keys and values, by [key has pointers][value has pointers].
const GcLayout kWordEntryLayouts[2][2] = {
    {GcLayout(32, {}, nullptr, nullptr, "map entry"), GcLayout(32, {24}, nullptr, nullptr, "map entry")},
    {GcLayout(32, {16}, nullptr, nullptr, "map entry"),
     GcLayout(32, {16, 24}, nullptr, nullptr, "map entry")},
};

// Every other entry shape, interned for the life of the process (see "Layouts" in map.hpp).
struct LayoutRegistry {
  std::mutex mutex;  // guards `layouts`
  std::map<std::pair<std::uint32_t, std::vector<std::uint32_t>>, std::unique_ptr<GcLayout>> layouts;
};
LayoutRegistry& registry() {
  static LayoutRegistry* r = new LayoutRegistry;  // never destroyed: heaps may outlive static dtors
  return *r;
}

// Per-thread cache in front of the registry for entries of at most 64 words, keyed by size and
// pointer bitmap (exact: the shape determines the layout). Entries point at immortal layouts.
struct CachedLayout {
  std::uint32_t size = 0;
  std::uint64_t bits = 0;
  const GcLayout* layout = nullptr;
};
thread_local CachedLayout layout_cache[8];

const GcLayout& interned_layout(std::uint32_t size, const TypeInfo& key, const TypeInfo& value,
                                std::uint32_t value_offset) {
  const bool small = size <= 64 * 8;
  std::uint64_t bits = 0;
  CachedLayout* line = nullptr;
  if (small) {
    auto add = [&](std::uint32_t off) { bits |= std::uint64_t(1) << (off / 8); };
    for_pointers(key, Entry::kKeyOffset, add);
    for_pointers(value, value_offset, add);
    line = &layout_cache[mix_word(bits, size) & 7];
    if (line->layout && line->size == size && line->bits == bits) return *line->layout;
  }
  std::vector<std::uint32_t> offsets;
  auto push = [&](std::uint32_t off) { offsets.push_back(off); };
  for_pointers(key, Entry::kKeyOffset, push);
  for_pointers(value, value_offset, push);
  LayoutRegistry& r = registry();
  const GcLayout* layout;
  {
    std::lock_guard<std::mutex> hold(r.mutex);
    auto& slot = r.layouts[{size, offsets}];
    if (!slot) slot = std::make_unique<GcLayout>(size, offsets, nullptr, nullptr, "map entry");
    layout = slot.get();
  }
  if (line) *line = CachedLayout{size, bits, layout};
  return *layout;
}

// ---------------------------------------------------------------------------------------------
// The state word (see "Concurrency" in map.hpp).

bool lock_read(Goroutine& gr, MapObject& m, const char* conflict) {
  std::uint32_t prev = __atomic_fetch_add(&m.state, 1u, __ATOMIC_ACQUIRE);
  if (!(prev & kMapWriter)) return true;
  __atomic_fetch_sub(&m.state, 1u, __ATOMIC_RELAXED);
  ops::fatal(gr, conflict);
  return false;
}
void unlock_read(MapObject& m) { __atomic_fetch_sub(&m.state, 1u, __ATOMIC_RELEASE); }

// 0 if the writer bit was taken, else the state that prevented it.
std::uint32_t try_lock_write(MapObject& m) {
  std::uint32_t expected = 0;
  if (__atomic_compare_exchange_n(&m.state, &expected, kMapWriter, false, __ATOMIC_ACQUIRE,
                                  __ATOMIC_RELAXED))
    return 0;
  return expected ? expected : kMapWriter;
}
const char* write_conflict(std::uint32_t state) {
  return state & kMapWriter ? "concurrent map writes" : "concurrent map read and map write";
}
bool lock_write(Goroutine& gr, MapObject& m) {
  std::uint32_t busy = try_lock_write(m);
  if (!busy) return true;
  ops::fatal(gr, write_conflict(busy));
  return false;
}
// fetch_sub, not a store of 0: a reader that found the writer bit may still have its count in.
void unlock_write(MapObject& m) { __atomic_fetch_sub(&m.state, kMapWriter, __ATOMIC_RELEASE); }

// ---------------------------------------------------------------------------------------------
// Entries and the index.

// An index slot: the entry's address below the tag, the hash's top bits in the tag.
constexpr std::uint64_t kTagMask =
    sizeof(void*) == 8 ? 0xffff000000000000ull : ~std::uint64_t(UINTPTR_MAX);

inline Entry* entry_of(std::uint64_t slot) {
  return reinterpret_cast<Entry*>(static_cast<std::uintptr_t>(slot & ~kTagMask));
}
inline std::uint8_t* value_slot(const MapObject& m, Entry* e) {
  return reinterpret_cast<std::uint8_t*>(e) + m.value_offset;
}

inline std::uint64_t hash_key(Goroutine& gr, const MapObject& m, Word key) {
  switch (m.key_class) {
    case KeyClass::Word: return mix_word(key, m.seed);
    case KeyClass::Float: return mix_float(key, m.seed);
    case KeyClass::String: return mix_string(key, m.seed);
    case KeyClass::Interface: return mix_box(gr, key, m.seed);
    case KeyClass::Storage: return hash_storage(gr, *m.key, ptr<const void>(key), m.seed);
  }
  return 0;
}

template <KeyClass C>
inline bool key_equal(Goroutine& gr, const MapObject& m, const Entry* e, Word key) {
  if constexpr (C == KeyClass::Storage) {
    return ops::values_equal(gr, *m.key, e->key_slot(), ptr<const void>(key));
  } else {
    Word k = load_word(e->key_slot());
    if constexpr (C == KeyClass::Word) return k == key;
    if constexpr (C == KeyClass::Float) {
      double a, b;
      std::memcpy(&a, &k, 8);
      std::memcpy(&b, &key, 8);
      return a == b;
    }
    if constexpr (C == KeyClass::String) return string_equal(k, key);
    if constexpr (C == KeyClass::Interface) return ops::iface_equal(gr, k, key);
  }
}

template <KeyClass C>
Entry* find_as(Goroutine& gr, const MapObject& m, Word key, std::uint64_t h) {
  const std::uint64_t* index = m.index;
  if (!index) return nullptr;
  const std::uint64_t mask = m.index_mask;
  // Terminates: the index is at most half full, so an empty slot follows every run.
  for (std::uint64_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = index[i];
    if (slot == 0) return nullptr;
    if ((slot ^ h) & kTagMask) continue;
    Entry* e = entry_of(slot);
    if (e->hash != h) continue;
    if (key_equal<C>(gr, m, e, key)) return e;
    if constexpr (C == KeyClass::Interface || C == KeyClass::Storage) {
      if (gr.fault != Fault::None) return nullptr;
    }
  }
}

Entry* find(Goroutine& gr, const MapObject& m, Word key, std::uint64_t h) {
  switch (m.key_class) {
    case KeyClass::Word: return find_as<KeyClass::Word>(gr, m, key, h);
    case KeyClass::Float: return find_as<KeyClass::Float>(gr, m, key, h);
    case KeyClass::String: return find_as<KeyClass::String>(gr, m, key, h);
    case KeyClass::Interface: return find_as<KeyClass::Interface>(gr, m, key, h);
    case KeyClass::Storage: return find_as<KeyClass::Storage>(gr, m, key, h);
  }
  return nullptr;
}

void index_insert(MapObject& m, Entry* e) {
  const std::uint64_t slot = (e->hash & kTagMask) | word(e);
  for (std::uint64_t i = e->hash & m.index_mask;; i = (i + 1) & m.index_mask) {
    if (m.index[i] == 0) {
      m.index[i] = slot;
      return;
    }
  }
}

// Removes e's slot and shifts later slots of its probe run back into the hole, so that every
// remaining entry is still reachable from its home slot without crossing an empty one.
void index_remove(MapObject& m, const Entry* e) {
  const std::uint64_t mask = m.index_mask;
  std::uint64_t hole = e->hash & mask;
  while (entry_of(m.index[hole]) != e) hole = (hole + 1) & mask;
  for (std::uint64_t j = hole;;) {
    j = (j + 1) & mask;
    const std::uint64_t slot = m.index[j];
    if (slot == 0) break;
    const std::uint64_t home = entry_of(slot)->hash & mask;
    // The entry at j may fill the hole iff the hole lies on its probe path [home, j).
    if (((j - home) & mask) >= ((j - hole) & mask)) {
      m.index[hole] = slot;
      hole = j;
    }
  }
  m.index[hole] = 0;
}

constexpr std::int64_t kMinCapacity = 8;
constexpr std::int64_t kMaxHint = std::int64_t(1) << 22;         // past it, growth takes over
constexpr std::int64_t kMaxCapacity = std::int64_t(1) << 31;     // Entry::position is 32 bits

// Makes room for one more entry: a fresh compacted entries array (twice as large when more than
// half of the old one is live) and, when the capacity changed, a rebuilt index. Each allocation
// is published in the map before the next one, so a collection inside allocate finds the map
// whole (invariants in map.hpp). False: out of memory (fatal raised).
bool make_room(Goroutine& gr, MapObject& m) {
  const std::int64_t cap = m.capacity;
  std::int64_t new_cap = cap == 0          ? std::max(kMinCapacity, std::int64_t(std::bit_ceil(std::uint64_t(m.hint))))
                         : m.count * 2 >= cap ? cap * 2
                                              : cap;
  if (new_cap > kMaxCapacity) {
    ops::fatal(gr, "out of memory");
    return false;
  }
  auto* fresh = static_cast<Word*>(gr.machine->allocate(gr, kEntriesLayout, std::size_t(new_cap)));
  if (!fresh) return false;
  std::int64_t n = 0;
  for (std::int64_t i = 0; i < m.used; ++i) {
    if (Entry* e = ptr<Entry>(m.entries[i])) {
      e->position = std::uint32_t(n);
      fresh[n++] = word(e);
    }
  }
  m.entries = fresh;
  m.used = n;
  if (new_cap == cap) return true;  // the index still maps every live entry
  const std::uint64_t slots = std::uint64_t(new_cap) * 2;
  auto* index = static_cast<std::uint64_t*>(gr.machine->allocate_noscan(gr, slots * sizeof(std::uint64_t)));
  if (!index) return false;
  m.index = index;
  m.index_mask = slots - 1;
  for (std::int64_t i = 0; i < n; ++i) index_insert(m, ptr<Entry>(fresh[i]));
  m.capacity = new_cap;
  return true;
}

void set_count(MapObject& m, std::int64_t n) { __atomic_store_n(&m.count, n, __ATOMIC_RELAXED); }

void store_key(const MapObject& m, Entry* e, Word key) {
  if (m.key_in_storage) ops::copy_value(*m.key, e->key_slot(), ptr<const void>(key));
  else store_word(e->key_slot(), key);
}
void store_value(const MapObject& m, Entry* e, Word value) {
  std::uint8_t* at = value_slot(m, e);
  if (!m.value_in_storage) store_word(at, value);
  else if (value) ops::copy_value(*m.value, at, ptr<const void>(value));
  else std::memset(at, 0, m.value->size);
}

void remove_entry(MapObject& m, Entry* e) {
  index_remove(m, e);
  m.entries[e->position] = 0;
  e->deleted = 1;
  set_count(m, m.count - 1);
  if (m.count == 0) m.used = 0;  // every slot is null: start over at slot 0 instead of compacting
}

// Under the writer bit. The key is in register form (storage keys non-null).
bool set_locked(Goroutine& gr, MapObject& m, Word key, Word value) {
  const std::uint64_t h = hash_key(gr, m, key);
  if (gr.fault != Fault::None) return false;
  if (Entry* e = find(gr, m, key, h)) {
    // Go overwrites the key too: m[-0.0] after m[+0.0] leaves the key -0.
    if (m.key_class != KeyClass::Word) store_key(m, e, key);
    store_value(m, e, value);
    return true;
  }
  if (gr.fault != Fault::None) return false;
  if (m.used == m.capacity && !make_room(gr, m)) return false;
  auto* e = static_cast<Entry*>(gr.machine->allocate(gr, *m.entry_layout));
  if (!e) return false;
  if (word(e) & kTagMask) rt::internal_error("map entry above the tagged index's address range");
  e->hash = h;
  e->position = std::uint32_t(m.used);
  store_key(m, e, key);
  store_value(m, e, value);
  m.entries[m.used++] = word(e);
  index_insert(m, e);
  set_count(m, m.count + 1);
  return true;
}

// Under a reader count. `value` gets the value (a fresh copy for storage types) or the zero value.
bool get_locked(Goroutine& gr, MapObject& m, Word key, Word& value) {
  value = 0;
  void* copy = nullptr;
  if (m.value_in_storage) {
    copy = gr.machine->allocate(gr, gr.machine->layout_of(*m.value));
    if (!copy) return false;
    value = word(copy);
  }
  if (m.key_in_storage) {
    key = storage_word(gr, *m.key, key);
    if (!key) return false;
  }
  const std::uint64_t h = hash_key(gr, m, key);
  if (gr.fault != Fault::None) return false;
  Entry* e = find(gr, m, key, h);
  if (!e) return false;
  if (copy) ops::copy_value(*m.value, copy, value_slot(m, e));
  else value = load_word(value_slot(m, e));
  return true;
}

// The zero value of t in register form: 0, or fresh zeroed storage.
Word zero_value(Goroutine& gr, const TypeInfo& t) {
  if (t.word_sized) return 0;
  return word(gr.machine->allocate(gr, gr.machine->layout_of(t)));
}

// Sets key and value from e: Words as they are, storage as a fresh copy (one object holding both,
// shaped like an entry, so that a collection between two allocations cannot lose the first).
bool produce(Goroutine& gr, const MapObject& m, Entry* e, Word& key, Word& value) {
  if (!m.key_in_storage && !m.value_in_storage) {
    key = load_word(e->key_slot());
    value = load_word(value_slot(m, e));
    return true;
  }
  auto* copy = static_cast<Entry*>(gr.machine->allocate(gr, *m.entry_layout));
  if (!copy) return false;
  if (m.key_in_storage) {
    ops::copy_value(*m.key, copy->key_slot(), e->key_slot());
    key = word(copy->key_slot());
  } else {
    key = load_word(e->key_slot());
  }
  if (m.value_in_storage) {
    ops::copy_value(*m.value, value_slot(m, copy), value_slot(m, e));
    value = word(value_slot(m, copy));
  } else {
    value = load_word(value_slot(m, e));
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Hashing entry points (map.hpp).

std::uint64_t hash_bytes(const std::uint8_t* p, std::size_t n, std::uint64_t seed) {
  const std::size_t total = n;
  std::uint64_t h = seed ^ kP0;
  std::uint64_t a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      // Two overlapping 4-byte reads from each end cover every byte of 4..16.
      const std::size_t mid = (n >> 3) << 2;
      a = read32(p) << 32 | read32(p + mid);
      b = read32(p + n - 4) << 32 | read32(p + n - 4 - mid);
    } else if (n > 0) {
      a = std::uint64_t(p[0]) << 16 | std::uint64_t(p[n >> 1]) << 8 | p[n - 1];
    }
  } else {
    while (n > 16) {
      h = fold_multiply(read64(p) ^ kP1, read64(p + 8) ^ h);
      p += 16;
      n -= 16;
    }
    // The last 16 bytes of the string (overlapping what the loop hashed when n < 16).
    a = read64(p + n - 16);
    b = read64(p + n - 8);
  }
  return fold_multiply(kP1 ^ total, fold_multiply(a ^ kP1, b ^ h));
}

std::uint64_t hash_value(Goroutine& gr, const TypeInfo& t, Word v, std::uint64_t seed) {
  switch (t.kind) {
    case Kind::Float32:
    case Kind::Float64: return mix_float(v, seed);
    case Kind::String: return mix_string(v, seed);
    case Kind::Interface: return mix_box(gr, v, seed);
    case Kind::Struct:
    case Kind::Array: {
      Word at = storage_word(gr, t, v);
      return at ? hash_storage(gr, t, ptr<const void>(at), seed) : 0;
    }
    case Kind::Slice:
    case Kind::Map:
    case Kind::Func: raise_unhashable(gr, t); return 0;
    default: return mix_word(v, seed);
  }
}

std::uint64_t hash_storage(Goroutine& gr, const TypeInfo& t, const void* at, std::uint64_t seed) {
  const auto* bytes = static_cast<const std::uint8_t*>(at);
  switch (t.kind) {
    case Kind::Struct:
      for (const TypeInfo::Field& f : t.fields) {
        seed = hash_storage(gr, *f.type, bytes + f.offset, seed);
        if (gr.fault != Fault::None) return 0;
      }
      return mix_word(seed, kP2);
    case Kind::Array:
      for (std::int64_t i = 0; i < t.len; ++i) {
        seed = hash_storage(gr, *t.elem, bytes + std::size_t(i) * t.elem->size, seed);
        if (gr.fault != Fault::None) return 0;
      }
      return mix_word(seed, kP3);
    default: return hash_value(gr, t, ops::load_value(t, at), seed);
  }
}

KeyClass key_class_of(const TypeInfo& key) {
  switch (key.kind) {
    case Kind::Float32:
    case Kind::Float64: return KeyClass::Float;
    case Kind::String: return KeyClass::String;
    case Kind::Interface: return KeyClass::Interface;
    case Kind::Struct:
    case Kind::Array: return KeyClass::Storage;
    case Kind::Slice:
    case Kind::Map:
    case Kind::Func: rt::internal_error("a map key type that is not comparable");
    default: return KeyClass::Word;
  }
}

const GcLayout& entry_layout(const TypeInfo& key, const TypeInfo& value) {
  if (key.word_sized && value.word_sized) return kWordEntryLayouts[key.has_pointers][value.has_pointers];
  const std::uint32_t value_offset = Entry::kKeyOffset + slot_size(key);
  return interned_layout(value_offset + slot_size(value), key, value, value_offset);
}

std::string check_map(Word mw) {
  const MapObject* mp = ptr<const MapObject>(mw);
  if (!mp) return "";
  const MapObject& m = *mp;
  if (m.state != 0) return "state word not free";
  if (m.used < 0 || m.used > m.capacity) return "used out of range";
  if ((m.index == nullptr) != (m.capacity == 0)) return "index present iff capacity";
  if (m.index && m.index_mask + 1 < std::uint64_t(m.capacity) * 2) return "index too small";
  std::int64_t live = 0;
  for (std::int64_t i = 0; i < m.used; ++i) {
    const Entry* e = ptr<const Entry>(m.entries[i]);
    if (!e) continue;
    ++live;
    if (e->deleted) return "deleted entry in the entries array";
    if (e->position != std::uint64_t(i)) return "entry position mismatch";
    // Reachable from its home slot without crossing an empty one, and only once.
    bool found = false;
    for (std::uint64_t j = e->hash & m.index_mask; m.index[j]; j = (j + 1) & m.index_mask) {
      if (entry_of(m.index[j]) == e) {
        if ((m.index[j] ^ e->hash) & kTagMask) return "bad tag";
        found = true;
        break;
      }
    }
    if (!found) return "live entry not reachable in the index";
  }
  if (live != m.count) return "count mismatch";
  std::int64_t indexed = 0;
  for (std::uint64_t j = 0; m.index && j <= m.index_mask; ++j) indexed += m.index[j] != 0;
  if (indexed != live) return "index holds other entries";
  return "";
}

// ---------------------------------------------------------------------------------------------
// The instructions' helpers (interp.hpp).

namespace ops {

Word make_map(Goroutine& gr, const TypeInfo& map_type, std::int64_t hint) {
  if (!map_type.key || !map_type.elem) rt::internal_error("make_map: a map type without key/elem TypeInfo");
  const TypeInfo& key = *map_type.key;
  const TypeInfo& value = *map_type.elem;
  const KeyClass key_class = key_class_of(key);
  const GcLayout& layout = entry_layout(key, value);
  auto* m = static_cast<MapObject*>(gr.machine->allocate(gr, kMapLayout));
  if (!m) return 0;
  rt::Runtime& runtime = gr.machine->runtime();
  m->type = &map_type;
  m->key = &key;
  m->value = &value;
  m->entry_layout = &layout;
  m->seed = (std::uint64_t(runtime.rand32()) << 32 | runtime.rand32()) | 1;
  m->value_offset = Entry::kKeyOffset + slot_size(key);
  m->key_class = key_class;
  m->key_in_storage = !key.word_sized;
  m->value_in_storage = !value.word_sized;
  // Go ignores a negative or absurd hint (makemap); a large one only presizes up to kMaxHint.
  m->hint = hint < 0 ? 0 : std::min(hint, kMaxHint);
  // Publishes the fields above to whoever takes the state word next (see map.hpp).
  __atomic_store_n(&m->state, 0u, __ATOMIC_RELEASE);
  return word(m);
}

bool map_get(Goroutine& gr, Word mw, Word key, Word& value) {
  MapObject* m = ptr<MapObject>(mw);
  value = 0;
  if (!m) return false;
  if (!lock_read(gr, *m, "concurrent map read and map write")) return false;
  bool found = get_locked(gr, *m, key, value);
  unlock_read(*m);
  return found;
}

bool map_get_typed(Goroutine& gr, const TypeInfo& map_type, Word mw, Word key, Word& value) {
  if (mw) return map_get(gr, mw, key, value);
  value = 0;
  const TypeInfo& k = *map_type.key;
  KeyClass c = key_class_of(k);
  if (c == KeyClass::Interface || c == KeyClass::Storage) {
    hash_value(gr, k, key, 1);  // an unhashable key panics even on a nil map
    if (gr.fault != Fault::None) return false;
  }
  value = zero_value(gr, *map_type.elem);
  return false;
}

bool map_set(Goroutine& gr, Word mw, Word key, Word value) {
  MapObject* m = ptr<MapObject>(mw);
  if (!m) {
    raise(gr, "assignment to entry in nil map");
    return false;
  }
  if (!lock_write(gr, *m)) return false;
  bool ok = false;
  if (m->key_in_storage) key = storage_word(gr, *m->key, key);
  if (key || !m->key_in_storage) ok = set_locked(gr, *m, key, value);
  unlock_write(*m);
  return ok;
}

void map_delete(Goroutine& gr, Word mw, Word key) {
  MapObject* m = ptr<MapObject>(mw);
  if (!m) return;
  if (!lock_write(gr, *m)) return;
  if (m->key_in_storage) key = storage_word(gr, *m->key, key);
  if (key || !m->key_in_storage) {
    const std::uint64_t h = hash_key(gr, *m, key);
    if (gr.fault == Fault::None) {
      if (Entry* e = find(gr, *m, key, h)) remove_entry(*m, e);
    }
  }
  unlock_write(*m);
}

void map_clear(Word mw) {
  MapObject* m = ptr<MapObject>(mw);
  if (!m) return;
  if (std::uint32_t busy = try_lock_write(*m)) {
    // No Goroutine in this helper's signature: report through the one running on this thread.
    rt::G* g = rt::current_g();
    if (g && g->body_data) fatal(*static_cast<Goroutine*>(g->body_data), write_conflict(busy));
    return;
  }
  // Flag every entry (iterators holding older arrays must skip them too), then drop them all.
  for (std::int64_t i = 0; i < m->used; ++i) {
    if (Entry* e = ptr<Entry>(m->entries[i])) {
      e->deleted = 1;
      m->entries[i] = 0;
    }
  }
  if (m->index) std::memset(m->index, 0, (m->index_mask + 1) * sizeof(std::uint64_t));
  m->used = 0;
  set_count(*m, 0);
  unlock_write(*m);
}

std::int64_t map_len(Word mw) {
  const MapObject* m = ptr<const MapObject>(mw);
  return m ? __atomic_load_n(&m->count, __ATOMIC_RELAXED) : 0;
}

Word map_iter(Goroutine& gr, Word mw) {
  MapObject* m = ptr<MapObject>(mw);
  // Nothing to visit (entries added to an empty map during the range may be skipped).
  if (map_len(mw) == 0) return 0;
  auto* it = static_cast<MapIterator*>(gr.machine->allocate(gr, kIteratorLayout));
  if (!it) return 0;
  if (!lock_read(gr, *m, "concurrent map iteration and map write")) return 0;
  it->map = m;
  it->entries = m->entries;
  it->used = m->used;
  it->start = it->used > 1 ? std::int64_t(gr.machine->runtime().rand32() % std::uint64_t(it->used)) : 0;
  it->visited = 0;
  unlock_read(*m);
  return word(it);
}

bool map_next(Goroutine& gr, Word itw, Word& key, Word& value) {
  MapIterator* it = ptr<MapIterator>(itw);
  if (!it || it->visited >= it->used) return false;
  MapObject& m = *it->map;
  if (!lock_read(gr, m, "concurrent map iteration and map write")) return false;
  Entry* e = nullptr;
  while (!e && it->visited < it->used) {
    std::int64_t pos = it->start + it->visited++;
    if (pos >= it->used) pos -= it->used;
    Entry* candidate = ptr<Entry>(it->entries[pos]);
    if (candidate && !candidate->deleted) e = candidate;
  }
  bool ok = e && produce(gr, m, e, key, value);
  unlock_read(m);
  return ok;
}

}  // namespace ops
}  // namespace gopark::vm
