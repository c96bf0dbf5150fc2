// Fulfillments of an order (POST /admin/orders/:id/fulfillments and order.fulfillments).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct FulfillmentItem : Model {
  std::optional<std::string> id, title, sku, barcode, line_item_id, inventory_item_id;
  std::optional<std::string> fulfillment_id;
  std::optional<std::int64_t> quantity;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("sku", s.sku);
    f("barcode", s.barcode);
    f("line_item_id", s.line_item_id);
    f("inventory_item_id", s.inventory_item_id);
    f("fulfillment_id", s.fulfillment_id);
    f("quantity", s.quantity);
  }
};

struct FulfillmentLabel : Model {
  std::optional<std::string> id, tracking_number, tracking_url, label_url;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("tracking_number", s.tracking_number);
    f("tracking_url", s.tracking_url);
    f("label_url", s.label_url);
  }
};

struct Fulfillment : Model {
  std::optional<std::string> id, location_id, provider_id, shipping_option_id;
  std::optional<std::string> packed_at, shipped_at, delivered_at, canceled_at, created_at;
  std::optional<std::vector<FulfillmentItem>> items;
  std::optional<std::vector<FulfillmentLabel>> labels;
  std::optional<json> data, metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("location_id", s.location_id);
    f("provider_id", s.provider_id);
    f("shipping_option_id", s.shipping_option_id);
    f("packed_at", s.packed_at);
    f("shipped_at", s.shipped_at);
    f("delivered_at", s.delivered_at);
    f("canceled_at", s.canceled_at);
    f("created_at", s.created_at);
    f("items", s.items);
    f("labels", s.labels);
    f("data", s.data);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
