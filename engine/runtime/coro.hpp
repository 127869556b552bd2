// One name for the C++20 coroutine library on every toolchain we build with.
//
// g++ 12 and clang 14 with libstdc++ have <coroutine>; Emscripten 3.1.6 ships libc++ 13, which only has
// <experimental/coroutine>. Everything in gopark says `coro::coroutine_handle` and never names either.
#pragma once

#if __has_include(<coroutine>) && !defined(__EMSCRIPTEN__)
#include <coroutine>
namespace gopark::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace gopark::coro
#else
#include <experimental/coroutine>
namespace gopark::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace gopark::coro
#endif
