// The dispatch loop: one function, the house style's one allowed long function.
//
// Register window: `regs` points at R[0] of the top frame inside the goroutine's stack vector. Every
// operation that can push or pop a frame or grow the stack (calls, returns, panics) saves the pc
// into the frame and reloads all cached state afterwards (RELOAD), because the frame vector and the
// stack may have moved.
//
// Safe points are the loop back-edge (Loop) and calls: there a budget counter runs down, and when it
// reaches zero the goroutine publishes its line, honours preemption and joins a pending collection.
// The run's step budget (MachineConfig::max_steps) is charged there too, a whole poll at a time, so
// a run without one pays a test of a config field per poll and nothing per safe point (the traced
// loops, which a simulated run uses, charge each safe point, so the budget ends it exactly).
#include <cmath>
#include <cstring>
#include <limits>

#include "vm/interp.hpp"
#include "vm/native.hpp"

namespace gopark::vm {
namespace {

constexpr int kBudget = 128;  // safe points between polls of preemption and GC

// WebAssembly engines start a function in a quick baseline compilation and optimise it in the
// background, but the optimised code is only used from the function's next call: V8 has no
// on-stack replacement for wasm. A goroutine that never parks (fib, a long loop) would run the
// whole program in the baseline code of this loop, about twice as slow. So on wasm the loop
// leaves and re-enters itself (Leave::Retrace) every so many polls; it costs a reload of the
// frame's registers, about once a millisecond.
#ifdef __EMSCRIPTEN__
constexpr int kPollsPerEntry = 1024;
#endif

inline Word from_double(double d) { Word w; std::memcpy(&w, &d, 8); return w; }
inline double to_double(Word w) { double d; std::memcpy(&d, &w, 8); return d; }
inline std::int64_t sgn(Word w) { return static_cast<std::int64_t>(w); }

Word extend(Word v, std::uint8_t kind) {
  switch (kind) {
    case 1: return Word(std::int64_t(std::int8_t(v)));
    case 2: return Word(std::int64_t(std::int16_t(v)));
    case 3: return Word(std::int64_t(std::int32_t(v)));
    case 4: return Word(std::uint8_t(v));
    case 5: return Word(std::uint16_t(v));
    case 6: return Word(std::uint32_t(v));
    default: return v;
  }
}

// Go's float → integer conversion is implementation-defined out of range; C++'s is undefined. Clamp.
std::int64_t float_to_int(double d) {
  if (std::isnan(d)) return std::numeric_limits<std::int64_t>::min();
  if (d >= 9223372036854775807.0) return std::numeric_limits<std::int64_t>::min();
  if (d < -9223372036854775808.0) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}
std::uint64_t float_to_uint(double d) {
  if (std::isnan(d) || d < 0) return d < 0 && d > -9223372036854775808.0 ? Word(float_to_int(d)) : 0x8000000000000000ull;
  if (d >= 18446744073709551616.0) return 0x8000000000000000ull;
  return static_cast<std::uint64_t>(d);
}

template <class T> inline T load_at(const void* p) { T v; std::memcpy(&v, p, sizeof v); return v; }
template <class T> inline void store_at(void* p, T v) { std::memcpy(p, &v, sizeof v); }

std::string index_error(std::int64_t i, std::int64_t len) {
  if (i < 0) return "runtime error: index out of range [" + std::to_string(i) + "]";
  return "runtime error: index out of range [" + std::to_string(i) + "] with length " + std::to_string(len);
}

}  // namespace

Leave Interpreter::run(Goroutine& gr, std::size_t stop_depth) {
  for (;;) {
    Leave leave;
    const bool race = gr.machine->races() != nullptr;
    switch (gr.machine->loop_kind()) {
      case Machine::LoopKind::Plain:
        leave = race ? loop<Machine::LoopKind::Plain, true>(gr, stop_depth)
                     : loop<Machine::LoopKind::Plain, false>(gr, stop_depth);
        break;
      case Machine::LoopKind::Sim:
        leave = race ? loop<Machine::LoopKind::Sim, true>(gr, stop_depth)
                     : loop<Machine::LoopKind::Sim, false>(gr, stop_depth);
        break;
      default:
        leave = race ? loop<Machine::LoopKind::Watched, true>(gr, stop_depth)
                     : loop<Machine::LoopKind::Watched, false>(gr, stop_depth);
        break;
    }
    if (leave != Leave::Retrace) return leave;
  }
}

template <Machine::LoopKind kKind, bool kRace>
Leave Interpreter::loop(Goroutine& gr, std::size_t stop_depth) {
  // Every instruction passes the top of the loop (not only the threaded dispatch's jumps).
  constexpr bool kTraced = kKind != Machine::LoopKind::Plain;
  constexpr bool kWatched = kKind == Machine::LoopKind::Watched;
  Machine& machine = *gr.machine;
  const Image& image = machine.image();
  Frame* frame;
  const Instr* pc;
  Word* regs;
  const Word* K;
  // Watched, safe points come round often, so that leaving slow motion, and preemption while in
  // it, are prompt.
  constexpr int kLoopBudget = kWatched ? 4 : kBudget;
  int budget = kLoopBudget;
#ifdef __EMSCRIPTEN__
  int polls_left = kPollsPerEntry;
#endif

#define RELOAD()                                   \
  do {                                             \
    frame = &gr.frames.back();                     \
    pc = frame->pc;                                \
    regs = gr.stack.data() + frame->base;          \
    K = frame->fn->constants.data();               \
  } while (0)
#define SAVE() (frame->pc = pc)
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__EMSCRIPTEN__)
#define GOPARK_THREADED_DISPATCH 1
#define CASE(name) case Op::name: L_##name:
#define NEXT                                           \
  do {                                                 \
    if constexpr (kTraced) goto next_instruction;      \
    in = *pc++;                                        \
    goto* kHandlers[static_cast<std::size_t>(in.op)];  \
  } while (0)
#else
#define GOPARK_THREADED_DISPATCH 0
#define CASE(name) case Op::name:
#define NEXT break
#endif
#define RA regs[in.a]
#define RB regs[in.b]
#define RC regs[in.c]
// Raises a Go runtime panic from the current instruction (pc already points past it).
#define RAISE(message)            \
  do {                            \
    frame->pc = pc - 1;           \
    ops::raise(gr, (message));    \
    goto unwinding;               \
  } while (0)
#define FATAL(message)            \
  do {                            \
    frame->pc = pc - 1;           \
    ops::fatal(gr, (message));    \
    return Leave::End;            \
  } while (0)
#define NILCHECK(p) \
  if ((p) == 0) RAISE("runtime error: invalid memory address or nil pointer dereference")
// After a helper that may have raised a panic or a fatal error (out of memory): `at` is the
// instruction to blame in tracebacks.
#define CHECK_FAULT(at)                                    \
  if (machine.heap().gc_wanted()) budget = 1; /* collect at the next safe point */ \
  if (gr.fault != Fault::None) {                           \
    frame->pc = (at);                                      \
    Fault f = gr.fault;                                    \
    gr.fault = Fault::None;                                \
    if (f == Fault::Fatal) return Leave::End;              \
    goto unwinding;                                        \
  }
// Traced (Sim, Watched), every safe point counts one step and honours the end of a simulated slice
// at once: when a goroutine leaves and how far the budget reaches must not depend on when the
// last poll was (a poll comes early when a collection is wanted, which depends on the host).
#define SAFE_POINT()                                              \
  if constexpr (kTraced) {                                        \
    if (gr.nested == 0 &&                                         \
        ((machine.config().max_steps != 0 && machine.count_steps(1)) || gr.g->sim_left == 0 || \
         gr.g->sim_hold.load(std::memory_order_relaxed))) {       \
      SAVE();                                                     \
      gr.g->handoff = rt::Handoff::Preempt;                       \
      return Leave::Yield;                                        \
    }                                                             \
  }                                                               \
  if (--budget <= 0) {                                            \
    budget = kLoopBudget;                                         \
    if (!kTraced && machine.config().max_steps != 0) machine.count_steps(kLoopBudget); \
    SAVE();                                                       \
    gr.g->line.store(std::int32_t(frame->fn->line_at(std::uint32_t(pc - frame->fn->code.data()))), \
                     std::memory_order_relaxed);                  \
    if (gr.nested == 0 && gr.g->should_yield()) {                 \
      gr.g->handoff = rt::Handoff::Preempt;                       \
      return Leave::Yield;                                        \
    }                                                             \
    /* A callback cannot yield: the native under it waits for its result. So once the run has */ \
    /* ended (stopped, its step budget spent), the callback ends its goroutine instead. */       \
    if (gr.nested > 0 && machine.runtime().finished()) FATAL("program stopped"); \
    if (gr.nested == 0 && machine.heap().gc_wanted()) {           \
      machine.safe_point(gr);                                     \
      RELOAD();                                                   \
    }                                                             \
    if (machine.loop_kind() != kKind) return Leave::Retrace;      \
    REENTER_NOW();                                                \
  }
#ifdef __EMSCRIPTEN__
#define REENTER_NOW() \
  if (--polls_left == 0) return Leave::Retrace
#else
#define REENTER_NOW() (void)0
#endif
// The race detector: the access the current instruction (at pc - 1) makes. Nothing without one.
#define RACE_READ(addr, size) \
  if constexpr (kRace) machine.races()->read(gr, pc - 1, std::uintptr_t(addr), (size))
#define RACE_WRITE(addr, size) \
  if constexpr (kRace) machine.races()->write(gr, pc - 1, std::uintptr_t(addr), (size))
#define RACE_READ_RANGE(addr, bytes) \
  if constexpr (kRace) machine.races()->read_range(gr, pc - 1, std::uintptr_t(addr), (bytes))
#define RACE_WRITE_RANGE(addr, bytes) \
  if constexpr (kRace) machine.races()->write_range(gr, pc - 1, std::uintptr_t(addr), (bytes))

  RELOAD();
  Instr in;  // the instruction being run (here, not in the loop: the unwinding labels jump past)
  if (gr.resuming) {
    // The instruction at pc parked and has completed while the goroutine was away: finish it.
    gr.resuming = false;
    const Instr in = *pc++;
    switch (in.op) {
      case Op::Send:
        if (!gr.waiter.success) RAISE("send on closed channel");
        break;
      case Op::Recv:
        RA = gr.inflight[0];
        break;
      case Op::RecvOk:
        regs[in.a] = gr.inflight[0];
        regs[in.a + 1] = gr.waiter.success ? 1 : 0;
        break;
      case Op::Select: {
        const rt::SelectOutcome& out = gr.select_state.outcome;
        if (out.status == rt::ChanStatus::Closed) RAISE("send on closed channel");
        const SelectDesc& desc = *image.selects[in.bx()];
        const SelectDesc::Case& c = desc.cases[std::size_t(out.index)];
        if (!c.is_send) regs[c.value] = gr.select_values[std::size_t(out.index)];
        regs[in.a] = Word(out.index);
        regs[in.a + 1] = out.ok ? 1 : 0;
        break;
      }
      default:
        rt::internal_error("vm: resumed at an instruction that does not park");
    }
  }

  // Dispatch: a switch, and where the compiler supports it (GCC, clang; not WebAssembly, which
  // has no indirect jumps) "threaded" code as well: the simple instructions end by jumping
  // straight to the next one's handler through a table (NEXT), so each has its own indirect
  // branch to predict instead of all sharing the switch's.
#if GOPARK_THREADED_DISPATCH
  static constexpr const void* kHandlers[] = {
#define OP(name, extension, doc) &&L_##name,
#include "vm/ops.def"
#undef OP
  };
#endif
  for (;;) {
  // Jumped to only by the threaded dispatch's NEXT, so a switch build (wasm) never uses it.
  next_instruction: __attribute__((unused));
    if constexpr (kTraced) {
      // A simulated slice (runtime/sim.hpp) counts the instructions a goroutine runs outside
      // callbacks; at 0 it gives the thread back before the next instruction of the program's
      // own code (the library's Go code runs on to a safe point, which honours should_yield).
      if (gr.g->sim_left >= 0 && gr.nested == 0) {
        if (gr.g->sim_hold.load(std::memory_order_relaxed)) {  // a hold: leave now, keep the count
          SAVE();
          gr.g->handoff = rt::Handoff::Preempt;
          return Leave::Yield;
        }
        if (gr.g->sim_left > 0) {
          --gr.g->sim_left;
        } else if (frame->fn->user_code) {
          SAVE();
          gr.g->handoff = rt::Handoff::Preempt;
          return Leave::Yield;
        }
      }
    }
    if constexpr (kWatched) {
      // A new line (or function) of the program's own code (Function::user_code, not the
      // library's Go code): publish it and let the Machine hold us (Pause, Step) or slow us
      // down. The instruction at pc has not run yet.
      if (frame->fn->user_code && gr.nested == 0) {
        std::int32_t line = std::int32_t(frame->fn->line_at(std::uint32_t(pc - frame->fn->code.data())));
        if (line > 0 && line != frame->traced_line) {
          frame->traced_line = line;
          SAVE();
          gr.g->line.store(line, std::memory_order_relaxed);
          machine.trace_point(gr);
          RELOAD();
          if (machine.loop_kind() != kKind) return Leave::Retrace;
        }
      }
    }
    {  // the instruction's scope: the unwinding labels below are outside it
    in = *pc++;
    switch (in.op) {
      CASE(Nop)
        NEXT;
      CASE(Move) RA = RB; NEXT;
      CASE(LoadK) RA = K[in.bx()]; NEXT;
      CASE(LoadI) RA = Word(std::int64_t(in.sbx())); NEXT;
      CASE(Zero) RA = 0; NEXT;

      CASE(Add) RA = RB + RC; NEXT;
      CASE(AddI) RA = RB + Word(std::int64_t(in.sc())); NEXT;
      CASE(Sub) RA = RB - RC; NEXT;
      CASE(Mul) RA = RB * RC; NEXT;
      CASE(MulI) RA = RB * Word(std::int64_t(in.sc())); NEXT;
      CASE(AndI) RA = RB & Word(in.c); NEXT;
      CASE(OrI) RA = RB | Word(std::int64_t(in.sc())); NEXT;
      CASE(XorI) RA = RB ^ Word(std::int64_t(in.sc())); NEXT;
      CASE(ShlI) RA = RB << in.c; NEXT;
      CASE(ShrI) RA = Word(sgn(RB) >> in.c); NEXT;
      CASE(ShrUI) RA = RB >> in.c; NEXT;
      CASE(DivI) RA = in.sc() == -1 ? Word(0) - RB : Word(sgn(RB) / in.sc()); NEXT;
      CASE(RemI) RA = in.sc() == -1 ? 0 : Word(sgn(RB) % in.sc()); NEXT;
      CASE(Div)
        if (RC == 0) RAISE("runtime error: integer divide by zero");
        RA = (sgn(RC) == -1) ? Word(0) - RB : Word(sgn(RB) / sgn(RC));
        NEXT;
      CASE(DivU)
        if (RC == 0) RAISE("runtime error: integer divide by zero");
        RA = RB / RC;
        NEXT;
      CASE(Rem)
        if (RC == 0) RAISE("runtime error: integer divide by zero");
        RA = (sgn(RC) == -1) ? 0 : Word(sgn(RB) % sgn(RC));
        NEXT;
      CASE(RemU)
        if (RC == 0) RAISE("runtime error: integer divide by zero");
        RA = RB % RC;
        NEXT;
      CASE(And) RA = RB & RC; NEXT;
      CASE(Or) RA = RB | RC; NEXT;
      CASE(Xor) RA = RB ^ RC; NEXT;
      CASE(AndNot) RA = RB & ~RC; NEXT;
      CASE(Shl) RA = RC >= 64 ? 0 : RB << RC; NEXT;
      CASE(Shr) RA = Word(sgn(RB) >> (RC >= 64 ? 63 : RC)); NEXT;
      CASE(ShrU) RA = RC >= 64 ? 0 : RB >> RC; NEXT;
      CASE(ShiftCheck)
        if (sgn(RA) < 0) RAISE("runtime error: negative shift amount");
        NEXT;
      CASE(Neg) RA = Word(0) - RB; NEXT;
      CASE(Not) RA = ~RB; NEXT;
      CASE(Ext) RA = extend(RB, in.x); NEXT;
      CASE(Eq) RA = RB == RC; NEXT;
      CASE(Ne) RA = RB != RC; NEXT;
      CASE(Lt) RA = sgn(RB) < sgn(RC); NEXT;
      CASE(Le) RA = sgn(RB) <= sgn(RC); NEXT;
      CASE(LtU) RA = RB < RC; NEXT;
      CASE(LeU) RA = RB <= RC; NEXT;
      CASE(LNot) RA = RB == 0; NEXT;

      CASE(FAdd) RA = from_double(to_double(RB) + to_double(RC)); NEXT;
      CASE(FSub) RA = from_double(to_double(RB) - to_double(RC)); NEXT;
      CASE(FMul) RA = from_double(to_double(RB) * to_double(RC)); NEXT;
      CASE(FDiv) RA = from_double(to_double(RB) / to_double(RC)); NEXT;
      CASE(FNeg) RA = from_double(-to_double(RB)); NEXT;
      CASE(FEq) RA = to_double(RB) == to_double(RC); NEXT;
      CASE(FNe) RA = to_double(RB) != to_double(RC); NEXT;
      CASE(FLt) RA = to_double(RB) < to_double(RC); NEXT;
      CASE(FLe) RA = to_double(RB) <= to_double(RC); NEXT;
      CASE(F32) RA = from_double(double(float(to_double(RB)))); NEXT;
      CASE(IToF) RA = from_double(double(sgn(RB))); NEXT;
      CASE(UToF) RA = from_double(double(RB)); NEXT;
      CASE(FToI) RA = Word(float_to_int(to_double(RB))); NEXT;
      CASE(FToU) RA = float_to_uint(to_double(RB)); NEXT;

      CASE(Jmp) pc += in.sbx(); NEXT;
#define BRANCH(cond, offset)        \
  if (cond) {                       \
    std::int32_t off_ = (offset);   \
    pc += off_;                     \
    if (off_ < 0) { SAFE_POINT(); } \
  }
      CASE(JmpIf) BRANCH(RA, in.sbx()); NEXT;
      CASE(JmpIfNot) BRANCH(!RA, in.sbx()); NEXT;
      CASE(Loop)
        pc += in.sbx();
        SAFE_POINT();
        NEXT;
      CASE(JLt) BRANCH(sgn(RA) < sgn(RB), in.sc()); NEXT;
      CASE(JLe) BRANCH(sgn(RA) <= sgn(RB), in.sc()); NEXT;
      CASE(JEq) BRANCH(RA == RB, in.sc()); NEXT;
      CASE(JNe) BRANCH(RA != RB, in.sc()); NEXT;
      CASE(JLtI) BRANCH(sgn(RA) < std::int16_t(in.b), in.sc()); NEXT;
      CASE(JLeI) BRANCH(sgn(RA) <= std::int16_t(in.b), in.sc()); NEXT;
      CASE(JGtI) BRANCH(sgn(RA) > std::int16_t(in.b), in.sc()); NEXT;
      CASE(JGeI) BRANCH(sgn(RA) >= std::int16_t(in.b), in.sc()); NEXT;
      CASE(JEqI) BRANCH(sgn(RA) == std::int16_t(in.b), in.sc()); NEXT;
      CASE(JNeI) BRANCH(sgn(RA) != std::int16_t(in.b), in.sc()); NEXT;

#define LOAD(size, expr) NILCHECK(RB); RACE_READ(RB + in.c, size); RA = (expr); NEXT;
#define STORE(size, stmt) NILCHECK(RA); RACE_WRITE(RA + in.c, size); stmt; NEXT;
      CASE(Load8) LOAD(1, load_at<std::uint8_t>(ptr<std::uint8_t>(RB) + in.c))
      CASE(Load16) LOAD(2, load_at<std::uint16_t>(ptr<std::uint8_t>(RB) + in.c))
      CASE(Load32) LOAD(4, load_at<std::uint32_t>(ptr<std::uint8_t>(RB) + in.c))
      CASE(Load64) LOAD(8, load_word(ptr<std::uint8_t>(RB) + in.c))
      CASE(LoadS8) LOAD(1, Word(std::int64_t(load_at<std::int8_t>(ptr<std::uint8_t>(RB) + in.c))))
      CASE(LoadS16) LOAD(2, Word(std::int64_t(load_at<std::int16_t>(ptr<std::uint8_t>(RB) + in.c))))
      CASE(LoadS32) LOAD(4, Word(std::int64_t(load_at<std::int32_t>(ptr<std::uint8_t>(RB) + in.c))))
      CASE(LoadF32) LOAD(4, from_double(double(load_at<float>(ptr<std::uint8_t>(RB) + in.c))))
      CASE(Store8) STORE(1, store_at<std::uint8_t>(ptr<std::uint8_t>(RA) + in.c, std::uint8_t(RB)))
      CASE(Store16) STORE(2, store_at<std::uint16_t>(ptr<std::uint8_t>(RA) + in.c, std::uint16_t(RB)))
      CASE(Store32) STORE(4, store_at<std::uint32_t>(ptr<std::uint8_t>(RA) + in.c, std::uint32_t(RB)))
      CASE(Store64) STORE(8, store_word(ptr<std::uint8_t>(RA) + in.c, RB))
      CASE(StoreF32) STORE(4, store_at<float>(ptr<std::uint8_t>(RA) + in.c, float(to_double(RB))))
#undef LOAD
#undef STORE
      CASE(Addr) NILCHECK(RB); RA = RB + in.c; NEXT;
      CASE(NilCheck) NILCHECK(RA); NEXT;
      CASE(RangeDone)
        if (RA != 0) RAISE("runtime error: range function continued iteration after function for loop body returned false");
        NEXT;
      CASE(New) {
        const TypeInfo& t = *image.types[in.bx()];
        void* p = machine.allocate(gr, machine.layout_of(t));
        CHECK_FAULT(pc - 1);
        RA = word(p);
        NEXT;
      }
      CASE(OrNew) {
        if (RA) break;
        const TypeInfo& t = *image.types[in.bx()];
        void* p = machine.allocate(gr, machine.layout_of(t));
        CHECK_FAULT(pc - 1);
        RA = word(p);
        NEXT;
      }
      CASE(CopyMem)
        NILCHECK(RA);
        NILCHECK(RB);
        RACE_READ_RANGE(RB, image.types[in.c]->size);
        RACE_WRITE_RANGE(RA, image.types[in.c]->size);
        ops::copy_value(*image.types[in.c], ptr<void>(RA), ptr<void>(RB));
        NEXT;
      CASE(Clone) {
        NILCHECK(RB);
        const TypeInfo& t = *image.types[in.c];
        void* p = machine.allocate(gr, machine.layout_of(t));
        CHECK_FAULT(pc - 1);
        RACE_READ_RANGE(RB, t.size);
        ops::copy_value(t, p, ptr<void>(RB));
        RA = word(p);
        NEXT;
      }
      CASE(ZeroMem) {
        NILCHECK(RA);
        const TypeInfo& t = *image.types[in.c];
        RACE_WRITE_RANGE(RA, t.size);
        for (std::uint32_t off = 0; off + 8 <= t.size; off += 8) store_word(ptr<std::uint8_t>(RA) + off, 0);
        for (std::uint32_t off = t.size & ~7u; off < t.size; ++off) ptr<std::uint8_t>(RA)[off] = 0;
        NEXT;
      }
      CASE(EqMem) {
        const Instr e = *pc++;
        RACE_READ_RANGE(RB, image.types[e.a]->size);
        RACE_READ_RANGE(RC, image.types[e.a]->size);
        bool eq = ops::values_equal(gr, *image.types[e.a], ptr<void>(RB), ptr<void>(RC));
        CHECK_FAULT(pc - 2);
        RA = eq;
        NEXT;
      }
      CASE(GlobalAddr) RA = word(machine.global_storage() + image.global_offsets[in.bx()]); NEXT;

      CASE(Call) {
        const Function& fn = *image.functions[in.bx()];
        SAVE();
        std::uint32_t base = frame->base + in.a;
        if (std::size_t(base) + fn.nregs <= gr.stack.size() && gr.frames.size() < gr.frames.capacity()) {
          // The common case, inline: room on the stack and in the frame vector.
          frame = &ops::enter_frame(gr, fn, base, nullptr, FrameKind::Normal);
          pc = frame->pc;
          regs = gr.stack.data() + base;
          K = fn.constants.data();
        } else {
          if (!ops::push_frame(gr, fn, base, nullptr, FrameKind::Normal)) return Leave::End;
          RELOAD();
        }
        SAFE_POINT();
        NEXT;
      }
      CASE(CallClosure) {
        Word cw = RB;
        NILCHECK(cw);
        const Closure* closure = ptr<const Closure>(cw);
        SAVE();
        if (!ops::push_frame(gr, *closure->fn, frame->base + in.a, closure, FrameKind::Normal)) return Leave::End;
        RELOAD();
        SAFE_POINT();
        NEXT;
      }
      CASE(CallIface) {
        const Instr e = *pc++;
        Word bw = RA;
        NILCHECK(bw);
        const Box* b = ptr<const Box>(bw);
        auto it = b->type->methods.find(e.b);
        if (it == b->type->methods.end()) rt::internal_error("vm: interface method not found");
        // The receiver: the payload in register form (a copy for struct receivers: the method may
        // change its receiver, and boxes are immutable).
        Word recv = ops::unbox(gr, *b->type, bw);
        CHECK_FAULT(pc - 2);
        RA = recv;
        SAVE();
        if (!ops::push_frame(gr, *it->second, frame->base + in.a, nullptr, FrameKind::Normal)) return Leave::End;
        RELOAD();
        SAFE_POINT();
        NEXT;
      }
      CASE(CallNative) {
        const Native& n = image.natives[in.bx()];
        SAVE();
        NativeContext ctx(gr);
        ctx.set_args(regs + in.a);
        if (!n.fn(ctx, regs + in.a)) {
          switch (ctx.outcome()) {
            case NativeContext::Outcome::Parked: return Leave::Park;
            case NativeContext::Outcome::Panicked:
            case NativeContext::Outcome::Goexit:
              RELOAD();
              frame->pc = pc - 1;  // blame the call
              goto unwinding;
            case NativeContext::Outcome::Ended: return Leave::End;
            case NativeContext::Outcome::Done: break;
          }
        }
        RELOAD();  // a native that called back into Go may have moved the stack
        NEXT;
      }
      CASE(Ret) {
        FrameKind kind = frame->kind;
        if (gr.frames.size() == 1) return Leave::Exit;
        gr.frames.pop_back();
        if (kind == FrameKind::Callback && gr.frames.size() <= stop_depth) return Leave::Callback;
        if (kind == FrameKind::PanicDeferred || kind == FrameKind::GoexitDeferred) goto unwinding_continue;
        RELOAD();
        NEXT;
      }
      CASE(Free) RA = frame->closure->free[in.b]; NEXT;
      CASE(Closure) {
        const Function& fn = *image.functions[in.bx()];
        Closure* c = ops::new_closure(gr, fn);
        CHECK_FAULT(pc - 1);
        for (std::uint32_t i = 0; i < fn.nfree; ++i) store_word(&c->free[i], regs[in.a + 1 + i]);
        RA = word(c);
        NEXT;
      }
      CASE(FuncValue) RA = word(image.functions[in.bx()]->static_closure); NEXT;
      CASE(Go) {
        NILCHECK(RB);
        SAVE();
        ops::start_goroutine(gr, RB, regs + in.a, in.c,
                             std::int32_t(frame->fn->line_at(std::uint32_t(pc - 1 - frame->fn->code.data()))));
        CHECK_FAULT(pc - 1);
        NEXT;
      }
      CASE(Defer)
        ops::push_defer(gr, RB, regs + in.a, in.c);
        CHECK_FAULT(pc - 1);
        NEXT;
      CASE(RunDefers) {
        if (gr.defers.size() <= frame->defers) break;
        DeferRecord d = gr.defers.back();
        gr.defers.pop_back();
        frame->pc = pc - 1;  // come back here for the next one
        const Closure* closure = ptr<const Closure>(d.closure);
        if (!closure) {
          // A nil function was deferred: Go panics when the deferred call runs.
          frame->pc = pc - 1;
          ops::raise(gr, "runtime error: invalid memory address or nil pointer dereference");
          goto unwinding;
        }
        std::uint32_t base = frame->base + frame->fn->nregs;
        if (!ops::ensure_stack(gr, std::size_t(base) + d.nargs)) return Leave::End;
        if (d.nargs) std::memcpy(gr.stack.data() + base, gr.defer_args.data() + d.args, d.nargs * sizeof(Word));
        gr.defer_args.resize(d.args);
        if (!ops::push_frame(gr, *closure->fn, base, closure, FrameKind::Deferred)) return Leave::End;
        RELOAD();
        NEXT;
      }
      CASE(Panic)
        frame->pc = pc - 1;
        ops::start_panic(gr, RA ? RA : ops::nil_panic_value(gr));
        goto unwinding;
      CASE(Recover) RA = ops::recover(gr); NEXT;

      CASE(MakeSlice) {
        const Instr e = *pc++;
        std::int64_t len = sgn(RB), cap = sgn(RC);
        if (len < 0) RAISE("runtime error: makeslice: len out of range");
        if (cap < len) RAISE("runtime error: makeslice: cap out of range");
        Word s = ops::make_slice(gr, *image.types[e.a], len, cap);
        CHECK_FAULT(pc - 2);
        RA = s;
        NEXT;
      }
      CASE(SliceLit) {
        Word s = ops::make_slice(gr, *image.types[in.c], in.b, in.b);
        CHECK_FAULT(pc - 1);
        RA = s;
        NEXT;
      }
      CASE(Len) RA = ops::length(RB); NEXT;
      CASE(ArrayPtrOf) {
        const Slice* s = ptr<const Slice>(RB);
        std::int64_t len = s ? s->len : 0, n = sgn(RC);
        if (len < n) {
          RAISE("runtime error: cannot convert slice with length " + std::to_string(len) +
                " to array or pointer to array with length " + std::to_string(n));
        }
        RA = s ? word(s->data) : 0;
        NEXT;
      }
      CASE(Cap) RA = RB ? Word(ptr<const Slice>(RB)->cap) : 0; NEXT;
      CASE(IndexAddr) {
        const Instr e = *pc++;
        std::uint32_t size = std::uint32_t(e.a) | std::uint32_t(e.b) << 16;
        const Slice* s = ptr<const Slice>(RB);
        std::int64_t len = s ? s->len : 0;
        Word i = RC;
        if (i >= Word(len)) RAISE(index_error(sgn(i), len));
        RA = word(s->data + i * size);
        NEXT;
      }
      CASE(ArrayAddr) {
        const Instr e = *pc++;
        NILCHECK(RB);
        std::uint32_t size = e.a;
        Word i = RC;
        if (i >= Word(e.b)) RAISE(index_error(sgn(i), e.b));
        RA = RB + i * size;
        NEXT;
      }
      CASE(SLoad64) {
        const Slice* s = ptr<const Slice>(RB);
        std::int64_t len = s ? s->len : 0;
        Word i = RC;
        if (i >= Word(len)) RAISE(index_error(sgn(i), len));
        RACE_READ(s->data + i * 8, 8);
        RA = load_word(s->data + i * 8);
        NEXT;
      }
      CASE(SStore64) {
        const Slice* s = ptr<const Slice>(RA);
        std::int64_t len = s ? s->len : 0;
        Word i = RB;
        if (i >= Word(len)) RAISE(index_error(sgn(i), len));
        RACE_WRITE(s->data + i * 8, 8);
        store_word(s->data + i * 8, RC);
        NEXT;
      }
      CASE(SliceOf) {
        const Instr e = *pc++;
        Word out = 0;
        bool has_hi = e.x & 1, has_max = e.x & 2, has_lo = e.x & 4;
        std::int64_t lo = has_lo ? sgn(regs[e.a]) : 0;
        std::int64_t hi = has_hi ? sgn(regs[e.b]) : 0;
        std::int64_t mx = has_max ? sgn(regs[e.c]) : 0;
        const TypeInfo* elem = in.c != 0xffff ? image.types[in.c].get() : nullptr;
        std::int64_t array_len = in.x == 1 ? std::int64_t(K[in.b]) : 0;
        ops::slice_of(gr, in.x, elem, RA, array_len, lo, hi, mx, has_hi, has_max, out);
        CHECK_FAULT(pc - 2);
        RA = out;
        NEXT;
      }
      CASE(Append) {
        const Instr e = *pc++;
        Slice old{nullptr, 0, 0};  // the race loops': what was appended to
        if constexpr (kRace) old = RB ? *ptr<const Slice>(RB) : old;
        Word s = ops::append_value(gr, *image.types[e.a], RB, RC);
        if constexpr (kRace) ops::race_append(gr, pc - 2, old, s, image.types[e.a]->size);
        CHECK_FAULT(pc - 2);
        RA = s;
        NEXT;
      }
      CASE(AppendSlice) {
        const Instr e = *pc++;
        Slice old{nullptr, 0, 0};
        if constexpr (kRace) old = RB ? *ptr<const Slice>(RB) : old;
        if constexpr (kRace) ops::race_copy_slice(gr, pc - 2, 0, RC, image.types[e.a]->size, e.x != 0);
        Word s = ops::append_slice(gr, *image.types[e.a], RB, RC, e.x != 0);
        if constexpr (kRace) ops::race_append(gr, pc - 2, old, s, image.types[e.a]->size);
        CHECK_FAULT(pc - 2);
        RA = s;
        NEXT;
      }
      CASE(CopySlice) {
        const Instr e = *pc++;
        if constexpr (kRace) ops::race_copy_slice(gr, pc - 2, RB, RC, e.a, in.x != 0);
        RA = Word(ops::copy_slice(RB, RC, e.a, in.x != 0));
        NEXT;
      }
      CASE(ClearSlice) {
        const Slice* s = ptr<const Slice>(RA);
        if (s) {
          const TypeInfo& t = *image.types[in.bx()];
          RACE_WRITE_RANGE(s->data, std::size_t(s->len) * t.size);
          std::memset(s->data, 0, std::size_t(s->len) * t.size);
        }
        NEXT;
      }
      CASE(StrIndex) {
        const String* s = ptr<const String>(RB);
        std::int64_t len = s ? s->len : 0;
        Word i = RC;
        if (i >= Word(len)) RAISE(index_error(sgn(i), len));
        RA = s->data[i];
        NEXT;
      }
      CASE(Concat) {
        Word s = ops::concat(gr, RB, RC);
        CHECK_FAULT(pc - 1);
        RA = s;
        NEXT;
      }
      CASE(StrEq) RA = ops::equal(RB, RC); NEXT;
      CASE(StrLt) RA = ops::compare(RB, RC) < 0; NEXT;
      CASE(StrLe) RA = ops::compare(RB, RC) <= 0; NEXT;
      CASE(DecodeRune) {
        text::Decoded d = text::decode(ops::view(RB), std::size_t(RC));
        RA = Word(d.rune);
        regs[in.a + 1] = Word(d.width);
        NEXT;
      }
      CASE(Convert) {
        if constexpr (kRace) {  // string(b), string(runes): a read of the slice's elements
          const Conversion c = Conversion(in.x);
          if ((c == Conversion::StringFromBytes || c == Conversion::StringFromRunes) && RB) {
            const Slice* sl = ptr<const Slice>(RB);
            RACE_READ_RANGE(sl->data, std::size_t(sl->len) * (c == Conversion::StringFromBytes ? 1 : 4));
          }
        }
        Word r = ops::convert(gr, Conversion(in.x), RB);
        CHECK_FAULT(pc - 1);
        RA = r;
        NEXT;
      }

      CASE(MakeMap) {
        Word m = ops::make_map(gr, *image.types[in.bx()], 0);
        CHECK_FAULT(pc - 1);
        RA = m;
        NEXT;
      }
      CASE(MapGet) {
        RACE_READ(RB, 8);
        Word v = 0;
        ops::map_get(gr, RB, RC, v);
        CHECK_FAULT(pc - 1);
        RA = v;
        NEXT;
      }
      CASE(MapGetOk) {
        RACE_READ(RB, 8);
        Word v = 0;
        bool found = ops::map_get(gr, RB, RC, v);
        CHECK_FAULT(pc - 1);
        regs[in.a] = v;
        regs[in.a + 1] = found;
        NEXT;
      }
      CASE(MapSet)
        RACE_WRITE(RA, 8);
        ops::map_set(gr, RA, RB, RC);
        CHECK_FAULT(pc - 1);
        NEXT;
      CASE(MapDelete)
        RACE_WRITE(RA, 8);
        ops::map_delete(gr, RA, RB);
        CHECK_FAULT(pc - 1);
        NEXT;
      CASE(MapClear) RACE_WRITE(RA, 8); ops::map_clear(RA); NEXT;
      CASE(MapIter) {
        RACE_READ(RB, 8);
        Word it = ops::map_iter(gr, RB);
        CHECK_FAULT(pc - 1);
        RA = it;
        NEXT;
      }
      CASE(MapNext) {
        Word k = 0, v = 0;
        if (!ops::map_next(gr, RA, k, v)) {
          CHECK_FAULT(pc - 1);  // a racing writer, or out of memory copying a struct key
          pc += in.sc();
          break;
        }
        regs[in.b] = k;
        regs[in.b + 1] = v;
        NEXT;
      }

      CASE(BoxVal) {
        if constexpr (kRace) {  // a struct or array is copied from its storage: a read of it
          const TypeInfo& t = *image.types[in.c];
          if (!t.word_sized && RB) RACE_READ_RANGE(RB, t.size);
        }
        Word b = ops::box(gr, *image.types[in.c], RB);
        CHECK_FAULT(pc - 1);
        RA = b;
        NEXT;
      }
      CASE(Assert)
      CASE(AssertOk) {
        const TypeInfo& t = *image.types[in.c];
        const Instr e = *pc++;
        Word bw = RB;
        const Box* b = ptr<const Box>(bw);
        bool match = b && b->type == &t;
        if (in.op == Op::Assert && !match) {
          ops::raise_type_assertion(gr, bw, t, *image.types[e.a]);
          CHECK_FAULT(pc - 2);
        }
        Word v = 0;
        if (match) {
          v = ops::unbox(gr, t, bw);
        } else if (!t.word_sized) {
          v = word(machine.allocate(gr, machine.layout_of(t)));
        }
        CHECK_FAULT(pc - 2);
        regs[in.a] = v;
        if (in.op == Op::AssertOk) regs[in.a + 1] = match;
        NEXT;
      }
      CASE(AssertIface)
      CASE(AssertIfaceOk) {
        const TypeInfo& t = *image.types[in.c];
        const Instr e = *pc++;
        Word bw = RB;
        const Box* b = ptr<const Box>(bw);
        bool match = b && ops::implements(*b->type, t);
        if (in.op == Op::AssertIface && !match) {
          ops::raise_type_assertion(gr, bw, t, *image.types[e.a]);
          CHECK_FAULT(pc - 2);
        }
        regs[in.a] = match ? bw : 0;
        if (in.op == Op::AssertIfaceOk) regs[in.a + 1] = match;
        NEXT;
      }
      CASE(IfaceEq) {
        bool eq = ops::iface_equal(gr, RB, RC);
        CHECK_FAULT(pc - 1);
        RA = eq;
        NEXT;
      }
      CASE(TypeIs) {
        const TypeInfo& t = *image.types[in.c];
        const Box* b = ptr<const Box>(RB);
        if (!b) RA = 0;
        else if (ops::is_interface(t)) RA = ops::implements(*b->type, t);
        else RA = b->type == &t;
        NEXT;
      }

      CASE(MakeChan) {
        const Instr e = *pc++;
        std::int64_t cap = sgn(RB);
        if (cap < 0 || cap > (1 << 30)) RAISE("runtime error: makechan: size out of range");
        Word c = ops::make_chan(gr, *image.types[in.c], cap, image.names[e.a].c_str());
        CHECK_FAULT(pc - 1);
        RA = c;
        NEXT;
      }
      CASE(Send) {
        rt::Channel* c = ops::channel(RA);
        gr.inflight[0] = RB;
        auto st = rt::chan_send(c, &gr.inflight[0], gr.g, &gr.waiter, true);
        if (st == rt::ChanStatus::Closed) RAISE("send on closed channel");
        if (st == rt::ChanStatus::Parked) {
          frame->pc = pc - 1;
          gr.resuming = true;
          return Leave::Park;
        }
        NEXT;
      }
      CASE(Recv)
      CASE(RecvOk) {
        rt::Channel* c = ops::channel(RB);
        bool ok = false;
        gr.inflight[0] = 0;
        auto st = rt::chan_recv(c, &gr.inflight[0], &ok, gr.g, &gr.waiter, true);
        if (st == rt::ChanStatus::Parked) {
          frame->pc = pc - 1;
          gr.resuming = true;
          return Leave::Park;
        }
        regs[in.a] = gr.inflight[0];
        if (in.op == Op::RecvOk) regs[in.a + 1] = ok;
        NEXT;
      }
      CASE(Close) {
        switch (rt::chan_close(ops::channel(RA), gr.g)) {
          case rt::CloseStatus::Done: break;
          case rt::CloseStatus::Nil: RAISE("close of nil channel");
          case rt::CloseStatus::AlreadyClosed: RAISE("close of closed channel");
        }
        NEXT;
      }
      CASE(Select) {
        const SelectDesc& desc = *image.selects[in.bx()];
        rt::SelectOutcome out = ops::select_begin(gr, desc, regs);
        if (out.status == rt::ChanStatus::Parked) {
          frame->pc = pc - 1;
          gr.resuming = true;
          return Leave::Park;
        }
        if (out.status == rt::ChanStatus::Closed) RAISE("send on closed channel");
        if (out.status == rt::ChanStatus::WouldBlock) {
          regs[in.a] = Word(-1);  // the default case
          regs[in.a + 1] = 0;
          break;
        }
        const SelectDesc::Case& c = desc.cases[std::size_t(out.index)];
        if (!c.is_send) regs[c.value] = gr.select_values[std::size_t(out.index)];
        regs[in.a] = Word(out.index);
        regs[in.a + 1] = out.ok;
        NEXT;
      }

      CASE(Print) {
        std::string text = ops::print_value(*image.types[in.c], RA, &machine.heap());
        if (in.x & 1) text.insert(text.begin(), ' ');
        if (in.x & 2) text += '\n';
        machine.output().err(text);
        break;  // not NEXT: an indirect goto may not leave the scope of `text` (a destructor)
      }
      CASE(MapLen) RACE_READ(RB, 8); RA = Word(ops::map_len(RB)); NEXT;
      CASE(ChanLen) RA = ops::channel(RB) ? ops::channel(RB)->len() : 0; NEXT;
      CASE(ChanCap) RA = ops::channel(RB) ? ops::channel(RB)->cap() : 0; NEXT;

      case Op::Count_:
        rt::internal_error("vm: bad opcode");
    }
    }
    continue;

  unwinding:
  unwinding_continue:
    gr.fault = Fault::None;  // the panic is being handled now
    switch (ops::unwind(gr, stop_depth)) {
      case ops::Unwind::Continue: break;
      case ops::Unwind::End: return Leave::End;
      case ops::Unwind::Goexit: return Leave::Goexit;
      case ops::Unwind::Callback: return Leave::Callback;
    }
    RELOAD();
  }
#undef RELOAD
#undef SAVE
#undef RA
#undef RB
#undef RC
#undef RAISE
#undef FATAL
#undef NILCHECK
#undef SAFE_POINT
#undef REENTER_NOW
#undef BRANCH
#undef CHECK_FAULT
#undef RACE_READ
#undef RACE_WRITE
#undef RACE_READ_RANGE
#undef RACE_WRITE_RANGE
}

template Leave Interpreter::loop<Machine::LoopKind::Plain, false>(Goroutine& gr, std::size_t stop_depth);
template Leave Interpreter::loop<Machine::LoopKind::Sim, false>(Goroutine& gr, std::size_t stop_depth);
template Leave Interpreter::loop<Machine::LoopKind::Watched, false>(Goroutine& gr, std::size_t stop_depth);
template Leave Interpreter::loop<Machine::LoopKind::Plain, true>(Goroutine& gr, std::size_t stop_depth);
template Leave Interpreter::loop<Machine::LoopKind::Sim, true>(Goroutine& gr, std::size_t stop_depth);
template Leave Interpreter::loop<Machine::LoopKind::Watched, true>(Goroutine& gr, std::size_t stop_depth);

}  // namespace gopark::vm
