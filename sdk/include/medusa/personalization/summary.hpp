// A readable summary of a line item's personalization, for order pages, emails and
// staff views (what Medusa's admin does not show by itself).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "medusa/personalization/schema.hpp"

namespace medusa::personalization {

/// One customer value, ready to display. `text` is plain text: render it as text, never
/// as HTML.
struct SummaryEntry {
  std::string name;   ///< the metadata key
  std::string label;  ///< the schema's `title`, else the key
  std::string kind;   ///< "text", "number", "boolean", "image", "list" or "object"
  std::string text;   ///< "Hello", "Yes", "photo.jpg (1200×1800 px)", "a, b"
  json value;         ///< the stored value, unchanged
  json to_json() const;
};

struct Summary {
  std::vector<SummaryEntry> entries;  ///< in the schema's form order, then by key
  /// The fingerprint stamped on the metadata (`_personalization_schema`), if any.
  std::optional<std::string> schema_fingerprint;
  /// True when a schema was given and its fingerprint differs from the stamp.
  bool schema_mismatch = false;
  /// "Message: Hello · Font: Serif": every entry on one line.
  std::string text;
  json to_json() const;
};

/// Summarizes a cart line item or an order item (its JSON as the API returns it). The
/// personalization is read from `line_item_metadata`, else `metadata`, else
/// `detail.metadata` (see OrderLineItem::personalization). Private "_" keys are left
/// out. With a schema, labels come from its titles and entries follow its form order.
Summary describe_line_item(const json& item, const Schema* schema = nullptr);

}  // namespace medusa::personalization
