// Query strings as Medusa's JS SDK sends them (the `qs` package's encoding): nested
// values become `a[b]=..`, arrays `a[0]=..&a[1]=..`, nulls are skipped.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "medusa/json_input.hpp"

namespace medusa::http {

/// Ordered query parameters. Build one from a JSON object (like the JS SDK's `query`
/// argument) or add pairs.
class Query {
 public:
  Query() = default;
  /// From a JSON object: {"fields":"+metadata","limit":10,"id":["a","b"]}. Non-objects
  /// give an empty query.
  static Query from_json(const json& object);

  Query& add(std::string key, std::string value);
  /// Sets `key` to `value`, replacing earlier values of `key`.
  Query& set(const std::string& key, std::string value);
  /// The first value of `key`.
  std::optional<std::string> get(const std::string& key) const;

  /// "a=1&b=%2Bmetadata" (RFC 3986 percent-encoding; `,` and `*` kept readable).
  std::string encode() const;
  bool empty() const { return params_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& params() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

/// Percent-encodes one query component.
std::string percent_encode(std::string_view text);

/// Decodes a query string ("a=1&b=%2B") into pairs; `+` stays a literal plus.
std::vector<std::pair<std::string, std::string>> decode_query(std::string_view query);

}  // namespace medusa::http
