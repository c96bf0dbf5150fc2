#include "medusa/personalization/line_item_match.hpp"

namespace medusa::personalization {
namespace {

bool is_empty_metadata(const json& m) {
  return m.is_null() || (m.is_object() && m.empty());
}

}  // namespace

bool metadata_equal(const json& a, const json& b) {
  if (is_empty_metadata(a) || is_empty_metadata(b))
    return is_empty_metadata(a) && is_empty_metadata(b);
  // nlohmann's equality is deep, ignores object key order (keys are sorted), keeps array
  // order and value types, and compares numbers by value (1 == 1.0), as JavaScript does.
  return a == b;
}

bool is_same_line_item(std::string_view variant_a, const json& metadata_a,
                       std::string_view variant_b, const json& metadata_b) {
  return variant_a == variant_b && metadata_equal(metadata_a, metadata_b);
}

const LineItem* find_matching_line_item(const std::vector<LineItem>& items,
                                        std::string_view variant_id, const json& metadata) {
  const LineItem* best = nullptr;
  for (const auto& item : items) {
    if (!item.variant_id) continue;
    if (!is_same_line_item(*item.variant_id, item.metadata.value_or(json()), variant_id,
                           metadata)) {
      continue;
    }
    // ISO-8601 timestamps of one server compare correctly as text.
    if (!best || (item.created_at && best->created_at && *item.created_at < *best->created_at)) {
      best = &item;
    }
  }
  return best;
}

std::optional<std::size_t> find_matching_line_index(const json& items, std::string_view variant_id,
                                                    const json& metadata) {
  if (!items.is_array()) return std::nullopt;
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json& item = items[i];
    if (!item.is_object()) continue;
    const auto variant = item.find("variant_id");
    if (variant == item.end() || !variant->is_string() ||
        variant->get_ref<const std::string&>() != variant_id) {
      continue;
    }
    const auto own = item.find("metadata");
    if (!metadata_equal(own == item.end() ? json() : *own, metadata)) continue;
    if (!best) {
      best = i;
      continue;
    }
    // Among equal lines the oldest, as in find_matching_line_item.
    const json& current = items[*best];
    const auto created = item.find("created_at");
    const auto best_created = current.find("created_at");
    if (created != item.end() && created->is_string() && best_created != current.end() &&
        best_created->is_string() &&
        created->get_ref<const std::string&>() < best_created->get_ref<const std::string&>()) {
      best = i;
    }
  }
  return best;
}

}  // namespace medusa::personalization
