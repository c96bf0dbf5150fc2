// Order and its items (store and admin order responses).
//
// The personalization of a placed order appears three times per item, identical on the
// real server: `metadata`, `line_item_metadata` (added because `metadata` is the
// versioned order-item value) and `detail.metadata`. OrderLineItem::personalization()
// reads them in that order of preference.
#pragma once

#include "medusa/models/address.hpp"
#include "medusa/models/cart.hpp"
#include "medusa/models/fulfillment.hpp"
#include "medusa/models/line_item.hpp"
#include "medusa/models/model.hpp"
#include "medusa/models/payment.hpp"
#include "medusa/models/product.hpp"

namespace medusa {

/// The rule of OrderLineItem::personalization() over the three places (any may be null):
/// the first that is a non-empty object, else an empty object. For callers that hold
/// the item as JSON and need nothing else from it.
json preferred_personalization(const json* line_item_metadata, const json* metadata,
                               const json* detail_metadata);

/// `items[].detail`: the versioned order item with fulfilment progress.
struct OrderItemDetail : Model {
  std::optional<std::string> id, item_id, order_id, created_at, updated_at;
  std::optional<std::int64_t> version, quantity, fulfilled_quantity, delivered_quantity;
  std::optional<std::int64_t> shipped_quantity, return_requested_quantity;
  std::optional<std::int64_t> return_received_quantity, written_off_quantity;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("item_id", s.item_id);
    f("order_id", s.order_id);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("version", s.version);
    f("quantity", s.quantity);
    f("fulfilled_quantity", s.fulfilled_quantity);
    f("delivered_quantity", s.delivered_quantity);
    f("shipped_quantity", s.shipped_quantity);
    f("return_requested_quantity", s.return_requested_quantity);
    f("return_received_quantity", s.return_received_quantity);
    f("written_off_quantity", s.written_off_quantity);
    f("metadata", s.metadata);
  }
};

/// An order item (`ordli_` id).
struct OrderLineItem : LineItemBase {
  std::optional<bool> is_custom_price;
  std::optional<json> line_item_metadata;
  std::optional<OrderItemDetail> detail;
  std::optional<ProductVariant> variant;

  /// The customer's personalization: `line_item_metadata`, else `metadata`, else
  /// `detail.metadata`; an empty object when none is present.
  json personalization() const;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    LineItemBase::visit(s, f);
    f("is_custom_price", s.is_custom_price);
    f("line_item_metadata", s.line_item_metadata);
    f("detail", s.detail);
    f("variant", s.variant);
  }
};

struct Order : Model {
  std::optional<std::string> id, status, email, currency_code, region_id, customer_id;
  std::optional<std::string> sales_channel_id, payment_status, fulfillment_status;
  std::optional<std::string> created_at, updated_at;
  std::optional<std::int64_t> display_id, version;
  std::optional<Amount> total, subtotal, tax_total, discount_total, shipping_total;
  std::optional<Amount> item_total, item_subtotal, original_total;
  std::optional<std::vector<OrderLineItem>> items;
  std::optional<std::vector<ShippingMethod>> shipping_methods;
  std::optional<std::vector<Fulfillment>> fulfillments;
  std::optional<std::vector<PaymentCollection>> payment_collections;
  std::optional<Address> shipping_address, billing_address;
  std::optional<json> summary, metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("status", s.status);
    f("email", s.email);
    f("currency_code", s.currency_code);
    f("region_id", s.region_id);
    f("customer_id", s.customer_id);
    f("sales_channel_id", s.sales_channel_id);
    f("payment_status", s.payment_status);
    f("fulfillment_status", s.fulfillment_status);
    f("created_at", s.created_at);
    f("updated_at", s.updated_at);
    f("display_id", s.display_id);
    f("version", s.version);
    f("total", s.total);
    f("subtotal", s.subtotal);
    f("tax_total", s.tax_total);
    f("discount_total", s.discount_total);
    f("shipping_total", s.shipping_total);
    f("item_total", s.item_total);
    f("item_subtotal", s.item_subtotal);
    f("original_total", s.original_total);
    f("items", s.items);
    f("shipping_methods", s.shipping_methods);
    f("fulfillments", s.fulfillments);
    f("payment_collections", s.payment_collections);
    f("shipping_address", s.shipping_address);
    f("billing_address", s.billing_address);
    f("summary", s.summary);
    f("metadata", s.metadata);
  }
};

}  // namespace medusa
