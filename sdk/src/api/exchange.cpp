#include "medusa/api/exchange.hpp"

#include <algorithm>
#include <cctype>

namespace medusa::api {
namespace {

using Action = ExchangeStep::Action;

constexpr std::string_view kCarts = "/store/carts/";

bool retryable_status(int status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

// The server may have run the request: the gateway lost it, or it timed out.
bool maybe_ran(int status) { return status == 502 || status == 503 || status == 504; }

ExchangeStep step(Action action) {
  ExchangeStep s;
  s.action = action;
  return s;
}

// Retry-After as delta-seconds, in milliseconds; -1 when absent or an HTTP date (which
// a client cannot compare with a clock it does not share).
std::int64_t retry_after_ms(std::string_view value) {
  if (value.empty() || value.size() > 9) return -1;
  std::int64_t seconds = 0;
  for (const char c : value) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    seconds = seconds * 10 + (c - '0');
  }
  return seconds * 1000;
}

std::string cart_id_of(const http::Request& add) {
  const std::string_view target = add.target;
  const auto path = target.substr(0, target.find('?'));
  const auto rest = path.substr(kCarts.size());
  return std::string(rest.substr(0, rest.find('/')));
}

}  // namespace

const char* to_string(Action action) noexcept {
  switch (action) {
    case Action::send:
      return "send";
    case Action::wait:
      return "wait";
    case Action::read_cart:
      return "read_cart";
    case Action::answer:
      return "answer";
    case Action::answer_cart:
      return "answer_cart";
    case Action::fail_transport:
      return "fail_transport";
    case Action::fail:
      return "fail";
  }
  return "fail";
}

Exchange::Exchange(http::Request request, bool idempotent, const RetryPolicy& policy,
                   const ExchangeContext& context)
    : request_(std::move(request)), policy_(policy), backoff_ms_(policy.initial_backoff_ms) {
  policy_.max_attempts = std::max(1, policy_.max_attempts);
  if (idempotent) {
    mode_ = Mode::idempotent;
  } else if (policy_.verify_line_item_adds && (add_ = line_item_add_of(request_))) {
    if (context.key_support && !context.idempotency_key.empty()) {
      mode_ = Mode::keyed;
      request_.headers.set("Idempotency-Key", context.idempotency_key);
    } else {
      mode_ = Mode::verified;
      cart_id_ = cart_id_of(request_);
    }
  }
}

ExchangeStep Exchange::start() { return send(); }

ExchangeStep Exchange::send() {
  ++attempt_;
  ExchangeStep s = step(Action::send);
  s.request = request_;
  s.attempt = attempt_;
  return s;
}

std::int64_t Exchange::next_delay() {
  const std::int64_t delay = std::min(backoff_ms_, policy_.max_backoff_ms);
  backoff_ms_ = std::min<std::int64_t>(
      policy_.max_backoff_ms, static_cast<std::int64_t>(static_cast<double>(backoff_ms_) *
                                                        policy_.multiplier));
  return delay;
}

ExchangeStep Exchange::again(std::int64_t at_least_ms) {
  if (attempt_ >= policy_.max_attempts || at_least_ms > policy_.max_backoff_ms) return give_up();
  ExchangeStep s = step(Action::wait);
  s.delay_ms = std::max(next_delay(), at_least_ms);
  return s;
}

ExchangeStep Exchange::give_up() {
  return step(last_was_transport_error_ ? Action::fail_transport : Action::answer);
}

ExchangeStep Exchange::resumed() { return send(); }

ExchangeStep Exchange::on_response(int status, std::string_view retry_after) {
  last_was_transport_error_ = false;
  const std::int64_t server_wait = std::max<std::int64_t>(0, retry_after_ms(retry_after));
  switch (mode_) {
    case Mode::once:
      return step(Action::answer);
    case Mode::idempotent:
      return retryable_status(status) ? again(server_wait) : step(Action::answer);
    case Mode::keyed:  // 409: the first request with this key is still running
      return status == 409 || retryable_status(status) ? again(server_wait) : step(Action::answer);
    case Mode::verified:
      if (status == 429) return again(server_wait);  // refused before it ran
      if (maybe_ran(status)) break;
      return step(Action::answer);
  }
  ExchangeStep s = step(Action::read_cart);
  s.request = cart_read_for(request_);
  return s;
}

ExchangeStep Exchange::on_transport_error(bool sent) {
  last_was_transport_error_ = true;
  if (!sent || mode_ == Mode::idempotent || mode_ == Mode::keyed) return again();
  if (mode_ == Mode::once) return step(Action::fail_transport);
  ExchangeStep s = step(Action::read_cart);
  s.request = cart_read_for(request_);
  return s;
}

ExchangeStep Exchange::on_cart_read(int status, const std::string& body,
                                    const std::string* known_cart) {
  if (!add_ || status < 200 || status > 299) return give_up();
  const auto after = matching_quantity(*add_, body);
  if (!after) return give_up();
  // Before this call: from the cart the client saw, else from an earlier read that
  // found no matching line (the cart is as it was when nothing landed).
  std::optional<std::int64_t>& before = quantity_before_;
  if (!before && known_cart) {
    if (auto known = matching_quantity(*add_, *known_cart)) before = *known;
  }
  if (!before && *after == 0) before = 0;  // no matching line: it did not land
  if (!before) {
    ExchangeStep s = step(Action::fail);
    s.error = add_unverified(request_, std::nullopt, *after);
    return s;
  }
  switch (add_outcome(*add_, *before, *after)) {
    case AddOutcome::landed:
      return step(Action::answer_cart);
    case AddOutcome::not_landed:
      return again();
    case AddOutcome::changed_elsewhere:
      break;
  }
  ExchangeStep s = step(Action::fail);
  s.error = add_unverified(request_, before, *after);
  return s;
}

ExchangeStep Exchange::on_cart_read_failed() { return give_up(); }

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

}  // namespace medusa::api
