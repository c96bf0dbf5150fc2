// The native Client over a scripted transport: the checkout flow replayed from the real
// server's traces, retries, auth and logging.
#include <doctest/doctest.h>

#include <chrono>

#include "fake_transport.hpp"
#include "medusa/client/client.hpp"

using medusa::json;
using namespace medusa;
using std::chrono::milliseconds;

namespace {

struct Harness {
  std::shared_ptr<FakeTransport> transport = std::make_shared<FakeTransport>();
  std::vector<milliseconds> sleeps;
  std::vector<std::string> log;
  client::Client sdk;

  explicit Harness(client::RetryPolicy retry = {}) : sdk(config(), transport, options(retry)) {}

  static api::Config config() {
    api::Config c;
    c.base_url = "http://localhost:9000";
    c.publishable_key = "pk_test";
    return c;
  }
  client::ClientOptions options(client::RetryPolicy retry) {
    client::ClientOptions o;
    o.retry = retry;
    o.sleep = [this](milliseconds d) { sleeps.push_back(d); };
    o.logger = [this](const std::string& line) { log.push_back(line); };
    return o;
  }
};

// The body of the real server's add of a personalized shirt (trace 110).
api::AddLineItem add_of_trace_110() {
  const auto trace = test_support::load_trace("110-li-add-S-msgA.txt");
  api::AddLineItem body;
  body.variant_id = trace.request_body["variant_id"].get<std::string>();
  body.quantity = 1;
  body.metadata = trace.request_body["metadata"];
  return body;
}

}  // namespace

TEST_SUITE("client") {
  TEST_CASE("a whole personalized checkout, replayed from the real server") {
    Harness h;
    auto& t = *h.transport;
    t.reply_trace("106-store-get-product-fields.txt")
        .reply_trace("109-store-create-cart.txt")
        .reply_trace("110-li-add-S-msgA.txt")  // one request per add: no cart read first
        .reply_trace("146-store-update-cart-email-address.txt")
        .reply_trace("147-store-list-shipping-options.txt")
        .reply_trace("148-store-add-shipping-method.txt")
        .reply_trace("150-store-create-payment-collection.txt")
        .reply_trace("152-store-init-payment-session.txt")
        .reply_trace("154-store-complete-cart.txt")
        .reply_trace("158-store-get-order.txt");

    auto product = h.sdk.store.product.retrieve("prod_01M8A21539347Q5JX34SJ0K8YF");
    REQUIRE(product.ok());
    auto schema =
        personalization::Schema::for_product(*product->product, &product->product->variants->at(0));
    REQUIRE(schema.ok());
    REQUIRE(schema->has_value());

    api::CreateCart create;
    create.region_id = "reg_01M8A211A22R7ZMJ432VDAVQ4K";
    auto cart = h.sdk.store.cart.create(create);
    REQUIRE(cart.ok());
    const std::string cart_id = *cart->cart->id;

    api::PersonalizedLineItem item{"variant_01M8A2158M8MZD3GZZ9GC6XSM0", 1,
                                   json{{"message", "Happy birthday, Anna!"},
                                        {"image_url", "https://img.example.test/anna.png"}}};
    auto added = h.sdk.store.cart.createPersonalizedLineItem(cart_id, **schema, item);
    REQUIRE(added.ok());
    CHECK(added->cart->items->size() == 1);

    api::UpdateCart update;
    update.email = "anna@example.com";
    REQUIRE(h.sdk.store.cart.update(cart_id, update).ok());
    auto options = h.sdk.store.fulfillment.listCartOptions(http::Query().add("cart_id", cart_id));
    REQUIRE(options.ok());
    api::AddShippingMethod shipping;
    shipping.option_id = *options->shipping_options->at(0).id;
    auto with_shipping = h.sdk.store.cart.addShippingMethod(cart_id, shipping);
    REQUIRE(with_shipping.ok());

    api::InitiatePaymentSession session;
    session.provider_id = "pp_system_default";
    // The cart has no payment collection yet: two requests, as in the JS SDK.
    auto collection = h.sdk.store.payment.initiatePaymentSession(*with_shipping->cart, session);
    REQUIRE(collection.ok());
    CHECK(*collection->payment_collection->payment_sessions->at(0).status == "pending");

    auto completed = h.sdk.store.cart.complete(cart_id);
    REQUIRE(completed.ok());
    REQUIRE(completed->is_order());
    auto order = h.sdk.store.order.retrieve(*completed->order->id);
    REQUIRE(order.ok());
    CHECK(order->order->items->at(0).personalization()["message"] == "Happy birthday, Anna!");

    // What was sent: the right calls in order, the publishable key on each.
    std::vector<std::string> lines;
    for (const auto& r : t.sent)
      lines.push_back(r.method + " " + r.target.substr(0, r.target.find('?')));
    CHECK(lines ==
          std::vector<std::string>{
              "GET /store/products/prod_01M8A21539347Q5JX34SJ0K8YF", "POST /store/carts",
              "POST /store/carts/" + cart_id + "/line-items",
              "POST /store/carts/" + cart_id, "GET /store/shipping-options",
              "POST /store/carts/" + cart_id + "/shipping-methods",
              "POST /store/payment-collections",
              "POST /store/payment-collections/pay_col_01M8A2285F4BJRYAK7Q10QKDQ1/payment-sessions",
              "POST /store/carts/" + cart_id + "/complete",
              "GET /store/orders/" + *completed->order->id});
    for (const auto& r : t.sent)
      CHECK(r.headers.get("x-publishable-api-key") == std::optional<std::string>("pk_test"));
    CHECK(json::parse(*t.sent[2].body)["metadata"].contains(personalization::kStampKey));
  }

  TEST_CASE("an invalid personalization never reaches the transport") {
    Harness h;
    auto schema = personalization::Schema::from_json(json::parse(
        R"({"type":"object","required":["message"],"properties":{"message":{"maxLength":3}}})"));
    REQUIRE(schema.ok());
    auto r = h.sdk.store.cart.createPersonalizedLineItem(
        "cart_1", *schema, {"variant_1", 1, json{{"message", "toolong"}}});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::validation);
    CHECK(h.transport->sent.empty());
  }

  TEST_CASE("idempotent calls are retried with backoff; others are not") {
    client::RetryPolicy retry;
    retry.max_attempts = 3;
    retry.initial_backoff = milliseconds(100);
    Harness h(retry);
    h.transport->reply(503, "").reply(502, "").reply_trace("124-store-get-cart-after-adds.txt");
    auto cart = h.sdk.store.cart.retrieve("cart_01M8A21A7336Y21WM3ZZQWEHQ8");
    REQUIRE(cart.ok());
    CHECK(h.transport->sent.size() == 3);
    CHECK(h.sleeps == std::vector<milliseconds>{milliseconds(100), milliseconds(200)});

    // Without verification, a POST line item is sent once: a 503 or a timeout after
    // sending is final (the add may have happened).
    client::RetryPolicy unverified = retry;
    unverified.verify_line_item_adds = false;
    api::AddLineItem body;
    body.variant_id = "v";
    body.quantity = 1;
    Harness post(unverified);
    post.transport->reply(503, R"({"type":"unknown_error","message":"busy"})");
    auto added = post.sdk.store.cart.createLineItem("cart_1", body);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == ErrorKind::http);
    CHECK(added.error().details["status"] == 503);
    CHECK(post.transport->sent.size() == 1);
    Harness timeout(unverified);
    timeout.transport->fail("transport.io", true);
    auto lost = timeout.sdk.store.cart.createLineItem("cart_1", body);
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().kind == ErrorKind::transport);
    CHECK(timeout.transport->sent.size() == 1);

    // ...but a request that never left (connection refused) is retried.
    Harness refused(unverified);
    refused.transport->fail("transport.connect", false).reply_trace("110-li-add-S-msgA.txt");
    CHECK(refused.sdk.store.cart.createLineItem("cart_1", body).ok());
    CHECK(refused.transport->sent.size() == 2);

    // complete is safe to retry: the server returns the same order.
    Harness complete(retry);
    complete.transport->fail("transport.io", true).reply_trace("155-store-complete-cart-again.txt");
    auto order = complete.sdk.store.cart.complete("cart_01M8A21A7336Y21WM3ZZQWEHQ8");
    REQUIRE(order.ok());
    CHECK(order->is_order());

    // Gives up after max_attempts and returns the last failure.
    Harness down(retry);
    down.transport->fail("transport.connect", false)
        .fail("transport.connect", false)
        .fail("transport.connect", false);
    auto gone = down.sdk.store.region.list();
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == "transport.connect");
    CHECK(down.transport->sent.size() == 3);
  }

  TEST_CASE(
      "a line-item add whose answer is lost is checked against the cart, then resent only if "
      "absent") {
    // Each subcase first retrieves the cart (the GET before the POST): the client compares
    // a read after a lost answer with the cart it last received, and reads nothing else.
    client::RetryPolicy retry;
    retry.initial_backoff = milliseconds(100);
    // The real server's add of a personalized shirt (trace 110) to an empty cart (109).
    const api::AddLineItem body = add_of_trace_110();
    const std::string cart_id = "cart_01M8A21A7336Y21WM3ZZQWEHQ8";
    auto methods = [](const FakeTransport& t) {
      std::vector<std::string> out;
      for (const auto& r : t.sent) out.push_back(r.method + " " + r.target);
      return out;
    };
    const std::string get = "GET /store/carts/" + cart_id;
    const std::string post = "POST /store/carts/" + cart_id + "/line-items";

    SUBCASE("it landed: the fresh cart is the answer and nothing is resent") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .fail("transport.io", true)
          .reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE(added.ok());
      CHECK(added->cart->items->at(0).quantity == 1);
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post, get});
      CHECK(h.sleeps.empty());
    }
    SUBCASE("it did not land: sent again once") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .fail("transport.io", true)
          .reply_trace("109-store-create-cart.txt")
          .reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE(added.ok());
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post, get, post});
      CHECK(h.sleeps == std::vector<milliseconds>{milliseconds(100)});
    }
    SUBCASE("a 503 is checked the same way") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .reply(503, R"({"type":"unknown_error","message":"busy"})")
          .reply_trace("109-store-create-cart.txt")
          .reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      REQUIRE(h.sdk.store.cart.createLineItem(cart_id, body).ok());
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post, get, post});
    }
    SUBCASE("the line changed by another amount meanwhile: a typed error, nothing resent") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .fail("transport.io", true)
          .reply_trace("111-li-add-S-msgA-again.txt");  // quantity 2: 0 -> 2 for an add of 1
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(added.error().code == "transport.add_unverified");
      CHECK(added.error().details["quantity_before"] == 0);
      CHECK(added.error().details["quantity_after"] == 2);
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post, get});
    }
    SUBCASE("an answered add is never checked or resent") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .reply(400, R"({"type":"invalid_data","message":"bad"})");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(added.error().kind == ErrorKind::http);
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post});
    }
    SUBCASE("the cart read fails: the add's own failure is the answer") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt")
          .fail("transport.io", true)
          .reply(404, R"({"type":"not_found","message":"Cart not found"})");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(added.error().code == "transport.io");
      CHECK(methods(*h.transport) == std::vector<std::string>{get, post, get});
    }
    SUBCASE("a cart this client never saw: absent means resent, present means unverified") {
      Harness absent(retry);
      absent.transport->fail("transport.io", true)
          .reply_trace("109-store-create-cart.txt")
          .reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(absent.sdk.store.cart.createLineItem(cart_id, body).ok());
      CHECK(methods(*absent.transport) == std::vector<std::string>{post, get, post});
      Harness present(retry);
      present.transport->fail("transport.io", true).reply_trace("110-li-add-S-msgA.txt");
      auto added = present.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(added.error().code == "transport.add_unverified");
      CHECK(added.error().details["quantity_before"].is_null());
      CHECK(added.error().details["quantity_after"] == 1);
      CHECK(methods(*present.transport) == std::vector<std::string>{post, get});
    }
    SUBCASE("a cart found absent once stays the baseline for the next check") {
      Harness h(retry);
      h.transport->fail("transport.io", true)
          .reply_trace("109-store-create-cart.txt")  // absent: resent
          .fail("transport.io", true)
          .reply_trace("110-li-add-S-msgA.txt");  // 0 -> 1: the resend landed
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE(added.ok());
      CHECK(methods(*h.transport) == std::vector<std::string>{post, get, post, get});
    }
    SUBCASE("gives up after max_attempts, each send checked, the last one too") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt");
      for (int i = 0; i < 3; ++i)
        h.transport->fail("transport.io", true).reply_trace("109-store-create-cart.txt");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(added.error().code == "transport.io");
      CHECK(methods(*h.transport) ==
            std::vector<std::string>{get, post, get, post, get, post, get});
    }
    SUBCASE("the last attempt's answer is lost but it landed: the cart, not an error") {
      Harness h(retry);
      h.transport->reply_trace("109-store-create-cart.txt");
      for (int i = 0; i < 2; ++i)
        h.transport->fail("transport.io", true).reply_trace("109-store-create-cart.txt");
      h.transport->fail("transport.io", true).reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.retrieve(cart_id).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE(added.ok());
      CHECK(added->cart->items->at(0).quantity == 1);
    }
  }

  TEST_CASE(
      "a server that advertises Idempotency-Key gets keyed adds, retried without cart reads") {
    client::RetryPolicy retry;
    retry.initial_backoff = milliseconds(100);
    const api::AddLineItem body = add_of_trace_110();
    const std::string cart_id = "cart_01M8A21A7336Y21WM3ZZQWEHQ8";
    const auto created = test_support::load_trace("109-store-create-cart.txt");
    // The cart creation's answer says the server honours keys (the plugin's header).
    auto advertised = [&](FakeTransport& t) {
      t.script.push_back(http::Response{
          200, {{"Idempotency-Key-Support", "retention=86400"}}, created.response_body});
    };
    auto keys = [](const FakeTransport& t) {
      std::vector<std::string> out;
      for (const auto& r : t.sent) {
        if (r.method == "POST" && r.target.find("/line-items") != std::string::npos)
          out.push_back(r.headers.get("Idempotency-Key").value_or("<none>"));
      }
      return out;
    };

    SUBCASE("lost answer: the same key again, and the server's replay is the answer") {
      Harness h(retry);
      advertised(*h.transport);
      h.transport->fail("transport.io", true).reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.create(api::CreateCart{}).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE(added.ok());
      CHECK(added->cart->items->at(0).quantity == 1);
      REQUIRE(h.transport->sent.size() == 3);  // create, add, add: no cart read
      const auto sent_keys = keys(*h.transport);
      REQUIRE(sent_keys.size() == 2);
      CHECK(sent_keys[0] == sent_keys[1]);
      CHECK(sent_keys[0].size() == 32);
      CHECK(h.sleeps == std::vector<milliseconds>{milliseconds(100)});
    }
    SUBCASE("409 while the first request runs is retried; every add has its own key") {
      Harness h(retry);
      advertised(*h.transport);
      h.transport->reply(409, R"({"type":"conflict","message":"still in progress"})")
          .reply_trace("110-li-add-S-msgA.txt")
          .reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.create(api::CreateCart{}).ok());
      REQUIRE(h.sdk.store.cart.createLineItem(cart_id, body).ok());
      REQUIRE(h.sdk.store.cart.createLineItem(cart_id, body).ok());
      const auto sent_keys = keys(*h.transport);
      REQUIRE(sent_keys.size() == 3);
      CHECK(sent_keys[0] == sent_keys[1]);
      CHECK(sent_keys[1] != sent_keys[2]);
    }
    SUBCASE("a client error is the answer, never resent") {
      Harness h(retry);
      advertised(*h.transport);
      h.transport->reply(400, R"({"type":"invalid_data","message":"bad"})");
      REQUIRE(h.sdk.store.cart.create(api::CreateCart{}).ok());
      auto added = h.sdk.store.cart.createLineItem(cart_id, body);
      REQUIRE_FALSE(added.ok());
      CHECK(keys(*h.transport).size() == 1);
    }
    SUBCASE("without the header, adds carry no key and are one request when answered") {
      Harness h(retry);
      h.transport->reply_trace("110-li-add-S-msgA.txt");
      REQUIRE(h.sdk.store.cart.createLineItem(cart_id, body).ok());
      CHECK(keys(*h.transport) == std::vector<std::string>{"<none>"});
      CHECK(h.transport->sent.size() == 1);
    }
  }

  TEST_CASE("login stores the token for later admin calls; secrets never reach the log") {
    Harness h;
    h.transport->reply_trace("001-admin-login.txt").reply_trace("162-admin-list-orders.txt");
    auto token = h.sdk.login("user", "emailpass",
                             json{{"email", "admin@example.com"}, {"password", "supersecret"}});
    REQUIRE(token.ok());
    auto orders = h.sdk.admin.order.list();
    REQUIRE(orders.ok());
    CHECK(h.transport->sent[1].headers.get("authorization") ==
          std::optional<std::string>("Bearer " + *token));
    bool logged_request = false;
    for (const auto& line : h.log) {
      CHECK(line.find(*token) == std::string::npos);
      CHECK(line.find("pk_test") == std::string::npos);
      if (line.find("GET /admin/orders") != std::string::npos &&
          line.find("authorization=<redacted>") != std::string::npos) {
        logged_request = true;
      }
    }
    CHECK(logged_request);

    Harness wrong;
    wrong.transport->reply_trace("205-err-login-wrong-password.txt");
    auto denied = wrong.sdk.login("user", "emailpass",
                                  json{{"email", "admin@example.com"}, {"password", "nope"}});
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().code == "http.unauthorized");
    CHECK(denied.error().message == "Invalid email or password");
    CHECK_FALSE(wrong.sdk.config().token.has_value());
  }
}
