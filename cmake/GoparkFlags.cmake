# Compile flags shared by every gopark target, applied per target (no global flags).
#
# GOPARK_SANITIZE: "" | thread | address   (the tsan/asan presets set it)

set(GOPARK_SANITIZE "" CACHE STRING "Sanitizer for every gopark target: thread, address or empty")

if(EMSCRIPTEN)
  # Every object must be built with -pthread (atomics + bulk memory) or wasm-ld refuses shared memory;
  # Threads::Threads adds nothing there. Emscripten 3.1.6 ships libc++ 13: <experimental/coroutine>,
  # and symmetric transfer between coroutines needs wasm tail calls.
  add_compile_options(-pthread -mtail-call -Wno-deprecated-experimental-coroutine)
  add_link_options(-pthread -mtail-call)
endif()

function(gopark_target_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # Lock annotations in engine/runtime/annotations.hpp are checked here.
    target_compile_options(${target} PRIVATE -Wthread-safety)
  endif()
  if(GOPARK_SANITIZE STREQUAL "thread")
    target_compile_options(${target} PRIVATE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=thread)
  elseif(GOPARK_SANITIZE STREQUAL "address")
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
