// Format checkers looked up once per schema (internal header).
#pragma once

#include <string>

namespace medusa::schema::detail {

using FormatCheck = bool (*)(const std::string&);

/// The checker of a known format name; nullptr for unknown formats (annotations in
/// draft-07). Resolved when compiling, so validation does not compare format names.
FormatCheck format_check(const std::string& name);

}  // namespace medusa::schema::detail
