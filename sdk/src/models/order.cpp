#include "medusa/models/order.hpp"

namespace medusa {

json preferred_personalization(const json* line_item_metadata, const json* metadata,
                               const json* detail_metadata) {
  for (const json* m : {line_item_metadata, metadata, detail_metadata}) {
    if (m && m->is_object() && !m->empty()) return *m;
  }
  return json::object();
}

json OrderLineItem::personalization() const {
  auto place = [](const std::optional<json>& m) { return m ? &*m : nullptr; };
  return preferred_personalization(place(line_item_metadata), place(metadata),
                                   detail ? place(detail->metadata) : nullptr);
}

}  // namespace medusa
