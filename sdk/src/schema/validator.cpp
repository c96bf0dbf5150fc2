#include "medusa/schema/validator.hpp"

#include "built_for_size.hpp"
#include "schema/draft07_check.hpp"
#include "schema/evaluator.hpp"
#include "schema/graph.hpp"

namespace medusa::schema {

// Reports as JSON values and compilation: not the validation path.
MEDUSA_BUILT_FOR_SIZE_BEGIN

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

CompiledSchema::CompiledSchema(medusa::detail::SharedConst<detail::Graph> graph)
    : graph_(std::move(graph)) {}

Result<CompiledSchema> CompiledSchema::compile(const json& schema,
                                               const ValidatorOptions& options) {
  if (json_depth(schema) > 256) {
    return Error{ErrorKind::invalid_schema, "schema.too_large",
                 "schema is nested more than 256 levels deep", ""};
  }
  detail::CompiledPatterns patterns;
  if (options.validate_against_metaschema) {
    const auto meta = detail::check_draft07(schema, patterns);
    if (meta.first) {
      const auto& [path, problem] = *meta.first;
      std::string message =
          "not a valid draft-07 schema: " + (path.empty() ? std::string("the schema") : path) +
          " " + problem;
      if (meta.count > 1) message += " (and " + std::to_string(meta.count - 1) + " more)";
      return Error{ErrorKind::invalid_schema, "schema.invalid", std::move(message), path};
    }
  }
  auto graph = detail::compile_graph(schema, options, patterns);
  if (!graph) return graph.error();
  return CompiledSchema(std::move(graph).value());
}

MEDUSA_BUILT_FOR_SIZE_END

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
