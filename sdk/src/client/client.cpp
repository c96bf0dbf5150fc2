#include "medusa/client/client.hpp"

#include <algorithm>
#include <random>
#include <thread>

#include "medusa/api/exchange.hpp"
#include "medusa/client/httplib_transport.hpp"

namespace medusa::client {
namespace {

// 128 random bits as 32 hex digits.
std::string new_idempotency_key() {
  static thread_local std::mt19937_64 bits{std::random_device{}() ^
                                           (std::uint64_t{std::random_device{}()} << 32)};
  static const char* hex = "0123456789abcdef";
  std::string key;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t v = bits();
    for (int i = 0; i < 16; ++i, v >>= 4) key += hex[v & 15];
  }
  return key;
}

bool never_sent(const Error& e) {
  return e.kind == ErrorKind::transport && e.details.is_object() &&
         e.details.value("sent", true) == false;
}

api::RetryPolicy core_policy(const RetryPolicy& p) {
  api::RetryPolicy out;
  out.max_attempts = p.max_attempts;
  out.initial_backoff_ms = p.initial_backoff.count();
  out.multiplier = p.multiplier;
  out.max_backoff_ms = p.max_backoff.count();
  out.verify_line_item_adds = p.verify_line_item_adds;
  return out;
}

constexpr std::size_t kKnownCarts = 16;

}  // namespace

std::string describe_request(const http::Request& request) {
  return api::describe_request(request);
}

Client::Client(api::Config config, ClientOptions options)
    : Client(config, std::make_shared<HttplibTransport>(config.base_url), std::move(options)) {}

Client::Client(api::Config config, std::shared_ptr<Transport> transport, ClientOptions options)
    : store(&config_, Send{{}, this}),
      admin(&config_, Send{{}, this}),
      auth{&config_, Send{{}, this}},
      config_(std::move(config)),
      transport_(std::move(transport)),
      options_(std::move(options)) {
  if (!options_.sleep)
    options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

Result<std::string> Client::login(const std::string& actor, const std::string& method,
                                  const json& payload) {
  auto response = auth.login(actor, method, payload);
  if (!response) return response.error();
  if (!response->token) {
    return Error(ErrorKind::invalid_response, "response.shape",
                 response->location ? "this provider redirects to " + *response->location +
                                          " instead of issuing a token"
                                    : "login response without a token");
  }
  setToken(*response->token);
  return *response->token;
}

void Client::log(const std::string& line) const {
  if (options_.logger) options_.logger(line);
}

Result<http::Response> Client::send_once(const http::Request& request, int attempt) {
  log("-> " + describe_request(request) +
      (attempt > 1 ? " (attempt " + std::to_string(attempt) + ")" : ""));
  auto response = transport_->send(request);
  if (response && response->headers.has("idempotency-key-support")) idempotency_supported_ = true;
  if (response) {
    log("<- " + std::to_string(response->status) + " " + request.method + " " + request.target);
  } else {
    log("<- failed " + request.method + " " + request.target + ": " + response.error().describe());
  }
  return response;
}

void Client::remember_cart(const std::string& id, const std::string& body) {
  if (!options_.retry.verify_line_item_adds) return;
  std::lock_guard<std::mutex> lock(known_carts_mutex_);
  auto& known = known_carts_;
  known.erase(std::remove_if(known.begin(), known.end(), [&](const auto& k) { return k.first == id; }),
              known.end());
  known.emplace_back(id, std::make_shared<const std::string>(body));
  if (known.size() > kKnownCarts) known.erase(known.begin());
}

std::shared_ptr<const std::string> Client::known_cart(const std::string& id) const {
  std::lock_guard<std::mutex> lock(known_carts_mutex_);
  for (const auto& [known_id, body] : known_carts_) {
    if (known_id == id) return body;
  }
  return nullptr;
}

Result<http::Response> Client::send_with_retries(const http::Request& request, bool idempotent) {
  api::ExchangeContext context;
  context.key_support = idempotency_supported_;
  if (context.key_support) context.idempotency_key = new_idempotency_key();
  api::Exchange exchange(request, idempotent, core_policy(options_.retry), context);
  // The cart as this client saw it before the call: the baseline of a verified add.
  const auto known = exchange.cart_id().empty() ? nullptr : known_cart(exchange.cart_id());
  std::optional<Result<http::Response>> last;
  std::optional<Result<http::Response>> read;
  for (auto step = exchange.start();;) {
    using Action = api::ExchangeStep::Action;
    switch (step.action) {
      case Action::send:
        last = send_once(step.request, step.attempt);
        if (*last) {
          const auto retry_after = (*last)->headers.get("retry-after");
          step = exchange.on_response((*last)->status, retry_after.value_or(""));
        } else {
          step = exchange.on_transport_error(!never_sent(last->error()));
        }
        break;
      case Action::wait:
        options_.sleep(std::chrono::milliseconds(step.delay_ms));
        step = exchange.resumed();
        break;
      case Action::read_cart:
        read = send_once(step.request, 1);
        step = *read ? exchange.on_cart_read((*read)->status, (*read)->body, known.get())
                     : exchange.on_cart_read_failed();
        break;
      case Action::answer_cart:
        log("   line-item add landed: answered by the cart read");
        return std::move(*read);
      case Action::answer:
      case Action::fail_transport:
        return std::move(*last);
      case Action::fail:
        log("   line-item add unverified: " + step.error->message);
        return *step.error;
    }
  }
}

}  // namespace medusa::client
