// Trace events: what the runtime records about every state change, channel operation and lock operation.
//
// An Event is 40 bytes, written by the M (OS thread) where it happened into that M's own buffer
// (recorder.hpp), so recording takes no lock. Events carry ids, never pointers: a goroutine, channel or
// lock may be gone by the time someone reads the trace.
//
// Goroutine state changes (the five states) map onto events like this:
//   GoCreate                       -> Initial
//   GoUnblock, GoYield, GoPreempt  -> Runnable
//   GoStart                        -> Running
//   GoBlock                        -> Waiting (detail = WaitReason, obj = what it waits on)
//   GoEnd                          -> Dead    (detail = EndReason)
#pragma once

#include <cstdint>

namespace gopark::trace {

enum class EventKind : uint8_t {
  GoCreate,     // g: new goroutine; arg: parent goroutine id; obj: label (const char*, outlives the run)
  GoStart,      // g starts running on p, m
  GoBlock,      // g parks; detail: WaitReason (states.hpp); obj: object id
  GoUnblock,    // g readied; arg: goroutine that readied it (0: the runtime, e.g. a timer)
  GoYield,      // g called Gosched
  GoPreempt,    // g was preempted
  GoEnd,        // g ended; detail: EndReason (states.hpp)
  ProcStart,    // m acquired p
  ProcStop,     // m released p
  ProcsChange,  // GOMAXPROCS; arg: new value, obj: old value
  ChanMake,     // obj: channel id; arg: capacity
  ChanSend,     // g sent on obj; arg: 1 if the value went to a waiting receiver directly
  ChanRecv,     // g received from obj; arg: 0 if the channel was closed (ok == false)
  ChanClose,    // g closed obj
  LockAcquire,  // g acquired obj; detail: LockOp
  LockContend,  // g must wait for obj; detail: LockOp
  LockRelease,  // g released obj; detail: LockOp
  SyncOp,       // WaitGroup Add/Done (arg: delta), Cond Signal/Broadcast, Once; detail: LockOp
  TimerFire,    // obj: timer id
  GcStart,      // a stop-the-world collection began (every goroutine is stopped)
  GcEnd,        // the collection finished; arg: live bytes after it
  Count,
};
const char* name(EventKind k);

// Which lock-ish operation a Lock*/SyncOp event is about.
enum class LockOp : uint8_t { Lock, RLock, WaitGroupAdd, WaitGroupWait, CondSignal, CondBroadcast, OnceDo };

struct Event {
  int64_t ts_ns = 0;  // since the run started (steady clock)
  uint64_t g = 0;     // goroutine id, 0 if none
  uint64_t obj = 0;   // object id (or see the kind)
  int64_t arg = 0;
  int16_t p = -1;     // P id, -1 if none
  int16_t m = -1;     // M id, -1 if not on an M
  EventKind kind = EventKind::Count;
  uint8_t detail = 0;
};
static_assert(sizeof(Event) == 40);

}  // namespace gopark::trace
