// Result<T>: a value or an Error through every copy, move and assignment between the two
// states, with each value constructed and destroyed exactly once.
#include <doctest/doctest.h>

#include <string>
#include <type_traits>
#include <utility>

#include "medusa/error.hpp"

using medusa::Error;
using medusa::ErrorKind;
using medusa::Result;

namespace {

// A value that counts the live copies of itself.
struct Counted {
  static int live;
  std::string text;

  explicit Counted(std::string t) : text(std::move(t)) { ++live; }
  Counted(const Counted& other) : text(other.text) { ++live; }
  Counted(Counted&& other) noexcept : text(std::move(other.text)) { ++live; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) = default;
  ~Counted() { --live; }
};
int Counted::live = 0;

using CountedResult = Result<Counted>;

CountedResult value_of(const char* text) {
  return Counted(text);
}

CountedResult error_of(const char* code) {
  return Error(ErrorKind::invalid_argument, code, std::string("message of ") + code, "/at");
}

void check_value(const CountedResult& r, const char* text) {
  REQUIRE(r.ok());
  CHECK(static_cast<bool>(r));
  CHECK(r->text == text);
  CHECK((*r).text == text);
}

void check_error(const CountedResult& r, const char* code) {
  REQUIRE_FALSE(r.ok());
  CHECK_FALSE(static_cast<bool>(r));
  CHECK(r.error().code == code);
  CHECK(r.error().message == std::string("message of ") + code);
  CHECK(r.error().path == "/at");
}

}  // namespace

static_assert(std::is_nothrow_move_constructible_v<Result<std::string>>);
static_assert(std::is_nothrow_move_assignable_v<Result<std::string>>);

TEST_SUITE("result") {
  TEST_CASE("holds a value or an error") {
    {
      const CountedResult v = value_of("a");
      const CountedResult e = error_of("x.code");
      check_value(v, "a");
      check_error(e, "x.code");
      CHECK(Counted::live == 1);
    }
    CHECK(Counted::live == 0);
  }

  TEST_CASE("copies are independent, in both states") {
    {
      CountedResult v = value_of("a");
      CountedResult v2(v);
      v2->text = "changed";
      check_value(v, "a");
      check_value(v2, "changed");
      const CountedResult e = error_of("x.code");
      const CountedResult e2(e);
      check_error(e2, "x.code");
      check_error(e, "x.code");
      CHECK(Counted::live == 2);
    }
    CHECK(Counted::live == 0);
  }

  TEST_CASE("moves carry the value or the error") {
    {
      CountedResult v = value_of("a");
      CountedResult moved(std::move(v));
      check_value(moved, "a");
      CountedResult e = error_of("x.code");
      CountedResult moved_error(std::move(e));
      check_error(moved_error, "x.code");
      Counted out = std::move(moved).value();
      CHECK(out.text == "a");
    }
    CHECK(Counted::live == 0);
  }

  TEST_CASE("copy assignment between every pair of states") {
    {
      CountedResult target = value_of("old");
      const CountedResult value = value_of("new");
      const CountedResult error = error_of("x.code");
      target = value;  // value <- value
      check_value(target, "new");
      target = error;  // value <- error
      check_error(target, "x.code");
      target = error_of("y.code");  // error <- error
      check_error(target, "y.code");
      target = value;  // error <- value
      check_value(target, "new");
      check_value(value, "new");
      check_error(error, "x.code");
      CHECK(Counted::live == 2);
    }
    CHECK(Counted::live == 0);
  }

  TEST_CASE("move assignment between every pair of states") {
    {
      CountedResult target = error_of("old.code");
      target = value_of("a");  // error <- value
      check_value(target, "a");
      target = value_of("b");  // value <- value
      check_value(target, "b");
      target = error_of("x.code");  // value <- error
      check_error(target, "x.code");
      target = error_of("y.code");  // error <- error
      check_error(target, "y.code");
      CHECK(Counted::live == 0);
      target = value_of("c");
      CHECK(Counted::live == 1);
    }
    CHECK(Counted::live == 0);
  }

  TEST_CASE("assigning a Result to itself keeps it") {
    {
      CountedResult v = value_of("a");
      CountedResult& same = v;
      v = same;
      check_value(v, "a");
      v = std::move(same);
      check_value(v, "a");
      CountedResult e = error_of("x.code");
      CountedResult& same_error = e;
      e = same_error;
      e = std::move(same_error);
      check_error(e, "x.code");
      CHECK(Counted::live == 1);
    }
    CHECK(Counted::live == 0);
  }
}
