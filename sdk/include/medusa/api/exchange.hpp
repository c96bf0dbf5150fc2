// One call's retries, as a state machine without I/O: the native client and the
// JavaScript client both drive it, so that their retry policy cannot drift apart.
//
//   api::Exchange exchange(request, idempotent, policy, {.key_support = ..., .idempotency_key = ...});
//   for (auto step = exchange.start();;) {
//     switch (step.action) {
//       case Action::send:      /* send step.request */ step = exchange.on_response(...) or on_transport_error(...);
//       case Action::wait:      /* sleep step.delay_ms */ step = exchange.resumed();
//       case Action::read_cart: /* GET step.request */ step = exchange.on_cart_read(...) or on_cart_read_failed();
//       case Action::answer:    /* the last response of a send is the result */
//       case Action::answer_cart: /* the add landed: the cart read is the result */
//       case Action::fail_transport: /* the last transport error is the result */
//       case Action::fail:      /* step.error is the result */
//     }
//   }
//
// The policy:
//   - Idempotent calls (GET, DELETE, cart.complete) are retried after a transport failure
//     or a 429/502/503/504, with a doubling delay, honouring a Retry-After of up to
//     max_backoff (a longer one is answered at once).
//   - Any call whose request never left (connection refused) is retried.
//   - A line-item add (`POST /store/carts/:id/line-items`) is made safe to retry:
//       * against a server that advertises Idempotency-Key support (medusa-plugin-
//         personalize), with a fresh key, retried like an idempotent call (and on 409:
//         the first request still runs). One request on the happy path.
//       * otherwise sent as is (one request on the happy path). Only when its answer is
//         lost (or a 502/503/504) is the cart read, and compared with the cart as the
//         client last saw it (its own earlier responses): the add landed (the read is
//         the answer), did not (sent again), or cannot be known (a typed error). A
//         client that never saw the cart can only tell "not landed" (no matching line).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "medusa/api/line_item_add.hpp"
#include "medusa/error.hpp"
#include "medusa/http/message.hpp"

namespace medusa::api {

/// When and how often a call is tried again.
struct RetryPolicy {
  int max_attempts = 3;  ///< sends of one call, including the first
  std::int64_t initial_backoff_ms = 200;
  double multiplier = 2.0;
  std::int64_t max_backoff_ms = 2000;
  /// Make line-item adds safe to retry (see above). Off: an add is sent once, and a
  /// lost answer is a transport error.
  bool verify_line_item_adds = true;
};

/// What a client knows when it starts a call.
struct ExchangeContext {
  /// A response from this server advertised `Idempotency-Key-Support`.
  bool key_support = false;
  /// A fresh random key (128 bits or more) for a keyed add; the core has no randomness.
  std::string idempotency_key;
};

struct ExchangeStep {
  enum class Action { send, wait, read_cart, answer, answer_cart, fail_transport, fail };
  Action action = Action::fail;
  http::Request request;      ///< send, read_cart: what to send
  int attempt = 0;            ///< send: 1 for the first
  std::int64_t delay_ms = 0;  ///< wait
  std::optional<Error> error;  ///< fail
};

/// "send", "wait", "read_cart", "answer", "answer_cart", "fail_transport", "fail".
const char* to_string(ExchangeStep::Action action) noexcept;

class Exchange {
 public:
  Exchange(http::Request request, bool idempotent, const RetryPolicy& policy,
           const ExchangeContext& context = {});

  /// The first step: always a send.
  ExchangeStep start();
  /// The send got an answer: its status and the headers the policy reads.
  ExchangeStep on_response(int status, std::string_view retry_after = {});
  /// The send got no answer. `sent` false: the request never left (connection refused).
  ExchangeStep on_transport_error(bool sent = true);
  /// The wait is over.
  ExchangeStep resumed();
  /// The cart read of read_cart answered. `known_cart`: the body of the last `{ cart }`
  /// response the client saw for this cart *before this call started*, if any.
  ExchangeStep on_cart_read(int status, const std::string& body, const std::string* known_cart);
  /// The cart read got no answer.
  ExchangeStep on_cart_read_failed();

  /// The id of the cart a line-item add targets ("" for any other call): the key under
  /// which the client looks up the cart it last saw.
  const std::string& cart_id() const { return cart_id_; }
  /// Sends so far.
  int attempts() const { return attempt_; }

 private:
  enum class Mode { once, idempotent, keyed, verified };
  ExchangeStep send();
  ExchangeStep again(std::int64_t at_least_ms = 0);  ///< wait then send, or give up
  ExchangeStep give_up();
  std::int64_t next_delay();

  http::Request request_;
  RetryPolicy policy_;
  Mode mode_ = Mode::once;
  std::optional<LineItemAdd> add_;
  std::string cart_id_;
  int attempt_ = 0;
  std::int64_t backoff_ms_ = 0;
  bool last_was_transport_error_ = false;
  std::optional<std::int64_t> quantity_before_;  ///< of the add's line, once known
};

/// The request as one log line, secrets redacted ("POST /store/carts authorization=<redacted>").
std::string describe_request(const http::Request& request);

}  // namespace medusa::api
