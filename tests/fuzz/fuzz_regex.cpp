// The regex engine: compile the first line as a pattern, search the rest. Linear time
// by construction, so libFuzzer's timeout catches any super-linear path.
#include <cstdint>
#include <string_view>

#include "medusa/regex.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto newline = text.find('\n');
  const auto pattern = text.substr(0, newline);
  const auto subject = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  auto regex = medusa::Regex::compile(pattern);
  if (regex) (void)regex->search(subject);
  return 0;
}
