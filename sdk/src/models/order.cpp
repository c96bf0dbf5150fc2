#include "medusa/models/order.hpp"

namespace medusa {

json OrderLineItem::personalization() const {
  auto usable = [](const std::optional<json>& m) { return m && m->is_object() && !m->empty(); };
  if (usable(line_item_metadata)) return *line_item_metadata;
  if (usable(metadata)) return *metadata;
  if (detail && usable(detail->metadata)) return *detail->metadata;
  return json::object();
}

}  // namespace medusa
