// Schema compilation and validation on arbitrary JSON: the first line of the input is the
// schema, the rest the instance. No crash, no hang (the step and depth budgets hold), the
// report's text is the same however it is produced, and compile() refuses a schema as
// "not a valid draft-07 schema" exactly when the draft-07 meta-schema rejects it.
#include <cstdint>
#include <string>
#include <string_view>

#include "medusa/json_input.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/schema.hpp"
#include "medusa/schema/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto newline = text.find('\n');
  const auto schema_text = text.substr(0, newline);
  const auto instance_text =
      newline == std::string_view::npos ? std::string_view("{}") : text.substr(newline + 1);
  medusa::JsonLimits limits;
  limits.max_depth = 64;
  auto schema_json = medusa::parse_json(schema_text, limits);
  auto instance = medusa::parse_json(instance_text, limits);
  if (!schema_json || !instance) return 0;
  auto compiled = medusa::schema::CompiledSchema::compile(*schema_json);
  static const auto metaschema = [] {
    medusa::schema::ValidatorOptions options;
    options.validate_against_metaschema = false;
    return medusa::schema::CompiledSchema::compile(medusa::schema::draft07_metaschema(), options)
        .value();
  }();
  const bool not_draft07 =
      !compiled && compiled.error().message.rfind("not a valid draft-07 schema: ", 0) == 0;
  if (metaschema.is_valid(*schema_json) == not_draft07) __builtin_trap();
  if (compiled) {
    const auto report = compiled->validate(*instance);
    const std::string report_text = report.to_json_text();
    // The three ways to a report's text agree byte for byte, and with the verdict.
    if (report_text !=
        report.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace))
      __builtin_trap();
    if (compiled->validate_text(*instance) != report_text) __builtin_trap();
    if (compiled->is_valid(*instance) != report.valid()) __builtin_trap();
  }
  auto personalization = medusa::personalization::Schema::from_json(*schema_json);
  if (personalization) {
    (void)personalization->fields();
    auto metadata = medusa::personalization::build_line_item_metadata(*personalization, *instance);
    if (metadata) {
      // What the builder produced must validate against the same schema.
      if (!medusa::personalization::validate_line_item_metadata(*personalization, *metadata)
               .valid())
        __builtin_trap();
    }
  }
  return 0;
}
