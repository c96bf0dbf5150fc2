#include "medusa/api/store.hpp"

#include "medusa/personalization/line_item_update.hpp"
#include "medusa/personalization/metadata.hpp"

namespace medusa::api {
namespace {

bool only_modifiers(const std::string& fields) {
  std::size_t start = 0;
  while (start <= fields.size()) {
    auto comma = fields.find(',', start);
    if (comma == std::string::npos) comma = fields.size();
    const auto entry = fields.substr(start, comma - start);
    if (!entry.empty() && entry[0] != '+' && entry[0] != '-' && entry[0] != '*') return false;
    start = comma + 1;
  }
  return true;
}

bool names(const std::string& fields, const std::string& entry) {
  return ("," + fields + ",").find("," + entry + ",") != std::string::npos;
}

}  // namespace

http::Query with_metadata_fields(http::Query query) {
  const auto fields = query.get("fields");
  if (!fields) return query.set("fields", "+metadata,+variants.metadata");
  if (!only_modifiers(*fields)) return query;
  std::string extended = *fields;
  for (const char* wanted : {"+metadata", "+variants.metadata"}) {
    const std::string removed = "-" + std::string(wanted).substr(1);
    if (!names(extended, wanted) && !names(extended, removed))
      extended += std::string(",") + wanted;
  }
  return query.set("fields", extended);
}

Result<json> personalized_line_item_body(const personalization::Schema& schema,
                                         const PersonalizedLineItem& item) {
  if (item.variant_id.empty()) {
    return Error(ErrorKind::invalid_argument, "request.variant_id", "variant_id is required");
  }
  if (item.quantity < 1) {
    return Error(ErrorKind::invalid_argument, "request.quantity", "quantity must be at least 1");
  }
  auto metadata = personalization::build_line_item_metadata(schema, item.personalization);
  if (!metadata) return metadata.error();
  return json{
      {"variant_id", item.variant_id}, {"quantity", item.quantity}, {"metadata", *metadata}};
}

Result<json> personalized_update_body(const personalization::Schema& schema,
                                      const LineItem& current, std::int64_t quantity,
                                      const json& personalization) {
  if (!current.id)
    return Error(ErrorKind::invalid_argument, "request.line_item", "the line item has no id");
  if (quantity < 0)
    return Error(ErrorKind::invalid_argument, "request.quantity", "quantity must not be negative");
  auto desired = personalization::build_line_item_metadata(schema, personalization);
  if (!desired) return desired.error();
  auto metadata =
      personalization::replace_metadata_body(current.metadata.value_or(json()), *desired);
  if (!metadata) return metadata.error();
  return json{{"quantity", quantity}, {"metadata", *metadata}};
}

}  // namespace medusa::api
