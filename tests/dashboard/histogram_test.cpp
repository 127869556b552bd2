// histogram: Run ×N's distinct outputs, most frequent first, ties in order of first appearance.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/view_model.hpp"

namespace dash = gopark::dash;

TEST_CASE("no runs, no outcomes") { CHECK(dash::histogram({}).empty()); }

TEST_CASE("identical outputs are counted, most frequent first, ties by first appearance") {
  const std::vector<std::string> outputs = {"b\n", "a\n", "", "a\n", "c\n", "", "a\n", "exit status 2\n"};
  const auto h = dash::histogram(outputs);
  REQUIRE(h.size() == 5);
  CHECK(h[0].output == "a\n");
  CHECK(h[0].count == 3);
  CHECK(h[1].output == "");  // an empty output is an outcome too
  CHECK(h[1].count == 2);
  CHECK(h[2].output == "b\n");
  CHECK(h[3].output == "c\n");
  CHECK(h[4].output == "exit status 2\n");
  for (std::size_t i = 2; i < h.size(); ++i) CHECK(h[i].count == 1);
}

TEST_CASE("outputs differing only in a trailing newline are different outcomes") {
  const auto h = dash::histogram({"1 2", "1 2\n", "1 2"});
  REQUIRE(h.size() == 2);
  CHECK(h[0].output == "1 2");
  CHECK(h[0].count == 2);
  CHECK(h[1].count == 1);
}

TEST_CASE("each outcome keeps the smallest seed of its runs, which replays it in sim mode") {
  const auto h = dash::histogram({"2\n", "2\n", "1\n", "2\n", "1\n"}, {10, 11, 12, 13, 14});
  REQUIRE(h.size() == 2);
  CHECK(h[0].seed == 10);
  CHECK(h[1].seed == 12);
  // Runs on several threads finish out of order.
  const auto h2 = dash::histogram({"2\n", "1\n", "2\n", "1\n"}, {13, 14, 10, 12});
  CHECK(h2[0].seed == 10);
  CHECK(h2[1].seed == 12);
  CHECK(dash::histogram({"x"})[0].seed == 0);  // no seeds given
}
