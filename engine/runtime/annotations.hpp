// Clang thread-safety annotations (checked with -Wthread-safety; empty elsewhere).
//
// They document, next to each field, which lock guards it, and let the compiler check the simple cases.
// Paths the analysis cannot follow (a lock taken in one function and released by the scheduler after a
// goroutine has parked) are marked GOPARK_NO_THREAD_SAFETY_ANALYSIS with a comment saying why.
#pragma once

#if defined(__clang__)
#define GOPARK_TSA(x) __attribute__((x))
#else
#define GOPARK_TSA(x)
#endif

#define GOPARK_CAPABILITY(name) GOPARK_TSA(capability(name))
#define GOPARK_GUARDED_BY(lock) GOPARK_TSA(guarded_by(lock))
#define GOPARK_REQUIRES(...) GOPARK_TSA(requires_capability(__VA_ARGS__))
#define GOPARK_ACQUIRE(...) GOPARK_TSA(acquire_capability(__VA_ARGS__))
#define GOPARK_RELEASE(...) GOPARK_TSA(release_capability(__VA_ARGS__))
#define GOPARK_TRY_ACQUIRE(...) GOPARK_TSA(try_acquire_capability(__VA_ARGS__))
#define GOPARK_EXCLUDES(...) GOPARK_TSA(locks_excluded(__VA_ARGS__))
#define GOPARK_SCOPED_CAPABILITY GOPARK_TSA(scoped_lockable)
#define GOPARK_RETURN_CAPABILITY(x) GOPARK_TSA(lock_returned(x))
#define GOPARK_NO_THREAD_SAFETY_ANALYSIS GOPARK_TSA(no_thread_safety_analysis)
