// Writing JSON text: the one serializer behind every JSON text the SDK writes (request
// bodies, reports, the WebAssembly module's answers).
#pragma once

#include <string>

#include "medusa/json_input.hpp"

namespace medusa {

/// `value` as compact JSON text, byte for byte what nlohmann's
/// `value.dump(-1, ' ', false, json::error_handler_t::replace)` writes: members in key
/// order, control characters as \u00XX, numbers in shortest round-trip form, non-finite
/// numbers as null, text that is not UTF-8 with U+FFFD. Written without nlohmann's
/// serializer, which the WebAssembly module leaves out.
std::string to_json_text(const json& value);

}  // namespace medusa
