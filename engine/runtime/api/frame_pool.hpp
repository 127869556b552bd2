// Allocation of coroutine frames for the C++ goroutine API.
//
// Goroutine frames are small (64 B - 1 KiB), short-lived and, in M:N mode, typically allocated on one M
// and freed on another (a goroutine is spawned here and stolen there). glibc's malloc is slow at exactly
// that: each thread's cache fills with frees it never reuses. So frames come from per-thread free lists
// of 64-byte size classes, which exchange batches with a global list under a mutex.
//
// Memory taken for frames is kept for reuse by later goroutines, never returned to the system (as Go
// keeps its goroutine stacks). Under AddressSanitizer the pool is off, so use-after-free of a frame is
// still caught.
#pragma once

#include <cstddef>

namespace gopark::co::detail {

void* allocate_frame(std::size_t size);
void free_frame(void* p, std::size_t size);

}  // namespace gopark::co::detail
