// The fields a cart line item and an order item share (Medusa's base line item).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct LineItemBase : Model {
  std::optional<std::string> id, title, subtitle, thumbnail, variant_id, product_id;
  std::optional<std::string> product_title, product_handle, variant_sku, variant_title;
  std::optional<std::string> created_at, updated_at;
  std::optional<std::int64_t> quantity;
  std::optional<Amount> unit_price, compare_at_unit_price, subtotal, total, tax_total;
  std::optional<bool> requires_shipping, is_discountable, is_tax_inclusive;
  /// The customer's personalization (see docs/personalization-schema.md).
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("title", s.title);
    f("subtitle", s.subtitle);
    f("thumbnail", s.thumbnail);
    f("variant_id", s.variant_id);
    f("product_id", s.product_id);
    f("product_title", s.product_title);
    f("product_handle", s.product_handle);
    f("variant_sku", s.variant_sku);
    f("variant_title", s.variant_title);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("quantity", s.quantity);
    f("unit_price", s.unit_price);
    f("compare_at_unit_price", s.compare_at_unit_price);
    f("subtotal", s.subtotal);
    f("total", s.total);
    f("tax_total", s.tax_total);
    f("requires_shipping", s.requires_shipping);
    f("is_discountable", s.is_discountable);
    f("is_tax_inclusive", s.is_tax_inclusive);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
