// The native C++ client: Medusa's JS SDK surface over a Transport.
//
//   medusa::client::Client sdk({.base_url = "http://localhost:9000", .publishable_key = "pk_..."});
//   auto cart = sdk.store.cart.create({});
//   auto added = sdk.store.cart.createPersonalizedLineItem(cart->cart->id.value(), schema, item);
//
// Each call returns Result<Envelope>; failures are typed Errors (transport, http with
// Medusa's body, invalid_response, validation, request_too_large).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>
#include <string>
#include <type_traits>

#include "medusa/api/admin.hpp"
#include "medusa/api/line_item_add.hpp"
#include "medusa/api/store.hpp"
#include "medusa/client/transport.hpp"

namespace medusa::client {

/// Retries for calls that are safe to repeat: idempotent calls (GET, DELETE, and
/// `cart.complete`, which returns the same order when repeated) after a transport
/// failure or a 429/502/503/504; any call whose request never left (connection refused);
/// and line-item adds, made safe to retry. The policy itself is the core's
/// (medusa/api/exchange.hpp), shared with the JavaScript client.
struct RetryPolicy {
  int max_attempts = 3;  ///< including the first
  std::chrono::milliseconds initial_backoff{200};
  double multiplier = 2.0;
  std::chrono::milliseconds max_backoff{2000};
  /// Make `POST /store/carts/:id/line-items` safe to retry, with one request on the
  /// happy path. Against a server that advertises Idempotency-Key
  /// (`Idempotency-Key-Support`, as medusa-plugin-personalize and the mock backend do),
  /// each add carries a fresh key and is retried with it like an idempotent call.
  /// Otherwise, only when an add's answer is lost, the cart is read and compared with the
  /// cart this client last received, and the add is sent again only if it did not land.
  /// Off: an add is sent once and a lost answer is a transport error.
  bool verify_line_item_adds = true;
};

struct ClientOptions {
  RetryPolicy retry;
  /// Called with one line per request and response; the Authorization header and the
  /// publishable key are never logged.
  std::function<void(const std::string&)> logger;
  /// How to wait between retries (tests replace it).
  std::function<void(std::chrono::milliseconds)> sleep;
};

class Client;

/// The executor that sends a Call through its Client.
struct Send : api::Executor<Send> {
  static constexpr bool sends = true;
  Client* client;
  template <class T>
  Result<T> operator()(Result<api::Call<T>> call) const;
};

class Client {
 public:
  /// A client over cpp-httplib to config.base_url.
  explicit Client(api::Config config, ClientOptions options = {});
  /// A client over any transport (tests, custom stacks).
  Client(api::Config config, std::shared_ptr<Transport> transport, ClientOptions options = {});
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  api::Store<Send> store;
  api::Admin<Send> admin;
  api::Auth<Send> auth;

  /// auth.login, then use the token for every later request (as the JS SDK does).
  Result<std::string> login(const std::string& actor, const std::string& method,
                            const json& payload);
  void setToken(std::string token) { config_.token = std::move(token); }
  void clearToken() { config_.token.reset(); }
  const api::Config& config() const { return config_; }

  /// Sends a call with the retry policy and parses its response.
  template <class T>
  Result<T> execute(const api::Call<T>& call) {
    auto response = send_with_retries(call.request, call.idempotent);
    if (!response) return response.error();
    auto parsed = call.parse_response(*response, config_);
    // A `{ cart }` answer is what a verified add compares with: kept, read once.
    if constexpr (std::is_same_v<T, api::CartResponse>) {
      if (parsed && parsed->cart && parsed->cart->id) remember_cart(*parsed->cart->id, response->body);
    }
    return parsed;
  }

 private:
  /// Drives the core's retry state machine (medusa/api/exchange.hpp) over the transport.
  Result<http::Response> send_with_retries(const http::Request& request, bool idempotent);
  Result<http::Response> send_once(const http::Request& request, int attempt);
  /// Keeps the body of a `{ cart }` answer: the baseline a verified add compares with.
  void remember_cart(const std::string& id, const std::string& body);
  std::shared_ptr<const std::string> known_cart(const std::string& id) const;
  void log(const std::string& line) const;

  api::Config config_;
  std::shared_ptr<Transport> transport_;
  ClientOptions options_;
  /// Set once a response advertised Idempotency-Key support.
  std::atomic<bool> idempotency_supported_{false};
  mutable std::mutex known_carts_mutex_;
  std::vector<std::pair<std::string, std::shared_ptr<const std::string>>> known_carts_;
};

template <class T>
Result<T> Send::operator()(Result<api::Call<T>> call) const {
  if (!call) return call.error();
  return client->execute(*call);
}

/// The request as one log line, secrets redacted ("POST /store/carts authorization=<redacted>").
std::string describe_request(const http::Request& request);

}  // namespace medusa::client
