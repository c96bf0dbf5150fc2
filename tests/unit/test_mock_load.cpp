// The mock backend under concurrent clients on loopback (a bounded run): whole checkouts
// in parallel, parallel adds of different personalizations to one cart, and one cart
// completed from many clients at once; and connections that drop in the middle of an add.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>

#include <unistd.h>

#include "medusa/client/httplib_transport.hpp"
#include "mock_shop.hpp"
#include "test_support.hpp"

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

// A real HTTP transport that loses the first send of the first `drops` line-item adds:
// either after the server handled it (the answer is lost) or before (the request is lost
// on the way); both look the same to the client: sent, no answer. A resend of an add
// with the same Idempotency-Key is the same add, and goes through.
class DroppingTransport : public client::Transport {
 public:
  enum class Lose { answer, request };
  DroppingTransport(const std::string& url, Lose lose, int drops)
      : inner_(url), lose_(lose), drops_(drops) {}

  Result<http::Response> send(const http::Request& request) override {
    const bool add =
        request.method == "POST" && request.target.find("/line-items") != std::string::npos;
    const auto key = request.headers.get("Idempotency-Key");
    const bool resend = key && !dropped_keys_.insert(*key).second;
    if (add && !resend && drops_ > 0) {
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
  std::set<std::string> dropped_keys_;
};

// Resident memory says nothing under AddressSanitizer: it keeps freed blocks in a
// quarantine (up to 256 MiB) on purpose. There the memory checks are skipped; the
// native-ci build makes them.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kResidentMemoryMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kResidentMemoryMeaningful = false;
#else
constexpr bool kResidentMemoryMeaningful = true;
#endif
#else
constexpr bool kResidentMemoryMeaningful = true;
#endif

// Resident memory of this process (the mock runs in it), from /proc/self/statm.
std::size_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  REQUIRE(f != nullptr);
  unsigned long pages = 0, resident = 0;
  const int read = std::fscanf(f, "%lu %lu", &pages, &resident);
  std::fclose(f);
  REQUIRE(read == 2);
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

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
      // A storefront reads its cart when a page loads: what a lost answer is compared with.
      REQUIRE(flaky.store.cart.retrieve(cart_id).ok());
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
                         std::make_shared<DroppingTransport>(shop.server.url(),
                                                             DroppingTransport::Lose::answer, 1000),
                         no_wait());
    const std::string cart_id = shop.new_cart();
    REQUIRE(flaky.store.cart.retrieve(cart_id).ok());
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
  // Memory is bounded by what the shop keeps (carts, orders, uploads under their cap),
  // not by the traffic: reads, refusals and hostile bodies leave nothing behind.
  TEST_CASE(
      "the mock's memory: flat under reads and refusals, bounded per checkout, uploads capped") {
    mock::ServerOptions options;
    options.max_stored_upload_bytes = 2u * 1024u * 1024u;
    Shop shop(options);
    const std::string cart_id = shop.new_cart();
    for (int i = 0; i < 10; ++i) shop.checkout(shop.new_cart(), 1, personalization_a());  // warm-up

    // 4,000 requests that store nothing: reads, unknown ids, malformed and oversized bodies.
    const std::string big(120 * 1024, 'x');
    auto run_traffic = [&] {
      std::vector<std::thread> threads;
      for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
          auto raw = shop.raw();
          for (int i = 0; i < 250; ++i) {
            CHECK(raw.Get(("/store/carts/" + cart_id).c_str())->status == 200);
            CHECK(raw.Get("/store/carts/cart_unknown")->status == 404);
            CHECK(raw.Post(("/store/carts/" + cart_id).c_str(), "{\"email\":", "application/json")
                      ->status == 400);
            auto refused = raw.Post(("/store/carts/" + cart_id).c_str(), big, "application/json");
            CHECK((!refused || refused->status == 413));
          }
        });
      }
      for (auto& th : threads) th.join();
    };
    run_traffic();  // allocator pools reach their working size
    const std::size_t before_traffic = resident_bytes();
    run_traffic();
    const std::size_t after_traffic = resident_bytes();
    if (kResidentMemoryMeaningful) {
      CHECK_MESSAGE(
          after_traffic < before_traffic + 4u * 1024u * 1024u,
          "grew " << ((after_traffic - before_traffic) / 1024) << " KiB over 4,000 requests");
    }

    // Whole checkouts keep their cart and order: a bounded cost per checkout.
    constexpr int kCheckouts = 100;
    for (int i = 0; i < kCheckouts; ++i) shop.checkout(shop.new_cart(), 1, personalization_a());
    const std::size_t after_checkouts = resident_bytes();
    const std::size_t per_checkout =
        after_checkouts > after_traffic ? (after_checkouts - after_traffic) / kCheckouts : 0;
    if (kResidentMemoryMeaningful)
      CHECK_MESSAGE(per_checkout < 256u * 1024u, (per_checkout / 1024) << " KiB per checkout");

    // Uploads stop at the cap with a typed refusal; what is held stays under it.
    const std::string jpeg =
        test_support::read_file(test_support::fixture("images/photo-1200x900.jpg"));
    int stored = 0, refused = 0;
    for (std::size_t i = 0; i < (3u * options.max_stored_upload_bytes) / jpeg.size(); ++i) {
      auto up = shop.sdk->store.personalization.uploadImage("photo.jpg", jpeg);
      if (up.ok()) {
        ++stored;
        continue;
      }
      ++refused;
      CHECK(up.error().kind == ErrorKind::http);
      CHECK(up.error().details["status"] == 507);
      CHECK(up.error().message.find("upload storage is full") != std::string::npos);
    }
    CHECK(stored == static_cast<int>(options.max_stored_upload_bytes / jpeg.size()));
    CHECK(refused > 0);
    CHECK(shop.server.backend().upload_bytes() <= options.max_stored_upload_bytes);
  }

  TEST_CASE(
      "a cart of 500 personalized lines is read whole; over the response limit a typed error") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    // A made-to-order product: no managed inventory, so 500 lines fit.
    const json product = shop.server.backend().create_product(
        json{{"title", "Engraved pen"},
             {"variants", json::array({{{"title", "Steel"}, {"manage_inventory", false}}})}});
    const std::string variant = product["product"]["variants"][0]["id"];
    auto metadata = [](int i) { return json{{"message", "Line " + std::to_string(i)}}; };
    for (int i = 0; i < 500; ++i) {
      shop.server.backend().add_line_item(
          cart_id, json{{"variant_id", variant}, {"quantity", 1}, {"metadata", metadata(i)}});
    }
    auto cart = shop.sdk->store.cart.retrieve(cart_id);
    REQUIRE(cart.ok());
    REQUIRE(cart->cart->items->size() == 500);
    CHECK(line_with(*cart->cart, "Line 499") != nullptr);
    // The verified add still finds its line among 500.
    auto added = shop.sdk->store.cart.createLineItem(cart_id, [&] {
      api::AddLineItem body;
      body.variant_id = variant;
      body.quantity = 2;
      body.metadata = metadata(250);
      return body;
    }());
    REQUIRE(added.ok());
    CHECK(*line_with(*added->cart, "Line 250")->quantity == 3);

    api::Config small = shop.sdk->config();
    small.response_limits.max_bytes = 256 * 1024;
    client::Client limited(small);
    auto refused = limited.store.cart.retrieve(cart_id);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::invalid_response);
    CHECK(refused.error().code == "response.too_large");
  }

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
          if (!cart) {
            ++failures;
            continue;
          }
          const std::string cart_id = *cart->cart->id;
          auto added = sdk->store.cart.createPersonalizedLineItem(
              cart_id, shop.shirt_schema,
              {shop.variant(shop.shirt), t + 1, {{"message", message}, {"font", "Mono"}}});
          if (!added) {
            ++failures;
            continue;
          }
          prepare_payment(*sdk, cart_id);
          auto done = sdk->store.cart.complete(cart_id);
          if (!done || !done->is_order()) {
            ++failures;
            continue;
          }
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
          const json values = {{"message", "T" + std::to_string(t) + " I" + std::to_string(i)},
                               {"font", "Serif"}};
          if (sdk->store.cart.createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                                         {shop.variant(shop.shirt), 1, values}))
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
