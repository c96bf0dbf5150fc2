#include "medusa/schema/validator.hpp"

#include "schema/evaluator.hpp"
#include "schema/graph.hpp"

namespace medusa::schema {
namespace {

// The meta-schema compiled once; it does not check itself against itself.
const CompiledSchema& compiled_metaschema() {
  static const CompiledSchema meta = [] {
    ValidatorOptions options;
    options.validate_against_metaschema = false;
    return CompiledSchema::compile(draft07_metaschema(), options).value();
  }();
  return meta;
}

}  // namespace

json Issue::to_json() const {
  return json{{"instance_path", instance_path},
              {"schema_path", schema_path},
              {"code", code},
              {"message", message},
              {"params", params}};
}

namespace {

// Appends `text` as a JSON string the way nlohmann's dump writes it (control characters
// as \u00XX except the short escapes, '/' and non-ASCII unescaped); text that is not
// valid UTF-8 goes through nlohmann itself, which replaces the bad bytes.
void append_json_string(std::string& out, const std::string& text) {
  if (!is_valid_utf8(text)) {
    out += json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  static const char* hex = "0123456789abcdef";
  out += '"';
  // Runs of plain characters are appended whole: in WebAssembly, libc++'s string members
  // are not inlined, and a call per character made this ten times slower than natively.
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(escape, sizeof escape);
      }
    }
  }
  out.append(text, plain, text.size() - plain);
  out += '"';
}

// Appends `value` as nlohmann's compact dump would. Only floating-point numbers go
// through nlohmann's serializer (its shortest round-trip formatting); constructing that
// serializer per issue was most of the report's cost in WebAssembly.
void append_json(std::string& out, const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      return;
    case json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      return;
    case json::value_t::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
    case json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, key);
        out += ':';
        append_json(out, item);
      }
      out += '}';
      return;
    }
    default:
      out += value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

}  // namespace

std::string Report::to_json_text() const {
  std::string out;
  out.reserve(64 + issues.size() * 160);
  out += "{\"issues\":[";
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    if (i) out += ',';
    out += "{\"code\":";
    append_json_string(out, issue.code);
    out += ",\"instance_path\":";
    append_json_string(out, issue.instance_path);
    out += ",\"message\":";
    append_json_string(out, issue.message);
    out += ",\"params\":";
    append_json(out, issue.params);
    out += ",\"schema_path\":";
    append_json_string(out, issue.schema_path);
    out += '}';
  }
  out += "],\"truncated\":";
  out += truncated ? "true" : "false";
  out += ",\"valid\":";
  out += valid() ? "true" : "false";
  out += '}';
  return out;
}

json Report::to_json() const {
  json list = json::array();
  for (const auto& i : issues) list.push_back(i.to_json());
  return json{{"valid", valid()}, {"issues", std::move(list)}, {"truncated", truncated}};
}

CompiledSchema::CompiledSchema(std::shared_ptr<const detail::Graph> graph)
    : graph_(std::move(graph)) {}

Result<CompiledSchema> CompiledSchema::compile(const json& schema,
                                               const ValidatorOptions& options) {
  if (json_depth(schema) > 256) {
    return Error{ErrorKind::invalid_schema, "schema.too_large",
                 "schema is nested more than 256 levels deep", ""};
  }
  if (options.validate_against_metaschema) {
    const Report meta = compiled_metaschema().validate(schema);
    if (!meta.valid()) {
      const Issue& first = meta.issues.front();
      std::string message =
          "not a valid draft-07 schema: " +
          (first.instance_path.empty() ? std::string("the schema") : first.instance_path) + " " +
          first.message;
      if (meta.issues.size() > 1) {
        message += " (and " + std::to_string(meta.issues.size() - 1) + " more)";
      }
      return Error{ErrorKind::invalid_schema, "schema.invalid", std::move(message),
                   first.instance_path};
    }
  }
  auto graph = detail::compile_graph(schema, options);
  if (!graph) return graph.error();
  return CompiledSchema(std::move(graph).value());
}

Report CompiledSchema::validate(const json& instance) const {
  Report report;
  detail::Evaluator(*graph_, &report).run(instance);
  return report;
}

bool CompiledSchema::is_valid(const json& instance) const {
  return detail::Evaluator(*graph_, nullptr).run(instance);
}

const json& CompiledSchema::document() const {
  return graph_->document;
}

}  // namespace medusa::schema
