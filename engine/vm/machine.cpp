// Machine: the body of every goroutine of a run, the mutator lock, collection, tracebacks.
#include "vm/machine.hpp"

#include <algorithm>
#include <chrono>

#include "vm/interp.hpp"

namespace gopark::vm {

Machine::Machine(std::shared_ptr<const Image> image, MachineConfig config)
    : image_(std::move(image)),
      config_(std::move(config)),
      runtime_(config_.runtime),
      sim_(config_.runtime.mode == rt::Mode::Sim),
      loop_kind_(sim_ ? LoopKind::Sim : LoopKind::Plain) {
  heap_.set_gogc(config_.gogc);
  heap_.set_limit(config_.memory_limit);
  heap_.set_gc_stress(config_.gc_stress);
  // Storage and box layouts for every runtime type.
  for (const auto& t : image_->types) {
    const std::vector<std::uint32_t>& offsets = t->pointer_offsets;
    std::uint32_t size = std::max<std::uint32_t>(t->size, 1);
    layouts_.push_back(std::make_unique<GcLayout>(size, offsets, nullptr, nullptr, "value"));
    std::vector<std::uint32_t> boxed;
    for (std::uint32_t o : offsets) boxed.push_back(o + 8);
    std::uint32_t box_size = 8 + ((t->size + 7) & ~7u);
    layouts_.push_back(std::make_unique<GcLayout>(box_size, boxed, nullptr, nullptr, "box"));
  }
  byte_type_ = image_->types[image_->byte_type].get();
  rune_type_ = image_->types[image_->rune_type].get();
  // Globals: one object holding every global's storage at the compiler's offsets.
  std::uint32_t size = std::max<std::uint32_t>(image_->globals_size, 8);
  const std::vector<std::uint32_t>& pointers = image_->global_pointers;
  globals_layout_ = std::make_unique<GcLayout>((size + 7) & ~7u, pointers, nullptr, nullptr, "globals");
  globals_ = static_cast<std::uint8_t*>(heap_.allocate(*globals_layout_));
  if (!globals_) rt::internal_error("vm: no memory for the globals");
  if (rt::race::Detector* detector = runtime_.race_detector()) {
    races_ = std::make_unique<Races>(*image_, *detector, heap_, config_.output);
  }
}

Machine::~Machine() {
  if (started_) {
    runtime_.stop();
    runtime_.wait();
  }
  std::lock_guard lock(goroutines_mutex_);
  while (goroutines_) {
    Goroutine* gr = goroutines_;
    goroutines_ = gr->next;
    delete gr;
  }
}

void Machine::start() {
  const Function& main_fn = *image_->functions[image_->main_function];
  Goroutine* gr = new_goroutine(main_fn.nregs + 64);
  if (!gr) rt::internal_error("vm: no memory for the main goroutine");  // the limit is >= 16 MiB
  ops::push_frame(*gr, main_fn, 0, nullptr, FrameKind::Normal);
  started_ = true;
  runtime_.start(*this, gr, "main.main");
}

rt::RunResult Machine::wait() {
  rt::RunResult result = runtime_.wait();
  // As a -race binary: a run that would exit with status 0 after reporting races says how many and
  // exits with 66 (one that exits otherwise, a panic or os.Exit(3), keeps its status).
  const bool ok = result.kind == rt::ExitKind::MainReturned || result.kind == rt::ExitKind::Exit;
  if (races_ && ok && result.exit_code == 0) {
    if (const std::size_t n = races_->found()) {
      if (!race_summary_.exchange(true)) config_.output.err("Found " + std::to_string(n) + " data race(s)\n");
      result.exit_code = 66;
    }
  }
  return result;
}

const GcLayout& Machine::layout_of(const TypeInfo& t) const { return *layouts_[2 * t.index]; }
const GcLayout& Machine::box_layout_of(const TypeInfo& t) const { return *layouts_[2 * t.index + 1]; }

const GcLayout& Machine::closure_layout(std::uint32_t nfree) {
  std::lock_guard lock(closure_layouts_mutex_);
  while (closure_layouts_.size() <= nfree) {
    std::uint32_t n = std::uint32_t(closure_layouts_.size());
    std::vector<std::uint32_t> offsets;
    for (std::uint32_t i = 0; i < n; ++i) offsets.push_back(std::uint32_t(offsetof(Closure, free)) + 8 * i);
    std::uint32_t size = std::uint32_t(offsetof(Closure, free)) + 8 * std::max<std::uint32_t>(n, 1);
    closure_layouts_.push_back(std::make_unique<GcLayout>(size, offsets, nullptr, nullptr, "closure"));
  }
  return *closure_layouts_[nfree];
}

const rt::ElemType& Machine::chan_elem_type(const TypeInfo& t) {
  std::lock_guard lock(chan_types_mutex_);
  auto& slot = chan_types_[&t];
  if (!slot) {
    slot = std::make_unique<ChanElemType>();
    slot->name = ops::type_name(t);
    slot->type = rt::ElemType{
        slot->name.c_str(), sizeof(Word), alignof(Word),
        [](void* d, void* s) { store_word(d, load_word(s)); },
        [](void* d, void* s) { store_word(d, load_word(s)); },
        [](void*) {},
        [](void* d) { store_word(d, 0); },
        [](const rt::ElemType& type, const void* p, std::string& out) {
          out = ops::display_value(*static_cast<const TypeInfo*>(type.context), load_word(p));
        },
        true,
        &t};
  }
  return slot->type;
}

// What a goroutine costs before its vectors: its VM state and the runtime's G (which the runtime
// keeps for reuse, so a program's peak of goroutines is what counts).
constexpr std::size_t kGoroutineBytes = sizeof(Goroutine) + sizeof(rt::G);
constexpr std::size_t kInitialFrames = 8;

Goroutine* Machine::new_goroutine(std::size_t stack_words) {
  std::size_t bytes = kGoroutineBytes + stack_words * sizeof(Word) + kInitialFrames * sizeof(Frame);
  if (!heap_.reserve_external(bytes)) return nullptr;
  auto* gr = new Goroutine;
  gr->machine = this;
  gr->charged = bytes;
  gr->stack.reserve(stack_words);  // exact: the stack's size is always its capacity (ops::ensure_stack)
  gr->stack.resize(stack_words);
  gr->frames.reserve(kInitialFrames);
  std::lock_guard lock(goroutines_mutex_);
  gr->next = goroutines_;
  if (goroutines_) goroutines_->prev = gr;
  goroutines_ = gr;
  return gr;
}

void Machine::free_goroutine(Goroutine* gr) {
  {
    std::lock_guard lock(goroutines_mutex_);
    if (gr->prev) gr->prev->next = gr->next;
    else goroutines_ = gr->next;
    if (gr->next) gr->next->prev = gr->prev;
  }
  heap_.release_external(gr->charged);
  delete gr;
}

// ---- rt::Body ----

void Machine::resume(rt::G& g) {
  auto& gr = *static_cast<Goroutine*>(g.body_data);
  if (!gr.g) {
    gr.g = &g;
    g.body_recovers = true;
  }
  enter_mutator();
  Leave leave = Interpreter::run(gr);
  // Only a watching UI reads the line (it traces the run); a plain `gopark run` skips the lookup
  // on this, the path of every channel handoff.
  if ((leave == Leave::Park || leave == Leave::Yield) && runtime_.tracing()) publish_line(gr);
  leave_mutator();
  switch (leave) {
    case Leave::Exit: g.handoff = rt::Handoff::Exit; break;
    case Leave::Goexit: g.handoff = rt::Handoff::Goexit; break;
    case Leave::Park:
    case Leave::Yield:
    case Leave::End:
      if (g.handoff == rt::Handoff::None) rt::internal_error("vm: left the CPU without a handoff");
      break;
    case Leave::Callback: rt::internal_error("vm: a callback frame at the bottom of a goroutine");
    case Leave::Retrace: rt::internal_error("vm: Retrace left Interpreter::run");
  }
}

void Machine::destroy(rt::G& g) {
  if (traced()) {  // a line step of a goroutine that ended is over
    std::lock_guard lock(pause_mutex_);
    if (step_kind_ == StepKind::Line && step_goroutine_ == g.id) step_kind_ = StepKind::None;
  }
  if (races_) races_->finished(g.id);
  auto* gr = static_cast<Goroutine*>(g.body_data);
  if (gr) free_goroutine(gr);
}

// The line a goroutine leaving the CPU stops at, for the dashboard: the innermost frame of the
// program's own code (Function::user_code), so a goroutine blocked inside the library's Go code shows
// the line of the program that called it. The top frame's pc is at the VM instruction that
// parked (gr.resuming), else past the instruction that left (a native that parked, a yield);
// callers' are past their call.
void Machine::publish_line(Goroutine& gr) {
  for (std::size_t i = gr.frames.size(); i-- > 0;) {
    const Frame& f = gr.frames[i];
    if (!f.fn->user_code) continue;
    std::uint32_t pc = std::uint32_t(f.pc - f.fn->code.data());
    bool at = i + 1 == gr.frames.size() && gr.resuming;  // as traceback_of
    if (!at && pc > 0) --pc;
    std::int32_t line = std::int32_t(f.fn->line_at(pc));
    if (line > 0) gr.g->line.store(line, std::memory_order_relaxed);
    return;
  }
}

// Go prints at most this many frames of a goroutine (runtime._TracebackMaxFrames), so that the
// message of a deep recursion is not pushed out of a capped output by its own stack.
constexpr int kTracebackMaxFrames = 100;

std::string Machine::traceback_of(const Goroutine& gr) const {
  std::string out;
  int shown = 0;
  for (std::size_t i = gr.frames.size(); i-- > 0;) {
    const Frame& f = gr.frames[i];
    if (f.fn->hidden) continue;
    if (shown++ == kTracebackMaxFrames) {
      out += "...additional frames elided...\n";
      break;
    }
    std::uint32_t pc = std::uint32_t(f.pc - f.fn->code.data());
    // The top frame's pc is at the instruction that parked or failed; callers' are past the call.
    bool at = i + 1 == gr.frames.size() && (gr.resuming || !gr.panics.empty());
    if (!at && pc > 0) --pc;
    out += f.fn->name + (f.fn->nparams ? "(...)" : "()") + "\n\t" + image_->file_of(*f.fn) + ":" +
           std::to_string(f.fn->line_at(pc)) + "\n";
  }
  if (gr.created_by) {
    out += "created by " + gr.created_by->name;
    if (gr.g) out += " in goroutine " + std::to_string(gr.g->parent_id.load(std::memory_order_relaxed));
    out += "\n\t" + image_->file_of(*gr.created_by) + ":" + std::to_string(gr.created_line) + "\n";
  }
  return out;
}

void Machine::traceback(const rt::G& g, std::string& out) const {
  const auto* gr = static_cast<const Goroutine*>(g.body_data);
  if (!gr) return;
  out += gr->final_traceback.empty() ? traceback_of(*gr) : gr->final_traceback;
}

// ---- memory ----

// The race detector is told of every object allocated: its memory may be a freed object's, whose
// history must not be the new one's.
void* Machine::allocate(Goroutine& gr, const GcLayout& layout, std::size_t count) {
  void* p = heap_.allocate(layout, count);
  if (!p) {
    std::size_t bytes;
    if (__builtin_mul_overflow(std::size_t{layout.size()}, count, &bytes)) bytes = SIZE_MAX;
    out_of_memory(gr, bytes);
  } else if (races_) {
    races_->fresh(p, std::size_t{layout.size()} * count);
  }
  return p;
}

void* Machine::allocate_noscan(Goroutine& gr, std::size_t bytes) {
  void* p = heap_.allocate_noscan(bytes);
  if (!p) out_of_memory(gr, bytes);
  else if (races_) races_->fresh(p, bytes);
  return p;
}

bool Machine::charge(Goroutine& gr, std::size_t bytes) {
  if (!reserve(gr, bytes, false)) return false;
  gr.charged += bytes;
  return true;
}

bool Machine::reserve(Goroutine& gr, std::size_t bytes, bool collectable) {
  if (heap_.reserve_external(bytes, collectable)) return true;
  out_of_memory(gr, bytes);
  return false;
}

void Machine::out_of_memory(Goroutine& gr, std::size_t bytes) {
  Heap::Stats st = heap_.stats();
  if (gr.g) {
    gr.g->end_prefix = "runtime: out of memory: cannot allocate " + std::to_string(bytes) + "-byte block (" +
                       std::to_string(st.heap_bytes + st.external_bytes) + " in use)\n";
  }
  ops::fatal(gr, "out of memory");
}

// The mutator lock. enter: wait while a collection is pending, then count ourselves in; if a
// collector raced in between, count ourselves out and wait again. A collector sets stopping_
// first and then waits for the count to reach zero, so once it sees zero no mutator can be past
// its check.
void Machine::enter_mutator() {
  for (;;) {
    if (stopping_.load(std::memory_order_acquire)) {
      std::unique_lock lock(mutator_mutex_);
      mutator_cv_.wait(lock, [&] { return !stopping_.load(std::memory_order_acquire); });
    }
    mutators_.fetch_add(1, std::memory_order_seq_cst);
    if (!stopping_.load(std::memory_order_seq_cst)) return;
    leave_mutator();
  }
}

void Machine::leave_mutator() {
  if (mutators_.fetch_sub(1, std::memory_order_seq_cst) == 1 && stopping_.load(std::memory_order_seq_cst)) {
    std::lock_guard lock(mutator_mutex_);
    mutator_cv_.notify_all();
  }
}

void Machine::safe_point(Goroutine& gr) {
  if (!heap_.gc_wanted()) return;
  collect(gr);
}

void Machine::collect(Goroutine& gr) {
  if (gr.nested > 0) return;
  leave_mutator();
  bool expected = false;
  if (stopping_.compare_exchange_strong(expected, true, std::memory_order_seq_cst)) {
    {
      std::unique_lock lock(mutator_mutex_);
      mutator_cv_.wait(lock, [&] { return mutators_.load(std::memory_order_seq_cst) == 0; });
    }
    // Not in a simulated run's trace: when a collection comes depends on the host's own sizes
    // (its structures, 32- or 64-bit), and that trace is the same on every machine.
    if (!sim_) runtime_.emit(trace::EventKind::GcStart, 0);
    heap_.collect([this](Marker& m) { scan_roots(m); });
    if (!sim_) runtime_.emit(trace::EventKind::GcEnd, 0);
    {
      std::lock_guard lock(mutator_mutex_);
      stopping_.store(false, std::memory_order_seq_cst);
    }
    mutator_cv_.notify_all();
  }
  enter_mutator();
}

void Machine::update_traced_locked() {
  const bool watched = paused_.load(std::memory_order_relaxed) || speed_ > 0;
  loop_kind_.store(watched ? LoopKind::Watched : sim_ ? LoopKind::Sim : LoopKind::Plain, std::memory_order_relaxed);
}

// Simulated (sim_), Pause and Step by event hold the simulation itself between instructions
// (rt::Runtime::sim_hold_at), which leaves the schedule as it was; only a line step uses the
// interpreter's trace points (paused_), with the other goroutines passing them.
void Machine::set_paused(bool paused) {
  if (sim_) runtime_.sim_hold_at(paused ? 0 : UINT64_MAX);
  {
    std::lock_guard lock(pause_mutex_);
    paused_.store(paused && !sim_, std::memory_order_relaxed);
    step_kind_ = StepKind::None;
    update_traced_locked();
  }
  pause_cv_.notify_all();
}

bool Machine::paused() const {
  if (sim_) return runtime_.sim_hold_target() != UINT64_MAX || paused_.load(std::memory_order_relaxed);
  return paused_.load(std::memory_order_relaxed);
}

void Machine::hold_at_event(std::uint64_t event) {
  if (!sim_) return;
  runtime_.sim_hold_at(event);
  {
    std::lock_guard lock(pause_mutex_);  // a line step holding in a trace point is over
    paused_.store(false, std::memory_order_relaxed);
    step_kind_ = StepKind::None;
    update_traced_locked();
  }
  pause_cv_.notify_all();
}

void Machine::step_event() {
  if (sim_) {
    if (paused()) hold_at_event(runtime_.sched_events() + 1);
    return;
  }
  {
    std::lock_guard lock(pause_mutex_);
    if (!paused_.load(std::memory_order_relaxed)) return;
    step_kind_ = StepKind::Event;
    step_target_ = runtime_.sched_events() + 1;
  }
  pause_cv_.notify_all();
}

void Machine::step_line(std::uint64_t goroutine) {
  if (sim_ && !paused()) return;
  {
    std::lock_guard lock(pause_mutex_);
    if (!sim_ && !paused_.load(std::memory_order_relaxed)) return;
    paused_.store(true, std::memory_order_relaxed);
    step_kind_ = StepKind::Line;
    step_goroutine_ = goroutine;
    step_passed_ = false;
    update_traced_locked();
  }
  pause_cv_.notify_all();
  // Simulated: the run goes on, as its seed has it, until the goroutine holds at its next line.
  if (sim_) runtime_.sim_hold_at(UINT64_MAX);
}

std::uint64_t Machine::position() const {
  std::lock_guard lock(pause_mutex_);
  return line_hold_position_ != UINT64_MAX ? line_hold_position_ : runtime_.sim_steps();
}

void Machine::scan_arrivals(std::uint64_t goroutine, std::uint64_t until) {
  if (!sim_) return;
  {
    std::lock_guard lock(pause_mutex_);
    paused_.store(true, std::memory_order_relaxed);
    step_kind_ = StepKind::Scan;
    step_goroutine_ = goroutine;
    step_position_ = until;
    scan_arrivals_.clear();
    update_traced_locked();
  }
  pause_cv_.notify_all();
  runtime_.sim_hold_at(UINT64_MAX);
}

std::vector<std::uint64_t> Machine::arrivals() const {
  std::lock_guard lock(pause_mutex_);
  return scan_arrivals_;
}

void Machine::hold_at_arrival(std::uint64_t goroutine, std::uint64_t at) {
  if (!sim_) return;
  {
    std::lock_guard lock(pause_mutex_);
    paused_.store(true, std::memory_order_relaxed);
    step_kind_ = StepKind::Arrival;
    step_goroutine_ = goroutine;
    step_position_ = at;
    update_traced_locked();
  }
  pause_cv_.notify_all();
  runtime_.sim_hold_at(UINT64_MAX);
}

bool Machine::stepping() const {
  if (sim_) {
    // On the way to a hold until the simulation really holds: the goroutine whose event reached
    // the target still finishes its instruction first.
    const std::uint64_t target = runtime_.sim_hold_target();
    if (target != UINT64_MAX && !runtime_.finished() &&
        (target > runtime_.sched_events() || !runtime_.sim_holding()))
      return true;
  }
  std::lock_guard lock(pause_mutex_);
  switch (step_kind_) {
    case StepKind::None: return false;
    case StepKind::Event: return runtime_.sched_events() < step_target_;
    case StepKind::Line:
    case StepKind::Arrival:
    case StepKind::Scan: return !runtime_.finished();
  }
  return false;
}

void Machine::set_speed(double lines_per_second) {
  {
    std::lock_guard lock(pause_mutex_);
    speed_ = lines_per_second > 0 ? lines_per_second : 0;
    update_traced_locked();
  }
  pause_cv_.notify_all();
}

double Machine::speed() const {
  std::lock_guard lock(pause_mutex_);
  return speed_;
}

// While paused: whether `goroutine`, holding at a new line, may run on (a step lets it).
bool Machine::may_pass_locked(std::uint64_t goroutine, std::uint64_t position) {
  switch (step_kind_) {
    case StepKind::None: return false;
    case StepKind::Event:
      if (runtime_.sched_events() < step_target_) return true;
      step_kind_ = StepKind::None;
      return false;
    case StepKind::Line:
      // Simulated, one goroutine runs at a time and the schedule decides when the stepped one
      // does: the others run on (as the seed has them) until it has run its line.
      if (goroutine != step_goroutine_) return sim_;
      if (!step_passed_) {  // leaving the line it held at
        step_passed_ = true;
        return true;
      }
      step_kind_ = StepKind::None;  // arrived at the next line: the step is over
      return false;
    case StepKind::Arrival:  // sim only: every goroutine runs on until g arrives there
      if (goroutine != step_goroutine_ || position < step_position_) return true;
      step_kind_ = StepKind::None;
      return false;
    case StepKind::Scan:  // sim only
      if (position >= step_position_) {
        step_kind_ = StepKind::None;
        return false;
      }
      if (goroutine == step_goroutine_) scan_arrivals_.push_back(position);
      return true;
  }
  return false;
}

void Machine::trace_point(Goroutine& gr) {
  if (gr.nested > 0) return;  // inside a native's callback: the native holds raw heap pointers
  using Clock = std::chrono::steady_clock;
  const std::uint64_t id = gr.g->id;
  const std::uint64_t position = sim_ ? runtime_.sim_position() : 0;
  bool left = false;  // off the mutator lock while waiting
  Clock::time_point deadline{};
  std::unique_lock lock(pause_mutex_);
  for (;;) {
    // Re-checked every 50 ms as well: the run may end (stop(), another goroutine's os.Exit)
    // without anyone waking us.
    if (runtime_.finished()) break;
    Clock::time_point now = Clock::now();
    Clock::time_point until = now + std::chrono::milliseconds(50);
    if (paused_.load(std::memory_order_relaxed)) {
      if (may_pass_locked(id, position)) break;
      if (sim_) line_hold_position_ = position;  // the simulation's one thread holds here
      deadline = {};  // after a pause, a slowed goroutine waits a whole period again
    } else if (speed_ > 0) {
      if (deadline == Clock::time_point{}) {
        deadline = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / speed_));
      }
      if (now >= deadline) break;
      until = std::min(until, deadline);
    } else {
      break;
    }
    if (!left) {  // never wait on the mutator lock while holding pause_mutex_
      lock.unlock();
      leave_mutator();
      left = true;
      lock.lock();
      continue;
    }
    pause_cv_.wait_until(lock, until);
  }
  line_hold_position_ = UINT64_MAX;
  lock.unlock();
  if (left) enter_mutator();
}

void Machine::pin(Word w) {
  std::lock_guard lock(pins_mutex_);
  ++pins_[w];
}

void Machine::unpin(Word w) {
  std::lock_guard lock(pins_mutex_);
  auto it = pins_.find(w);
  if (it != pins_.end() && --it->second == 0) pins_.erase(it);
}

void Machine::scan_roots(Marker& m) {
  m.mark(globals_);
  {
    std::lock_guard lock(pins_mutex_);
    for (const auto& [w, count] : pins_) m.mark(ptr<void>(w));
  }
  std::lock_guard lock(goroutines_mutex_);
  for (Goroutine* gr = goroutines_; gr; gr = gr->next) {
    std::size_t top = 0;
    for (const Frame& f : gr->frames) {
      top = std::max<std::size_t>(top, std::size_t(f.base) + f.fn->nregs);
      m.mark(f.closure);
    }
    top = std::min(top + 64, gr->stack.size());  // + the argument window of a call in progress
    m.mark_words(reinterpret_cast<const std::uint64_t*>(gr->stack.data()), top);
    m.mark_words(reinterpret_cast<const std::uint64_t*>(gr->defer_args.data()), gr->defer_args.size());
    for (const DeferRecord& d : gr->defers) m.mark(ptr<void>(d.closure));
    for (const PanicRecord& p : gr->panics) m.mark(ptr<void>(p.value));
    m.mark_words(reinterpret_cast<const std::uint64_t*>(gr->inflight), 2);
    m.mark_words(reinterpret_cast<const std::uint64_t*>(gr->select_values.data()), gr->select_values.size());
  }
}

}  // namespace gopark::vm
