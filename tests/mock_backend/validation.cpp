#include "validation.hpp"

#include <algorithm>

namespace medusa::mock {
namespace {

// JavaScript's String(value), which the real server's messages print.
std::string js_string(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i)
      out += (i ? "," : "") + (v[i].is_null() ? std::string() : js_string(v[i]));
    return out;
  }
  if (v.is_object()) return "[object Object]";
  return v.dump();
}

bool has_type(const json& v, const std::string& type) {
  if (type == "string") return v.is_string();
  if (type == "number") return v.is_number();
  if (type == "record") return v.is_object();
  if (type == "array") return v.is_array();
  return true;
}

[[noreturn]] void fail(const std::string& detail) {
  throw MockError{400, "invalid_data", "Invalid request: " + detail};
}

}  // namespace

void validate_body(const json& raw, const std::vector<std::string>& allowed,
                   const std::vector<std::string>& required,
                   const std::map<std::string, std::string>& types) {
  // An array passes body-parser but not the route's schema; neither do nested values
  // that are not objects (found by fuzz_mock_requests: such bodies reached code that
  // reads them as objects).
  if (!raw.is_object()) fail("Expected type: 'object' for the body");
  const json& body = raw;
  std::string unknown;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      unknown += (unknown.empty() ? "" : ", ") + it.key();
    }
  }
  if (!unknown.empty()) fail("Unrecognized fields: '" + unknown + "'");
  std::string missing;
  for (const auto& name : required) {
    if (!body.contains(name) || body[name].is_null()) {
      missing += (missing.empty() ? "" : "; ") + std::string("Field '") + name + "' is required";
    }
  }
  if (!missing.empty()) fail(missing);
  for (const auto& [name, type] : types) {
    if (!body.contains(name) || body[name].is_null()) continue;
    if (!has_type(body[name], type)) {
      fail("Expected type: '" + type + "' for field '" + name + "', got: '" +
           js_string(body[name]) + "'");
    }
  }
}

void validate_line_item_body(const json& body, bool update) {
  if (update) {
    validate_body(body, {"quantity", "metadata"}, {"quantity"},
                  {{"quantity", "number"}, {"metadata", "record"}});
  } else {
    validate_body(body, {"variant_id", "quantity", "metadata"}, {"variant_id", "quantity"},
                  {{"variant_id", "string"}, {"quantity", "number"}, {"metadata", "record"}});
  }
  const double q = body["quantity"].get<double>();
  if (update ? q < 0 : q <= 0) fail("Value for field 'quantity' too small, expected at least: '0'");
}

}  // namespace medusa::mock
