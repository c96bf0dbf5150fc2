// Strict request-body checks with the real server's messages (internal header).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "backend.hpp"

namespace medusa::mock {

/// Throws MockError 400 invalid_data "Invalid request: ..." for unknown fields, missing
/// required fields, or fields of the wrong type ("string", "number", "record", "array").
void validate_body(const json& body, const std::vector<std::string>& allowed,
                   const std::vector<std::string>& required,
                   const std::map<std::string, std::string>& types);

/// The add/update line item body: {variant_id, quantity, metadata?} / {quantity, metadata?}.
void validate_line_item_body(const json& body, bool update);

}  // namespace medusa::mock
