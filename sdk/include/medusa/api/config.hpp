// Client configuration shared by the request builders.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "medusa/http/message.hpp"
#include "medusa/json_input.hpp"

namespace medusa::api {

/// What every request needs: where the server is and how to authenticate, like the
/// Medusa JS SDK's `new Medusa({ baseUrl, publishableKey, apiKey, globalHeaders })`.
struct Config {
  std::string base_url = "http://localhost:9000";
  /// Sent as `x-publishable-api-key` on every /store request (required by Medusa).
  std::optional<std::string> publishable_key;
  /// Admin secret API key, sent as `Authorization: Basic base64(key + ":")`.
  std::optional<std::string> api_key;
  /// JWT from auth.login, sent as `Authorization: Bearer <token>` (wins over api_key).
  std::optional<std::string> token;
  /// Added to every request (a call's own headers win).
  http::Headers global_headers;
  /// Medusa's whole-request body limit (express.json's 100 KiB): larger bodies are
  /// refused before sending, because the real 413 carries no CORS headers in a browser.
  std::size_t max_body_bytes = 102400;
  /// Limits applied when parsing responses.
  JsonLimits response_limits;
};

}  // namespace medusa::api
