// sync/atomic for C++ goroutines: no lost updates where plain ints lose them.
#include "helpers.hpp"

using namespace gopark;
using namespace gopark::test;
using co::Task;

TEST_CASE("atomic Int64, Bool and Value under real parallelism") {
  const int per = scaled(20000);
  co::atomic::Int64 counter;
  co::atomic::Bool flag;
  co::atomic::Value<std::string> config;
  auto res = co::run(rt::Config{.procs = 4}, [&]() -> Task<> {
    config.store("v1");
    co::WaitGroup wg;
    for (int i = 0; i < 4; ++i) {
      co_await wg.add(1);
      co::go([&]() -> Task<> {
        for (int k = 0; k < per; ++k) counter.add(1);
        flag.compare_and_swap(false, true);
        CHECK(!config.load()->empty());
        co_await wg.done();
      });
    }
    config.store("v2");
    co_await wg.wait();
  });
  CHECK(res.kind == rt::ExitKind::MainReturned);
  CHECK(counter.load() == 4 * per);
  CHECK(counter.add(-1) == 4 * per - 1);
  CHECK(counter.swap(5) == 4 * per - 1);
  CHECK_FALSE(counter.compare_and_swap(4, 6));
  CHECK(counter.compare_and_swap(5, 6));
  CHECK(flag.load());
  CHECK(*config.load() == "v2");
}
