// NativeContext: what natives may do to the goroutine that called them, including calling back
// into Go (fmt calling a String method) through a nested run of the interpreter.
#include "vm/native.hpp"

#include <cstring>

#ifdef __EMSCRIPTEN__
#include <emscripten/stack.h>
#else
#include <pthread.h>
#endif

namespace gopark::vm {

bool NativeContext::panic(std::string message) {
  ops::raise(gr_, std::move(message));
  outcome_ = gr_.fault == Fault::Fatal ? Outcome::Ended : Outcome::Panicked;
  gr_.fault = Fault::None;
  return false;
}

bool NativeContext::panic_value(Word iface) {
  ops::start_panic(gr_, iface ? iface : ops::nil_panic_value(gr_));
  outcome_ = gr_.fault == Fault::Fatal ? Outcome::Ended : Outcome::Panicked;
  gr_.fault = Fault::None;
  return false;
}

bool NativeContext::fatal(std::string message) {
  ops::fatal(gr_, std::move(message));
  gr_.fault = Fault::None;
  outcome_ = Outcome::Ended;
  return false;
}

bool NativeContext::exit(int code) {
  gr_.g->exit_code = code;
  gr_.g->handoff = rt::Handoff::OsExit;
  outcome_ = Outcome::Ended;
  return false;
}

bool NativeContext::goexit() {
  PanicRecord p;
  p.goexit = true;
  gr_.panics.push_back(std::move(p));
  outcome_ = Outcome::Goexit;
  return false;
}

bool NativeContext::take_fault() {
  if (gr_.fault == Fault::None) return false;
  outcome_ = gr_.fault == Fault::Fatal ? Outcome::Ended : Outcome::Panicked;
  gr_.fault = Fault::None;
  return true;
}

Word NativeContext::new_string(std::string_view bytes) {
  Word s = ops::new_string(gr_, bytes);
  if (gr_.fault == Fault::Fatal) {
    gr_.fault = Fault::None;
    outcome_ = Outcome::Ended;
  }
  return s;
}

namespace {

// Nested runs of the interpreter (a native calling Go calling a native calling Go...) recurse on
// the thread's C stack, which is far smaller than a goroutine's and, in wasm, has no guard page: a
// String method that formats its own receiver recursed until the process died. So each nesting
// checks the C stack left and, short of a reserve that one more level (the interpreter's frame and
// a native's, sanitizers included) never needs, ends the run as Go ends a runaway recursion. In
// wasm the engine's own call stack is smaller still and not measurable, hence a depth cap too.
constexpr std::size_t kCStackReserve = std::size_t(256) << 10;
#ifdef __EMSCRIPTEN__
constexpr int kMaxNesting = 200;
constexpr int kMaxNativeDepth = 1000;  // a native's own recursion (fmt's nested values)
bool c_stack_low(const Goroutine& gr, int depth = 0) {
  return gr.nested >= kMaxNesting || depth >= kMaxNativeDepth || emscripten_stack_get_free() < kCStackReserve;
}
#else
bool c_stack_low(const Goroutine&, int = 0) {
  thread_local const char* low = [] {
    pthread_attr_t attr;
    void* addr = nullptr;
    std::size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    return static_cast<const char*>(addr);
  }();
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  return low && std::size_t(here - low) < kCStackReserve;
}
#endif

}  // namespace

bool NativeContext::stack_exhausted(int depth) {
  if (!c_stack_low(gr_, depth)) return false;
  ops::stack_overflow(gr_);
  outcome_ = Outcome::Ended;
  gr_.fault = Fault::None;
  return true;
}

namespace {

// Runs fn in a Callback frame above the current top frame. Arguments are copied in first.
bool run_callback(Goroutine& gr, const Function& fn, const Closure* closure,
                  const Word* args, std::uint32_t nargs, Word* results, std::uint32_t nresults) {
  if (fn.native >= 0) {
    // A native called through a function value: call it directly.
    std::vector<Word> window(std::max(nargs, nresults) + 1);
    if (nargs) std::memcpy(window.data(), args, nargs * sizeof(Word));
    NativeContext inner(gr);
    inner.set_args(window.data());
    bool ok = gr.machine->image().natives[std::size_t(fn.native)].fn(inner, window.data());
    if (ok && nresults) std::memcpy(results, window.data(), nresults * sizeof(Word));
    return ok;
  }
  if (c_stack_low(gr)) {
    ops::stack_overflow(gr);
    return false;
  }
  const Frame& top = gr.frames.back();
  std::uint32_t base = top.base + top.fn->nregs;
  if (!ops::ensure_stack(gr, std::size_t(base) + nargs + 1)) return false;
  if (nargs) std::memcpy(gr.stack.data() + base, args, nargs * sizeof(Word));
  std::size_t depth = gr.frames.size();
  std::size_t panics = gr.panics.size();
  if (!ops::push_frame(gr, fn, base, closure, FrameKind::Callback)) return false;
  ++gr.nested;
  Leave leave = Interpreter::run(gr, depth);
  --gr.nested;
  switch (leave) {
    case Leave::Callback:
      if (gr.panics.size() > panics) return false;  // it panicked: the panic stays pending
      if (nresults) std::memcpy(results, gr.stack.data() + base, nresults * sizeof(Word));
      return true;
    case Leave::Park:
      // Blocking inside a callback cannot be undone from here: end the program clearly.
      if (gr.g->park_commit) gr.g->park_commit(*gr.g, gr.g->park_arg);
      gr.g->park_commit = nullptr;
      ops::fatal(gr, "gopark: a goroutine blocked inside a method called by the library (e.g. String or Error called by fmt)");
      gr.fault = Fault::None;
      return false;
    default:
      return false;
  }
}

}  // namespace

bool NativeContext::call(Word closure, const Word* args, std::uint32_t nargs, Word* results,
                         std::uint32_t nresults) {
  const Closure* c = ptr<const Closure>(closure);
  if (!c) return panic("runtime error: invalid memory address or nil pointer dereference");
  std::vector<Word> copy(args, args + nargs);  // args may point into the stack, which may move
  bool ok = run_callback(gr_, *c->fn, c, copy.data(), nargs, results, nresults);
  if (!ok) {
    if (gr_.g->handoff == rt::Handoff::Fatal || gr_.g->handoff == rt::Handoff::OsExit) outcome_ = Outcome::Ended;
    else if (!gr_.panics.empty() && gr_.panics.back().goexit) outcome_ = Outcome::Goexit;
    else outcome_ = Outcome::Panicked;
  }
  return ok;
}

bool NativeContext::call_method(Word iface, std::uint32_t name_id, Word* results, std::uint32_t nresults) {
  const Box* b = ptr<const Box>(iface);
  if (!b) return panic("runtime error: invalid memory address or nil pointer dereference");
  auto it = b->type->methods.find(name_id);
  if (it == b->type->methods.end()) rt::internal_error("vm: call_method of a missing method");
  Word recv = ops::unbox(gr_, *b->type, iface);
  if (gr_.fault == Fault::Fatal) {
    gr_.fault = Fault::None;
    outcome_ = Outcome::Ended;
    return false;
  }
  bool ok = run_callback(gr_, *it->second, nullptr, &recv, 1, results, nresults);
  if (!ok) {
    if (gr_.g->handoff == rt::Handoff::Fatal || gr_.g->handoff == rt::Handoff::OsExit) outcome_ = Outcome::Ended;
    else outcome_ = Outcome::Panicked;
  }
  return ok;
}

Word NativeContext::take_panic() {
  if (gr_.panics.empty()) return 0;
  Word v = gr_.panics.back().value;
  ops::pop_panic(gr_);
  outcome_ = Outcome::Done;
  return v;
}

}  // namespace gopark::vm
