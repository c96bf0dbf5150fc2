#include "schema/report_text.hpp"

#include "built_for_size.hpp"
#include "medusa/schema/validator.hpp"

namespace medusa::schema {
namespace detail {

ReportText::ReportText(std::size_t capacity) : out_(capacity) {
  out_.literal("{\"issues\":[");
}

void ReportText::add(std::string_view code, std::string_view instance_path,
                     std::string_view message, const json& params, std::string_view schema_path) {
  JsonTextWriter& out = next_issue();
  out.literal("{\"code\":");
  out.string(code);
  out.literal(",\"instance_path\":");
  out.string(instance_path);
  out.literal(",\"message\":");
  out.string(message);
  out.literal(",\"params\":");
  write_json(out, params);
  out.literal(",\"schema_path\":");
  out.string(schema_path);
  out.raw('}');
}

// Once per keyword of a schema, when it is compiled.
MEDUSA_BUILT_FOR_SIZE_BEGIN
std::pair<std::string, std::string> ReportText::prepare(std::string_view code,
                                                        std::string_view message,
                                                        const json& params,
                                                        std::string_view schema_path) {
  JsonTextWriter head(32 + code.size());
  head.literal("{\"code\":");
  head.string(code);
  head.literal(",\"instance_path\":");
  JsonTextWriter tail(64 + message.size() + schema_path.size());
  tail.literal(",\"message\":");
  tail.string(message);
  tail.literal(",\"params\":");
  write_json(tail, params);
  tail.literal(",\"schema_path\":");
  tail.string(schema_path);
  tail.raw('}');
  return {head.take(), tail.take()};
}
MEDUSA_BUILT_FOR_SIZE_END

void ReportText::add_prepared(std::string_view head, std::string_view instance_path,
                              std::string_view tail) {
  JsonTextWriter& out = next_issue();
  out.raw(head.data(), head.size());
  out.string(instance_path);
  out.raw(tail.data(), tail.size());
}

std::string ReportText::finish() {
  if (truncated_) {
    out_.literal("],\"truncated\":true");
  } else {
    out_.literal("],\"truncated\":false");
  }
  if (count_ == 0) {
    out_.literal(",\"valid\":true}");
  } else {
    out_.literal(",\"valid\":false}");
  }
  return out_.take();
}

}  // namespace detail

std::string Report::to_json_text() const {
  std::size_t estimate = 64;
  for (const Issue& issue : issues) {
    estimate += 160 + issue.code.size() + issue.instance_path.size() + issue.message.size() +
                issue.schema_path.size();
  }
  detail::ReportText text(estimate);
  for (const Issue& issue : issues) {
    text.add(issue.code, issue.instance_path, issue.message, issue.params, issue.schema_path);
  }
  if (truncated) text.mark_truncated();
  return text.finish();
}

}  // namespace medusa::schema
