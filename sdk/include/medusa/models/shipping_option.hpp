// Shipping options for a cart (GET /store/shipping-options?cart_id=...).
#pragma once

#include "medusa/models/model.hpp"

namespace medusa {

struct ShippingOption : Model {
  std::optional<std::string> id, name, price_type, service_zone_id, shipping_profile_id;
  std::optional<std::string> provider_id;
  std::optional<Amount> amount;
  std::optional<bool> is_tax_inclusive, insufficient_inventory;
  std::optional<json> data, metadata, type, calculated_price;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("name", s.name);
    f("price_type", s.price_type);
    f("service_zone_id", s.service_zone_id);
    f("shipping_profile_id", s.shipping_profile_id);
    f("provider_id", s.provider_id);
    f("amount", s.amount);
    f("is_tax_inclusive", s.is_tax_inclusive);
    f("insufficient_inventory", s.insufficient_inventory);
    f("data", s.data);
    f("metadata", s.metadata);
    f("type", s.type);
    f("calculated_price", s.calculated_price);
  }
};

}  // namespace medusa
