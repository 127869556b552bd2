// The one vocabulary of the dashboard: the five states (words and colours) and the names of
// wait reasons and of objects known only by id.
//
// Colours are chosen for ImGui's dark theme (window background about #0F0F0F): every state
// colour keeps a contrast ratio of at least 3:1 against it (the tests check it), and the five
// differ in brightness as well as hue, so they stay apart for readers who confuse red and green.
// Ready is yellow and running green as traffic lights are; suspended is orange-red because a
// blocked goroutine is what a learner hunts for; terminated is the only grey, the least visible.
#include <array>
#include <cstddef>

#include "model/view_model.hpp"
#include "runtime/g.hpp"

namespace gopark::dash {

namespace {

// IM_COL32's layout without including ImGui: alpha in the top byte, red in the lowest.
constexpr std::uint32_t rgb(std::uint32_t r, std::uint32_t g, std::uint32_t b) {
  return 0xFF000000u | (b << 16) | (g << 8) | r;
}

// Go's words are those of its goroutine dumps: a goroutine that has not run yet is "runnable"
// there (newproc makes it _Grunnable), although rt::go_word(Initial) says "idle" (_Gidle).
constexpr std::array<StateStyle, std::size_t(NoteState::Count) + 1> kStyles = {{
    {"runnable", "initial", rgb(150, 170, 215)},    // grey-blue
    {"runnable", "ready", rgb(235, 200, 70)},       // yellow
    {"running", "running", rgb(90, 205, 110)},      // green
    {"waiting", "suspended", rgb(240, 115, 60)},    // orange-red
    {"dead", "terminated", rgb(120, 120, 128)},     // dark grey
    {"?", "?", rgb(160, 160, 160)},                 // out of range
}};

const char* wait_kind(rt::WaitReason r) {
  switch (r) {
    case rt::WaitReason::ChanReceive:
    case rt::WaitReason::ChanSend:
      return "chan";
    // sync.Once parks with this reason too, as Go's Once waits on its Mutex.
    case rt::WaitReason::MutexLock: return "Mutex";
    case rt::WaitReason::RWMutexRLock:
    case rt::WaitReason::RWMutexLock:
      return "RWMutex";
    case rt::WaitReason::WaitGroupWait: return "WaitGroup";
    case rt::WaitReason::CondWait: return "Cond";
    default: return "object";
  }
}

}  // namespace

const StateStyle& state_style(NoteState s) {
  const auto i = std::size_t(s);
  return kStyles[i < std::size_t(NoteState::Count) ? i : std::size_t(NoteState::Count)];
}

NoteState note_state(std::uint8_t gstate) {
  // NoteState lists the five in rt::GState's order.
  static_assert(std::size_t(rt::GState::Initial) == std::size_t(NoteState::Initial));
  static_assert(std::size_t(rt::GState::Runnable) == std::size_t(NoteState::Ready));
  static_assert(std::size_t(rt::GState::Running) == std::size_t(NoteState::Running));
  static_assert(std::size_t(rt::GState::Waiting) == std::size_t(NoteState::Suspended));
  static_assert(std::size_t(rt::GState::Dead) == std::size_t(NoteState::Terminated));
  return gstate < std::uint8_t(NoteState::Count) ? NoteState(gstate) : NoteState::Terminated;
}

std::string wait_reason_text(std::uint8_t reason) {
  // rt::WaitReason has a fixed underlying type, so any byte is a valid value; go_string answers
  // "?" for the ones it does not name.
  return rt::go_string(rt::WaitReason(reason));
}

std::string unnamed_object(std::uint64_t id, std::uint8_t wait_reason) {
  return std::string(wait_kind(rt::WaitReason(wait_reason))) + " #" + std::to_string(id);
}

}  // namespace gopark::dash
