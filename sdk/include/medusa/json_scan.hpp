// Checking JSON text without building it.
//
// scan_json verifies that a text is one well-formed JSON document within the limits of
// parse_json (size, depth, UTF-8) and returns an outline of its top level: the kind of
// the root and, for an object, each member's key, kind and raw text. It allocates only
// the outline, so it is several times faster than a DOM parse. check_response uses it to
// vet a 2xx body without building it. (The JavaScript package parses 2xx bodies with the
// engine's JSON.parse instead and has only the outline checked: docs/npm-package.md.)
#pragma once

#include <string_view>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/json_input.hpp"

namespace medusa {

enum class JsonKind { null, boolean, number, string, array, object };

/// Stable lower-case name of a JsonKind ("object", ...).
const char* to_string(JsonKind kind) noexcept;

/// One member of the root object. Spans point into the scanned text.
struct JsonMember {
  std::string_view key;  ///< as written between the quotes (escapes not decoded)
  JsonKind kind;
  std::string_view raw;  ///< the value's text, e.g. `"order"` or `{...}`
};

struct JsonOutline {
  JsonKind kind = JsonKind::null;
  std::vector<JsonMember> members;  ///< root object members in order (empty otherwise)

  /// The first member whose raw key equals `key`, or nullptr.
  const JsonMember* find(std::string_view key) const noexcept;
};

/// Checks `text` and outlines its root. Accepts exactly the grammar of RFC 8259 and
/// what JSON.parse accepts in strings (unpaired \u surrogate escapes included).
/// Error codes (kind invalid_json), as parse_json: "json.too_large", "json.too_deep",
/// "json.invalid_utf8", "json.syntax" (the message gives the byte offset).
Result<JsonOutline> scan_json(std::string_view text, const JsonLimits& limits = {});

}  // namespace medusa
