#include "medusa/models/error_body.hpp"

#include <cctype>
#include <string>

namespace medusa {
namespace {

// Text content of an HTML page: tags dropped, entities for <, >, & and quotes decoded,
// whitespace collapsed.
std::string html_text(std::string_view html) {
  std::string out;
  bool in_tag = false;
  bool space = false;
  for (std::size_t i = 0; i < html.size() && out.size() < 500; ++i) {
    const char c = html[i];
    if (c == '<') {
      in_tag = true;
      space = !out.empty();
      continue;
    }
    if (c == '>') {
      in_tag = false;
      continue;
    }
    if (in_tag) continue;
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == '&') {
      static const std::pair<std::string_view, char> entities[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (const auto& [name, ch] : entities) {
        if (html.substr(i, name.size()) == name) {
          out += ch;
          i += name.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

ErrorBody parse_error_body(std::string_view body) {
  JsonLimits limits;
  limits.max_bytes = 1024 * 1024;
  auto parsed = parse_json(body, limits);
  if (parsed && parsed->is_object()) {
    auto model = from_json<ErrorBody>(*parsed);
    if (model) return std::move(model).value();
  }
  ErrorBody out;
  const std::string text = html_text(body);
  out.message = text.empty() ? std::string("empty error body") : text;
  out.extra = json{{"html", !parsed.ok()}};
  return out;
}

}  // namespace medusa
