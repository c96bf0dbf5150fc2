// Format checkers looked up once per schema (internal header).
#pragma once

#include <optional>
#include <string>

#include "medusa/regex.hpp"

namespace medusa::schema::detail {

using FormatCheck = bool (*)(const std::string&);

/// The checker of a known format name; nullptr for unknown formats (annotations in
/// draft-07). Resolved when compiling, so validation does not compare format names.
FormatCheck format_check(const std::string& name);

/// Format "regex": true for an ECMAScript pattern. `compiled` receives the Regex when
/// the engine compiles it (it refuses some valid patterns by design: "regex.unsupported").
bool is_regex_format(const std::string& source, std::optional<Regex>* compiled = nullptr);

}  // namespace medusa::schema::detail
