// Request bodies, named like Medusa's HttpTypes (StoreCreateCart, ...). Store bodies are
// strict on the real server (unknown fields are a 400), so only set what you mean;
// `extra` is sent as is, for fields a newer server accepts.
#pragma once

#include "medusa/models.hpp"

namespace medusa::api {

/// The body of a request of type T, as JSON: written from a model (pass the model, it
/// converts; `{}` is an empty one), or JSON checked against T and sent as it is
/// (from_json). The JavaScript layer's bodies take the second way, so the module holds
/// no code to build or write the body models.
template <class T>
class Body {
 public:
  Body() = default;
  Body(const T& model) : json_(medusa::to_json(model)) {}  // implicit: pass the model

  /// `j` once checked_json<T> accepts it: the same error as medusa::from_json<T>(j), and
  /// the same text sent as the model read from `j` would write.
  static Result<Body> from_json(json j) {
    auto checked = checked_json<T>(std::move(j));
    if (!checked) return checked.error();
    Body body;
    body.json_ = std::move(checked).value();
    return body;
  }

  const json& value() const { return json_; }

 private:
  json json_ = json::object();
};

/// StoreAddCartLineItem. Quantities are integers: the real server silently rounds
/// fractional ones (1.5 -> 2).
struct AddLineItem : Model {
  std::optional<std::string> variant_id;
  std::optional<std::int64_t> quantity;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("variant_id", s.variant_id);
    f("quantity", s.quantity);
    f("metadata", s.metadata);
  }
};

/// StoreUpdateCartLineItem. `quantity` is required by the server; 0 removes the line.
struct UpdateLineItem : Model {
  std::optional<std::int64_t> quantity;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("quantity", s.quantity);
    f("metadata", s.metadata);
  }
};

/// StoreCreateCart. Items given here are NOT merged with each other by the server.
struct CreateCart : Model {
  std::optional<std::string> region_id, email, currency_code, sales_channel_id;
  std::optional<Address> shipping_address, billing_address;
  std::optional<std::vector<AddLineItem>> items;
  std::optional<std::vector<std::string>> promo_codes;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("region_id", s.region_id);
    f("email", s.email);
    f("currency_code", s.currency_code);
    f("sales_channel_id", s.sales_channel_id);
    f("shipping_address", s.shipping_address);
    f("billing_address", s.billing_address);
    f("items", s.items);
    f("promo_codes", s.promo_codes);
    f("metadata", s.metadata);
  }
};

/// StoreUpdateCart.
struct UpdateCart : Model {
  std::optional<std::string> region_id, email, sales_channel_id;
  std::optional<Address> shipping_address, billing_address;
  std::optional<std::vector<std::string>> promo_codes;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("region_id", s.region_id);
    f("email", s.email);
    f("sales_channel_id", s.sales_channel_id);
    f("shipping_address", s.shipping_address);
    f("billing_address", s.billing_address);
    f("promo_codes", s.promo_codes);
    f("metadata", s.metadata);
  }
};

/// StoreAddCartShippingMethods.
struct AddShippingMethod : Model {
  std::optional<std::string> option_id;
  std::optional<json> data;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("option_id", s.option_id);
    f("data", s.data);
  }
};

/// StoreInitializePaymentSession.
struct InitiatePaymentSession : Model {
  std::optional<std::string> provider_id;
  std::optional<json> data;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("provider_id", s.provider_id);
    f("data", s.data);
  }
};

/// One order item and how many of it (fulfillments, shipments).
struct OrderItemQuantity : Model {
  std::optional<std::string> id;  ///< the order item id (`ordli_...`)
  std::optional<std::int64_t> quantity;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("quantity", s.quantity);
  }
};

/// AdminCreateOrderFulfillment.
struct CreateFulfillment : Model {
  std::optional<std::vector<OrderItemQuantity>> items;
  std::optional<std::string> location_id;
  std::optional<bool> no_notification;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("items", s.items);
    f("location_id", s.location_id);
    f("no_notification", s.no_notification);
    f("metadata", s.metadata);
  }
};

/// AdminCreateOrderShipment.
struct CreateShipment : Model {
  std::optional<std::vector<OrderItemQuantity>> items;
  std::optional<std::vector<FulfillmentLabel>> labels;
  std::optional<bool> no_notification;
  std::optional<json> metadata;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("items", s.items);
    f("labels", s.labels);
    f("no_notification", s.no_notification);
    f("metadata", s.metadata);
  }
};

/// The body of createPersonalizedLineItem: the customer's form values instead of
/// metadata; the SDK validates them and builds the metadata.
struct PersonalizedLineItem {
  std::string variant_id;
  std::int64_t quantity = 1;
  json personalization = json::object();
};

}  // namespace medusa::api
