// Whole personalized checkouts by N concurrent native clients against the mock backend on
// loopback (a bounded run): requests/s, checkouts/s and latency percentiles. Each client
// runs the storefront's sequence: cart, personalized add (verified: one GET first),
// email, shipping options, shipping method, payment collection and session, complete.
//
//   build/native-release/bench/mock_load_bench [clients=8] [checkouts per client=25] [--json]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "medusa/client/client.hpp"
#include "medusa/client/httplib_transport.hpp"
#include "server.hpp"

using medusa::json;
using namespace medusa;
using Clock = std::chrono::steady_clock;

namespace {

// Times every request of one client.
class TimedTransport : public client::Transport {
 public:
  explicit TimedTransport(const std::string& url) : inner_(url) {}
  Result<http::Response> send(const http::Request& request) override {
    const auto start = Clock::now();
    auto response = inner_.send(request);
    latencies_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    return response;
  }
  std::vector<double> latencies_us;

 private:
  client::HttplibTransport inner_;
};

double percentile(std::vector<double> xs, double p) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  return xs[static_cast<std::size_t>(p * static_cast<double>(xs.size() - 1))];
}

bool checkout(client::Client& sdk, const std::string& region_id, const std::string& variant_id,
              const personalization::Schema& schema, int n) {
  api::CreateCart create;
  create.region_id = region_id;
  auto cart = sdk.store.cart.create(create);
  if (!cart) return false;
  const std::string id = *cart->cart->id;
  if (!sdk.store.cart.createPersonalizedLineItem(
          id, schema, {variant_id, 1, json{{"message", "Order " + std::to_string(n)}}})) {
    return false;
  }
  api::UpdateCart update;
  update.email = "load@example.com";
  if (!sdk.store.cart.update(id, update)) return false;
  auto options = sdk.store.fulfillment.listCartOptions(http::Query().add("cart_id", id));
  if (!options || options->shipping_options->empty()) return false;
  api::AddShippingMethod shipping;
  shipping.option_id = *options->shipping_options->at(0).id;
  auto shipped = sdk.store.cart.addShippingMethod(id, shipping);
  if (!shipped) return false;
  api::InitiatePaymentSession session;
  session.provider_id = "pp_system_default";
  if (!sdk.store.payment.initiatePaymentSession(*shipped->cart, session)) return false;
  auto done = sdk.store.cart.complete(id);
  return done && done->is_order();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool as_json = std::find(args.begin(), args.end(), "--json") != args.end();
  args.erase(std::remove(args.begin(), args.end(), "--json"), args.end());
  const int clients = args.size() > 0 ? std::max(1, std::atoi(args[0].c_str())) : 8;
  const int per_client = args.size() > 1 ? std::max(1, std::atoi(args[1].c_str())) : 25;

  mock::MockServer server;
  if (server.start() <= 0) {
    std::fprintf(stderr, "cannot start the mock backend\n");
    return 1;
  }
  api::Config config;
  config.base_url = server.url();
  config.publishable_key = server.options().publishable_key;
  auto setup = std::make_unique<client::Client>(config);
  auto regions = setup->store.region.list();
  auto products = setup->store.product.list(http::Query().add("handle", "custom-t-shirt"));
  setup.reset();
  if (!regions || !products || products->products->empty()) return 1;
  const auto& shirt = products->products->at(0);
  auto schema = personalization::Schema::for_product(shirt);
  if (!schema || !*schema) return 1;
  const std::string region_id = *regions->regions->at(0).id;
  const std::string variant_id = *shirt.variants->at(0).id;

  std::vector<double> request_us, checkout_us;
  std::mutex m;
  std::atomic<int> failed{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      auto transport = std::make_shared<TimedTransport>(server.url());
      client::Client sdk(config, transport);
      std::vector<double> mine;
      for (int i = 0; i < per_client; ++i) {
        const auto t = Clock::now();
        if (!checkout(sdk, region_id, variant_id, **schema, c * per_client + i)) ++failed;
        mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t).count());
      }
      std::lock_guard<std::mutex> lock(m);
      request_us.insert(request_us.end(), transport->latencies_us.begin(),
                        transport->latencies_us.end());
      checkout_us.insert(checkout_us.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  server.stop();

  const json out{{"clients", clients},
                 {"checkouts", clients * per_client},
                 {"failed", failed.load()},
                 {"requests", request_us.size()},
                 {"seconds", seconds},
                 {"requests_per_second", static_cast<double>(request_us.size()) / seconds},
                 {"checkouts_per_second", clients * per_client / seconds},
                 {"request_ms", {{"p50", percentile(request_us, 0.5) / 1000}, {"max", percentile(request_us, 1.0) / 1000},
                                 {"p90", percentile(request_us, 0.9) / 1000},
                                 {"p99", percentile(request_us, 0.99) / 1000}}},
                 {"checkout_ms", {{"p50", percentile(checkout_us, 0.5) / 1000}, {"max", percentile(checkout_us, 1.0) / 1000},
                                  {"p90", percentile(checkout_us, 0.9) / 1000},
                                  {"p99", percentile(checkout_us, 0.99) / 1000}}}};
  std::printf("%s\n", as_json ? out.dump().c_str() : out.dump(2).c_str());
  return failed == 0 ? 0 : 1;
}
