// SharedConst<T>: the counted handle behind Regex and CompiledSchema. Every copy, move and
// assignment keeps the count right, the object is destroyed exactly once, by whichever
// handle goes last, on any thread.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>
#if !defined(__EMSCRIPTEN__)
#include <thread>
#endif

#include "medusa/regex.hpp"
#include "medusa/schema/validator.hpp"
#include "medusa/shared_const.hpp"

using medusa::detail::SharedConst;

namespace {

struct Tracked {
  static int live;
  static int destroyed;
  std::string text;

  explicit Tracked(std::string t) : text(std::move(t)) { ++live; }
  Tracked(const Tracked&) = delete;  // the handle never copies its object
  ~Tracked() {
    --live;
    ++destroyed;
  }
};
int Tracked::live = 0;
int Tracked::destroyed = 0;

void reset() {
  Tracked::live = 0;
  Tracked::destroyed = 0;
}

// Declared here, defined at the end of the file: a handle is copied and dropped where its
// type is incomplete, as Regex does with its program.
struct Opaque;
SharedConst<Opaque> make_opaque(int* destroyed);
std::size_t copy_and_drop(const SharedConst<Opaque>& handle) {
  SharedConst<Opaque> copy = handle;
  SharedConst<Opaque> moved = std::move(copy);
  return moved.use_count();
}

}  // namespace

TEST_SUITE("shared_const") {
  TEST_CASE("make builds one object that every copy shares") {
    reset();
    {
      auto a = SharedConst<Tracked>::make("first");
      CHECK(Tracked::live == 1);
      CHECK(a.use_count() == 1);
      CHECK(a->text == "first");
      auto b = a;
      CHECK(b.get() == a.get());
      CHECK(a.use_count() == 2);
      CHECK((*b).text == "first");
      CHECK(Tracked::live == 1);
    }
    CHECK(Tracked::live == 0);
    CHECK(Tracked::destroyed == 1);
  }

  TEST_CASE("the last handle destroys the object, whichever it is") {
    reset();
    auto first = SharedConst<Tracked>::make("x");
    std::vector<SharedConst<Tracked>> copies(5, first);
    CHECK(first.use_count() == 6);
    first = SharedConst<Tracked>();
    CHECK(Tracked::live == 1);
    CHECK(copies.front().use_count() == 5);
    copies.erase(copies.begin(), copies.begin() + 4);
    CHECK(Tracked::destroyed == 0);
    CHECK(copies.back().use_count() == 1);
    copies.clear();
    CHECK(Tracked::live == 0);
    CHECK(Tracked::destroyed == 1);
  }

  TEST_CASE("a moved-from handle is empty and owns nothing") {
    reset();
    auto a = SharedConst<Tracked>::make("m");
    auto b = std::move(a);
    CHECK_FALSE(a);
    CHECK(a.get() == nullptr);
    CHECK(a.use_count() == 0);
    CHECK(b);
    CHECK(b.use_count() == 1);
    SharedConst<Tracked> c;
    c = std::move(b);
    CHECK_FALSE(b);
    CHECK(c.use_count() == 1);
    CHECK(Tracked::live == 1);
    c = SharedConst<Tracked>();
    CHECK(Tracked::destroyed == 1);
  }

  TEST_CASE("assignment releases the old object and shares the new one") {
    reset();
    auto a = SharedConst<Tracked>::make("a");
    auto b = SharedConst<Tracked>::make("b");
    auto keep_b = b;
    b = a;
    CHECK(b->text == "a");
    CHECK(a.use_count() == 2);
    CHECK(keep_b.use_count() == 1);
    CHECK(Tracked::live == 2);
    keep_b = a;  // the last handle of "b" goes
    CHECK(Tracked::live == 1);
    CHECK(Tracked::destroyed == 1);
    CHECK(a.use_count() == 3);
  }

  TEST_CASE("self-assignment keeps the object") {
    reset();
    auto a = SharedConst<Tracked>::make("self");
    auto& same = a;
    a = same;
    CHECK(a.use_count() == 1);
    CHECK(a->text == "self");
    a = std::move(same);
    CHECK(a);
    CHECK(a.use_count() == 1);
    CHECK(Tracked::live == 1);
    a = SharedConst<Tracked>();
    CHECK(Tracked::destroyed == 1);
  }

  TEST_CASE("handles copy and drop where their type is incomplete") {
    int destroyed = 0;
    {
      auto handle = make_opaque(&destroyed);
      CHECK(copy_and_drop(handle) == 2);
      CHECK(handle.use_count() == 1);
      CHECK(destroyed == 0);
    }
    CHECK(destroyed == 1);
  }

  TEST_CASE("Regex and CompiledSchema copies share their compiled form") {
    auto regex = medusa::Regex::compile("^[a-z]+$");
    REQUIRE(regex);
    medusa::Regex copy = *regex;
    regex = medusa::Regex::compile("x");  // the original handle goes away
    CHECK(copy.search("abc"));
    CHECK_FALSE(copy.search("ABC"));
    CHECK(copy.source() == "^[a-z]+$");

    auto schema = medusa::schema::CompiledSchema::compile(
        medusa::json::parse(R"({"type":"object","required":["a"]})"));
    REQUIRE(schema);
    medusa::schema::CompiledSchema kept = *schema;
    schema = medusa::schema::CompiledSchema::compile(medusa::json(true));
    CHECK(kept.is_valid(medusa::json::parse(R"({"a":1})")));
    CHECK_FALSE(kept.is_valid(medusa::json::object()));
    CHECK(kept.document()["required"][0] == "a");
  }

#if !defined(__EMSCRIPTEN__)
  TEST_CASE("copies used and dropped on several threads destroy the object once") {
    reset();
    for (int round = 0; round < 20; ++round) {
      auto shared = SharedConst<Tracked>::make("threads");
      std::vector<std::thread> threads;
      for (int t = 0; t < 4; ++t) {
        threads.emplace_back([copy = shared] {
          std::size_t length = 0;
          for (int i = 0; i < 10000; ++i) {
            SharedConst<Tracked> local = copy;
            length += local->text.size();
          }
          CHECK(length == 70000);
        });
      }
      shared = SharedConst<Tracked>();  // the threads may now hold the last handles
      for (auto& thread : threads) thread.join();
    }
    CHECK(Tracked::live == 0);
    CHECK(Tracked::destroyed == 20);
  }
#endif
}

namespace {

struct Opaque {
  int* destroyed;
  explicit Opaque(int* d) : destroyed(d) {}
  ~Opaque() { ++*destroyed; }
};

SharedConst<Opaque> make_opaque(int* destroyed) {
  return SharedConst<Opaque>::make(destroyed);
}

}  // namespace
