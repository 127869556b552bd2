// Channels: a heap object wrapping the engine's rt::Channel, whose elements are Words (a struct is
// sent as a pointer to a private copy, made by the compiler before the send). The buffer lives in
// the engine's malloc memory, so the object's trace function reports the buffered Words.
#include <new>

#include "vm/interp.hpp"

namespace gopark::vm::ops {
namespace {

struct ChanObject {
  rt::Channel chan;
  Machine* machine;      // the buffer's bytes are reserved against its memory limit
  std::size_t reserved;
  ChanObject(const rt::ElemType& type, std::uint32_t cap, Machine* m, std::size_t bytes)
      : chan(type, cap), machine(m), reserved(bytes) {}
};

void trace_chan(void* object, Marker& marker) {
  static_cast<ChanObject*>(object)->chan.visit_buffer(
      [](void* slot, void* m) { static_cast<Marker*>(m)->mark(ptr<void>(load_word(slot))); }, &marker);
}

void finalize_chan(void* object) {
  auto* c = static_cast<ChanObject*>(object);
  c->machine->release(c->reserved);
  c->~ChanObject();
}

const GcLayout& chan_layout() {
  static const GcLayout layout(sizeof(ChanObject), {}, &trace_chan, &finalize_chan, "chan");
  return layout;
}

}  // namespace

Word make_chan(Goroutine& gr, const TypeInfo& elem, std::int64_t cap, const char* name) {
  const rt::ElemType& type = gr.machine->chan_elem_type(elem);
  std::size_t bytes;  // overflows only on wasm32 (cap <= 2^30), where it is past any limit
  if (__builtin_mul_overflow(std::size_t(cap), std::size_t{type.size}, &bytes)) bytes = SIZE_MAX;
  if (bytes && !gr.machine->reserve(gr, bytes, true)) return 0;
  void* p = gr.machine->allocate(gr, chan_layout());
  if (!p) {
    gr.machine->release(bytes);
    return 0;
  }
  auto* c = new (p) ChanObject(type, std::uint32_t(cap), gr.machine, bytes);
  if (name && *name) c->chan.set_name(name);
  return word(c);
}

rt::Channel* channel(Word c) { return c ? &ptr<ChanObject>(c)->chan : nullptr; }

rt::SelectOutcome select_begin(Goroutine& gr, const SelectDesc& desc, const Word* regs) {
  std::size_t n = desc.cases.size();
  gr.select_cases.resize(n);
  gr.select_waiters.resize(n);
  gr.select_poll.resize(n);
  gr.select_lock.resize(n);
  gr.select_values.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const SelectDesc::Case& c = desc.cases[i];
    if (c.is_send) gr.select_values[i] = regs[c.value];
    gr.select_cases[i] = rt::SelectCase{channel(regs[c.chan]), &gr.select_values[i], c.is_send};
  }
  rt::SelectState& s = gr.select_state;
  s = rt::SelectState{};
  s.cases = gr.select_cases.data();
  s.waiters = gr.select_waiters.data();
  s.poll_order = gr.select_poll.data();
  s.lock_order = gr.select_lock.data();
  s.n = std::uint16_t(n);
  return rt::select_begin(s, *gr.g, !desc.has_default);
}

}  // namespace gopark::vm::ops
