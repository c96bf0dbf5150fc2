// Editing personalizations despite the server's shallow metadata merge.
#include <doctest/doctest.h>

#include "medusa/api/store.hpp"
#include "medusa/personalization/line_item_update.hpp"
#include "test_support.hpp"

using medusa::json;
namespace p = medusa::personalization;

namespace {

// The metadata of line `line_id` in a trace's cart response.
json line_metadata(const test_support::Trace& t, const std::string& line_id) {
  const json cart = json::parse(t.response_body)["cart"];
  for (const auto& item : cart["items"]) {
    if (item["id"] == line_id) return item["metadata"];
  }
  FAIL("line not found in ", t.name);
  return json();
}

std::string line_id_of(const test_support::Trace& t) {
  const std::string path = t.target.substr(0, t.target.find('?'));
  return path.substr(path.rfind('/') + 1);
}

}  // namespace

TEST_SUITE("api") {
  TEST_CASE("apply_metadata_update predicts every metadata update the real server made") {
    // Each pair: the trace holding the line before, and the update.
    const std::vector<std::pair<std::string, std::string>> steps = {
        {"125-li-update-quantity.txt", "126-li-update-quantity-and-metadata.txt"},
        {"126-li-update-quantity-and-metadata.txt", "128-li-update-metadata-equal-to-A.txt"},
        {"128-li-update-metadata-equal-to-A.txt", "129-li-update-metadata-null.txt"},
        {"138-li-add-A-when-two-equal-lines.txt", "139-li-update-metadata-add-key.txt"},
        {"139-li-update-metadata-add-key.txt", "140-li-update-metadata-nested-object.txt"},
        {"140-li-update-metadata-nested-object.txt",
         "141-li-update-metadata-empty-string-removes-key.txt"},
        {"141-li-update-metadata-empty-string-removes-key.txt",
         "142-li-update-quantity-only-keeps-metadata.txt"},
        {"142-li-update-quantity-only-keeps-metadata.txt",
         "143-li-update-metadata-empty-object.txt"},
    };
    for (const auto& step : steps) {
      const auto before = test_support::load_trace(step.first);
      const auto update = test_support::load_trace(step.second);
      CAPTURE(update.name);
      const std::string line = line_id_of(update);
      const json old_metadata = line_metadata(before, line);
      const json expected = line_metadata(update, line);
      const json sent = update.request_body.contains("metadata") ? update.request_body["metadata"]
                                                                 : json::object();
      CHECK(p::apply_metadata_update(old_metadata, sent) == expected);
    }
  }

  TEST_CASE("replace_metadata_body ends with exactly the desired metadata") {
    const json current = json::parse(
        R"({"message":"A","image_url":"u","print":{"x":1,"y":1},"_personalization_schema":"s1"})");
    const json desired =
        json::parse(R"({"message":"B","print":{"y":2},"_personalization_schema":"s1"})");
    auto body = p::replace_metadata_body(current, desired);
    REQUIRE(body.ok());
    CHECK(*body ==
          json::parse(
              R"({"message":"B","image_url":"","print":{"y":2},"_personalization_schema":"s1"})"));
    CHECK(p::apply_metadata_update(current, *body) == desired);
    // Clearing everything, from any state.
    auto clear = p::replace_metadata_body(current, json::object());
    CHECK(p::apply_metadata_update(current, *clear) == json::object());
    CHECK(p::apply_metadata_update(json(), *p::replace_metadata_body(json(), desired)) == desired);
    // An empty-string value cannot be stored through an update: refused, not lost.
    auto empty = p::replace_metadata_body(current, json{{"message", ""}});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == "personalization.unrepresentable");
    CHECK(empty.error().path == "/message");
    CHECK(p::replace_metadata_body(current, json::array()).error().code ==
          "personalization.not_object");
  }

  TEST_CASE("createPersonalizedLineItem validates before any request exists") {
    medusa::api::Config config;
    config.publishable_key = "pk";
    const medusa::api::Store<medusa::api::BuildOnly> store(&config, {});
    auto schema = p::Schema::from_json(json::parse(
        R"({"type":"object","required":["message"],"properties":{"message":{"type":"string","maxLength":10}}})"));
    REQUIRE(schema.ok());
    medusa::api::PersonalizedLineItem item{"variant_S", 2, json{{"message", "  Hi Anna "}}};
    auto call = store.cart.createPersonalizedLineItem("cart_1", *schema, item);
    REQUIRE(call.ok());
    CHECK(call->request.target == "/store/carts/cart_1/line-items");
    const json body = json::parse(*call->request.body);
    CHECK(body["variant_id"] == "variant_S");
    CHECK(body["quantity"] == 2);
    CHECK(body["metadata"]["message"] == "Hi Anna");
    CHECK(body["metadata"][p::kStampKey] == schema->fingerprint());

    item.personalization = json{{"message", "far too long for the limit"}};
    auto invalid = store.cart.createPersonalizedLineItem("cart_1", *schema, item);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().kind == medusa::ErrorKind::validation);
    CHECK(invalid.error().details[0]["code"] == "max_length");
    item.quantity = 0;
    item.personalization = json{{"message", "ok"}};
    CHECK(store.cart.createPersonalizedLineItem("cart_1", *schema, item).error().code ==
          "request.quantity");
  }

  TEST_CASE("updatePersonalizedLineItem sends a full replace") {
    medusa::api::Config config;
    const medusa::api::Store<medusa::api::BuildOnly> store(&config, {});
    auto schema = p::Schema::from_json(json::parse(
        R"({"type":"object","properties":{"message":{"type":"string"},"font":{"enum":["Serif","Script"]}}})"));
    REQUIRE(schema.ok());
    medusa::LineItem line;
    line.id = "cali_1";
    line.metadata =
        json{{"message", "Old"}, {"font", "Script"}, {p::kStampKey, schema->fingerprint()}};
    auto call =
        store.cart.updatePersonalizedLineItem("cart_1", line, *schema, 3, json{{"message", "New"}});
    REQUIRE(call.ok());
    CHECK(call->request.target == "/store/carts/cart_1/line-items/cali_1");
    const json body = json::parse(*call->request.body);
    CHECK(body["quantity"] == 3);
    CHECK(body["metadata"]["font"] == "");  // removed on the server
    CHECK(p::apply_metadata_update(*line.metadata, body["metadata"]) ==
          json({{"message", "New"}, {p::kStampKey, schema->fingerprint()}}));
  }
}
