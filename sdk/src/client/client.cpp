#include "medusa/client/client.hpp"

#include <algorithm>
#include <random>
#include <thread>

#include "medusa/client/httplib_transport.hpp"

namespace medusa::client {
namespace {

bool retryable_status(int status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

// A keyed add is also retried while the server still runs the first request (409).
bool retryable_keyed_status(int status) {
  return status == 409 || retryable_status(status);
}

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

}  // namespace

std::string describe_request(const http::Request& request) {
  std::string line = request.method + " " + request.target;
  for (const auto& [name, value] : request.headers.fields()) {
    const bool secret = http::same_header_name(name, "authorization") ||
                        http::same_header_name(name, "x-publishable-api-key") ||
                        http::same_header_name(name, "cookie");
    line += " " + name + "=" + (secret ? std::string("<redacted>") : value);
  }
  return line;
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

std::chrono::milliseconds Client::next_backoff(std::chrono::milliseconds backoff) const {
  return std::min(options_.retry.max_backoff, std::chrono::milliseconds(static_cast<long long>(
                                                  backoff.count() * options_.retry.multiplier)));
}

Result<http::Response> Client::send_with_retries(const http::Request& request, bool idempotent) {
  if (!idempotent && options_.retry.verify_line_item_adds) {
    if (auto add = api::line_item_add_of(request)) {
      return idempotency_supported_ ? send_keyed_add(request) : send_verified_add(request, *add);
    }
  }
  const int attempts = std::max(1, options_.retry.max_attempts);
  auto backoff = options_.retry.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    auto response = send_once(request, attempt);
    const bool retry = response ? idempotent && retryable_status(response->status)
                                : idempotent || never_sent(response.error());
    if (!retry || attempt >= attempts) return response;
    options_.sleep(backoff);
    backoff = next_backoff(backoff);
  }
}

Result<http::Response> Client::send_keyed_add(http::Request request) {
  request.headers.set("Idempotency-Key", new_idempotency_key());
  const int attempts = std::max(1, options_.retry.max_attempts);
  auto backoff = options_.retry.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    auto response = send_once(request, attempt);
    const bool retry = !response || retryable_keyed_status(response->status);
    if (!retry || attempt >= attempts) return response;
    options_.sleep(backoff);
    backoff = next_backoff(backoff);
  }
}

Result<http::Response> Client::send_verified_add(const http::Request& request,
                                                 const api::LineItemAdd& add) {
  const http::Request read = api::cart_read_for(request);
  // The cart as read now and the quantity of the add's line in it, if readable.
  auto read_cart = [&]() -> std::optional<std::pair<http::Response, std::int64_t>> {
    auto response = send_with_retries(read, true);
    if (!response || response->status < 200 || response->status > 299) return std::nullopt;
    auto quantity = api::matching_quantity(add, response->body, config_.response_limits);
    if (!quantity) return std::nullopt;
    return std::make_pair(std::move(response).value(), *quantity);
  };
  // Without a baseline (the cart cannot be read) the add is sent once, unverified; the
  // add itself then reports why (unknown cart, bad key...).
  const auto baseline = read_cart();
  const int attempts = std::max(1, options_.retry.max_attempts);
  auto backoff = options_.retry.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    auto response = send_once(request, attempt);
    if (response && !retryable_status(response->status)) return response;
    if (!response && never_sent(response.error())) {
      if (attempt >= attempts) return response;
      options_.sleep(backoff);
      backoff = next_backoff(backoff);
      continue;
    }
    if (!baseline) return response;
    // Sent, and no usable answer: did it land? (Checked after the last attempt too, so
    // that an add that did land is never reported as failed.)
    auto now = read_cart();
    if (!now) return response;
    const auto before = baseline->second, after = now->second;
    const auto outcome = api::add_outcome(add, before, after);
    log("   line-item add " + std::string(api::to_string(outcome)) + " (quantity " +
        std::to_string(before) + " -> " + std::to_string(after) + ")");
    if (outcome == api::AddOutcome::landed) return std::move(now->first);
    if (outcome == api::AddOutcome::changed_elsewhere)
      return api::add_unverified(request, before, after);
    if (attempt >= attempts) return response;
    options_.sleep(backoff);
    backoff = next_backoff(backoff);
  }
}

}  // namespace medusa::client
