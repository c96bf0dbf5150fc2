// parse_json and scan_json on arbitrary bytes: no crash, and the same verdict (the DOM
// parser refuses lone \u surrogates that the scanner, like JSON.parse, accepts); and
// parse_json against nlohmann/json's parser, which it replaced: the same verdict and, for
// a document both accept, the same value with the same number types. And to_json_text
// against nlohmann's serializer, on the parsed value and on the input bytes as a string.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "medusa/json_input.hpp"
#include "medusa/json_output.hpp"
#include "medusa/json_scan.hpp"
#include "same_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  medusa::JsonLimits limits;
  limits.max_depth = 64;
  const auto dom = medusa::parse_json(text, limits);
  const auto scan = medusa::scan_json(text, limits);
  if (dom.ok() && !scan.ok()) std::abort();  // the scanner refused a document the parser took
  if (!dom.ok() && scan.ok() && dom.error().code != "json.syntax") std::abort();
  // Duplicate keys: both keep every member in the outline, the DOM keeps the last (as
  // JSON.parse does), so each DOM key is in the outline and not the other way round.
  if (dom.ok() && dom->is_object()) {
    if (scan->members.size() < dom->size()) std::abort();
    for (const auto& m : scan->members) {
      if (m.key.find('\\') == std::string_view::npos && !dom->contains(std::string(m.key)))
        std::abort();
    }
  }
  // nlohmann's parser reads a NUL as the end of the input, and has no depth limit.
  if (text.find('\0') == std::string_view::npos &&
      !(!dom.ok() && dom.error().code == "json.too_deep")) {
    const auto theirs = medusa::json::parse(text.begin(), text.end(), nullptr, false);
    if (dom.ok() == theirs.is_discarded()) std::abort();
    if (dom.ok() && !test_support::same_json(*dom, theirs)) std::abort();
  }
  const auto dump = [](const medusa::json& v) {
    return v.dump(-1, ' ', false, medusa::json::error_handler_t::replace);
  };
  if (dom.ok() && medusa::to_json_text(*dom) != dump(*dom)) std::abort();
  const medusa::json bytes = std::string(text);
  if (medusa::to_json_text(bytes) != dump(bytes)) std::abort();
  return 0;
}
