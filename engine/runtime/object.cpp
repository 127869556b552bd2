#include "runtime/object.hpp"

#include "runtime/runtime.hpp"

namespace gopark::rt {

uint64_t new_object_id() {
  if (Runtime* r = current_runtime()) return r->new_object_id();
  static std::atomic<uint64_t> next{kOutsideIds};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Object::Object(ObjectKind kind) : id_(new_object_id()), kind_(kind) {}

Object::~Object() {
  if (owner_.load(std::memory_order_acquire)) internal_error("object destroyed without detach()");
}

void Object::attach_slow(Runtime& r) { r.register_object(*this); }

void Object::detach() {
  if (Runtime* r = owner_.load(std::memory_order_acquire)) r->unregister_object(*this);
}

void Runtime::register_object(Object& o) {
  std::lock_guard lock(registry_mutex_);
  if (o.owner_.load(std::memory_order_relaxed)) return;
  o.prev_ = nullptr;
  o.next_ = objects_;
  if (objects_) objects_->prev_ = &o;
  objects_ = &o;
  o.owner_.store(this, std::memory_order_release);
}

void Runtime::unregister_object(Object& o) {
  std::lock_guard lock(registry_mutex_);
  if (o.owner_.load(std::memory_order_relaxed) != this) return;
  if (o.prev_) o.prev_->next_ = o.next_; else objects_ = o.next_;
  if (o.next_) o.next_->prev_ = o.prev_;
  o.prev_ = o.next_ = nullptr;
  o.owner_.store(nullptr, std::memory_order_release);
}

}  // namespace gopark::rt
