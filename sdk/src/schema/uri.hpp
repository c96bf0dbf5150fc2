// URI reference resolution (RFC 3986 section 5) and JSON Pointer helpers used by $ref.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medusa::schema::uri {

/// Resolves `reference` against `base` (RFC 3986 5.2). Works for URLs and URNs.
std::string resolve(const std::string& base, const std::string& reference);

/// Splits "a#b" into {"a", "b"}; the fragment is empty when there is none.
std::pair<std::string, std::string> split_fragment(const std::string& uri);

/// Decodes %HH escapes (for JSON Pointers written in URI fragments).
std::string percent_decode(std::string_view s);

/// Splits a JSON Pointer ("/a/b~1c") into unescaped tokens; nullopt when malformed.
std::optional<std::vector<std::string>> parse_pointer(std::string_view pointer);

/// Escapes one token for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string escape_token(std::string_view token);

}  // namespace medusa::schema::uri
