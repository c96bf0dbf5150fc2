// The print worker end to end against the mock backend on loopback: jobs, fulfilments,
// idempotence, webhooks that are down and recover, and the checkout CLI.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <thread>

#include <httplib.h>

#include "medusa/client/client.hpp"
#include "print_worker.hpp"
#include "server.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa;
namespace fs = std::filesystem;

namespace {

const std::string kSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

webhooks::Secret secret() {
  return *webhooks::parse_secret(kSecret);
}

// A loopback port that nothing listens on (bound, then released).
int free_port() {
  httplib::Server probe;
  const int port = probe.bind_to_any_port("127.0.0.1");
  std::thread t([&] { probe.listen_after_bind(); });
  while (!probe.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  probe.stop();
  t.join();
  return port;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("medusa-" + name + "-" + mock::new_id("t"));
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Sends the plugin's print_job.created webhook for one order item, signed `later` seconds
// from now (a sender's retry is signed anew); the answer's status and body.
std::pair<int, json> send_print_job(httplib::Client& http, const std::string& id,
                                    const std::string& order_id, const std::string& item_id,
                                    std::int64_t later = 0) {
  const std::string body =
      json{{"type", "print_job.created"},
           {"data", {{"id", id}, {"order", {{"id", order_id}}}, {"item", {{"id", item_id}}}}}}
          .dump();
  const auto ts = static_cast<std::int64_t>(std::time(nullptr)) + later;
  auto res = http.Post("/hooks/medusa",
                       {{"webhook-id", id},
                        {"webhook-timestamp", std::to_string(ts)},
                        {"webhook-signature", webhooks::sign(secret(), id, ts, body)}},
                       body, "application/json");
  REQUIRE(res);
  return {res->status, json::parse(res->body)};
}

// Places an order for one personalized shirt (and, optionally, a letter) with a photo.
std::string place_order(client::Client& sdk, const std::string& message, bool with_letter) {
  auto products = sdk.store.product.list();
  REQUIRE(products.ok());
  const Product* shirt = nullptr;
  const Product* letter = nullptr;
  for (const auto& p : *products->products) (*p.handle == "custom-t-shirt" ? shirt : letter) = &p;
  auto shirt_schema = personalization::Schema::for_product(*shirt);
  auto letter_schema = personalization::Schema::for_product(*letter);
  REQUIRE((shirt_schema.ok() && letter_schema.ok()));
  auto regions = sdk.store.region.list();
  api::CreateCart create;
  create.region_id = *regions->regions->at(0).id;
  const std::string cart = *sdk.store.cart.create(create)->cart->id;
  const std::string jpeg =
      test_support::read_file(test_support::fixture("images/progressive-2400x3000.jpg"));
  auto upload = sdk.store.personalization.uploadImage("photo.jpg", jpeg);
  REQUIRE(upload.ok());
  json photo = to_json(*upload->file);
  photo.erase("id");
  photo.erase("filename");
  REQUIRE(sdk.store.cart
              .createPersonalizedLineItem(
                  cart, **shirt_schema,
                  {*shirt->variants->at(0).id, 2,
                   json{{"message", message}, {"font", "Serif"}, {"photo", photo}}})
              .ok());
  if (with_letter) {
    REQUIRE(
        sdk.store.cart
            .createPersonalizedLineItem(cart, **letter_schema,
                                        {*letter->variants->at(0).id, 1, json{{"initials", "AMZ"}}})
            .ok());
  }
  auto options = sdk.store.fulfillment.listCartOptions(http::Query().add("cart_id", cart));
  api::AddShippingMethod shipping;
  shipping.option_id = *options->shipping_options->at(0).id;
  auto shipped = sdk.store.cart.addShippingMethod(cart, shipping);
  api::InitiatePaymentSession session;
  session.provider_id = "pp_system_default";
  REQUIRE(sdk.store.payment.initiatePaymentSession(*shipped->cart, session).ok());
  auto done = sdk.store.cart.complete(cart);
  REQUIRE(done.ok());
  REQUIRE(done->is_order());
  return *done->order->id;
}

struct Shop {
  mock::MockServer server;
  std::unique_ptr<client::Client> customer;
  std::unique_ptr<client::Client> staff;

  explicit Shop(mock::ServerOptions options = {}) : server(std::move(options)) {
    REQUIRE(server.start() > 0);
    api::Config c;
    c.base_url = server.url();
    c.publishable_key = server.options().publishable_key;
    customer = std::make_unique<client::Client>(c);
    api::Config admin;
    admin.base_url = server.url();
    staff = std::make_unique<client::Client>(admin);
    REQUIRE(staff
                ->login("user", "emailpass",
                        json{{"email", "admin@example.com"}, {"password", "supersecret"}})
                .ok());
  }
};

}  // namespace

TEST_SUITE("print_worker") {
  TEST_CASE("two orders: exactly the expected jobs, fulfilments created, a rerun prints nothing") {
    Shop shop;
    const std::string first = place_order(*shop.customer, "Happy birthday, Anna!", true);
    const std::string second = place_order(*shop.customer, "Best dad ever", false);
    const fs::path out = scratch("jobs");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    auto outcomes = worker.poll_once();
    REQUIRE_MESSAGE(outcomes.ok(), (outcomes.ok() ? "" : outcomes.error().describe()));
    REQUIRE(outcomes->size() == 2);
    int written = 0;
    for (const auto& o : *outcomes) {
      written += o.jobs_written;
      CHECK(o.fulfillment_created);
      CHECK(o.items_rejected == 0);
    }
    CHECK(written == 3);  // shirt + letter, shirt
    const auto files = files_in(out);
    CHECK(std::count_if(files.begin(), files.end(), [](const std::string& f) {
            return f.size() > 5 && f.substr(f.size() - 5) == ".json" &&
                   f.find("processed") == std::string::npos;
          }) == 3);
    CHECK(std::count_if(files.begin(), files.end(), [](const std::string& f) {
            return f.substr(f.size() - 4) == ".jpg";
          }) == 2);

    for (const auto& id : {first, second}) {
      auto order = shop.staff->admin.order.retrieve(id);
      REQUIRE(order.ok());
      CHECK(*order->order->fulfillment_status == "fulfilled");
      CHECK(order->order->fulfillments->size() == 1);
    }
    // A job holds the customer's values and the validated schema's fingerprint.
    const fs::path dir = out / ("1-" + first);
    bool found = false;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".json") continue;
      const json job = json::parse(test_support::read_file(e.path().string()));
      if (job["sku"] != "CUSTOM-TEE-S") continue;
      found = true;
      CHECK(job["personalization"]["message"] == "Happy birthday, Anna!");
      CHECK_FALSE(job["personalization"].contains(personalization::kStampKey));
      CHECK(job["quantity"] == 2);
      CHECK(job["image"]["width"] == 2400);
      CHECK(test_support::read_file((dir / job["image"]["file"].get<std::string>()).string()) ==
            test_support::read_file(test_support::fixture("images/progressive-2400x3000.jpg")));
    }
    CHECK(found);

    // Running again: nothing new, and processing an order again writes nothing either.
    auto rerun = worker.poll_once();
    REQUIRE(rerun.ok());
    CHECK(rerun->empty());
    auto again = worker.process_order(first);
    REQUIRE(again.ok());
    CHECK(again->jobs_written == 0);
    CHECK(again->jobs_existing == 2);
    CHECK_FALSE(again->fulfillment_created);
    CHECK(files_in(out) == files);
    fs::remove_all(out);
  }

  TEST_CASE("order.placed webhooks: a receiver that is down gets every order once it recovers") {
    const int port = free_port();
    mock::ServerOptions options;
    options.webhooks = {"http://127.0.0.1:" + std::to_string(port) + "/hooks/medusa"};
    options.webhook_secret = kSecret;
    Shop shop(options);
    const std::string a = place_order(*shop.customer, "First order", false);
    const std::string b = place_order(*shop.customer, "Second order", false);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // deliveries fail and back off
    CHECK(shop.server.events().pending() >= 2);

    const fs::path out = scratch("hooks");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    std::mutex mutex;
    std::vector<std::string> processed;
    worker::WebhookListener listener(worker, secret(), [&](const worker::OrderOutcome& o) {
      std::lock_guard<std::mutex> lock(mutex);
      processed.push_back(o.order_id);
    });
    REQUIRE(listener.start("127.0.0.1", port) == port);
    REQUIRE(shop.server.events().wait_idle(std::chrono::seconds(15)));
    std::sort(processed.begin(), processed.end());
    std::vector<std::string> expected{a, b};
    std::sort(expected.begin(), expected.end());
    CHECK(processed == expected);
    CHECK(*shop.staff->admin.order.retrieve(a)->order->fulfillment_status == "fulfilled");

    // A duplicate delivery (at-least-once) prints nothing twice.
    shop.server.events().publish("order.placed", json{{"id", a}});
    REQUIRE(shop.server.events().wait_idle(std::chrono::seconds(5)));
    auto redo = worker.process_order(a);
    CHECK(redo->jobs_written == 0);
    int jobs = 0;
    for (const auto& f : files_in(out))
      jobs += f.find("ordli_") != std::string::npos && f.find(".json") != std::string::npos;
    CHECK(jobs == 2);
    listener.stop();
    fs::remove_all(out);
  }

  TEST_CASE("webhooks: unsigned, forged and replayed requests are refused and print nothing") {
    Shop shop;
    const std::string order = place_order(*shop.customer, "Signed only", false);
    const fs::path out = scratch("forged");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    worker::WebhookListener listener(worker, secret());
    const int port = listener.start("127.0.0.1", 0);
    REQUIRE(port > 0);
    httplib::Client http("127.0.0.1", port);
    const std::string body = json{{"name", "order.placed"}, {"data", {{"id", order}}}}.dump();
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto post = [&](const httplib::Headers& headers, const std::string& content) {
      auto res = http.Post("/hooks/medusa", headers, content, "application/json");
      REQUIRE(res);
      return std::make_pair(res->status, json::parse(res->body).value("code", ""));
    };
    auto signed_headers = [&](const webhooks::Secret& key, const std::string& id, std::int64_t ts,
                              const std::string& content) {
      return httplib::Headers{{"webhook-id", id},
                              {"webhook-timestamp", std::to_string(ts)},
                              {"webhook-signature", webhooks::sign(key, id, ts, content)}};
    };
    CHECK(post({}, body) == std::make_pair(401, std::string("webhook.headers_missing")));
    auto stranger = webhooks::parse_secret("whsec_" + std::string(32, 'B'));
    REQUIRE(stranger);
    CHECK(post(signed_headers(*stranger, "msg_1", now, body), body) ==
          std::make_pair(401, std::string("webhook.signature_invalid")));
    // Signed for another body (a captured signature on a changed order id).
    const std::string other =
        json{{"name", "order.placed"}, {"data", {{"id", "order_other"}}}}.dump();
    CHECK(post(signed_headers(secret(), "msg_1", now, other), body) ==
          std::make_pair(401, std::string("webhook.signature_invalid")));
    // Captured long ago.
    CHECK(post(signed_headers(secret(), "msg_1", now - 3600, body), body) ==
          std::make_pair(401, std::string("webhook.timestamp_outside_tolerance")));
    CHECK(files_in(out) == std::vector<std::string>{"webhooks.log"});

    const auto genuine = signed_headers(secret(), "msg_1", now, body);
    CHECK(post(genuine, body).first == 200);
    const auto printed = files_in(out);
    // The log, and in the order's folder the shirt's job and its photo.
    REQUIRE(printed.size() == 3);
    CHECK(printed[2] == "webhooks.log");
    CHECK(printed[0].find("/ordli_") != std::string::npos);
    CHECK(fs::path(printed[0]).extension() == ".jpg");
    CHECK(fs::path(printed[1]).extension() == ".json");
    // The same message again, byte for byte: a replay.
    CHECK(post(genuine, body) == std::make_pair(409, std::string("webhook.replayed")));
    // Another message under the same id and second is not a replay of this one.
    const std::string resent =
        json{{"name", "order.placed"}, {"data", {{"id", order}}}, {"n", 2}}.dump();
    CHECK(post(signed_headers(secret(), "msg_1", now, resent), resent).first == 200);
    // A worker started since remembers it (webhooks.log).
    listener.stop();
    worker::WebhookListener restarted(worker, secret());
    const int port2 = restarted.start("127.0.0.1", 0);
    httplib::Client http2("127.0.0.1", port2);
    auto replay = http2.Post("/hooks/medusa", genuine, body, "application/json");
    REQUIRE(replay);
    CHECK(replay->status == 409);
    // The sender's own retry is signed anew: acknowledged, and printed once all the same.
    auto retry = http2.Post("/hooks/medusa", signed_headers(secret(), "msg_1", now + 1, body), body,
                            "application/json");
    REQUIRE(retry);
    CHECK(retry->status == 200);
    CHECK(json::parse(retry->body)["status"] == "already_printed");
    CHECK(files_in(out) == printed);
    restarted.stop();
    fs::remove_all(out);
  }

  TEST_CASE("print_job.created webhooks print and fulfil their one item") {
    Shop shop;
    const std::string order_id = place_order(*shop.customer, "Two items", true);
    auto order = shop.staff->admin.order.retrieve(order_id);
    REQUIRE(order.ok());
    REQUIRE(order->order->items->size() == 2);
    const fs::path out = scratch("jobs");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    worker::WebhookListener listener(worker, secret());
    const int port = listener.start("127.0.0.1", 0);
    httplib::Client http("127.0.0.1", port);
    auto send_job = [&](const std::string& id, const std::string& item_id) {
      return send_print_job(http, id, order_id, item_id);
    };
    const std::string first = *order->order->items->at(0).id;
    auto [status, answer] = send_job("pjob_1", first);
    CHECK(status == 200);
    CHECK(answer["status"] == "printed");
    CHECK(answer["fulfillment_created"] == true);
    auto after = shop.staff->admin.order.retrieve(order_id);
    int fulfilled_items = 0;
    for (const auto& item : *after->order->items)
      fulfilled_items += item.detail->fulfilled_quantity.value_or(0) > 0;
    CHECK(fulfilled_items == 1);  // that item only
    CHECK(send_job("pjob_unknown", "ordli_missing").first == 422);
    listener.stop();
    fs::remove_all(out);
  }

  TEST_CASE("a fulfilment the shop refuses: printed once, answered 200 with the reason") {
    // A Medusa server killed while it creates a fulfilment can leave the order with its
    // stock reservation consumed and nothing fulfilled; createFulfillment then answers 400
    // "No stock reservation found" for good. A proxy in front of the mock plays that part.
    Shop shop;
    const std::string order_id = place_order(*shop.customer, "Refused", false);
    httplib::Client upstream(shop.server.url());
    httplib::Server proxy;
    int refusals = 0;
    auto forward = [&](const httplib::Request& req, httplib::Response& res) {
      if (req.method == "POST" && req.path.find("/fulfillments") != std::string::npos) {
        ++refusals;
        res.status = 400;
        res.set_content(
            R"({"type":"invalid_data","message":"No stock reservation found for item"})",
            "application/json");
        return;
      }
      httplib::Headers headers;
      if (req.has_header("Authorization"))
        headers.emplace("Authorization", req.get_header_value("Authorization"));
      auto answer = req.method == "GET"
                        ? upstream.Get(req.target, headers)
                        : upstream.Post(req.target, headers, req.body, "application/json");
      REQUIRE(answer);
      res.status = answer->status;
      res.set_content(answer->body, "application/json");
    };
    proxy.Get(".*", forward);
    proxy.Post(".*", forward);
    const int proxy_port = proxy.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { proxy.listen_after_bind(); });
    while (!proxy.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    api::Config config;
    config.base_url = "http://127.0.0.1:" + std::to_string(proxy_port);
    client::Client staff(config);
    REQUIRE(staff
                .login("user", "emailpass",
                       json{{"email", "admin@example.com"}, {"password", "supersecret"}})
                .ok());
    const fs::path out = scratch("refused");
    worker::PrintWorker worker(staff, {out, ""});
    worker::WebhookListener listener(worker, secret());
    const int port = listener.start("127.0.0.1", 0);
    httplib::Client http("127.0.0.1", port);
    auto order = shop.staff->admin.order.retrieve(order_id);
    const std::string item_id = *order->order->items->at(0).id;
    auto send_job = [&](const std::string& id, std::int64_t later = 0) {
      return send_print_job(http, id, order_id, item_id, later);
    };
    auto [status, answer] = send_job("pjob_refused");
    CHECK(status == 200);  // printed: sending it again would change nothing
    CHECK(answer["status"] == "printed");
    CHECK(answer["fulfillment_created"] == false);
    CHECK(answer["fulfillment_error"].get<std::string>().find("No stock reservation found") !=
          std::string::npos);
    CHECK(refusals == 1);
    // The sender's retry (a lost answer): not printed again, the refusal reported again.
    auto [again_status, again] = send_job("pjob_refused", 1);  // signed anew
    CHECK(again_status == 200);
    CHECK(again["status"] == "already_printed");
    CHECK(again["fulfillment_error"].is_string());
    CHECK(files_in(out).size() == 3);  // webhooks.log, the job, the photo
    auto after = shop.staff->admin.order.retrieve(order_id);
    CHECK(after->order->items->at(0).detail->fulfilled_quantity.value_or(0) == 0);
    listener.stop();
    proxy.stop();
    serving.join();
    fs::remove_all(out);
  }

  TEST_CASE("a personalization that no longer satisfies its schema is not printed") {
    Shop shop;
    const std::string order = place_order(*shop.customer, "Hello", false);
    // Staff tighten the schema after the order was placed: the stamp no longer matches.
    auto products = shop.staff->admin.product.list();
    REQUIRE(products.ok());
    for (const auto& p : *products->products) {
      if (*p.handle != "custom-t-shirt") continue;
      json metadata = *p.metadata;
      metadata["personalization"]["properties"]["message"]["maxLength"] = 3;
      REQUIRE(shop.staff->admin.product.update(*p.id, json{{"metadata", metadata}}).ok());
    }
    const fs::path out = scratch("rejected");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    auto outcome = worker.process_order(order);
    REQUIRE(outcome.ok());
    // The stamp names the schema the item was sold with; it is not the product's schema
    // any more, so the item waits for a person instead of being printed or fulfilled.
    CHECK(outcome->items_rejected == 1);
    CHECK(outcome->jobs_written == 0);
    CHECK_FALSE(outcome->fulfillment_created);
    REQUIRE(outcome->messages.size() == 1);
    CHECK(outcome->messages[0].find("schema_mismatch") != std::string::npos);
    CHECK(*shop.staff->admin.order.retrieve(order)->order->fulfillment_status == "not_fulfilled");
    fs::remove_all(out);
  }

  TEST_CASE("the checkout CLI against the mock") {
    Shop shop;
    const std::string cli = std::string(MEDUSA_DEMO_DIR) + "/checkout_cli";
    const std::string base = cli + " --url " + shop.server.url() + " --publishable-key " +
                             shop.server.options().publishable_key;
    const fs::path log = scratch("cli") / "out.txt";
    const std::string ok = base + " --set 'message=Happy birthday' --set font=Script --image " +
                           test_support::fixture("images/progressive-2400x3000.jpg") + " > " +
                           log.string() + " 2>&1";
    CHECK(std::system(ok.c_str()) == 0);
    const std::string text = test_support::read_file(log.string());
    CHECK(text.find("7. order #1") != std::string::npos);
    const std::string bad =
        base + " --set 'message=<b>x</b>' --set font=Comic > " + log.string() + " 2>&1";
    CHECK(std::system(bad.c_str()) != 0);
    const std::string refused = test_support::read_file(log.string());
    CHECK(refused.find("[enum]") != std::string::npos);
    CHECK(refused.find("[pattern]") != std::string::npos);
    CHECK(refused.find("3. cart") == std::string::npos);  // refused before any cart exists
    auto orders = shop.staff->admin.order.list();
    CHECK(*orders->count == 1);
    fs::remove_all(log.parent_path());
  }
}
