# doctest for native and Emscripten builds, and gopark_add_test() to register a test binary with CTest.
#
# Natively: Debian's doctest-dev (find_package). Under Emscripten the toolchain only searches its sysroot
# and doctest::doctest would put the host's /usr/include on em++'s path, so only the header directory is
# exposed, through a symlink.

if(EMSCRIPTEN)
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/doctest-include)
  file(CREATE_LINK /usr/include/doctest ${CMAKE_BINARY_DIR}/doctest-include/doctest SYMBOLIC)
  add_library(doctest_headers INTERFACE)
  target_include_directories(doctest_headers SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/doctest-include)
  # Emscripten's stdout is a tty to doctest, whose colours would break the output.
  target_compile_definitions(doctest_headers INTERFACE DOCTEST_CONFIG_COLORS_NONE)
  add_library(doctest::doctest ALIAS doctest_headers)
  list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/doctest)
else()
  find_package(doctest REQUIRED)
endif()
include(doctest)

# gopark_add_test(name sources... [POOL n]): a doctest binary registered with CTest.
# Natively every TEST_CASE becomes its own CTest test (parallel, individually reported). Under Emscripten
# the binary runs once under node (starting node and its worker pool per test case would cost more than
# the tests): main runs in a worker (PROXY_TO_PTHREAD) so it may block, with a pool of `n` workers
# created up front for the runtime's threads.
function(gopark_add_test name)
  cmake_parse_arguments(ARG "" "POOL" "" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE gopark_runtime doctest::doctest)
  gopark_target_flags(${name})
  if(EMSCRIPTEN)
    if(NOT ARG_POOL)
      set(ARG_POOL 24)
    endif()
    target_link_options(${name} PRIVATE -sPROXY_TO_PTHREAD -sPTHREAD_POOL_SIZE=${ARG_POOL} -sEXIT_RUNTIME=1
                        -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=256MB
                        -Wno-pthreads-mem-growth)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES TIMEOUT 900)
  else()
    doctest_discover_tests(${name} PROPERTIES TIMEOUT 300)
  endif()
endfunction()
