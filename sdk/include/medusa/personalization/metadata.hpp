// From a customer's form values to the line item `metadata` sent to Medusa.
//
// build_line_item_metadata normalizes (puts text in Unicode NFC, trims, drops blank
// optional fields, fills defaults, writes whole numbers as integers), validates against the schema,
// and stamps the result with the schema fingerprint. Equal personalizations give equal metadata, so
// the server merges them into one line; different ones stay separate lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "medusa/error.hpp"
#include "medusa/personalization/schema.hpp"

namespace medusa::personalization {

struct BuildOptions {
  bool stamp = true;  ///< add kStampKey with the schema fingerprint
};

/// Normalizes form values as the schema says, without validating (for live previews).
/// Non-object input is returned unchanged.
json normalize_values(const Schema& schema, const json& values);
/// The same, normalizing `values` in place: no copy, for a caller done with its values.
json normalize_values(const Schema& schema, json&& values);

/// The verdict on a customer's form values, the one build_line_item_metadata gives: the
/// values normalized as they would be stored, then customer keys starting with "_" and
/// keys naming JavaScript object internals refused (code "reserved_key"), then every
/// issue of the schema. A form that shows this on every keystroke never says "valid" to
/// values the add to cart refuses. (Schema::validate is plain JSON Schema validation.)
schema::Report validate_values(const Schema& schema, const json& values);

/// The same report as JSON text (validate_values(...).to_json_text(), byte for byte).
std::string validate_values_text(const Schema& schema, const json& values);
/// The same, normalizing `values` in place: no copy (a form's values on every keystroke).
std::string validate_values_text(const Schema& schema, json&& values);

/// Normalizes, validates (validate_values) and stamps. On invalid input: Error{validation,
/// "personalization.invalid"} whose `details` is the issue list (Report::to_json()
/// ["issues"]); customer keys starting with "_" are refused (code "reserved_key").
Result<json> build_line_item_metadata(const Schema& schema, const json& values,
                                      const BuildOptions& options = {});

/// How long a text field's value is, counted as its schema limits it: for a form's
/// character counter, which then agrees with the verdict.
struct FieldLength {
  std::size_t length = 0;  ///< of the value as it would be stored (line breaks, NFC, trim)
  std::optional<std::uint64_t> min, max;  ///< the field's limits in the same unit
  /// true: grapheme clusters (the field has `x-minGraphemes`/`x-maxGraphemes`, which then
  /// give the limits); false: code points (`minLength`/`maxLength`).
  bool graphemes = false;

  /// {"length": n, "min": n|null, "max": n|null, "unit": "graphemes"|"code_points"}
  json to_json() const;
};

/// The length of `value` in top-level field `field`. A field the schema does not describe
/// counts code points, without limits.
FieldLength field_length(const Schema& schema, const std::string& field, const std::string& value);

/// Re-checks stored line-item metadata (a cart line or an order item) against a schema,
/// e.g. in a fulfilment worker: private "_" keys are ignored, and a stamp naming a
/// different schema is reported with code "schema_mismatch".
schema::Report validate_line_item_metadata(const Schema& schema, const json& metadata);

/// The customer's values: `metadata` without the private "_"-prefixed keys.
json customer_values(const json& metadata);

}  // namespace medusa::personalization
