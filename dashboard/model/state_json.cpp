// A frame as JSON (state_json.hpp): the web page's `gopark.state()`, for tests and embedding.
#include "model/state_json.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

#include "trace/json.hpp"

namespace gopark::dash {

namespace {

// A small JSON writer: objects and arrays with commas placed by a stack of "first" flags.
class Json {
 public:
  std::string take() { return std::move(out_); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(const char* k) {
    comma();
    string(k);
    out_ += ':';
    after_key_ = true;
  }
  void value(const std::string& s) { comma(), string(s); }
  void value(const char* s) { comma(), string(s); }
  void value(bool b) { comma(), out_ += b ? "true" : "false"; }
  void value(double d) {
    comma();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", d);
    out_ += buf;
  }
  template <class Int>
  void integer(Int i) {
    comma();
    out_ += std::to_string(i);
  }
  template <class T>
  void field(const char* k, const T& v) {
    key(k);
    value(v);
  }
  template <class Int>
  void int_field(const char* k, Int v) {
    key(k);
    integer(v);
  }
  template <class Seq>
  void ids(const char* k, const Seq& seq) {
    key(k);
    begin_array();
    for (const auto& id : seq) integer(id);
    end_array();
  }

 private:
  void open(char c) {
    comma();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
  void comma() {
    if (after_key_) {  // a value right after its key
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_ += ',';
      first_.back() = false;
    }
  }
  void string(std::string_view s) { trace::append_json_string(out_, s); }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

// "k": [{...}, ...]: one object per item, its fields written by fields(j, item).
template <class Seq, class Fields>
void objects(Json& j, const char* k, const Seq& items, Fields fields) {
  j.key(k);
  j.begin_array();
  for (const auto& item : items) {
    j.begin_object();
    fields(j, item);
    j.end_object();
  }
  j.end_array();
}

void queued(Json& j, const char* k, const std::vector<QueuedGoroutine>& q, bool with_values) {
  objects(j, k, q, [with_values](Json& j, const QueuedGoroutine& g) {
    j.int_field("id", g.id);
    if (with_values) j.field("value", g.value);
    if (g.writer) j.field("writer", true);
  });
}

}  // namespace

std::string state_json(const ViewModel& v, std::uint64_t step, bool held) {
  Json j;
  j.begin_object();
  j.int_field("step", step);
  j.field("held", held);
  j.field("running", v.running);
  j.field("time_ms", v.time_ms);
  j.field("mode", v.mode);
  j.int_field("gomaxprocs", v.gomaxprocs);
  j.field("deadlock", v.deadlock);

  objects(j, "goroutines", v.goroutines, [](Json& j, const GoroutineRow& g) {
    j.int_field("id", g.id);
    j.field("function", g.function);
    j.field("state", state_style(g.state).note_word);
    j.field("go_state", state_style(g.state).go_word);
    j.field("wait", g.wait);
    j.int_field("wait_object", g.wait_object);
    j.field("wait_object_name", g.wait_object_name);
    j.int_field("p", g.p);
    j.int_field("m", g.m);
    j.int_field("line", g.line);
    j.int_field("created_line", g.created_line);
    j.int_field("parent", g.parent);
  });

  objects(j, "procs", v.procs, [](Json& j, const ProcLane& p) {
    j.int_field("id", p.id);
    j.field("status", p.status);
    j.int_field("m", p.m);
    j.int_field("running", p.running);
    j.int_field("runnext", p.runnext);
    j.ids("runq", p.runq);
    j.int_field("runq_size", p.runq_size);
  });
  j.ids("global_runq", v.global_runq);
  j.int_field("global_runq_size", v.global_runq_size);

  objects(j, "threads", v.threads, [](Json& j, const ThreadRow& t) {
    j.int_field("id", t.id);
    j.int_field("os_tid", t.os_tid);
    j.field("status", t.status);
    j.int_field("p", t.p);
    j.int_field("running", t.running);
  });

  objects(j, "channels", v.channels, [](Json& j, const ChannelView& c) {
    j.int_field("id", c.id);
    j.field("name", c.name);
    j.field("elem_type", c.elem_type);
    j.int_field("cap", c.cap);
    j.int_field("len", c.len);
    j.field("closed", c.closed);
    j.key("buffer");
    j.begin_array();
    for (const std::string& b : c.buffer) j.value(b);
    j.end_array();
    queued(j, "senders", c.senders, true);
    queued(j, "receivers", c.receivers, false);
    j.int_field("sends", c.sends);
    j.int_field("receives", c.receives);
  });

  objects(j, "locks", v.locks, [](Json& j, const LockView& l) {
    j.int_field("id", l.id);
    j.field("kind", l.kind);
    j.field("name", l.name);
    j.ids("holders", l.holders);
    j.int_field("readers", l.readers);
    j.field("writer_waiting", l.writer_waiting);
    j.int_field("counter", l.counter);
    j.field("done", l.done);
    queued(j, "waiters", l.waiters, false);
  });

  objects(j, "races", v.races, [](Json& j, const RaceView& r) {
    j.int_field("goroutine", r.goroutine);
    j.field("write", r.write);
    j.int_field("line", r.line);
    j.int_field("previous_goroutine", r.previous_goroutine);
    j.field("previous_write", r.previous_write);
    j.int_field("previous_line", r.previous_line);
    j.field("text", r.text);
  });
  j.end_object();
  return j.take();
}

}  // namespace gopark::dash
