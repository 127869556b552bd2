#include "runtime/api/task.hpp"

namespace gopark::co {

rt::G& detail::self() {
  rt::G* g = rt::current_g();
  if (!g) rt::api_misuse("a goroutine operation was called outside any goroutine");
  return *g;
}

rt::G* detail::spawn(rt::Runtime& r, Task<> t, const char* label, rt::G* parent) {
  auto h = t.release();
  rt::G* g = r.spawn(CoroutineBody::instance(), h.address(), label, parent);
  if (!g) h.destroy();  // no goroutine was created: the frame never started
  return g;
}

CoroutineBody& CoroutineBody::instance() {
  static CoroutineBody body;
  return body;
}

void CoroutineBody::resume(rt::G& g) {
  coro::coroutine_handle<> h = g.resume_point;
  if (!h) h = coro::coroutine_handle<>::from_address(g.body_data);  // first run: the root frame
  g.resume_point = {};
  h.resume();
}

void CoroutineBody::destroy(rt::G& g) {
  if (g.body_data) coro::coroutine_handle<>::from_address(g.body_data).destroy();
  g.body_data = nullptr;
}

void CoroutineBody::traceback(const rt::G& g, std::string& out) const {
  out += g.label.load(std::memory_order_relaxed);
  out += "(...)\n\t(C++ coroutine)\n";
}

}  // namespace gopark::co
