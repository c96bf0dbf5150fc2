#include "medusa/http/message.hpp"

#include <algorithm>

namespace medusa::http {

bool same_header_name(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

Headers::Headers(std::initializer_list<std::pair<std::string, std::string>> fields) {
  for (const auto& [name, value] : fields) set(name, value);
}

void Headers::set(std::string_view name, std::string value) {
  remove(name);
  fields_.emplace_back(std::string(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  fields_.erase(std::remove_if(fields_.begin(), fields_.end(),
                               [&](const auto& f) { return same_header_name(f.first, name); }),
                fields_.end());
}

std::optional<std::string> Headers::get(std::string_view name) const {
  for (const auto& f : fields_) {
    if (same_header_name(f.first, name)) return f.second;
  }
  return std::nullopt;
}

}  // namespace medusa::http
