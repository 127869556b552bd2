#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  // Under node the wasm build is slower and has fewer threads: keep stress loops short.
  if (!std::getenv("GOPARK_STRESS")) setenv("GOPARK_STRESS", "0.2", 0);
#endif
  doctest::Context context(argc, argv);
  return context.run();
}
