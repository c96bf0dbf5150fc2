// The pure half of the verified line-item add: reading an add back from its request,
// the cart read that checks it, and the outcome rule.
#include <doctest/doctest.h>

#include "medusa/api/line_item_add.hpp"
#include "medusa/api/store.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa;

namespace {

http::Request add_request(const std::string& target, const std::string& body) {
  http::Request r;
  r.method = "POST";
  r.target = target;
  r.url = "https://shop.example.test/api" + target;
  r.headers.set("content-type", "application/json");
  r.headers.set("x-publishable-api-key", "pk_1");
  r.body = body;
  return r;
}

}  // namespace

TEST_SUITE("api") {
  TEST_CASE("line_item_add_of reads the add from the request the SDK builds") {
    api::Config config;
    config.base_url = "http://localhost:9000";
    config.publishable_key = "pk_1";
    api::AddLineItem body;
    body.variant_id = "variant_1";
    body.quantity = 2;
    body.metadata = json{{"message", "Hi"}};
    const api::Store<api::BuildOnly> store(&config, api::BuildOnly{});
    auto call = store.cart.createLineItem(
        "cart/../x", body, http::Query().add("fields", "*items"));
    REQUIRE(call.ok());
    auto add = api::line_item_add_of(call->request);
    REQUIRE(add.has_value());
    CHECK(add->variant_id == "variant_1");
    CHECK(add->quantity == 2);
    CHECK(add->metadata == json{{"message", "Hi"}});

    const auto read = api::cart_read_for(call->request);
    CHECK(read.method == "GET");
    CHECK(read.target == "/store/carts/cart%2F..%2Fx?fields=*items");
    CHECK(read.url == "http://localhost:9000" + read.target);
    CHECK_FALSE(read.body.has_value());
    CHECK_FALSE(read.headers.has("content-type"));
    CHECK(read.headers.get("x-publishable-api-key") == std::optional<std::string>("pk_1"));
  }

  TEST_CASE("line_item_add_of ignores every other request") {
    const std::string good = R"({"variant_id":"v","quantity":1})";
    CHECK(api::line_item_add_of(add_request("/store/carts/c/line-items", good)).has_value());
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts/c/line-items/li_1", good)));
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts//line-items", good)));
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts/a/b/line-items", good)));
    CHECK_FALSE(api::line_item_add_of(add_request("/admin/carts/c/line-items", good)));
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts/c/line-items", "not json")));
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts/c/line-items", "[1]")));
    CHECK_FALSE(api::line_item_add_of(add_request("/store/carts/c/line-items", R"({"variant_id":"v"})")));
    CHECK_FALSE(api::line_item_add_of(
        add_request("/store/carts/c/line-items", R"({"variant_id":"v","quantity":1.5})")));
    auto get = add_request("/store/carts/c/line-items", good);
    get.method = "GET";
    CHECK_FALSE(api::line_item_add_of(get));
  }

  TEST_CASE("matching_quantity follows Medusa's merge rule on the real server's carts") {
    const auto trace = test_support::load_trace("110-li-add-S-msgA.txt");
    api::LineItemAdd add{trace.request_body["variant_id"], trace.request_body["metadata"], 1};
    CHECK(*api::matching_quantity(add, test_support::load_trace("109-store-create-cart.txt").response_body) == 0);
    CHECK(*api::matching_quantity(add, trace.response_body) == 1);
    CHECK(*api::matching_quantity(add, test_support::load_trace("111-li-add-S-msgA-again.txt").response_body) == 2);
    // The same keys in another order are the same line; another message is not.
    json reordered = json::object();
    for (auto it = add.metadata.rbegin(); it != add.metadata.rend(); ++it) reordered[it.key()] = *it;
    CHECK(*api::matching_quantity({add.variant_id, reordered, 1}, trace.response_body) == 1);
    CHECK(*api::matching_quantity({add.variant_id, json{{"message", "other"}}, 1}, trace.response_body) == 0);

    for (const char* bad : {"", "{", "[]", R"({"cart":1})", R"({"cart":{"id":"c"}})",
                            R"({"cart":{"items":[{"quantity":"two"}]}})"}) {
      CAPTURE(bad);
      auto q = api::matching_quantity(add, std::string(bad));
      REQUIRE_FALSE(q.ok());
      CHECK(q.error().kind == ErrorKind::invalid_response);
    }
  }

  TEST_CASE("add_outcome: landed, not landed, or changed elsewhere") {
    api::LineItemAdd add{"v", nullptr, 2};
    CHECK(api::add_outcome(add, 0, 2) == api::AddOutcome::landed);
    CHECK(api::add_outcome(add, 3, 5) == api::AddOutcome::landed);
    CHECK(api::add_outcome(add, 3, 3) == api::AddOutcome::not_landed);
    CHECK(api::add_outcome(add, 3, 4) == api::AddOutcome::changed_elsewhere);
    CHECK(api::add_outcome(add, 3, 0) == api::AddOutcome::changed_elsewhere);
    const auto e = api::add_unverified(add_request("/store/carts/c/line-items?x=1", "{}"), 3, 4);
    CHECK(e.kind == ErrorKind::transport);
    CHECK(e.code == "transport.add_unverified");
    CHECK(e.details == json{{"sent", true}, {"quantity_before", 3}, {"quantity_after", 4}});
    CHECK(e.message.find("/store/carts/c/line-items") != std::string::npos);
  }
}
