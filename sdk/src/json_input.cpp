#include "medusa/json_input.hpp"

#include "text/utf8.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace medusa {
namespace {

// SAX handler that builds the DOM through nlohmann's own DOM builder but refuses to
// descend past the depth limit. nlohmann's parser is iterative, so the depth check here
// is what keeps later recursive code (comparison, dump, validation) within stack bounds.
class DepthLimitedSax {
 public:
  DepthLimitedSax(json& out, std::size_t max_depth)
      : dom_(out, /*allow_exceptions=*/false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) {
    return dom_.number_float(v, s);
  }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool key(std::string& v) { return dom_.key(v); }
  bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " prefix: our code replaces it.
    const auto bracket = what.find("] ");
    if (what.rfind("[json.exception.", 0) == 0 && bracket != std::string::npos) {
      what = what.substr(bracket + 2);
    }
    const bool utf8 = what.find("ill-formed UTF-8") != std::string::npos;
    error_ = Error{ErrorKind::invalid_json, utf8 ? "json.invalid_utf8" : "json.syntax",
                   "invalid JSON at byte " + std::to_string(position) + ": " + what, ""};
    return false;
  }

  std::optional<Error>& error() { return error_; }

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      error_ =
          Error{ErrorKind::invalid_json, "json.too_deep",
                "JSON nesting exceeds the limit of " + std::to_string(max_depth_) + " levels", ""};
      return false;
    }
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::optional<Error> error_;
};

}  // namespace

Result<json> parse_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Error{ErrorKind::invalid_json, "json.too_large",
                 "JSON text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_bytes) + " bytes",
                 ""};
  }
  // nlohmann's lexer takes a NUL byte for the end of the input, so "1\0garbage" would
  // parse as 1. A raw NUL is never valid JSON (inside strings it must be escaped).
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return Error{ErrorKind::invalid_json, "json.syntax",
                 "invalid JSON at byte " + std::to_string(nul) + ": NUL byte", ""};
  }
  json out;
  DepthLimitedSax sax(out, limits.max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  if (!ok || sax.error()) {
    if (sax.error()) return std::move(*sax.error());
    return Error{ErrorKind::invalid_json, "json.syntax", "invalid JSON", ""};
  }
  return out;
}

std::size_t json_depth(const json& value) {
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&value, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    const std::size_t inner = depth + 1;
    if (inner > deepest) deepest = inner;
    for (const auto& child : *node) stack.emplace_back(&child, inner);
  }
  return deepest;
}

bool is_valid_utf8(std::string_view text) noexcept {
  bool well_formed = true;
  for (std::size_t i = 0; i < text.size() && well_formed;) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;  // ASCII, the common case, without a decoder call per character
      continue;
    }
    text::decode_utf8(text, i, well_formed);
  }
  return well_formed;
}

}  // namespace medusa
