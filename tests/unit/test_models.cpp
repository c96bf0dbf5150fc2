// The wire models against the 161 traces captured from a real Medusa 2.21.2 server.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <map>

#include "medusa/models.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using medusa::json;
using test_support::load_trace;

namespace {

// Checks that `value` reads as T and writes back to exactly the same JSON.
template <class T>
void check_round_trip(const json& value, const std::string& where, int& checked) {
  auto model = medusa::from_json<T>(value);
  REQUIRE_MESSAGE(model.ok(), where, ": ", (model.ok() ? "" : model.error().describe()));
  CHECK_MESSAGE(medusa::to_json(*model) == value, where);
  ++checked;
}

template <class T>
void check_list(const json& values, const std::string& where, int& checked) {
  REQUIRE(values.is_array());
  for (std::size_t i = 0; i < values.size(); ++i) {
    check_round_trip<T>(values[i], where + "/" + std::to_string(i), checked);
  }
}

std::vector<std::string> trace_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test_support::fixture("medusa-v2-traces"))) {
    const auto name = e.path().filename().string();
    if (e.path().extension() == ".txt" && name != "TRACE-INDEX.txt") out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool single_request(const std::string& name) {
  return test_support::read_file(test_support::fixture("medusa-v2-traces/" + name))
             .find("=== REQUEST ===") != std::string::npos;
}

}  // namespace

TEST_SUITE("models") {
  TEST_CASE("every modelled object in every trace reads and round-trips losslessly") {
    using Check = std::function<void(const json&, const std::string&, int&)>;
    const std::map<std::string, Check> envelopes = {
        {"cart", check_round_trip<medusa::Cart>},
        {"product", check_round_trip<medusa::Product>},
        {"products", check_list<medusa::Product>},
        {"region", check_round_trip<medusa::Region>},
        {"regions", check_list<medusa::Region>},
        {"order", check_round_trip<medusa::Order>},
        {"orders", check_list<medusa::Order>},
        {"variant", check_round_trip<medusa::ProductVariant>},
        {"shipping_options", check_list<medusa::ShippingOption>},
        {"shipping_option", check_round_trip<medusa::ShippingOption>},
        {"payment_collection", check_round_trip<medusa::PaymentCollection>},
        {"payment_providers", check_list<medusa::PaymentProvider>},
        {"order_items", check_list<medusa::OrderLineItem>},
        {"parent", check_round_trip<medusa::Cart>},
    };
    int checked = 0, traces = 0;
    std::map<std::string, int> seen;
    for (const auto& name : trace_names()) {
      if (!single_request(name)) continue;
      const auto t = load_trace(name);
      if (t.status < 200 || t.status >= 300) continue;
      auto body = medusa::parse_json(t.response_body);
      if (!body || !body->is_object()) continue;
      ++traces;
      for (const auto& [key, check] : envelopes) {
        if (body->contains(key) && !(*body)[key].is_null()) {
          check((*body)[key], name + " " + key, checked);
          ++seen[key];
        }
      }
    }
    MESSAGE("round-tripped ", checked, " objects from ", traces, " traces");
    CHECK(traces >= 100);
    CHECK(checked >= 100);
    for (const char* key :
         {"cart", "products", "product", "regions", "region", "order", "orders", "shipping_options",
          "payment_collection", "payment_providers", "parent"}) {
      CHECK_MESSAGE(seen[key] > 0, key);
    }
  }

  TEST_CASE("a cart with personalized items: typed fields, money in major units") {
    const auto t = load_trace("124-store-get-cart-after-adds.txt");
    auto cart =
        medusa::parse_model<medusa::Cart>(medusa::parse_json(t.response_body)->at("cart").dump());
    REQUIRE(cart.ok());
    CHECK(cart->id->rfind("cart_", 0) == 0);
    CHECK(*cart->currency_code == "eur");
    CHECK_FALSE(cart->email.has_value());      // null on the wire
    CHECK(cart->extra.at("email").is_null());  // ...and kept for the round trip
    REQUIRE(cart->items.has_value());
    REQUIRE_FALSE(cart->items->empty());
    bool found = false;
    for (const auto& item : *cart->items) {
      CHECK(item.id->rfind("cali_", 0) == 0);
      CHECK(item.quantity.value_or(0) >= 1);
      REQUIRE(item.metadata.has_value());
      if (item.metadata->value("message", "") == "Happy birthday, Anna!") found = true;
    }
    CHECK(found);
    CHECK(*cart->region->name == "Europe");
    CHECK(cart->region->countries->size() == 3);
    CHECK(*cart->total == *cart->item_total + *cart->shipping_total);
  }

  TEST_CASE("a product with its schema in metadata, variants with calculated prices") {
    const auto t = load_trace("106-store-get-product-fields.txt");
    auto product =
        medusa::from_json<medusa::Product>(medusa::parse_json(t.response_body)->at("product"));
    REQUIRE(product.ok());
    REQUIRE(product->metadata.has_value());
    CHECK(product->metadata->at("personalization").at("type") == "object");
    REQUIRE(product->variants.has_value());
    const auto& v = product->variants->at(0);
    REQUIRE(v.calculated_price.has_value());
    CHECK(*v.calculated_price->currency_code == "eur");
    CHECK(*v.calculated_price->calculated_amount > 0);
    CHECK(v.metadata->contains("print_area_mm"));
  }

  TEST_CASE("order items carry the personalization three times") {
    const auto t = load_trace("159-store-get-order-items-metadata.txt");
    auto order = medusa::from_json<medusa::Order>(medusa::parse_json(t.response_body)->at("order"));
    REQUIRE(order.ok());
    CHECK(*order->display_id >= 1);
    CHECK(*order->status == "pending");
    int personalized = 0;
    for (const auto& item : *order->items) {
      CHECK(item.id->rfind("ordli_", 0) == 0);
      REQUIRE(item.detail.has_value());
      CHECK(*item.detail->quantity == *item.quantity);
      if (!item.personalization().empty()) {
        ++personalized;
        CHECK(item.personalization() == *item.metadata);
        CHECK(*item.line_item_metadata == *item.detail->metadata);
      }
    }
    CHECK(personalized >= 1);
    // With default fields, the item's variant embeds its product with the schema.
    const auto defaults = load_trace("158-store-get-order.txt");
    auto full =
        medusa::from_json<medusa::Order>(medusa::parse_json(defaults.response_body)->at("order"));
    REQUIRE(full.ok());
    const auto& variant = full->items->at(0).variant;
    REQUIRE(variant.has_value());
    CHECK(variant->product->metadata->contains("personalization"));
  }

  TEST_CASE("personalization() prefers line_item_metadata, then metadata, then detail") {
    medusa::OrderLineItem item;
    CHECK(item.personalization() == json::object());
    item.detail.emplace();
    item.detail->metadata = json{{"m", "detail"}};
    CHECK(item.personalization()["m"] == "detail");
    item.metadata = json{{"m", "metadata"}};
    CHECK(item.personalization()["m"] == "metadata");
    item.line_item_metadata = json{{"m", "line"}};
    CHECK(item.personalization()["m"] == "line");
  }

  TEST_CASE("fulfillments on an admin order") {
    const auto t = load_trace("170-admin-get-order-after-fulfillment.txt");
    auto order = medusa::from_json<medusa::Order>(medusa::parse_json(t.response_body)->at("order"));
    REQUIRE(order.ok());
    REQUIRE(order->fulfillments.has_value());
    REQUIRE_FALSE(order->fulfillments->empty());
    const auto& f = order->fulfillments->front();
    CHECK(f.id->rfind("ful_", 0) == 0);
    REQUIRE(f.items.has_value());
    CHECK(f.items->front().line_item_id->rfind("ordli_", 0) == 0);
  }

  TEST_CASE("missing optional fields are tolerated (fields= selections)") {
    const auto t = load_trace("104-store-list-products-by-handle.txt");
    const auto body = *medusa::parse_json(t.response_body);
    auto product = medusa::from_json<medusa::Product>(body["products"][0]);
    REQUIRE(product.ok());
    CHECK(product->title.has_value());
    CHECK_FALSE(product->variants.has_value());
    CHECK(product->metadata.has_value());
  }

  TEST_CASE("unknown fields from a newer server survive a round trip") {
    const json future = json::parse(R"({"id":"cart_1","brand_new_field":{"nested":[1,2]},
      "items":[{"id":"cali_1","quantity":2,"future_flag":true,"metadata":{"message":"hi"}}]})");
    auto cart = medusa::from_json<medusa::Cart>(future);
    REQUIRE(cart.ok());
    CHECK(cart->extra["brand_new_field"]["nested"][1] == 2);
    CHECK(cart->items->at(0).extra["future_flag"] == true);
    cart->items->at(0).quantity = 3;  // edit a typed field
    const json out = medusa::to_json(*cart);
    CHECK(out["brand_new_field"] == future["brand_new_field"]);
    CHECK(out["items"][0]["future_flag"] == true);
    CHECK(out["items"][0]["quantity"] == 3);
  }

  TEST_CASE("wrong types are typed errors that point at the field") {
    auto a =
        medusa::from_json<medusa::Cart>(json::parse(R"({"items":[{"id":"x"},{"quantity":"2"}]})"));
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().kind == medusa::ErrorKind::invalid_model);
    CHECK(a.error().code == "model.type");
    CHECK(a.error().path == "/items/1/quantity");
    CHECK(a.error().message == "expected an integer, got string at /items/1/quantity");
    CHECK(medusa::from_json<medusa::Cart>(json::parse("[1]")).error().message ==
          "expected an object, got array");
    CHECK(medusa::from_json<medusa::Cart>(json::parse(R"({"items":{}})")).error().path == "/items");
    CHECK(medusa::from_json<medusa::Cart>(json::parse(R"({"total":"25"})")).error().path ==
          "/total");
    CHECK(medusa::from_json<medusa::Order>(json::parse(R"({"display_id":1.5})")).error().path ==
          "/display_id");
    CHECK(medusa::from_json<medusa::Region>(json::parse(R"({"automatic_taxes":"yes"})"))
              .error()
              .path == "/automatic_taxes");
    auto text = medusa::parse_model<medusa::Cart>("{\"id\":");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().code == "json.syntax");
  }

  TEST_CASE("error bodies in all four shapes the real server sends") {
    struct Case {
      const char* trace;
      int status;
      const char* type;
      const char* code;
      const char* message_start;
    };
    const Case cases[] = {
        {"173-err-bad-variant-id.txt", 400, "invalid_data", nullptr,
         "Variants variant_does_not_exist"},
        {"185-err-quantity-over-stock.txt", 400, "not_allowed", "insufficient_inventory",
         "Some variant"},
        {"202-err-admin-no-auth.txt", 401, nullptr, nullptr, "Unauthorized"},
        {"191-err-metadata-1mb.txt", 413, "unknown_error", nullptr, "request entity too large"},
        {"198-err-unknown-route.txt", 404, nullptr, nullptr,
         "Error Cannot GET /store/does-not-exist"},
        {"197-err-unknown-order.txt", 404, "not_found", nullptr, "Order id not found"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.trace);
      const auto t = load_trace(c.trace);
      CHECK(t.status == c.status);
      const auto body = medusa::parse_error_body(t.response_body);
      CHECK(body.type.has_value() == (c.type != nullptr));
      if (c.type) CHECK(*body.type == c.type);
      CHECK(body.code.has_value() == (c.code != nullptr));
      if (c.code) CHECK(*body.code == c.code);
      REQUIRE(body.message.has_value());
      CHECK(body.message->rfind(c.message_start, 0) == 0);
    }
    CHECK(*medusa::parse_error_body("").message == "empty error body");
    CHECK(medusa::parse_error_body("<p>a &lt;b&gt;</p>").message == std::string("a <b>"));
  }
}
