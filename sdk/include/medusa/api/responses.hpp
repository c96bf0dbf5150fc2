// Response envelopes, named like Medusa's HttpTypes (StoreCartResponse, ...). Every
// response is JSON wrapped in one top-level key; list responses add count/offset/limit.
#pragma once

#include "medusa/models.hpp"

namespace medusa::api {

/// count/offset/limit of list responses.
struct Paginated : Model {
  std::optional<std::int64_t> count, offset, limit;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("count", s.count);
    f("offset", s.offset);
    f("limit", s.limit);
  }
};

#define MEDUSA_ENVELOPE(Name, Type, key) \
  struct Name : Model {                  \
    std::optional<Type> key;             \
    template <class Self, class F>       \
    static void visit(Self& s, F&& f) {  \
      f(#key, s.key);                    \
    }                                    \
  }

#define MEDUSA_LIST_ENVELOPE(Name, Type, key) \
  struct Name : Paginated {                   \
    std::optional<std::vector<Type>> key;     \
    template <class Self, class F>            \
    static void visit(Self& s, F&& f) {       \
      Paginated::visit(s, f);                 \
      f(#key, s.key);                         \
    }                                         \
  }

MEDUSA_ENVELOPE(RegionResponse, Region, region);
MEDUSA_LIST_ENVELOPE(RegionListResponse, Region, regions);
MEDUSA_ENVELOPE(ProductResponse, Product, product);
MEDUSA_LIST_ENVELOPE(ProductListResponse, Product, products);
MEDUSA_ENVELOPE(CartResponse, Cart, cart);
MEDUSA_LIST_ENVELOPE(ShippingOptionListResponse, ShippingOption, shipping_options);
MEDUSA_LIST_ENVELOPE(PaymentProviderListResponse, PaymentProvider, payment_providers);
MEDUSA_ENVELOPE(PaymentCollectionResponse, PaymentCollection, payment_collection);
MEDUSA_ENVELOPE(OrderResponse, Order, order);
MEDUSA_LIST_ENVELOPE(OrderListResponse, Order, orders);
MEDUSA_ENVELOPE(CustomerResponse, Customer, customer);
MEDUSA_ENVELOPE(CustomerAddressResponse, CustomerAddress, address);
MEDUSA_LIST_ENVELOPE(CustomerAddressListResponse, CustomerAddress, addresses);
MEDUSA_ENVELOPE(CollectionResponse, ProductCollection, collection);
MEDUSA_LIST_ENVELOPE(CollectionListResponse, ProductCollection, collections);
MEDUSA_ENVELOPE(CategoryResponse, ProductCategory, product_category);
MEDUSA_LIST_ENVELOPE(CategoryListResponse, ProductCategory, product_categories);
MEDUSA_ENVELOPE(ShippingOptionResponse, ShippingOption, shipping_option);

#undef MEDUSA_ENVELOPE
#undef MEDUSA_LIST_ENVELOPE

/// A deletion's answer: `{id, object, deleted, parent}`.
template <class Parent>
struct DeleteResponse : Model {
  std::optional<std::string> id, object;
  std::optional<bool> deleted;
  std::optional<Parent> parent;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("object", s.object);
    f("deleted", s.deleted);
    f("parent", s.parent);
  }
};

/// DELETE /store/carts/:id/line-items/:line_id. The real server answers 200
/// `deleted:true` even for an unknown line id.
using LineItemDeleteResponse = DeleteResponse<Cart>;

/// DELETE /store/customers/me/addresses/:id; Medusa 2.21 answers with the customer's id
/// as `id` and the customer as `parent`.
using CustomerAddressDeleteResponse = DeleteResponse<Customer>;

/// POST /store/carts/:id/complete: `{type:"order", order}` or `{type:"cart", cart,
/// error:{message,name,type}}` (the cart could not be completed; HTTP status is 200).
struct CompleteCartResponse : Model {
  std::optional<std::string> type;
  std::optional<Order> order;
  std::optional<Cart> cart;
  std::optional<json> error;

  bool is_order() const { return type && *type == "order" && order.has_value(); }

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("type", s.type);
    f("order", s.order);
    f("cart", s.cart);
    f("error", s.error);
  }
};

/// POST /auth/{actor}/{method}: a JWT, or a redirect location for third-party providers.
struct AuthResponse : Model {
  std::optional<std::string> token, location;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("token", s.token);
    f("location", s.location);
  }
};

/// An uploaded customer image, as the personalization upload route returns it and as it
/// goes into line-item metadata: {url, mime, width, height, bytes}.
struct UploadedImage : Model {
  std::optional<std::string> id, url, mime, filename;
  std::optional<std::int64_t> width, height, bytes;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("url", s.url);
    f("mime", s.mime);
    f("filename", s.filename);
    f("width", s.width);
    f("height", s.height);
    f("bytes", s.bytes);
  }
};

/// POST /admin/uploads: the stored files, `{files: [{id, url}]}`.
struct AdminFile : Model {
  std::optional<std::string> id, url;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("id", s.id);
    f("url", s.url);
  }
};

struct AdminUploadResponse : Model {
  std::optional<std::vector<AdminFile>> files;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("files", s.files);
  }
};

/// POST /store/personalization/uploads (a custom route; core Medusa has none).
struct UploadResponse : Model {
  std::optional<UploadedImage> file;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("file", s.file);
  }
};

}  // namespace medusa::api
