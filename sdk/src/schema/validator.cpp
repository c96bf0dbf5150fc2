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

std::string CompiledSchema::validate_text(const json& instance) const {
  detail::ReportText text;
  detail::Evaluator(*graph_, text).run(instance);
  return text.finish();
}

bool CompiledSchema::is_valid(const json& instance) const {
  return detail::Evaluator(*graph_, nullptr).run(instance);
}

const json& CompiledSchema::document() const {
  return graph_->document;
}

}  // namespace medusa::schema
