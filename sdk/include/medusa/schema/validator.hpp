// JSON Schema draft-07 validator with the personalization vocabulary.
//
// A schema is compiled once (references resolved, patterns compiled, the schema itself
// checked against the draft-07 meta-schema) and can then validate any number of
// instances. Validation reports every issue, each with a JSON Pointer into the
// instance, the location of the failing keyword in the schema, a stable code and a
// message. Reports are deterministic: the same schema and instance give the same
// report, byte for byte, natively and in WebAssembly.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/json_input.hpp"
#include "medusa/shared_const.hpp"

namespace medusa::schema {

namespace detail {
struct Graph;
}

/// One problem found in an instance.
struct Issue {
  std::string instance_path;  ///< JSON Pointer into the instance ("" is the root)
  std::string schema_path;    ///< the failing keyword: "#/properties/message/maxLength"
  std::string code;           ///< stable: "required", "max_length", "pattern", "image_min_dpi", ...
  std::string message;        ///< for people: "must be at most 40 characters"
  json params = json::object();  ///< facts for UIs, e.g. {"limit":40,"actual":45}

  json to_json() const;
};

/// Every issue of one validation, in a deterministic order.
struct Report {
  std::vector<Issue> issues;
  bool truncated = false;  ///< stopped at ValidatorOptions::max_issues

  bool valid() const noexcept { return issues.empty(); }
  /// {"valid":bool,"issues":[{instance_path,schema_path,code,message,params}],...}
  json to_json() const;
  /// The same as compact JSON text, byte for byte `to_json().dump()` (keys sorted,
  /// invalid UTF-8 replaced), written directly: building the DOM first cost three
  /// times the validation itself.
  std::string to_json_text() const;
};

/// Loads a remote schema document by absolute URI (without fragment); nullopt if unknown.
using RemoteLoader = std::function<std::optional<json>(const std::string& uri)>;

struct ValidatorOptions {
  /// Resolves `$ref`s to other documents. The draft-07 meta-schema is built in.
  RemoteLoader load_remote;
  /// Formats are assertions by default (date, email, uri, colour, ...); false makes
  /// them annotations, as draft-07 allows.
  bool assert_formats = true;
  /// Check the schema against the draft-07 meta-schema before compiling it.
  bool validate_against_metaschema = true;
  std::size_t max_issues = 1000;           ///< a report never grows past this
  std::size_t max_eval_depth = 512;        ///< nested schema evaluations (ref cycles)
  std::size_t max_instance_depth = 256;    ///< nesting of the validated value
  std::size_t max_steps = 5'000'000;       ///< schema evaluations per validation
  std::size_t max_schema_nodes = 100'000;  ///< compiled subschemas per schema
};

/// A compiled schema. Cheap to copy; immutable and safe to share between threads.
class CompiledSchema {
 public:
  /// Compiles `schema` (a JSON object or boolean). Errors: "schema.invalid" (not a
  /// draft-07 schema; the message names the first problem and Error::path its
  /// location), "schema.ref" (unresolvable or cyclic $ref), "schema.pattern" (a
  /// pattern the regex engine refuses), "schema.vocabulary" (bad x-* keyword),
  /// "schema.too_large".
  static Result<CompiledSchema> compile(const json& schema, const ValidatorOptions& options = {});

  /// Validates `instance` and returns every issue.
  Report validate(const json& instance) const;

  /// The report as JSON text: the same bytes as validate(instance).to_json_text(),
  /// written while validating (no Issue objects), for callers that hand the report on
  /// as text, such as the WebAssembly module.
  std::string validate_text(const json& instance) const;

  /// Same answer as validate().valid(), but stops at the first issue.
  bool is_valid(const json& instance) const;

  /// The schema document as given to compile().
  const json& document() const;

 private:
  explicit CompiledSchema(medusa::detail::SharedConst<detail::Graph> graph);
  medusa::detail::SharedConst<detail::Graph> graph_;
};

/// The draft-07 meta-schema (http://json-schema.org/draft-07/schema#).
const json& draft07_metaschema();

/// True when `value` satisfies the named format ("date", "email", "uri", "colour", ...).
/// Unknown formats return true (draft-07 treats them as annotations).
bool check_format(const std::string& format, const std::string& value);

/// Names of the formats check_format() knows.
const std::vector<std::string>& known_formats();

}  // namespace medusa::schema
