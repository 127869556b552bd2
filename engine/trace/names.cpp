// Names of the trace's vocabulary (states.hpp, event.hpp): Go's own words where Go has them.
#include "trace/event.hpp"
#include "trace/states.hpp"

namespace gopark::trace {

const char* go_word(GState s) {
  switch (s) {
    case GState::Initial: return "idle";
    case GState::Runnable: return "runnable";
    case GState::Running: return "running";
    case GState::Waiting: return "waiting";
    case GState::Dead: return "dead";
  }
  return "?";
}

const char* note_word(GState s) {
  switch (s) {
    case GState::Initial: return "initial";
    case GState::Runnable: return "ready";
    case GState::Running: return "running";
    case GState::Waiting: return "suspended";
    case GState::Dead: return "terminated";
  }
  return "?";
}

const char* go_string(WaitReason r) {
  switch (r) {
    case WaitReason::None: return "";
    case WaitReason::ChanReceive: return "chan receive";
    case WaitReason::ChanSend: return "chan send";
    case WaitReason::ChanReceiveNil: return "chan receive (nil chan)";
    case WaitReason::ChanSendNil: return "chan send (nil chan)";
    case WaitReason::Select: return "select";
    case WaitReason::SelectNoCases: return "select (no cases)";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::MutexLock: return "sync.Mutex.Lock";
    case WaitReason::RWMutexRLock: return "sync.RWMutex.RLock";
    case WaitReason::RWMutexLock: return "sync.RWMutex.Lock";
    case WaitReason::WaitGroupWait: return "sync.WaitGroup.Wait";
    case WaitReason::CondWait: return "sync.Cond.Wait";
    case WaitReason::Preempted: return "preempted";
  }
  return "?";
}

const char* describe(EndReason r) {
  switch (r) {
    case EndReason::Returned: return "returned";
    case EndReason::Goexit: return "runtime.Goexit";
    case EndReason::Panicked: return "panicked";
    case EndReason::MainReturned: return "terminated because main returned";
    case EndReason::Stopped: return "terminated because the run was stopped";
    case EndReason::Deadlocked: return "terminated by the deadlock";
  }
  return "?";
}

const char* name(EventKind k) {
  switch (k) {
    case EventKind::GoCreate: return "GoCreate";
    case EventKind::GoStart: return "GoStart";
    case EventKind::GoBlock: return "GoBlock";
    case EventKind::GoUnblock: return "GoUnblock";
    case EventKind::GoYield: return "GoYield";
    case EventKind::GoPreempt: return "GoPreempt";
    case EventKind::GoEnd: return "GoEnd";
    case EventKind::ProcStart: return "ProcStart";
    case EventKind::ProcStop: return "ProcStop";
    case EventKind::ProcsChange: return "ProcsChange";
    case EventKind::ChanMake: return "ChanMake";
    case EventKind::ChanSend: return "ChanSend";
    case EventKind::ChanRecv: return "ChanRecv";
    case EventKind::ChanClose: return "ChanClose";
    case EventKind::LockAcquire: return "LockAcquire";
    case EventKind::LockContend: return "LockContend";
    case EventKind::LockRelease: return "LockRelease";
    case EventKind::SyncOp: return "SyncOp";
    case EventKind::TimerFire: return "TimerFire";
    case EventKind::GcStart: return "GcStart";
    case EventKind::GcEnd: return "GcEnd";
    case EventKind::Count: break;
  }
  return "?";
}

}  // namespace gopark::trace
