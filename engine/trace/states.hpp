// The goroutine vocabulary: the states a goroutine passes through, why it waits, how it ended.
//
// The runtime (engine/runtime) moves goroutines through these states and records them; the trace
// carries them (event details, snapshot rows) and its exporters name them. They live here, on the
// lower floor, so that the trace never reads the runtime's headers: the runtime includes the trace,
// never the other way round. engine/runtime re-exports every name in gopark::rt (runtime/g.hpp).
#pragma once

#include <cstdint>

namespace gopark::trace {

// The five states of the study note (CURRICULUM row 4), which are also Go's.
enum class GState : uint8_t {
  Initial,   // created, never run yet (in a run queue)
  Runnable,  // ready: in a run queue, has run before
  Running,   // on a P (or its own thread in threads mode)
  Waiting,   // suspended: parked on a channel, lock, timer... (see wait_reason / wait_object)
  Dead,      // terminated (or a free G waiting for reuse)
};
const char* go_word(GState s);    // Go's words: "runnable", "running", "waiting", ...
const char* note_word(GState s);  // the study note's: "initial", "ready", "running", "suspended", "terminated"

// Why a G waits, with Go's own strings (as printed in goroutine dumps).
enum class WaitReason : uint8_t {
  None,
  ChanReceive,
  ChanSend,
  ChanReceiveNil,
  ChanSendNil,
  Select,
  SelectNoCases,
  Sleep,
  MutexLock,
  RWMutexRLock,
  RWMutexLock,
  WaitGroupWait,
  CondWait,
  Preempted,  // used only in dumps of a G stopped by a preemption request
};
const char* go_string(WaitReason r);

// How a G came to be Dead (carried by the GoEnd trace event).
enum class EndReason : uint8_t {
  Returned,
  Goexit,
  Panicked,
  MainReturned,  // killed: main returned (or os.Exit / a panic ended the program)
  Stopped,       // killed: the run was stopped from outside
  Deadlocked,    // killed: the run ended in a deadlock
};
const char* describe(EndReason r);

}  // namespace gopark::trace
