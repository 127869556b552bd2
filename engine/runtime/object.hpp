// Object: what every channel, lock and timer of the runtime is, so that snapshots can find them.
//
// Each Object gets an id at construction (used in trace events and wait_object): numbered per run
// (1, 2, 3... in the order the run's goroutines make them, so a simulated run's ids are the same
// every time), or from kOutsideIds up when made outside any run (C++ code before start). It
// joins its runtime's registry when it is first used by a goroutine (or explicitly with attach()): Go's
// sync.Mutex and friends are usable as zero values, and C++ code may construct a channel before the run
// starts, so there is no runtime to hand to the constructor.
//
// Invariants:
//  - owner_ is null or the runtime whose registry lists this object; it changes only under that
//    registry's mutex (attach, detach, and the runtime's destructor, which detaches everything).
//  - A final class calls detach() at the start of its destructor, before its own members die, so a
//    snapshot never describes a half-destroyed object.
#pragma once

#include <atomic>
#include <cstdint>

#include "runtime/annotations.hpp"

namespace gopark::trace {
struct Snapshot;
}

namespace gopark::rt {

class Runtime;

enum class ObjectKind : uint8_t { Channel, Mutex, RWMutex, WaitGroup, Once, Cond, Timer };

class Object {
 public:
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  uint64_t object_id() const { return id_; }
  ObjectKind kind() const { return kind_; }
  // A name for UIs: the variable or the `make` site. Must outlive the object.
  void set_name(const char* name) { name_.store(name, std::memory_order_relaxed); }
  const char* name() const { return name_.load(std::memory_order_relaxed); }

  // Joins r's registry if not in one yet. Idempotent; safe to race. (Inline: on every operation.)
  void attach(Runtime& r) {
    if (!owner_.load(std::memory_order_acquire)) attach_slow(r);
  }
  Runtime* owner() const { return owner_.load(std::memory_order_acquire); }

  // Adds this object's state to a snapshot. Called with the registry mutex held.
  virtual void describe(trace::Snapshot& out) const = 0;

 protected:
  explicit Object(ObjectKind kind);
  ~Object();
  void detach();

 private:
  void attach_slow(Runtime& r);
  friend class Runtime;
  uint64_t id_;
  ObjectKind kind_;
  std::atomic<const char*> name_{nullptr};
  std::atomic<Runtime*> owner_{nullptr};
  Object* prev_ = nullptr;  // registry list, guarded by the registry's mutex
  Object* next_ = nullptr;
};

// Allocates a fresh object id (also used for runtime-internal objects without an Object): the
// calling thread's run's next one, or the next of the ids shared by everything outside a run.
uint64_t new_object_id();
inline constexpr uint64_t kOutsideIds = uint64_t(1) << 40;

}  // namespace gopark::rt
