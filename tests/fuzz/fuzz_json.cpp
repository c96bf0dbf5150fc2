// parse_json and scan_json on arbitrary bytes: no crash, and the same verdict (the DOM
// parser refuses lone \u surrogates that the scanner, like JSON.parse, accepts).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "medusa/json_input.hpp"
#include "medusa/json_scan.hpp"

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
      if (m.key.find('\\') == std::string_view::npos && !dom->contains(std::string(m.key))) std::abort();
    }
  }
  return 0;
}
