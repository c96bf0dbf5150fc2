// Report::to_json_text: the report as compact JSON text, byte for byte what
// to_json().dump() writes (keys sorted, nlohmann's escaping, invalid UTF-8 replaced),
// without building the DOM.
#include <string>

#include "medusa/schema/validator.hpp"
#include "schema/json_text.hpp"

namespace medusa::schema {

using detail::JsonTextWriter;
using detail::write_json;

std::string Report::to_json_text() const {
  std::size_t estimate = 64;
  for (const Issue& issue : issues) {
    estimate += 96 + issue.code.size() + issue.instance_path.size() + issue.message.size() +
                issue.schema_path.size() + 64;
  }
  JsonTextWriter out(estimate);
  out.literal("{\"issues\":[");
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    if (i) out.raw(',');
    out.literal("{\"code\":");
    out.string(issue.code);
    out.literal(",\"instance_path\":");
    out.string(issue.instance_path);
    out.literal(",\"message\":");
    out.string(issue.message);
    out.literal(",\"params\":");
    write_json(out, issue.params);
    out.literal(",\"schema_path\":");
    out.string(issue.schema_path);
    out.raw('}');
  }
  out.literal("],\"truncated\":");
  if (truncated) {
    out.literal("true");
  } else {
    out.literal("false");
  }
  out.literal(",\"valid\":");
  if (valid()) {
    out.literal("true}");
  } else {
    out.literal("false}");
  }
  return out.take();
}

}  // namespace medusa::schema
