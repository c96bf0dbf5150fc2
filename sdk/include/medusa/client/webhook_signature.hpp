// Standard Webhooks signatures (https://www.standardwebhooks.com): how a receiver of the
// plugin's print-job webhooks, or of the mock backend's events, knows a request came
// from the shop and was not altered or replayed.
//
// A signed message carries three headers: `webhook-id` (the message id, the same on
// every retry: the receiver's idempotency key), `webhook-timestamp` (Unix seconds) and
// `webhook-signature` ("v1,<base64 HMAC-SHA256 of id.timestamp.body>", several
// space-separated during a key rotation). The secret is "whsec_" + base64 of the key.
//
//   auto secret = medusa::webhooks::parse_secret(std::getenv("PRINT_WEBHOOK_SECRET"));
//   auto checked = medusa::webhooks::verify(*secret, {req.get_header_value("webhook-id"),
//       req.get_header_value("webhook-timestamp"), req.get_header_value("webhook-signature")},
//       req.body, std::time(nullptr));
//   if (!checked) return refuse(401, checked.error().message);
//
// Native only (OpenSSL's HMAC); errors are ErrorKind::invalid_argument with a
// "webhook.*" code.
#pragma once

#include <cstdint>
#include <string>

#include "medusa/error.hpp"

namespace medusa::webhooks {

/// A signing secret's key bytes.
struct Secret {
  std::string key;
};

/// Parses "whsec_<base64>" (24 to 64 key bytes). Error code "webhook.secret_invalid".
Result<Secret> parse_secret(const std::string& text);

/// "whsec_" + base64 of `key`: the text form parse_secret reads.
std::string format_secret(const Secret& secret);

/// The signature header value of one message: "v1,<base64>".
std::string sign(const Secret& secret, const std::string& id, std::int64_t timestamp,
                 const std::string& body);

/// The three headers of a signed message, as received.
struct SignedHeaders {
  std::string id;
  std::string timestamp;
  std::string signature;
};

/// The oldest and newest timestamps accepted around `now` (replays of an old message
/// are refused; a receiver keeps the ids it saw for at least this long).
constexpr std::int64_t kDefaultToleranceSeconds = 300;

/// Checks a received message. Errors, by code: "webhook.headers_missing",
/// "webhook.timestamp_invalid", "webhook.timestamp_outside_tolerance" (older or newer
/// than `tolerance_seconds` around `now`), "webhook.signature_invalid". Returns the
/// message's timestamp.
Result<std::int64_t> verify(const Secret& secret, const SignedHeaders& headers,
                            const std::string& body, std::int64_t now,
                            std::int64_t tolerance_seconds = kDefaultToleranceSeconds);

}  // namespace medusa::webhooks
