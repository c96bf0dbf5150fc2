// A started mock backend with the native client and the seeded catalogue at hand,
// shared by the mock backend's test files.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include <httplib.h>

#include "medusa/client/client.hpp"
#include "medusa/personalization/metadata.hpp"
#include "server.hpp"

namespace mock_shop {

using medusa::json;
using namespace medusa;

struct Shop {
  mock::MockServer server;
  std::unique_ptr<client::Client> sdk;
  json region;
  Product shirt, letter;
  personalization::Schema shirt_schema = load_schema();

  explicit Shop(mock::ServerOptions options = {}) : server(std::move(options)) {
    REQUIRE(server.start() > 0);
    api::Config config;
    config.base_url = server.url();
    config.publishable_key = server.options().publishable_key;
    sdk = std::make_unique<client::Client>(config);
    auto regions = sdk->store.region.list();
    REQUIRE(regions.ok());
    region = to_json(regions->regions->at(0));
    auto products = sdk->store.product.list();
    REQUIRE(products.ok());
    for (const auto& p : *products->products) (*p.handle == "custom-t-shirt" ? shirt : letter) = p;
    auto schema = personalization::Schema::for_product(shirt);
    REQUIRE(schema.ok());
    REQUIRE(schema->has_value());
    shirt_schema = **schema;
  }

  static personalization::Schema load_schema() {
    return *personalization::Schema::from_json(json::object());
  }

  std::string variant(const Product& p, std::size_t i = 0) const { return *p.variants->at(i).id; }

  std::string new_cart() {
    api::CreateCart body;
    body.region_id = region["id"].get<std::string>();
    auto cart = sdk->store.cart.create(body);
    REQUIRE(cart.ok());
    return *cart->cart->id;
  }

  /// Cart `cart_id` with a shirt personalized with `values`, shipped, paid and
  /// completed: the placed order.
  Order checkout(const std::string& cart_id, std::int64_t quantity, const json& values) {
    REQUIRE(
        sdk->store.cart
            .createPersonalizedLineItem(cart_id, shirt_schema, {variant(shirt), quantity, values})
            .ok());
    auto options = sdk->store.fulfillment.listCartOptions(http::Query().add("cart_id", cart_id));
    api::AddShippingMethod shipping;
    shipping.option_id = *options->shipping_options->at(0).id;
    auto cart = sdk->store.cart.addShippingMethod(cart_id, shipping);
    api::InitiatePaymentSession session;
    session.provider_id = "pp_system_default";
    REQUIRE(sdk->store.payment.initiatePaymentSession(*cart->cart, session).ok());
    auto order = sdk->store.cart.complete(cart_id);
    REQUIRE(order.ok());
    REQUIRE(order->is_order());
    return *order->order;
  }

  httplib::Client raw() {
    httplib::Client c(server.url());
    c.set_default_headers({{"x-publishable-api-key", server.options().publishable_key}});
    return c;
  }
};

inline json personalization_a() {
  return json{{"message", "Happy birthday, Anna!"}, {"font", "Script"}};
}
inline json personalization_b() {
  return json{{"message", "Best dad ever"}};
}

inline const LineItem* line_with(const Cart& cart, const std::string& message) {
  for (const auto& item : *cart.items) {
    if (item.metadata && item.metadata->value("message", "") == message) return &item;
  }
  return nullptr;
}

}  // namespace mock_shop
