#include "medusa/http/query.hpp"

#include "medusa/json_output.hpp"
#include "schema/uri.hpp"
#include "text/hex.hpp"

namespace medusa::http {
namespace {

void flatten(const std::string& prefix, const json& value, Query& out) {
  if (value.is_null()) return;  // skipNulls, as the JS SDK
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      flatten(prefix.empty() ? it.key() : prefix + "[" + it.key() + "]", *it, out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten(prefix + "[" + std::to_string(i) + "]", value[i], out);
    }
  } else if (value.is_string()) {
    out.add(prefix, value.get<std::string>());
  } else {
    out.add(prefix, to_json_text(value));
  }
}

}  // namespace

Query Query::from_json(const json& object) {
  Query q;
  if (object.is_object()) flatten("", object, q);
  return q;
}

Query& Query::add(std::string key, std::string value) {
  params_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Query& Query::set(const std::string& key, std::string value) {
  // Replace in place (keeping the parameter's position), dropping later duplicates.
  bool replaced = false;
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& p : params_) {
    if (p.first != key) {
      kept.push_back(std::move(p));
    } else if (!replaced) {
      kept.emplace_back(key, value);
      replaced = true;
    }
  }
  params_ = std::move(kept);
  return replaced ? *this : add(key, std::move(value));
}

std::optional<std::string> Query::get(const std::string& key) const {
  for (const auto& p : params_) {
    if (p.first == key) return p.second;
  }
  return std::nullopt;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~' || c == ',' || c == '*';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += text::kHexUpper[c >> 4];
      out += text::kHexUpper[c & 15];
    }
  }
  return out;
}

std::string Query::encode() const {
  std::string out;
  for (const auto& [k, v] : params_) {
    if (!out.empty()) out += '&';
    out += percent_encode(k);
    out += '=';
    out += percent_encode(v);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> decode_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    auto amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const auto part = query.substr(start, amp - start);
    if (!part.empty()) {
      const auto eq = part.find('=');
      out.emplace_back(schema::uri::percent_decode(part.substr(0, eq)),
                       eq == std::string_view::npos
                           ? std::string()
                           : schema::uri::percent_decode(part.substr(eq + 1)));
    }
    start = amp + 1;
  }
  return out;
}

}  // namespace medusa::http
