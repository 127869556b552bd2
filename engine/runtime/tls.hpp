// Per-thread state of the runtime's own threads (internal to engine/runtime).
//
// `constinit` lets the compiler access these directly, without the TLS wrapper call that an `extern
// thread_local` with possible dynamic initialisation would need: they sit on every hot path.
#pragma once

#include <cstdint>

namespace gopark::trace {
class Sink;
}

namespace gopark::rt {
struct G;
struct M;
class Runtime;
}  // namespace gopark::rt

namespace gopark::rt::tls {
extern thread_local constinit G* g;                // the goroutine running on this thread
extern thread_local constinit M* m;                // this thread's M, if it is one
extern thread_local constinit Runtime* runtime;    // the runtime this thread belongs to
extern thread_local constinit trace::Sink* sink;   // this thread's trace sink (null: not tracing)
extern thread_local constinit uint64_t rng;        // this thread's random state
}  // namespace gopark::rt::tls
