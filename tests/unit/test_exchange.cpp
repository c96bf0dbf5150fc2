// The core's retry state machine, driven through the scenarios both clients share
// (tests/fixtures/exchange-cases.json; tests/js/exchange.test.mjs runs the same ones
// through the npm package).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "medusa/api/exchange.hpp"
#include "test_support.hpp"

using medusa::json;
namespace api = medusa::api;
namespace http = medusa::http;

namespace {

http::Request request_of(const std::string& call) {
  http::Request r;
  r.url = "http://medusa.test";
  if (call == "region.list") {
    r.method = "GET";
    r.target = "/store/regions";
  } else if (call == "cart.create") {
    r.method = "POST";
    r.target = "/store/carts";
    r.body = "{}";
  } else if (call == "cart.complete") {
    r.method = "POST";
    r.target = "/store/carts/cart_1/complete";
  } else {
    r.method = "POST";
    r.target = "/store/carts/cart_1/line-items";
    r.body = R"({"metadata":{"m":1},"quantity":1,"variant_id":"v"})";
  }
  r.url += r.target;
  r.headers.set("x-publishable-api-key", "pk_test");
  return r;
}

// What the client does, step by step, with the outcome last (the file's vocabulary).
std::vector<std::string> run(const json& carts, const json& c) {
  using Action = api::ExchangeStep::Action;
  api::RetryPolicy policy;
  policy.max_attempts = c.value("maxAttempts", policy.max_attempts);
  policy.verify_line_item_adds = c.value("verify", true);
  api::ExchangeContext context;
  context.key_support = c.value("keySupport", false);
  context.idempotency_key = "0123456789abcdef0123456789abcdef";
  const std::string call = c["call"];
  const bool idempotent = call == "region.list" || call == "cart.complete";
  api::Exchange exchange(request_of(call), idempotent, policy, context);
  const std::string known = c.contains("known") ? carts[c["known"].get<std::string>()].dump() : "";
  const json answers = c["answers"];
  std::size_t next = 0;
  int last_status = 0;
  std::vector<std::string> out;
  for (auto step = exchange.start();;) {
    switch (step.action) {
      case Action::send: {
        out.push_back(step.request.headers.has("Idempotency-Key") ? "send+key" : "send");
        REQUIRE(next < answers.size());
        const json& a = answers[next++];
        if (a.value("lost", false)) {
          step = exchange.on_transport_error(true);
        } else {
          last_status = a["status"];
          step = exchange.on_response(last_status, a.value("retryAfter", ""));
        }
        break;
      }
      case Action::wait:
        out.push_back("wait " + std::to_string(step.delay_ms));
        step = exchange.resumed();
        break;
      case Action::read_cart: {
        out.push_back("read");
        CHECK(step.request.method == "GET");
        CHECK(step.request.target == "/store/carts/cart_1");
        REQUIRE(next < answers.size());
        const json& a = answers[next++];
        if (a.value("lost", false)) {
          step = exchange.on_cart_read_failed();
        } else {
          const std::string body = a.contains("cart") ? carts[a["cart"].get<std::string>()].dump() : "{}";
          step = exchange.on_cart_read(a["status"], body, known.empty() ? nullptr : &known);
        }
        break;
      }
      case Action::answer:
        out.push_back(last_status >= 200 && last_status <= 299 ? "ok" : "http " + std::to_string(last_status));
        CHECK(next == answers.size());
        return out;
      case Action::answer_cart:
        out.push_back("ok");
        CHECK(next == answers.size());
        return out;
      case Action::fail_transport:
        out.push_back("transport");
        return out;
      case Action::fail:
        out.push_back("error " + step.error->code);
        return out;
    }
  }
}

}  // namespace

TEST_SUITE("api") {
  TEST_CASE("the retry scenarios both clients share") {
    const json cases = json::parse(test_support::read_file(test_support::fixture("exchange-cases.json")));
    REQUIRE(cases["cases"].size() >= 20);
    for (const json& c : cases["cases"]) {
      CAPTURE(c["name"].get<std::string>());
      std::vector<std::string> expected;
      for (const auto& e : c["expect"]) expected.push_back(e.get<std::string>());
      CHECK(run(cases["carts"], c) == expected);
    }
  }

  TEST_CASE("an unverified add says what was seen") {
    api::Exchange exchange(request_of("add"), false, api::RetryPolicy{});
    exchange.start();
    CHECK(exchange.cart_id() == "cart_1");
    const auto read = exchange.on_transport_error(true);
    REQUIRE(read.action == api::ExchangeStep::Action::read_cart);
    const std::string known = R"({"cart":{"id":"cart_1","items":[{"variant_id":"v","quantity":1,"metadata":{"m":1}}]}})";
    const std::string now = R"({"cart":{"id":"cart_1","items":[{"variant_id":"v","quantity":4,"metadata":{"m":1}}]}})";
    const auto failed = exchange.on_cart_read(200, now, &known);
    REQUIRE(failed.action == api::ExchangeStep::Action::fail);
    CHECK(failed.error->kind == medusa::ErrorKind::transport);
    CHECK(failed.error->details == json{{"sent", true}, {"quantity_before", 1}, {"quantity_after", 4}});
    CHECK(failed.error->message.find("went from quantity 1 to 4") != std::string::npos);
    // A read that is not a cart is no evidence: the add's own failure stands.
    api::Exchange other(request_of("add"), false, api::RetryPolicy{});
    other.start();
    other.on_transport_error(true);
    CHECK(other.on_cart_read(200, "[]", &known).action == api::ExchangeStep::Action::fail_transport);
  }

  TEST_CASE("log lines never carry secrets") {
    http::Request r = request_of("region.list");
    r.headers.set("Authorization", "Bearer secret-token");
    r.headers.set("Cookie", "connect.sid=s3cret");
    const std::string line = api::describe_request(r);
    CHECK(line.find("secret-token") == std::string::npos);
    CHECK(line.find("s3cret") == std::string::npos);
    CHECK(line.find("pk_test") == std::string::npos);
    CHECK(line.rfind("GET /store/regions ", 0) == 0);
  }
}
