#pragma once
// Go maps in the VM: the heap objects behind a map Word and a range iterator, and the hashing that
// keys use. The operations themselves (make_map, map_get ...) are ops:: functions (interp.hpp),
// implemented in interp_map.cpp. Internal to engine/vm and its tests.
//
// ---- Layout ----
// A map Word points at a MapObject. Its entries are separate heap objects, one per key:
//
//   MapObject ──entries──▶ [Entry*, Entry*, 0, Entry*, ...]   words, insertion order; 0: deleted
//       │                     │
//       └──index──▶ [slot]   ▼
//                   [slot]  Entry {hash, position, deleted, key slot, value slot}
//
//   - An Entry holds the key and the value in place: word-sized types as their register Word,
//     structs and arrays as their storage (natural layout, 8-aligned). Its GcLayout is the two
//     slots' pointer offsets shifted behind the 16-byte header (see "Layouts" below).
//   - The entries array is a scan object of words holding Entry pointers in insertion order, used
//     up to `used`. Deleting an entry zeroes its slot; appending takes slot `used`. When the array
//     is full it is replaced by a fresh, compacted one (twice as large when over half is live).
//   - The index is open addressing with linear probing over a noscan object of 8-byte slots, two
//     per entries-array slot (so at most half full). A slot holds the entry's address in its low
//     bits and the top bits of its hash above them (a tag: most mismatches are rejected without
//     touching the entry). Zero is empty. Deletion shifts later slots of the probe run back
//     (no tombstones), so a lookup stops at the first empty slot.
//   The index is a noscan object although it holds entry addresses: every entry it points at is
//   also in the current entries array, which keeps it alive. Being a heap object, it counts against
//   the memory limit and needs no finalizer.
//   A collection may happen inside any allocation (Machine::allocate's contract), and C++ locals
//   are not roots: so an operation links each object it allocates into the map before the next
//   allocation (growth installs the new array before allocating the index), and a range step
//   that copies a struct key and value copies both into one entry-shaped object.
//
// ---- Values handed out ----
// Keys and values of struct or array type leave the map as fresh copies (lookups, ranges), so
// `v := m[k]; v.x = 1` cannot change the map, and the absent value is a fresh zero. A nil map
// has no type to make that zero from: map_get gives 0 there; map_get_typed (map.hpp) takes the
// map's type and gives fresh zero storage.
//
// ---- Iteration ----
// An iterator (MapIterator) keeps the entries array that was current when the range started and
// the number of slots used then. It visits those slots once each, starting at a random one and
// wrapping around, and skips null slots and entries flagged deleted. That gives Go's rules:
// an entry deleted before it is reached is not produced (its flag is set, whichever array it is
// in); an entry added during the range may be produced (appended to the same array) or not
// (appended past the snapshot, or to a newer array); no entry is produced twice (an entry sits in
// one slot of a given array; arrays are never reused). Values updated during the range are seen,
// because entries are shared between arrays, never copied.
//
// ---- Concurrency ----
// Go maps are not safe for concurrent use, but a racy program must neither corrupt the VM nor go
// unreported. Each map has a state word: a writer bit and a count of readers. A reader adds one
// (acquire); if the writer bit was set it backs out and reports Go's fatal error "concurrent map
// read and map write". A writer sets the writer bit only from zero (CAS); finding another writer it
// reports "concurrent map writes", finding readers "concurrent map read and map write". Nobody
// ever waits, so a goroutine holding a map (even across an allocation that waits for a collection)
// can never deadlock the stop-the-world collector against a spinner. Every field of the map and its
// entries is read and written only inside these critical sections (the acquire/release pairs make
// them TSan-clean), except `count`, which len() reads without the state word, as Go does.
// A map is published with a release store of its state word, so even fields that never change
// (types, seed) are read after the lock is taken. map_clear has no Goroutine parameter: it reports
// a conflict through the goroutine running on its thread (rt::current_g) and otherwise skips.
//
// ---- Hashing ----
// A per-map random seed. Integers, bools, pointers and channels: their Word through a
// multiply-fold mixer; floats the same after folding -0 into +0, and a NaN gets a random hash (it
// never equals itself, so every insert of NaN adds an entry and no lookup finds one, as in Go).
// Strings: a multiply-fold hash of the bytes, 16 at a time. Interfaces: the dynamic TypeInfo's
// address (one TypeInfo per type) and the payload; an uncomparable dynamic type panics with Go's
// "hash of unhashable type". Structs and arrays: their fields and elements, chained.
//
// ---- Layouts ----
// An entry's GcLayout depends only on its size and pointer offsets, so layouts are interned by that
// shape in a process-wide registry (a mutex, plus a small per-thread cache in front of it) and
// never freed: they outlive every heap, several Machines running different Images share them
// safely, and their number is bounded by the distinct shapes ever used. Maps whose key and value
// are both word-sized (the common case) use one of four static layouts and skip the registry.
//
// ---- Rejected ----
//  - Go's bucket arrays with in-place entries: iterating while the map grows needs Go's incremental
//    evacuation bookkeeping; separate entries make "keep the old array" enough.
//  - A spinlock that readers also take: parallel readers (legal Go) would spin on each other, and a
//    spinner never reaches a safe point, so a holder waiting in allocate for a collection would
//    deadlock it. Readers count themselves instead.
//  - Optimistic (seqlock) reads: every field would need atomic access and publication ordering
//    on weak memory, for a gain only for maps read in parallel.
//  - A malloc'd index freed by a finalizer: invisible to the memory limit, and every map would be
//    a custom object with a sweep-time callback.
//  - An index of entry positions rather than addresses: one more dependent load per probe.
//
// Invariants (outside a writer's critical section, and at every allocation inside one)
//  - entries[0, used) holds the live entries (non-null, deleted == 0), each with `position` its
//    slot, and nulls; count is the number of live entries; used <= capacity.
//  - Every live entry is in the index exactly once, reachable from its home slot (hash & mask)
//    without crossing an empty slot; the index holds nothing else.
//  - index is null iff capacity is 0; otherwise it has index_mask + 1 >= 2 * capacity slots.
//  - An entry is never moved to another map and never undeleted; a deleted entry is in no index.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vm/heap.hpp"
#include "vm/machine.hpp"

namespace gopark::vm {

// How a map compares and hashes its keys: one dispatch per operation, then a specialised loop.
enum class KeyClass : std::uint8_t {
  Word,       // bool, integers, pointers, channels, handles: equal iff the Words are
  Float,      // float32/float64 (register form: double bits)
  String,     // String*: equal bytes
  Interface,  // Box*: dynamic type and payload (may panic: unhashable)
  Storage,    // structs and arrays: field by field (may panic through interface fields)
};

struct Entry {
  std::uint64_t hash;
  std::uint32_t position;  // slot in the map's current entries array
  std::uint32_t deleted;   // 1 once deleted (or cleared): iterators skip it
  // key slot at kEntryKeyOffset, value slot at MapObject::value_offset

  static constexpr std::uint32_t kKeyOffset = 16;
  std::uint8_t* key_slot() { return reinterpret_cast<std::uint8_t*>(this) + kKeyOffset; }
  const std::uint8_t* key_slot() const { return reinterpret_cast<const std::uint8_t*>(this) + kKeyOffset; }
};
static_assert(sizeof(Entry) == Entry::kKeyOffset);

struct MapObject {
  // ---- heap pointers (the only pointer words of kMapLayout; each in a word of its own, since
  // on wasm32 a pointer is the low half of its word and the collector ignores a word whose high
  // half is not zero (heap.hpp): alignas(8) places a pointer, and the static_asserts below check
  // that no 4-byte field is packed into the half after it) ----
  alignas(8) Word* entries;     // scan object of `capacity` words, each an Entry* or 0
  alignas(8) std::uint64_t* index;  // noscan object of index_mask + 1 slots
  // ---- set by make_map, never changed ----
  std::uint64_t seed;           // hash seed; odd
  // alignas(8): the same size on every target, so that the heap grows alike (Heap::go_address).
  alignas(8) const TypeInfo* type;  // the map type
  alignas(8) const TypeInfo* key;
  alignas(8) const TypeInfo* value;
  alignas(8) const GcLayout* entry_layout;
  std::uint32_t value_offset;   // of the value slot in an entry
  KeyClass key_class;
  bool key_in_storage;          // key is a struct/array (its slot is storage, not a Word)
  bool value_in_storage;
  std::uint8_t pad;
  // ---- guarded by the state word (count also read racily by len) ----
  std::uint32_t state;          // kMapWriter | number of readers
  std::uint32_t pad2;
  std::int64_t count;           // live entries
  std::int64_t used;            // entries slots used (live + deleted since the last compaction)
  std::int64_t capacity;        // entries slots allocated (0: nothing allocated yet)
  std::uint64_t index_mask;     // index slots - 1
  std::int64_t hint;            // make's size hint, for the first allocation
};

// A range over a map. Owned by one goroutine (it lives in a register, never in user memory).
struct MapIterator {
  alignas(8) MapObject* map;
  alignas(8) Word* entries;     // the entries array current at the start
  std::int64_t used;            // its used slots at the start
  std::int64_t start;           // first slot visited
  std::int64_t visited;         // slots visited so far
};

static_assert(offsetof(MapObject, index) == 8 && offsetof(MapObject, seed) == 16);
static_assert(sizeof(MapObject) == 112, "a map's header is the same size on every target");
static_assert(offsetof(MapIterator, entries) == 8 && offsetof(MapIterator, used) == 16);

inline constexpr std::uint32_t kMapWriter = 1u << 31;

// A value's hash, seeded: `v` in register form of `t`. Equal values (Go's ==) hash alike. May raise
// a panic (unhashable dynamic type inside an interface): check gr.fault.
std::uint64_t hash_value(Goroutine& gr, const TypeInfo& t, Word v, std::uint64_t seed);
// The same for a value in memory (natural layout of t).
std::uint64_t hash_storage(Goroutine& gr, const TypeInfo& t, const void* at, std::uint64_t seed);
// The hash of `n` bytes (strings).
std::uint64_t hash_bytes(const std::uint8_t* p, std::size_t n, std::uint64_t seed);
// How maps with this key type compare keys.
KeyClass key_class_of(const TypeInfo& key);
// The interned GcLayout of an entry with these key and value types (see Layouts above).
const GcLayout& entry_layout(const TypeInfo& key, const TypeInfo& value);
// Checks the invariants above (tests; not under concurrent use). Empty if they hold, else what broke.
std::string check_map(Word m);

namespace ops {
// map_get with the map's type known, so that a nil map still yields a zero value of a struct type
// (fresh storage) and hashes the key (unhashable keys panic even on a nil map, as in Go). map_get
// without the type gives 0 for a struct/array value read from a nil map.
bool map_get_typed(Goroutine& gr, const TypeInfo& map_type, Word m, Word key, Word& value);
}  // namespace ops

}  // namespace gopark::vm
