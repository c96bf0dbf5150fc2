// Cart, its line items and shipping methods (the /store/carts responses).
//
// A line item's `metadata` is where the customer's personalization travels. Two lines
// of the same variant with different metadata are different items (see
// medusa/personalization/line_item_match.hpp for the server's merge rule).
#pragma once

#include "medusa/models/address.hpp"
#include "medusa/models/model.hpp"
#include "medusa/models/payment.hpp"
#include "medusa/models/region.hpp"

namespace medusa {

struct LineItem : Model {
  std::optional<std::string> id, cart_id, title, subtitle, thumbnail, variant_id, product_id;
  std::optional<std::string> product_title, product_description, product_handle, variant_sku;
  std::optional<std::string> variant_title, created_at, updated_at;
  std::optional<std::int64_t> quantity;
  std::optional<Amount> unit_price, compare_at_unit_price;
  std::optional<Amount> subtotal, total, original_total, discount_total, tax_total;
  std::optional<bool> requires_shipping, is_discountable, is_tax_inclusive, is_giftcard;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("cart_id", s.cart_id);
    f("title", s.title);
    f("subtitle", s.subtitle);
    f("thumbnail", s.thumbnail);
    f("variant_id", s.variant_id);
    f("product_id", s.product_id);
    f("product_title", s.product_title);
    f("product_description", s.product_description);
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
    f("original_total", s.original_total);
    f("discount_total", s.discount_total);
    f("tax_total", s.tax_total);
    f("requires_shipping", s.requires_shipping);
    f("is_discountable", s.is_discountable);
    f("is_tax_inclusive", s.is_tax_inclusive);
    f("is_giftcard", s.is_giftcard);
    f("metadata", s.metadata);
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
