// The mock backend on loopback, driven through the native client: the personalized
// checkout, server-side validation, Medusa's rules and error bodies, events.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <httplib.h>

#include "medusa/client/client.hpp"
#include "medusa/personalization/metadata.hpp"
#include "mock_shop.hpp"
#include "server.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa;

using namespace mock_shop;

TEST_SUITE("mock_backend") {
  TEST_CASE("a personalized checkout: separate and merged lines, edit, order, events") {
    Shop shop;
    std::vector<std::string> placed;
    std::mutex placed_mutex;
    shop.server.events().subscribe("order.placed", [&](const mock::Event& e) {
      std::lock_guard<std::mutex> lock(placed_mutex);
      placed.push_back(e.data["id"]);
    });
    const std::string cart_id = shop.new_cart();
    const std::string size_s = shop.variant(shop.shirt, 0);
    auto& cart_api = shop.sdk->store.cart;

    REQUIRE(cart_api
                .createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                            {size_s, 1, personalization_a()})
                .ok());
    REQUIRE(cart_api
                .createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                            {size_s, 1, personalization_b()})
                .ok());
    // The same personalization again, keys in another order and with stray spaces: merged.
    auto again = cart_api.createPersonalizedLineItem(
        cart_id, shop.shirt_schema,
        {size_s, 1, json{{"font", "Script"}, {"message", " Happy birthday, Anna! "}}});
    REQUIRE(again.ok());
    const Cart& cart = *again->cart;
    REQUIRE(cart.items->size() == 2);
    CHECK(*line_with(cart, "Happy birthday, Anna!")->quantity == 2);
    CHECK(*line_with(cart, "Best dad ever")->quantity == 1);
    CHECK(*cart.total == 75);  // 3 x 25, no shipping yet

    // Edit line B to a new message and font: exactly the new metadata, despite the shallow merge.
    const LineItem b = *line_with(cart, "Best dad ever");
    auto edited = cart_api.updatePersonalizedLineItem(
        cart_id, b, shop.shirt_schema, 1, json{{"message", "Best mum ever"}, {"font", "Mono"}});
    REQUIRE(edited.ok());
    const LineItem* mum = line_with(*edited->cart, "Best mum ever");
    REQUIRE(mum != nullptr);
    CHECK(mum->metadata->at("font") == "Mono");
    CHECK(mum->metadata->size() == 4);  // message, font, colour (default), stamp

    api::UpdateCart address;
    address.email = "anna@example.com";
    address.shipping_address.emplace();
    address.shipping_address->first_name = "Anna";
    address.shipping_address->address_1 = "Hauptstr. 5";
    address.shipping_address->city = "Berlin";
    address.shipping_address->postal_code = "10115";
    address.shipping_address->country_code = "de";
    REQUIRE(cart_api.update(cart_id, address).ok());
    auto options =
        shop.sdk->store.fulfillment.listCartOptions(http::Query().add("cart_id", cart_id));
    REQUIRE(options.ok());
    api::AddShippingMethod shipping;
    shipping.option_id = *options->shipping_options->at(0).id;
    auto shipped = cart_api.addShippingMethod(cart_id, shipping);
    REQUIRE(shipped.ok());
    CHECK(*shipped->cart->total == 80);

    api::InitiatePaymentSession session;
    session.provider_id = "pp_system_default";
    REQUIRE(shop.sdk->store.payment.initiatePaymentSession(*shipped->cart, session).ok());
    auto done = cart_api.complete(cart_id);
    REQUIRE(done.ok());
    REQUIRE(done->is_order());
    const Order& order = *done->order;
    CHECK(*order.display_id == 1);
    CHECK(*order.email == "anna@example.com");
    REQUIRE(order.items->size() == 2);
    for (const auto& item : *order.items) {
      CHECK(item.personalization() == *item.metadata);
      CHECK(*item.line_item_metadata == *item.detail->metadata);
      CHECK(item.variant->product->metadata->contains("personalization"));
      CHECK(personalization::validate_line_item_metadata(shop.shirt_schema, item.personalization())
                .valid());
    }
    // Completing again returns the same order; the cart keeps completed_at.
    auto twice = cart_api.complete(cart_id);
    REQUIRE(twice.ok());
    CHECK(*twice->order->id == *order.id);
    CHECK(cart_api.retrieve(cart_id)->cart->completed_at.has_value());
    REQUIRE(shop.server.events().wait_idle(std::chrono::seconds(5)));
    CHECK(placed == std::vector<std::string>{*order.id});
  }

  TEST_CASE("an invalid personalization sent directly is refused with the issue list") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    api::AddLineItem body;
    body.variant_id = shop.variant(shop.shirt);
    body.quantity = 1;
    body.metadata =
        json{{"message", "<script>alert(1)</script>"}, {"font", "Comic"}, {"extra", true}};
    auto r = shop.sdk->store.cart.createLineItem(cart_id, body);  // no client-side validation
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "http.invalid_data");
    CHECK(r.error().details["status"] == 400);
    REQUIRE(r.error().details["issues"].is_array());
    std::vector<std::string> codes;
    for (const auto& i : r.error().details["issues"])
      codes.push_back(i["instance_path"].get<std::string>() + " " + i["code"].get<std::string>());
    CHECK(codes == std::vector<std::string>{"/extra additional_properties", "/font enum",
                                            "/message pattern"});
    CHECK(shop.sdk->store.cart.retrieve(cart_id)->cart->items->empty());  // nothing stored
    // Without metadata at all, the required fields are missing.
    body.metadata.reset();
    CHECK(shop.sdk->store.cart.createLineItem(cart_id, body).error().details["issues"][0]["code"] ==
          "required");
  }

  TEST_CASE("Medusa's rules: rounding, quantity 0, unknown line delete, stale payment session") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    auto c = shop.raw();
    const std::string letter = shop.variant(shop.letter);
    auto add = [&](double quantity, const json& metadata) {
      json body = {{"variant_id", letter}, {"quantity", quantity}, {"metadata", metadata}};
      return c.Post(("/store/carts/" + cart_id + "/line-items").c_str(), body.dump(),
                    "application/json");
    };
    auto r = add(1.5, json{{"initials", "AMZ"}});
    REQUIRE(r);
    CHECK(r->status == 200);
    const json cart = json::parse(r->body)["cart"];
    CHECK(cart["items"][0]["quantity"] == 2);  // 1.5 rounds to 2
    const std::string line = cart["items"][0]["id"];
    auto del = c.Delete(("/store/carts/" + cart_id + "/line-items/cali_01UNKNOWN").c_str());
    CHECK(del->status == 200);
    CHECK(json::parse(del->body)["deleted"] == true);

    // A payment session disappears when the cart changes.
    auto pc =
        c.Post("/store/payment-collections", json{{"cart_id", cart_id}}.dump(), "application/json");
    const std::string pc_id = json::parse(pc->body)["payment_collection"]["id"];
    auto again =
        c.Post("/store/payment-collections", json{{"cart_id", cart_id}}.dump(), "application/json");
    CHECK(json::parse(again->body)["payment_collection"]["id"] == pc_id);
    c.Post(("/store/payment-collections/" + pc_id + "/payment-sessions").c_str(),
           json{{"provider_id", "pp_system_default"}}.dump(), "application/json");
    auto opts = c.Get(("/store/shipping-options?cart_id=" + cart_id).c_str());
    const std::string option = json::parse(opts->body)["shipping_options"][0]["id"];
    c.Post(("/store/carts/" + cart_id + "/shipping-methods").c_str(),
           json{{"option_id", option}}.dump(), "application/json");
    auto stale = c.Post(("/store/carts/" + cart_id + "/complete").c_str(), "", "application/json");
    CHECK(stale->status == 400);
    CHECK(json::parse(stale->body)["message"] == "Payment sessions are required to complete cart");

    auto zero = c.Post(("/store/carts/" + cart_id + "/line-items/" + line).c_str(),
                       json{{"quantity", 0}}.dump(), "application/json");
    CHECK(json::parse(zero->body)["cart"]["items"].empty());  // quantity 0 removes
  }

  TEST_CASE("error bodies and statuses match the real server's traces") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    auto c = shop.raw();
    struct Case {
      const char* trace;
      std::string path;
    };
    // The trace's request body is sent to the mock; status and body must match the trace.
    const Case cases[] = {
        {"174-err-missing-variant-id.txt", "/store/carts/" + cart_id + "/line-items"},
        {"179-err-empty-body.txt", "/store/carts/" + cart_id + "/line-items"},
        {"180-err-quantity-zero.txt", "/store/carts/" + cart_id + "/line-items"},
        {"181-err-quantity-negative.txt", "/store/carts/" + cart_id + "/line-items"},
        {"182-err-quantity-string.txt", "/store/carts/" + cart_id + "/line-items"},
        {"186-err-metadata-string.txt", "/store/carts/" + cart_id + "/line-items"},
        {"187-err-metadata-array.txt", "/store/carts/" + cart_id + "/line-items"},
        {"188-err-metadata-number.txt", "/store/carts/" + cart_id + "/line-items"},
        {"189-err-unknown-body-field.txt", "/store/carts/" + cart_id + "/line-items"},
        {"194-err-unknown-cart-add-item.txt",
         "/store/carts/cart_01UNKNOWNUNKNOWNUNKNOWNUNK/line-items"},
        {"201-err-complete-empty-cart.txt", "/store/carts/" + cart_id + "/complete"},
        {"205-err-login-wrong-password.txt", "/auth/user/emailpass"},
    };
    for (const auto& k : cases) {
      CAPTURE(k.trace);
      const auto t = test_support::load_trace(k.trace);
      const std::string body = t.request_text;
      auto r = c.Post(k.path.c_str(), body, "application/json");
      REQUIRE(r);
      CHECK(r->status == t.status);
      CHECK(json::parse(r->body) == json::parse(t.response_body));
    }
    // Unknown ids, missing keys, admin auth, the HTML 404, invalid JSON, 413.
    CHECK(c.Get("/store/carts/cart_01UNKNOWNUNKNOWNUNKNOWNUNK")->body ==
          json::parse(test_support::load_trace("193-err-unknown-cart.txt").response_body).dump());
    CHECK(json::parse(c.Get("/store/orders/order_01UNKNOWN")->body) ==
          json::parse(test_support::load_trace("197-err-unknown-order.txt").response_body));
    httplib::Client anonymous(shop.server.url());
    auto no_key = anonymous.Get("/store/products");
    CHECK(json::parse(no_key->body) ==
          json::parse(
              test_support::load_trace("176-err-no-publishable-key-products.txt").response_body));
    auto wrong_key = anonymous.Get("/store/products", {{"x-publishable-api-key", "pk_wrong"}});
    CHECK(json::parse(wrong_key->body) ==
          json::parse(test_support::load_trace("177-err-bad-publishable-key.txt").response_body));
    for (const auto* header : {"", "Bearer forged", "Basic d3Jvbmc6"}) {
      httplib::Headers h;
      if (*header) h.emplace("Authorization", header);
      auto admin = anonymous.Get("/admin/orders", h);
      CHECK(admin->status == 401);
      CHECK(json::parse(admin->body) == json{{"message", "Unauthorized"}});
    }
    auto missing = c.Get("/store/does-not-exist");
    CHECK(missing->status == 404);
    CHECK(missing->body ==
          test_support::load_trace("198-err-unknown-route.txt").response_body + "\n");
    auto bad_json = c.Post(("/store/carts/" + cart_id + "/line-items").c_str(),
                           "{\"variant_id\": \"x", "application/json");
    CHECK(bad_json->status == 400);
    CHECK(json::parse(bad_json->body)["type"] == "invalid_data");
    auto huge = c.Post(
        ("/store/carts/" + cart_id + "/line-items").c_str(),
        json{{"variant_id", "x"}, {"quantity", 1}, {"metadata", {{"x", std::string(110000, 'x')}}}}
            .dump(),
        "application/json");
    CHECK(huge->status == 413);
    CHECK(json::parse(huge->body) ==
          json::parse(test_support::load_trace("191-err-metadata-1mb.txt").response_body));
  }

  TEST_CASE("parallel adds of the same personalization end as one line with the summed quantity") {
    Shop shop;
    const std::string cart_id = shop.new_cart();
    const std::string size_m = shop.variant(shop.shirt, 1);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&] {
        api::Config config = shop.sdk->config();
        client::Client sdk(config);
        auto r = sdk.store.cart.createPersonalizedLineItem(cart_id, shop.shirt_schema,
                                                           {size_m, 1, personalization_a()});
        if (r.ok()) ++ok;
      });
    }
    for (auto& t : threads) t.join();
    CHECK(ok == 8);
    auto cart = shop.sdk->store.cart.retrieve(cart_id);
    REQUIRE(cart->cart->items->size() == 1);
    CHECK(*cart->cart->items->at(0).quantity == 8);
  }

  TEST_CASE("uploads are checked by content and served with safe headers") {
    Shop shop;
    const std::string jpeg =
        test_support::read_file(test_support::fixture("images/photo-1200x900.jpg"));
    auto up = shop.sdk->store.personalization.uploadImage("photo.jpg", jpeg);
    REQUIRE_MESSAGE(up.ok(), (up.ok() ? "" : up.error().describe()));
    CHECK(*up->file->width == 1200);
    CHECK(*up->file->mime == "image/jpeg");
    httplib::Client c(shop.server.url());
    const std::string path = up->file->url->substr(shop.server.url().size());
    auto served = c.Get(path.c_str());
    REQUIRE(served);
    CHECK(served->status == 200);
    CHECK(served->body == jpeg);
    CHECK(served->get_header_value("Content-Type") == "image/jpeg");
    CHECK(served->get_header_value("X-Content-Type-Options") == "nosniff");
    // Not an image by content: refused whatever its name says.
    httplib::MultipartFormDataItems fake = {
        {"file", "<svg onload=alert(1)>", "photo.png", "image/png"}};
    auto refused = shop.raw().Post("/store/personalization/uploads", fake);
    CHECK(refused->status == 400);
    CHECK(c.Get("/uploads/../../etc/passwd")->status == 404);
  }
}

TEST_CASE("CORS, fields selection, secret-key admin auth and fulfilment events" *
          doctest::test_suite("mock_backend")) {
  mock::ServerOptions options;
  options.cors_origins = {"http://localhost:8000"};
  Shop shop(options);
  auto c = shop.raw();
  // Preflight from an allowed origin echoes it and the requested headers.
  auto pre = c.Options("/store/carts",
                       {{"Origin", "http://localhost:8000"},
                        {"Access-Control-Request-Headers", "x-publishable-api-key,content-type"}});
  CHECK(pre->status == 204);
  CHECK(pre->get_header_value("Access-Control-Allow-Origin") == "http://localhost:8000");
  CHECK(pre->get_header_value("Access-Control-Allow-Headers") ==
        "x-publishable-api-key,content-type");
  auto other = c.Get("/store/regions", {{"Origin", "http://evil.example"}});
  CHECK(other->status == 200);
  CHECK_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto allowed = c.Get("/store/regions", {{"Origin", "http://localhost:8000"}});
  CHECK(allowed->get_header_value("Access-Control-Allow-Credentials") == "true");
  // Body-parser errors carry no CORS headers, as on the real server.
  auto bad =
      c.Post("/store/carts", {{"Origin", "http://localhost:8000"}}, "{oops", "application/json");
  CHECK(bad->status == 400);
  CHECK_FALSE(bad->has_header("Access-Control-Allow-Origin"));

  // fields: metadata only on request; an explicit list replaces the defaults.
  const std::string id = *shop.shirt.id;
  auto plain = json::parse(c.Get(("/store/products/" + id).c_str())->body)["product"];
  CHECK_FALSE(plain.contains("metadata"));
  auto picked = json::parse(
      c.Get(("/store/products/" + id + "?fields=id,title,metadata").c_str())->body)["product"];
  CHECK(picked.size() == 3);
  CHECK(picked["metadata"].contains("personalization"));
  // `*relation` adds to the defaults (a storefront's "*variants.calculated_price").
  auto expanded = json::parse(
      c.Get(("/store/products/" + id + "?fields=*variants.calculated_price,%2Bmetadata").c_str())
          ->body)["product"];
  CHECK(expanded["title"] == "Custom T-Shirt");
  CHECK(expanded["metadata"].contains("personalization"));
  CHECK(expanded["variants"].size() == 2);

  // Admin with the secret API key; the fulfilment emits order.fulfillment_created.
  std::vector<json> created;
  std::mutex m;
  shop.server.events().subscribe("order.fulfillment_created", [&](const mock::Event& e) {
    std::lock_guard<std::mutex> lock(m);
    created.push_back(e.data);
  });
  api::Config admin_config;
  admin_config.base_url = shop.server.url();
  admin_config.api_key = shop.server.options().secret_api_key;
  client::Client admin(admin_config);
  const Order placed = shop.checkout(shop.new_cart(), 3, personalization_b());
  const std::string item = *placed.items->at(0).id;
  api::CreateFulfillment first;
  first.items = std::vector<api::OrderItemQuantity>(1);
  first.items->at(0).id = item;
  first.items->at(0).quantity = 2;
  auto partial = admin.admin.order.createFulfillment(*placed.id, first);
  REQUIRE(partial.ok());
  CHECK(*partial->order->fulfillment_status == "partially_fulfilled");
  first.items->at(0).quantity = 2;  // only 1 left: refused, nothing changes
  auto over = admin.admin.order.createFulfillment(*placed.id, first);
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().message.rfind("No stock reservation found for item " + item, 0) == 0);
  first.items->at(0).quantity = 1;
  auto rest = admin.admin.order.createFulfillment(*placed.id, first);
  REQUIRE(rest.ok());
  CHECK(*rest->order->fulfillment_status == "fulfilled");
  api::CreateShipment shipment;
  shipment.items = first.items;
  auto shipped =
      admin.admin.order.createShipment(*placed.id, *rest->order->fulfillments->at(1).id, shipment);
  REQUIRE(shipped.ok());
  CHECK(*shipped->order->fulfillment_status == "partially_shipped");
  REQUIRE(shop.server.events().wait_idle(std::chrono::seconds(5)));
  REQUIRE(created.size() == 2);
  CHECK(created[0]["order_id"] == *placed.id);
  CHECK(created[1]["fulfillment_id"] == *rest->order->fulfillments->at(1).id);
}

TEST_CASE("more error cases of the traces, with the mock's own ids" *
          doctest::test_suite("mock_backend")) {
  Shop shop;
  auto c = shop.raw();
  auto post = [&](const std::string& path, const json& body) {
    auto r = c.Post(path.c_str(), body.dump(), "application/json");
    REQUIRE(r);
    return std::make_pair(r->status, json::parse(r->body, nullptr, false));
  };
  auto expect = [&](const std::pair<int, json>& got, const char* trace,
                    const std::string& real_id = "", const std::string& mock_id = "") {
    CAPTURE(trace);
    const auto t = test_support::load_trace(trace);
    std::string body = t.response_body;
    if (!real_id.empty()) body.replace(body.find(real_id), real_id.size(), mock_id);
    CHECK(got.first == t.status);
    CHECK(got.second == json::parse(body));
  };
  const std::string cart_id = shop.new_cart();
  const std::string letter = shop.variant(shop.letter);
  const std::string items = "/store/carts/" + cart_id + "/line-items";

  expect(post(items, {{"variant_id", "variant_does_not_exist"}, {"quantity", 1}}),
         "173-err-bad-variant-id.txt");
  expect(
      post(items, {{"variant_id", letter}, {"quantity", 1000}, {"metadata", {{"initials", "A"}}}}),
      "185-err-quantity-over-stock.txt");
  // 90 KB of metadata and 60 levels of nesting are accepted.
  auto big = post(items, {{"variant_id", letter},
                          {"quantity", 1},
                          {"metadata", {{"initials", "B"}, {"note", std::string(90000, 'x')}}}});
  CHECK(big.first == 200);
  json deep = {{"leaf", true}};
  for (int i = 0; i < 59; ++i) deep = {{"d", deep}};
  CHECK(post(items, {{"variant_id", letter},
                     {"quantity", 1},
                     {"metadata", {{"initials", "C"}, {"deep", deep}}}})
            .first == 200);

  const auto cart = json::parse(c.Get(("/store/carts/" + cart_id).c_str())->body)["cart"];
  const std::string line = cart["items"][0]["id"];
  expect(post(items + "/" + line, {{"metadata", {{"initials", "D"}}}}),
         "184-err-quantity-missing.txt");
  expect(post(items + "/cali_01UNKNOWN", {{"quantity", 1}}),
         "195-err-unknown-line-item-update.txt");
  expect(post("/store/carts", {{"region_id", "reg_01UNKNOWNUNKNOWNUNKNOWNUNK"}}),
         "199-err-create-cart-bad-region.txt");
  expect(post("/store/carts", {{"region_id", shop.region["id"]}, {"foo", "bar"}}),
         "200-err-create-cart-unknown-field.txt");
  expect(post("/store/carts/" + cart_id + "/shipping-methods", {{"option_id", "so_01UNKNOWN"}}),
         "210-err-shipping-method-unknown-option.txt");
  const std::string region_id = shop.region["id"];
  auto pc = post("/store/payment-collections", {{"cart_id", cart_id}});
  const std::string pc_id = pc.second["payment_collection"]["id"];
  const auto bad_provider = test_support::load_trace("214-err-payment-session-bad-provider.txt");
  const std::string provider_message = json::parse(bad_provider.response_body)["message"];
  const std::string trace_region = provider_message.substr(provider_message.find("reg_"), 30);
  expect(post("/store/payment-collections/" + pc_id + "/payment-sessions",
              {{"provider_id", "pp_nope"}}),
         "214-err-payment-session-bad-provider.txt", trace_region, region_id);
  post("/store/payment-collections/" + pc_id + "/payment-sessions",
       {{"provider_id", "pp_system_default"}});
  expect(post("/store/carts/" + cart_id + "/complete", json::object()),
         "220-err-complete-no-shipping-method.txt");

  // A completed cart refuses new items.
  const std::string done = shop.new_cart();
  shop.checkout(done, 1, personalization_b());
  const auto completed_trace =
      test_support::load_trace("157-store-add-line-item-to-completed-cart.txt");
  const std::string completed_message = json::parse(completed_trace.response_body)["message"];
  const std::string trace_cart = completed_message.substr(completed_message.find("cart_"), 31);
  expect(post("/store/carts/" + done + "/line-items",
              {{"variant_id", letter}, {"quantity", 1}, {"metadata", {{"initials", "E"}}}}),
         "157-store-add-line-item-to-completed-cart.txt", trace_cart, done);
}

TEST_SUITE("mock_backend") {
  TEST_CASE("webhooks: a failing, then slow receiver gets every event; its dedupe makes it once") {
    httplib::Server receiver;
    std::mutex m;
    std::map<std::string, int> attempts;  // event id -> deliveries seen
    std::set<std::string> processed;      // event ids handled (the receiver's dedupe)
    int duplicates = 0;                   // deliveries of an already handled event
    int calls = 0;
    receiver.Post("/hooks/medusa", [&](const httplib::Request& req, httplib::Response& res) {
      int call = 0;
      const std::string id = req.get_header_value("x-medusa-event-id");
      {
        std::lock_guard<std::mutex> lock(m);
        call = ++calls;
        attempts[id]++;
      }
      if (call <= 2) {  // failing: the receiver is unhealthy
        res.status = 503;
        return;
      }
      {
        std::lock_guard<std::mutex> lock(m);
        if (!processed.insert(id).second) ++duplicates;  // already done: acknowledge only
      }
      if (call == 3) std::this_thread::sleep_for(std::chrono::milliseconds(600));  // slow
      res.status = 200;
    });
    const int port = receiver.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { receiver.listen_after_bind(); });
    {
      mock::EventBus bus({"http://127.0.0.1:" + std::to_string(port) + "/hooks/medusa"},
                         std::chrono::milliseconds(10), std::chrono::milliseconds(50),
                         std::chrono::milliseconds(300));
      bus.publish("order.placed", json{{"id", "order_1"}});
      bus.publish("order.placed", json{{"id", "order_2"}});
      REQUIRE(bus.wait_idle(std::chrono::seconds(15)));
      const auto history = bus.history();
      REQUIRE(history.size() == 2);
      std::lock_guard<std::mutex> lock(m);
      std::set<std::string> published;
      for (const auto& e : history) published.insert(e.id);
      CHECK(processed == published);  // every event handled, each once
      CHECK(calls >= 5);              // two 503s and the timed-out slow answer were sent again
      CHECK(duplicates >= 1);         // the slow one arrived twice: dedupe was needed
    }
    receiver.stop();
    serving.join();
  }
}
