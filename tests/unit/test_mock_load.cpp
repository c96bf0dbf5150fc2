// The mock backend under concurrent clients on loopback (a bounded run): whole checkouts
// in parallel, parallel adds of different personalizations to one cart, and one cart
// completed from many clients at once; and connections that drop in the middle of an add.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "medusa/client/httplib_transport.hpp"
#include "mock_shop.hpp"

using namespace mock_shop;

namespace {

constexpr int kClients = 8;

std::unique_ptr<client::Client> new_client(Shop& shop) {
  return std::make_unique<client::Client>(shop.sdk->config());
}

// Shipping and payment for a cart that has its items; returns the cart.
void prepare_payment(client::Client& sdk, const std::string& cart_id) {
  auto options = sdk.store.fulfillment.listCartOptions(http::Query().add("cart_id", cart_id));
  REQUIRE(options.ok());
  api::AddShippingMethod shipping;
  shipping.option_id = *options->shipping_options->at(0).id;
  auto cart = sdk.store.cart.addShippingMethod(cart_id, shipping);
  REQUIRE(cart.ok());
  api::InitiatePaymentSession session;
  session.provider_id = "pp_system_default";
  REQUIRE(sdk.store.payment.initiatePaymentSession(*cart->cart, session).ok());
}

// A real HTTP transport that loses the first `drops` line-item adds: either after the
// server handled them (the answer is lost) or before (the request is lost on the way);
// both look the same to the client: sent, no answer.
class DroppingTransport : public client::Transport {
 public:
  enum class Lose { answer, request };
  DroppingTransport(const std::string& url, Lose lose, int drops)
      : inner_(url), lose_(lose), drops_(drops) {}

  Result<http::Response> send(const http::Request& request) override {
    const bool add = request.method == "POST" &&
                     request.target.find("/line-items") != std::string::npos;
    if (add && drops_ > 0) {
      --drops_;
      if (lose_ == Lose::answer) (void)inner_.send(request);
      Error e(ErrorKind::transport, "transport.io", "connection reset by peer");
      e.details = json{{"sent", true}};
      return e;
    }
    return inner_.send(request);
  }

 private:
  client::HttplibTransport inner_;
  Lose lose_;
  int drops_;
};

client::ClientOptions no_wait() {
  client::ClientOptions o;
  o.sleep = [](std::chrono::milliseconds) {};
  return o;
}

}  // namespace

TEST_SUITE("faults") {
  TEST_CASE("an add whose connection drops is retried without duplicating anything") {
    Shop shop;
    for (const auto lose : {DroppingTransport::Lose::answer, DroppingTransport::Lose::request}) {
      CAPTURE(lose == DroppingTransport::Lose::answer ? "answer lost" : "request lost");
      const std::string cart_id = shop.new_cart();
      // The line exists already (quantity 2): a blind resend would make it 5, not 3.
      REQUIRE(shop.sdk->store.cart
                  .createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                              {shop.variant(shop.shirt), 2, personalization_a()})
                  .ok());
      client::Client flaky(shop.sdk->config(),
                           std::make_shared<DroppingTransport>(shop.server.url(), lose, 1),
                           no_wait());
      auto added = flaky.store.cart.createPersonalizedLineItem(
          cart_id, shop.shirt_schema, {shop.variant(shop.shirt), 1, personalization_a()});
      REQUIRE(added.ok());
      auto cart = shop.sdk->store.cart.retrieve(cart_id);
      REQUIRE(cart.ok());
      REQUIRE(cart->cart->items->size() == 1);
      CHECK(*cart->cart->items->at(0).quantity == 3);
      CHECK(*added->cart->items->at(0).quantity == 3);
    }
  }

  TEST_CASE("every add of a checkout dropping once: the orders are still exact") {
    Shop shop;
    client::Client flaky(shop.sdk->config(),
                         std::make_shared<DroppingTransport>(
                             shop.server.url(), DroppingTransport::Lose::answer, 1000),
                         no_wait());
    const std::string cart_id = shop.new_cart();
    for (const auto& values : {personalization_a(), personalization_b(), personalization_a()}) {
      // Every add loses its first answer; max_attempts 3 gives each a check and a resend.
      auto added = flaky.store.cart.createPersonalizedLineItem(
          cart_id, shop.shirt_schema, {shop.variant(shop.shirt), 1, values});
      REQUIRE(added.ok());
    }
    auto cart = shop.sdk->store.cart.retrieve(cart_id);
    REQUIRE(cart.ok());
    REQUIRE(cart->cart->items->size() == 2);
    CHECK(*line_with(*cart->cart, personalization_a()["message"])->quantity == 2);
    CHECK(*line_with(*cart->cart, personalization_b()["message"])->quantity == 1);
  }
}

TEST_SUITE("load") {
  TEST_CASE("8 clients x 4 whole checkouts in parallel: every order exact, none lost or doubled") {
    Shop shop;
    std::mutex m;
    std::map<std::string, std::string> order_messages;  // order id -> message
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kClients; ++t) {
      threads.emplace_back([&, t] {
        auto sdk = new_client(shop);
        for (int i = 0; i < 4; ++i) {
          const std::string message = "Client " + std::to_string(t) + " order " + std::to_string(i);
          api::CreateCart body;
          body.region_id = shop.region["id"].get<std::string>();
          auto cart = sdk->store.cart.create(body);
          if (!cart) { ++failures; continue; }
          const std::string cart_id = *cart->cart->id;
          auto added = sdk->store.cart.createPersonalizedLineItem(
              cart_id, shop.shirt_schema, {shop.variant(shop.shirt), t + 1, {{"message", message}, {"font", "Mono"}}});
          if (!added) { ++failures; continue; }
          prepare_payment(*sdk, cart_id);
          auto done = sdk->store.cart.complete(cart_id);
          if (!done || !done->is_order()) { ++failures; continue; }
          std::lock_guard<std::mutex> lock(m);
          order_messages[*done->order->id] = message;
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    REQUIRE(order_messages.size() == kClients * 4);
    auto orders = shop.server.backend().list_orders(1000, 0);
    CHECK(orders["count"] == kClients * 4);
    for (const auto& order : orders["orders"]) {
      CAPTURE(order["id"]);
      REQUIRE(order["items"].size() == 1);
      const json& item = order["items"][0];
      const std::string message = item["metadata"]["message"];
      CHECK(order_messages.at(order["id"]) == message);
      const int client = message[7] - '0';
      CHECK(item["quantity"] == client + 1);
    }
  }

  TEST_CASE("8 clients add different personalizations to one cart: 8 lines, none lost") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < kClients; ++t) {
      threads.emplace_back([&, t] {
        auto sdk = new_client(shop);
        for (int i = 0; i < 3; ++i) {
          const json values = {{"message", "T" + std::to_string(t) + " I" + std::to_string(i)}, {"font", "Serif"}};
          if (sdk->store.cart.createPersonalizedLineItem(cart_id, shop.shirt_schema, {shop.variant(shop.shirt), 1, values}))
            ++ok;
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(ok == kClients * 3);
    auto cart = shop.sdk->store.cart.retrieve(cart_id);
    REQUIRE(cart.ok());
    std::set<std::string> messages;
    for (const auto& item : *cart->cart->items) {
      CHECK(*item.quantity == 1);
      messages.insert(item.metadata->value("message", ""));
    }
    CHECK(messages.size() == kClients * 3);
    CHECK(cart->cart->items->size() == kClients * 3);
  }

  TEST_CASE("one cart completed by 8 clients at once: one order, the same for all") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    REQUIRE(shop.sdk->store.cart
                .createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                            {shop.variant(shop.shirt), 2, personalization_a()})
                .ok());
    prepare_payment(*shop.sdk, cart_id);
    std::mutex m;
    std::set<std::string> order_ids;
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kClients; ++t) {
      threads.emplace_back([&] {
        auto sdk = new_client(shop);
        auto done = sdk->store.cart.complete(cart_id);
        if (!done || !done->is_order()) return;
        ++ok;
        std::lock_guard<std::mutex> lock(m);
        order_ids.insert(*done->order->id);
      });
    }
    for (auto& th : threads) th.join();
    CHECK(ok == kClients);
    CHECK(order_ids.size() == 1);
    CHECK(shop.server.backend().list_orders(100, 0)["count"] == 1);
  }
}
