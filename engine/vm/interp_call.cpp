// Frames, closures, goroutine creation, deferred calls, panics and recover.
//
// Panics follow Go's model (runtime/panic.go): a panic runs the deferred calls of each frame,
// innermost first, on top of the panicking stack; a deferred call that calls recover() directly
// stops the panic, and the frame that deferred it returns normally (through its epilogue, which
// runs its remaining deferred calls and returns its result variables). A panic that runs out of
// frames ends the program with Go's report. runtime.Goexit is a panic that cannot be recovered
// and ends only its goroutine.
#include <cstdio>
#include <cstring>


#include "vm/interp.hpp"
#include "vm/native.hpp"

namespace gopark::vm::ops {
namespace {

#ifdef __EMSCRIPTEN__
constexpr std::size_t kMaxStackWords = std::size_t(8) << 20;   // 64 MB
#else
constexpr std::size_t kMaxStackWords = std::size_t(64) << 20;  // 512 MB
#endif

}  // namespace

bool push_frame(Goroutine& gr, const Function& fn, std::uint32_t base, const Closure* closure,
                FrameKind kind) {
  if (fn.native >= 0) rt::internal_error("vm: a frame for a native function");
  std::size_t need = std::size_t(base) + fn.nregs;
  if (need > gr.stack.size()) {
    if (need > kMaxStackWords) {
      fatal(gr, "stack overflow");
      return false;
    }
    gr.stack.resize(std::max(need + 64, gr.stack.size() * 2));
  }
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
  Goroutine* ng = m.new_goroutine();
  ng->stack.resize(std::max<std::size_t>(c->fn->nregs, nargs) + 64);
  if (nargs) std::memcpy(ng->stack.data(), args, nargs * sizeof(Word));
  ng->created_by = gr.frames.back().fn;
  ng->created_line = std::uint32_t(line);
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
    return "(" + type_name(t) + ") (its " + (method == image.error_method ? "Error" : "String") +
           " method panicked)";
  }
  using Kind = TypeInfo::Kind;
  bool named = t.named;
  std::string text;
  switch (t.kind) {
    case Kind::String:
      text = std::string(view(b->word()));
      return named ? type_name(t) + "(\"" + text + "\")" : text;
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32:
    case Kind::Int64: case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32:
    case Kind::Uint64: case Kind::Uintptr: case Kind::Float32: case Kind::Float64:
      text = print_value(t, load_value(t, b->payload()));
      return named ? type_name(t) + "(" + text + ")" : text;
    default: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(b->payload()));
      return "(" + type_name(t) + ") " + buf;
    }
  }
}

Unwind unwind(Goroutine& gr, std::size_t stop_depth) {
  for (;;) {
    PanicRecord& p = gr.panics.back();
    if (!p.traced) {
      p.traced = true;
      p.traceback = gr.machine->traceback_of(gr);
    }
    if (p.recovered) {
      // Recovered: later-aborted panics are superseded too.
      gr.panics.pop_back();
      while (!gr.panics.empty() && gr.panics.back().aborted) gr.panics.pop_back();
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
      if (gr.stack.size() < std::size_t(base) + d.nargs) gr.stack.resize(std::size_t(base) + d.nargs + 64);
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
        gr.panics.pop_back();
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
        f.panic != gr.panics.size())
      gr.panics[f.panic - 1].aborted = true;
    gr.frames.pop_back();
  }
}

}  // namespace gopark::vm::ops
