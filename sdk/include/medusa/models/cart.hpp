// Cart, its line items and shipping methods (the /store/carts responses).
//
// A line item's `metadata` is where the customer's personalization travels. Two lines
// of the same variant with different metadata are different items (see
// medusa/personalization/line_item_match.hpp for the server's merge rule).
#pragma once

#include "medusa/models/address.hpp"
#include "medusa/models/line_item.hpp"
#include "medusa/models/model.hpp"
#include "medusa/models/payment.hpp"
#include "medusa/models/region.hpp"

namespace medusa {

/// A cart line (`cali_` id).
struct LineItem : LineItemBase {
  std::optional<std::string> cart_id, product_description;
  std::optional<Amount> original_total, discount_total;
  std::optional<bool> is_giftcard;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    LineItemBase::visit(s, f);
    f("cart_id", s.cart_id);
    f("product_description", s.product_description);
    f("original_total", s.original_total);
    f("discount_total", s.discount_total);
    f("is_giftcard", s.is_giftcard);
  }
};

struct ShippingMethod : Model {
  std::optional<std::string> id, name, shipping_option_id, order_id, created_at;
  std::optional<Amount> amount, subtotal, total, tax_total;
  std::optional<bool> is_tax_inclusive;
  std::optional<json> data, metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("name", s.name);
    f("shipping_option_id", s.shipping_option_id);
    f("order_id", s.order_id);
    f("created_at", s.created_at);
    f("amount", s.amount);
    f("subtotal", s.subtotal);
    f("total", s.total);
    f("tax_total", s.tax_total);
    f("is_tax_inclusive", s.is_tax_inclusive);
    f("data", s.data);
    f("metadata", s.metadata);
  }
};

struct Cart : Model {
  std::optional<std::string> id, currency_code, email, region_id, customer_id, sales_channel_id;
  std::optional<std::string> created_at, updated_at, completed_at;
  std::optional<Amount> total, subtotal, tax_total, discount_total, original_total;
  std::optional<Amount> item_total, item_subtotal, item_tax_total;
  std::optional<Amount> shipping_total, shipping_subtotal, shipping_tax_total;
  std::optional<std::vector<LineItem>> items;
  std::optional<std::vector<ShippingMethod>> shipping_methods;
  std::optional<Address> shipping_address, billing_address;
  std::optional<PaymentCollection> payment_collection;
  std::optional<Region> region;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("currency_code", s.currency_code);
    f("email", s.email);
    f("region_id", s.region_id);
    f("customer_id", s.customer_id);
    f("sales_channel_id", s.sales_channel_id);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("completed_at", s.completed_at);
    f("total", s.total);
    f("subtotal", s.subtotal);
    f("tax_total", s.tax_total);
    f("discount_total", s.discount_total);
    f("original_total", s.original_total);
    f("item_total", s.item_total);
    f("item_subtotal", s.item_subtotal);
    f("item_tax_total", s.item_tax_total);
    f("shipping_total", s.shipping_total);
    f("shipping_subtotal", s.shipping_subtotal);
    f("shipping_tax_total", s.shipping_tax_total);
    f("items", s.items);
    f("shipping_methods", s.shipping_methods);
    f("shipping_address", s.shipping_address);
    f("billing_address", s.billing_address);
    f("payment_collection", s.payment_collection);
    f("region", s.region);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
