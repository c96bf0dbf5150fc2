// A product's personalization schema: where it is found, and what it says.
//
// The schema lives in product `metadata.personalization` (a JSON object, or the same as
// a JSON string, since Medusa's admin edits metadata values as strings). A variant may
// replace it (`metadata.personalization`) or patch it (`metadata.personalization_extend`,
// an RFC 7386 JSON Merge Patch). See docs/personalization-schema.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/models/product.hpp"
#include "medusa/schema/validator.hpp"

namespace medusa::personalization {

/// Metadata keys the SDK reads and writes.
inline constexpr const char* kSchemaKey = "personalization";
inline constexpr const char* kSchemaExtendKey = "personalization_extend";
/// Line-item metadata key holding the fingerprint of the schema that validated it.
inline constexpr const char* kStampKey = "_personalization_schema";

/// One input of a generated personalization form, in display order.
struct FormField {
  std::string name;         ///< property name, the key in line-item metadata
  std::string label;        ///< `title`, else the name
  std::string description;  ///< `description`, else empty
  std::string widget;       ///< text, textarea, select, font, colour, number, checkbox, image
  std::string placeholder;  ///< `x-placeholder`
  bool required = false;
  double order = 0;  ///< `x-order`, else 1e6 + the position in `properties` as written
  json schema;       ///< the property's own schema (enum, maxLength, x-image, ...)

  json to_json() const;
};

class Schema {
 public:
  /// Compiles a schema document (object or JSON text in a string value). `order`, when
  /// the document was parsed with one, gives the fields the order of its `properties` as
  /// written; without it they follow `x-order`, then their names.
  /// Errors: those of schema::CompiledSchema::compile, plus "personalization.schema_type"
  /// when the value is neither an object nor a string holding one.
  static Result<Schema> from_json(const json& document, const JsonKeyOrder* order = nullptr);

  /// Parses and compiles a schema's JSON text (its fields in the order written).
  /// Errors: those of parse_json and from_json.
  static Result<Schema> from_text(std::string_view text);

  /// The effective schema for a product and (optionally) one of its variants; nullopt
  /// when neither carries one: the product is not personalized. A product whose metadata
  /// was not sent (the Store API omits product metadata unless `fields=+metadata`) is not
  /// "not personalized" but unknown: Error{invalid_argument,
  /// "personalization.schema_unknown"}, unless the variant carries its own schema.
  static Result<std::optional<Schema>> for_product(const Product& product,
                                                   const ProductVariant* variant = nullptr);

  /// The same from a product as JSON (a Store API response's `product`) and the id of
  /// one of its variants (empty: the product's own schema). Reads only `metadata`,
  /// `variants[].id` and `variants[].metadata`, so it does not need a whole Product model.
  /// Errors: "model.type" when the product is not an object or one of those fields has
  /// the wrong type (`path` points at it); "personalization.variant" when no variant has
  /// that id; "personalization.schema_unknown" when `metadata` (or the variant's) is
  /// absent, as above; otherwise those of the overload above.
  /// `order`: the key order recorded when `product` was parsed (parse_json), so that the
  /// form's fields follow the schema's `properties` as written.
  static Result<std::optional<Schema>> for_product(const json& product,
                                                   std::string_view variant_id,
                                                   const JsonKeyOrder* order = nullptr);

  /// The effective schema from the metadata objects themselves (either may be null):
  /// the variant's `personalization` replaces the product's, its `personalization_extend`
  /// patches it.
  static Result<std::optional<Schema>> for_metadata(const json* product_metadata,
                                                    const json* variant_metadata,
                                                    const JsonKeyOrder* order = nullptr);

  /// Stable identity of the schema's content: "fnv1a64:<16 hex>" over its canonical
  /// JSON (sorted keys, integral numbers without fraction). Not a security hash.
  const std::string& fingerprint() const { return fingerprint_; }

  const json& document() const { return compiled_.document(); }
  const schema::CompiledSchema& compiled() const { return compiled_; }

  /// Validates values as they are (no normalization): every issue.
  schema::Report validate(const json& values) const { return compiled_.validate(values); }

  /// The form inputs of the schema's top-level properties: by `x-order`, then in the order
  /// `properties` was written (when known: from_text, or a JsonKeyOrder), then by name.
  std::vector<FormField> fields() const;

 private:
  Schema(schema::CompiledSchema compiled, std::string fingerprint,
         std::vector<std::string> property_order)
      : compiled_(std::move(compiled)),
        fingerprint_(std::move(fingerprint)),
        property_order_(std::move(property_order)) {}
  static Result<Schema> compiled_from(json document, std::vector<std::string> property_order);
  schema::CompiledSchema compiled_;
  std::string fingerprint_;
  std::vector<std::string> property_order_;  ///< `properties` as written; empty: unknown
};

/// Canonical JSON text: sorted keys, no whitespace, integral floats written as integers.
std::string canonical_json(const json& value);

/// "fnv1a64:<16 hex>" of canonical_json(value).
std::string fingerprint(const json& value);

/// RFC 7386 JSON Merge Patch: applies `patch` to `target` (null deletes a key).
json merge_patch(json target, const json& patch);

}  // namespace medusa::personalization
