// Frames, closures, goroutine creation, deferred calls, panics and recover.
//
// Panics follow Go's model (runtime/panic.go): a panic runs the deferred calls of each frame,
// innermost first, on top of the panicking stack; a deferred call that calls recover() directly
// stops the panic, and the frame that deferred it returns normally (through its epilogue, which
// runs its remaining deferred calls and returns its result variables). A panic that runs out of
// frames ends the program with Go's report. runtime.Goexit is a panic that cannot be recovered
// and ends only its goroutine.
#include <cinttypes>
#include <cstdio>
#include <cstring>


#include "vm/interp.hpp"
#include "vm/native.hpp"

namespace gopark::vm::ops {
namespace {

// A goroutine's stack size as Go counts it: what its stack holds, at capacity.
std::size_t stack_bytes(std::size_t words, std::size_t frames) { return words * sizeof(Word) + frames * sizeof(Frame); }

// Room for `more` elements in one of gr's vectors (deferred calls), charged; false: out of memory.
template <class T>
bool room_for(Goroutine& gr, std::vector<T>& v, std::size_t more) {
  std::size_t need = v.size() + more;
  if (need <= v.capacity()) return true;
  std::size_t cap = std::max({need, v.capacity() * 2, std::size_t(8)});
  if (!gr.machine->charge(gr, (cap - v.capacity()) * sizeof(T))) return false;
  v.reserve(cap);
  return true;
}

bool grow_frames(Goroutine& gr) {
  std::size_t cap = std::max<std::size_t>(gr.frames.capacity() * 2, 8);
  if (stack_bytes(gr.stack.size(), cap) > gr.machine->config().max_stack) {
    stack_overflow(gr);
    return false;
  }
  if (!gr.machine->charge(gr, (cap - gr.frames.capacity()) * sizeof(Frame))) return false;
  gr.frames.reserve(cap);
  return true;
}

}  // namespace

void stack_overflow(Goroutine& gr) {
  if (gr.g) {
    gr.g->end_prefix = "runtime: goroutine stack exceeds " + std::to_string(gr.machine->config().max_stack) +
                       "-byte limit\n";
  }
  fatal(gr, "stack overflow");
}

// The stack's size is always its capacity (new_goroutine and this reserve exactly), so what is
// charged is what is held.
bool ensure_stack(Goroutine& gr, std::size_t words) {
  std::size_t have = gr.stack.size();
  if (words <= have) return true;
  std::size_t grown = std::max(words + 64, have * 2);
  if (stack_bytes(grown, gr.frames.capacity()) > gr.machine->config().max_stack) {
    stack_overflow(gr);
    return false;
  }
  if (!gr.machine->charge(gr, (grown - have) * sizeof(Word))) return false;
  gr.stack.reserve(grown);
  gr.stack.resize(grown);
  return true;
}

bool push_frame(Goroutine& gr, const Function& fn, std::uint32_t base, const Closure* closure,
                FrameKind kind) {
  if (fn.native >= 0) rt::internal_error("vm: a frame for a native function");
  if (!ensure_stack(gr, std::size_t(base) + fn.nregs)) return false;
  if (gr.frames.size() == gr.frames.capacity() && !grow_frames(gr)) return false;
  enter_frame(gr, fn, base, closure, kind);
  return true;
}

Closure* new_closure(Goroutine& gr, const Function& fn) {
  Machine& m = *gr.machine;
  auto* c = static_cast<Closure*>(m.allocate(gr, m.closure_layout(fn.nfree)));
  if (!c) return nullptr;
  c->fn = &fn;
  c->nfree = fn.nfree;
  return c;
}

void start_goroutine(Goroutine& gr, Word closure, const Word* args, std::uint32_t nargs, std::int32_t line) {
  Machine& m = *gr.machine;
  const Closure* c = ptr<const Closure>(closure);
  Goroutine* ng = m.new_goroutine(std::max<std::size_t>(c->fn->nregs, nargs) + 64);
  if (!ng) {
    m.out_of_memory(gr, sizeof(Goroutine));
    return;
  }
  if (nargs) std::memcpy(ng->stack.data(), args, nargs * sizeof(Word));
  ng->created_by = gr.frames.back().fn;
  ng->created_line = std::uint32_t(line);
  if (Races* races = m.races()) ng->race_created = races->site(gr, gr.frames.back().pc - 1);  // the go statement
  push_frame(*ng, *c->fn, 0, c, FrameKind::Normal);
  rt::G* g = m.runtime().spawn(m, ng, c->fn->name.c_str(), gr.g, line);
  if (!g) {
    // The run is ending (or threads mode ran out of threads, which ends it): leave the CPU.
    m.free_goroutine(ng);
    gr.g->handoff = rt::Handoff::Preempt;
    gr.fault = Fault::Fatal;
  }
}

void push_defer(Goroutine& gr, Word closure, const Word* args, std::uint32_t nargs) {
  if (!room_for(gr, gr.defer_args, nargs) || !room_for(gr, gr.defers, 1)) return;
  DeferRecord d;
  d.closure = closure;
  d.args = std::uint32_t(gr.defer_args.size());
  d.nargs = nargs;
  gr.defer_args.insert(gr.defer_args.end(), args, args + nargs);
  gr.defers.push_back(d);
}

void raise(Goroutine& gr, std::string message) {
  Word msg = new_string(gr, message);
  if (gr.fault == Fault::Fatal) return;
  const Image& image = gr.machine->image();
  const TypeInfo& t = *image.types[image.runtime_error_type];
  Word v = box(gr, t, word(&msg));  // struct{msg string}: boxed from storage holding msg
  if (gr.fault == Fault::Fatal) return;
  start_panic(gr, v);
}

void fatal(Goroutine& gr, std::string message) {
  gr.g->end_message = std::move(message);
  gr.g->handoff = rt::Handoff::Fatal;
  gr.fault = Fault::Fatal;
}

Word nil_panic_value(Goroutine& gr) {
  Word msg = new_string(gr, "panic called with nil argument (obsolete: use runtime.PanicNilError)");
  const Image& image = gr.machine->image();
  return box(gr, *image.types[image.runtime_error_type], word(&msg));
}

void start_panic(Goroutine& gr, Word v) {
  PanicRecord p;
  p.value = v;
  gr.panics.push_back(std::move(p));
  gr.fault = Fault::Panic;
}

Word recover(Goroutine& gr) {
  const Frame& f = gr.frames.back();
  if (f.kind != FrameKind::PanicDeferred || gr.panics.empty()) return 0;
  if (f.panic != gr.panics.size()) return 0;
  PanicRecord& p = gr.panics.back();
  if (p.goexit || p.recovered) return 0;
  p.recovered = true;
  return p.value;
}

// Types are written as Go's runtime writes them here (rtype.string: `struct { A int }`).
std::string panic_message(Goroutine& gr, Word value) {
  const Box* b = ptr<const Box>(value);
  if (!b) return "nil";
  const Image& image = gr.machine->image();
  const TypeInfo& t = *b->type;
  NativeContext ctx(gr);
  for (std::uint32_t method : {image.error_method, image.string_method}) {
    if (!t.methods.count(method)) continue;
    Word result = 0;
    if (ctx.call_method(value, method, &result, 1)) {
      std::string text(view(result));
      // Go marks a runtime error's goroutine-ending panic; plain errors print their text.
      return text;
    }
    ctx.take_panic();
    return "(" + t.reflect_name + ") (its " + (method == image.error_method ? "Error" : "String") +
           " method panicked)";
  }
  using Kind = TypeInfo::Kind;
  bool named = t.named;
  std::string text;
  switch (t.kind) {
    case Kind::String:
      text = std::string(view(b->word()));
      return named ? t.reflect_name + "(\"" + text + "\")" : text;
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32:
    case Kind::Int64: case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32:
    case Kind::Uint64: case Kind::Uintptr: case Kind::Float32: case Kind::Float64:
      text = print_value(t, load_value(t, b->payload()));
      return named ? t.reflect_name + "(" + text + ")" : text;
    default: {
      char buf[32];  // Go prints the interface's data word
      std::snprintf(buf, sizeof buf, "0x%" PRIx64, gr.machine->heap().go_address(iface_data(b)));
      return "(" + t.reflect_name + ") " + buf;
    }
  }
}

void pop_panic(Goroutine& gr) {
  std::size_t bytes = gr.panics.back().charged;
  gr.panics.pop_back();
  gr.charged -= bytes;
  gr.machine->release(bytes);
}

Unwind unwind(Goroutine& gr, std::size_t stop_depth) {
  for (;;) {
    PanicRecord& p = gr.panics.back();
    if (!p.traced) {
      // Charged: panics started inside deferred calls of panics nest as deep as the stack goes.
      p.traced = true;
      p.traceback = gr.machine->traceback_of(gr);
      p.charged = p.traceback.capacity();
      if (!gr.machine->charge(gr, p.charged)) return Unwind::End;
    }
    if (p.recovered) {
      // Recovered: later-aborted panics are superseded too.
      pop_panic(gr);
      while (!gr.panics.empty() && gr.panics.back().aborted) pop_panic(gr);
      Frame& f = gr.frames.back();
      f.pc = f.fn->code.data() + f.fn->epilogue_pc;
      return Unwind::Continue;
    }
    Frame& f = gr.frames.back();
    if (gr.defers.size() > f.defers) {
      DeferRecord d = gr.defers.back();
      gr.defers.pop_back();
      const Closure* closure = ptr<const Closure>(d.closure);
      std::uint32_t base = f.base + f.fn->nregs;
      if (!ensure_stack(gr, std::size_t(base) + d.nargs)) return Unwind::End;
      if (d.nargs) std::memcpy(gr.stack.data() + base, gr.defer_args.data() + d.args, d.nargs * sizeof(Word));
      gr.defer_args.resize(d.args);
      if (!closure) continue;  // a deferred nil func: Go panics again; we skip it (rare)
      FrameKind kind = p.goexit ? FrameKind::GoexitDeferred : FrameKind::PanicDeferred;
      if (!push_frame(gr, *closure->fn, base, closure, kind)) return Unwind::End;
      return Unwind::Continue;
    }
    // f has run all its deferred calls: it is abandoned.
    if (f.kind == FrameKind::Callback && stop_depth && gr.frames.size() - 1 <= stop_depth) {
      gr.frames.pop_back();
      return Unwind::Callback;
    }
    if (gr.frames.size() == 1) {
      if (p.goexit) {
        pop_panic(gr);
        gr.g->handoff = rt::Handoff::Goexit;
        return Unwind::Goexit;
      }
      // The program ends: Go prints every panic still in progress, oldest first.
      std::string message;
      std::string traceback = gr.panics.back().traceback;
      std::vector<PanicRecord> panics = std::move(gr.panics);
      gr.panics.clear();
      for (std::size_t i = 0; i < panics.size(); ++i) {
        if (panics[i].goexit) continue;
        // A recovered value panicked again as is: Go (1.23+) prints it once, marked.
        if (panics[i].recovered && i + 1 < panics.size() && panics[i + 1].value == panics[i].value) {
          panics[i + 1].repanicked = true;
          continue;
        }
        if (!message.empty()) message += "\n\tpanic: ";
        message += panic_message(gr, panics[i].value);
        if (panics[i].repanicked) message += " [recovered, repanicked]";
        else if (panics[i].recovered) message += " [recovered]";
      }
      gr.g->end_message = message;
      gr.g->handoff = rt::Handoff::Panic;
      gr.machine->set_panic_traceback(gr, std::move(traceback));
      return Unwind::End;
    }
    if (f.kind == FrameKind::PanicDeferred && f.panic >= 1 && f.panic <= gr.panics.size() &&
        f.panic != gr.panics.size()) {
      // Aborted: it is reported by its message alone, so its traceback goes now.
      PanicRecord& aborted = gr.panics[f.panic - 1];
      aborted.aborted = true;
      gr.charged -= aborted.charged;
      gr.machine->release(aborted.charged);
      aborted.charged = 0;
      std::string().swap(aborted.traceback);
    }
    gr.frames.pop_back();
  }
}

}  // namespace gopark::vm::ops
