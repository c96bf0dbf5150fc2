// Parsing untrusted JSON text with explicit limits.
//
// Every JSON text the SDK reads (server responses, metadata strings, schemas) goes
// through parse_json, so size, nesting depth and UTF-8 validity are checked in one place
// and a hostile document becomes a typed Error instead of a crash or a stack overflow.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "medusa/error.hpp"

namespace medusa {

using json = nlohmann::json;

/// Limits applied while parsing. The defaults are documented in docs/limits.md.
struct JsonLimits {
  std::size_t max_bytes = 32u * 1024u * 1024u;  ///< whole text, in bytes
  std::size_t max_depth = 256;                  ///< nested arrays/objects
};

/// Parses `text` as one JSON document.
/// Error codes: "json.too_large", "json.too_deep", "json.invalid_utf8", "json.syntax".
Result<json> parse_json(std::string_view text, const JsonLimits& limits = {});

/// The order in which each object's members were written in a parsed text: nlohmann::json
/// keeps members sorted by name, but some names are ordered for people (the `properties`
/// of a personalization schema are its form's fields, in the author's order).
class JsonKeyOrder {
 public:
  /// The member names of `object` in text order; null when it was not parsed with this
  /// record, or has fewer than two members. Keyed by the object's member map, which keeps
  /// its address when the value holding it is moved: valid while that value lives unchanged.
  const std::vector<std::string>* of(const json& object) const;
  /// Records the names of a parsed object; a repeated name counts where it first appeared.
  void record(const json& object, std::vector<std::string> keys);

 private:
  /// Few objects are looked up, once each: a list costs less module code than a map.
  std::vector<std::pair<const json::object_t*, std::vector<std::string>>> orders_;
};

/// parse_json, recording the order of every object's members in `order`.
Result<json> parse_json(std::string_view text, const JsonLimits& limits, JsonKeyOrder* order);

/// Depth of the deepest array/object in `value` (a scalar has depth 0), computed without
/// recursion so it is safe on any value built in memory.
std::size_t json_depth(const json& value);

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace medusa
