// sync's natives (engine/lib/go/sync.go) over the engine's goroutine-aware primitives
// (runtime/sync.hpp): each Go type's `handle` field holds its rt object (handle.hpp).
//
// Blocking: an operation that returns LockStatus::Parked has queued the goroutine; the native
// returns ctx.park() and the goroutine continues after the call once the operation completed
// (holding the lock, or with the wait over). Misuse is reported as Go does: unlocking an
// unlocked (Rw)Mutex is a fatal error, a negative WaitGroup counter a panic.
#include "lib/natives/handle.hpp"
#include "lib/natives/native_support.hpp"
#include "runtime/sync.hpp"

namespace gopark::lib {
namespace {

// Offsets of the handle fields (sync.go): Mutex, RWMutex, WaitGroup, Once: {handle};
// Cond: {L Locker (an interface word); handle}.
constexpr std::size_t kHandleOffset = 0;
constexpr std::size_t kCondHandleOffset = 8;

void* field(vm::Word receiver, std::size_t offset) { return vm::ptr<std::uint8_t>(receiver) + offset; }

bool nil_receiver(vm::NativeContext& ctx) {
  return ctx.panic("runtime error: invalid memory address or nil pointer dereference");
}

// Names a sync object created by this call after the receiver as the program wrote it ("pen",
// "c.mu"), which the compiler recorded for the CallNative instruction that called us.
void name_after_call_site(vm::NativeContext& ctx, rt::Object& object) {
  const vm::Goroutine& gr = ctx.goroutine();
  if (gr.frames.empty()) return;
  const vm::Frame& f = gr.frames.back();
  auto pc = std::uint32_t(f.pc - f.fn->code.data());  // saved past the CallNative
  if (pc == 0) return;
  if (const char* name = f.fn->receiver_name_at(pc - 1)) object.set_name(name);
}

template <class T> T* receiver_handle(vm::NativeContext& ctx, vm::Word* args, std::size_t offset = kHandleOffset) {
  if (!args[0]) {
    nil_receiver(ctx);
    return nullptr;
  }
  void* f = field(args[0], offset);
  if (T* existing = existing_handle<T>(f)) return existing;
  T* t = handle<T>(ctx, f);
  if (t) name_after_call_site(ctx, *t);
  return t;
}

bool park_if(vm::NativeContext& ctx, rt::LockStatus status) {
  return status == rt::LockStatus::Parked ? ctx.park() : true;
}

// ---- Mutex ----

bool mutex_lock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::Mutex>(ctx, args);
  if (!m) return false;
  return park_if(ctx, m->lock(ctx.g(), ctx.goroutine().waiter));
}

bool mutex_try_lock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::Mutex>(ctx, args);
  if (!m) return false;
  args[0] = from_bool(m->try_lock(&ctx.g()));
  return true;
}

bool mutex_unlock(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto* m = existing_handle<rt::Mutex>(field(args[0], kHandleOffset));
  if (!m || !m->unlock(&ctx.g())) return ctx.fatal("sync: unlock of unlocked mutex");
  return true;
}

// ---- RWMutex ----

bool rw_lock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::RWMutex>(ctx, args);
  if (!m) return false;
  return park_if(ctx, m->lock(ctx.g(), ctx.goroutine().waiter));
}

bool rw_try_lock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::RWMutex>(ctx, args);
  if (!m) return false;
  args[0] = from_bool(m->try_lock(&ctx.g()));
  return true;
}

bool rw_unlock(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto* m = existing_handle<rt::RWMutex>(field(args[0], kHandleOffset));
  if (!m || !m->unlock(&ctx.g())) return ctx.fatal("sync: Unlock of unlocked RWMutex");
  return true;
}

bool rw_rlock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::RWMutex>(ctx, args);
  if (!m) return false;
  return park_if(ctx, m->rlock(ctx.g(), ctx.goroutine().waiter));
}

bool rw_try_rlock(vm::NativeContext& ctx, vm::Word* args) {
  auto* m = receiver_handle<rt::RWMutex>(ctx, args);
  if (!m) return false;
  args[0] = from_bool(m->try_rlock(&ctx.g()));
  return true;
}

bool rw_runlock(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  auto* m = existing_handle<rt::RWMutex>(field(args[0], kHandleOffset));
  if (!m || !m->runlock(&ctx.g())) return ctx.fatal("sync: RUnlock of unlocked RWMutex");
  return true;
}

// ---- WaitGroup ----

bool wg_add(vm::NativeContext& ctx, vm::Word* args) {
  auto* wg = receiver_handle<rt::WaitGroup>(ctx, args);
  if (!wg) return false;
  if (!wg->add(&ctx.g(), std::int64_t(args[1]))) return panic_string(ctx, "sync: negative WaitGroup counter");
  return true;
}

bool wg_wait(vm::NativeContext& ctx, vm::Word* args) {
  if (!args[0]) return nil_receiver(ctx);
  // A WaitGroup never added to has nothing to wait for.
  auto* wg = existing_handle<rt::WaitGroup>(field(args[0], kHandleOffset));
  if (!wg) return true;
  return park_if(ctx, wg->wait(ctx.g(), ctx.goroutine().waiter));
}

// ---- Once ----

// func (o *Once) begin() bool. The result is written before parking: a goroutine that waited
// for another's run of the function resumes past the call and must not run it again.
bool once_begin(vm::NativeContext& ctx, vm::Word* args) {
  auto* once = receiver_handle<rt::Once>(ctx, args);
  if (!once) return false;
  // begin() has the done() fast path itself, with the race detector's edge from the first Do.
  switch (once->begin(ctx.g(), ctx.goroutine().waiter)) {
    case rt::Once::Begin::AlreadyDone:
      args[0] = from_bool(false);
      return true;
    case rt::Once::Begin::RunIt:
      args[0] = from_bool(true);
      return true;
    case rt::Once::Begin::Parked:
      args[0] = from_bool(false);
      return ctx.park();
  }
  return true;
}

bool once_finish(vm::NativeContext& ctx, vm::Word* args) {
  auto* once = receiver_handle<rt::Once>(ctx, args);
  if (!once) return false;
  once->finish(&ctx.g());
  return true;
}

// ---- Cond ----

bool cond_ticket(vm::NativeContext& ctx, vm::Word* args) {
  auto* c = receiver_handle<rt::Cond>(ctx, args, kCondHandleOffset);
  if (!c) return false;
  args[0] = c->ticket();
  return true;
}

bool cond_wait(vm::NativeContext& ctx, vm::Word* args) {
  auto* c = receiver_handle<rt::Cond>(ctx, args, kCondHandleOffset);
  if (!c) return false;
  return park_if(ctx, c->wait(ctx.g(), ctx.goroutine().waiter, args[1]));
}

bool cond_signal(vm::NativeContext& ctx, vm::Word* args) {
  auto* c = receiver_handle<rt::Cond>(ctx, args, kCondHandleOffset);
  if (!c) return false;
  c->signal(&ctx.g());
  return true;
}

bool cond_broadcast(vm::NativeContext& ctx, vm::Word* args) {
  auto* c = receiver_handle<rt::Cond>(ctx, args, kCondHandleOffset);
  if (!c) return false;
  c->broadcast(&ctx.g());
  return true;
}

constexpr NativeEntry kNatives[] = {
    {"sync.(*Mutex).Lock", mutex_lock},
    {"sync.(*Mutex).TryLock", mutex_try_lock},
    {"sync.(*Mutex).Unlock", mutex_unlock},
    {"sync.(*RWMutex).Lock", rw_lock},
    {"sync.(*RWMutex).TryLock", rw_try_lock},
    {"sync.(*RWMutex).Unlock", rw_unlock},
    {"sync.(*RWMutex).RLock", rw_rlock},
    {"sync.(*RWMutex).TryRLock", rw_try_rlock},
    {"sync.(*RWMutex).RUnlock", rw_runlock},
    {"sync.(*WaitGroup).Add", wg_add},
    {"sync.(*WaitGroup).Wait", wg_wait},
    {"sync.(*Once).begin", once_begin},
    {"sync.(*Once).finish", once_finish},
    {"sync.(*Cond).ticket", cond_ticket},
    {"sync.(*Cond).wait", cond_wait},
    {"sync.(*Cond).Signal", cond_signal},
    {"sync.(*Cond).Broadcast", cond_broadcast},
};

}  // namespace

std::span<const NativeEntry> sync_natives() { return kNatives; }

}  // namespace gopark::lib
