// The print worker end to end against the mock backend on loopback: jobs, fulfilments,
// idempotence, webhooks that are down and recover, and the checkout CLI.
#include <doctest/doctest.h>

#include <cstdlib>
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
    // Reserve a port for the worker, then leave it closed while orders are placed.
    int port = 0;
    {
      // Bind, listen and stop a server: the port is free again afterwards (a bound
      // socket that never stops would accept connections and stall them).
      httplib::Server probe;
      port = probe.bind_to_any_port("127.0.0.1");
      std::thread t([&] { probe.listen_after_bind(); });
      while (!probe.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      probe.stop();
      t.join();
    }
    mock::ServerOptions options;
    options.webhooks = {"http://127.0.0.1:" + std::to_string(port) + "/hooks/medusa"};
    Shop shop(options);
    const std::string a = place_order(*shop.customer, "First order", false);
    const std::string b = place_order(*shop.customer, "Second order", false);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // deliveries fail and back off
    CHECK(shop.server.events().pending() >= 2);

    const fs::path out = scratch("hooks");
    worker::PrintWorker worker(*shop.staff, {out, ""});
    std::mutex mutex;
    std::vector<std::string> processed;
    worker::WebhookListener listener(worker, [&](const worker::OrderOutcome& o) {
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
    for (const auto& f : files_in(out)) jobs += f.find(".json") != std::string::npos;
    CHECK(jobs == 2);
    listener.stop();
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
