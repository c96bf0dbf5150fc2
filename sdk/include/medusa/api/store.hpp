// The Store API, with the Medusa JS SDK's resource names, method names and argument
// order: `store.cart.createLineItem(cartId, body, query, headers)`.
//
// Every method builds a Call (request + response parser) and hands it to `Exec`:
//   - api::BuildOnly returns the Call itself (sans-I/O: the JavaScript layer and tests),
//   - the native Client sends it and returns the parsed result.
// So each call is written once and behaves the same in every transport.
#pragma once

#include <string>

#include "medusa/api/bodies.hpp"
#include "medusa/api/call.hpp"
#include "medusa/api/responses.hpp"
#include "medusa/image/image_info.hpp"
#include "medusa/personalization/schema.hpp"

namespace medusa::api {

/// The identity executor: methods return `Result<Call<T>>`.
struct BuildOnly : Executor<BuildOnly> {
  static constexpr bool sends = false;
  template <class T>
  Result<Call<T>> operator()(Result<Call<T>> call) const {
    return call;
  }
};

/// The request only, without a response parser: methods return
/// `Result<PlannedRequest>`. Response models are not instantiated at all, which keeps
/// the WebAssembly module small (its responses are checked by scan_json instead).
struct PlanOnly {
  static constexpr bool sends = false;
  template <class T>
  Result<PlannedRequest> call(const Config& config, std::string method, const std::string& path,
                              const http::Query& query, const http::Headers& headers,
                              const std::optional<json>& body, bool idempotent) const {
    auto request = build_request(config, std::move(method), path, query, headers, body);
    if (!request) return request.error();
    return PlannedRequest{std::move(request).value(), idempotent};
  }
  template <class T>
  Result<PlannedRequest> fail(Error error) const {
    return error;
  }
};

/// `query` with product and variant metadata added to its fields (the real server omits
/// product metadata unless asked). A `fields` value that lists fields explicitly (not
/// only +/-/* modifiers) replaces the defaults and is kept as given.
http::Query with_metadata_fields(http::Query query);

/// Builds the body of createPersonalizedLineItem: validates the personalization against
/// the schema and builds the stamped metadata. Errors: those of
/// personalization::build_line_item_metadata.
Result<json> personalized_line_item_body(const personalization::Schema& schema,
                                         const PersonalizedLineItem& item);

/// Builds the body of updatePersonalizedLineItem (full replace of the metadata).
Result<json> personalized_update_body(const personalization::Schema& schema,
                                      const LineItem& current, std::int64_t quantity,
                                      const json& personalization);

template <class Exec>
struct StoreResource {
  const Config* config;
  Exec exec;
};

template <class Exec>
struct StoreRegion : StoreResource<Exec> {
  /// GET /store/regions -> { regions, count, offset, limit }
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<RegionListResponse>(*this->config, "GET", "/store/regions", query,
                                                    headers, {}, true);
  }
  /// GET /store/regions/:id -> { region }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<RegionResponse>(
        *this->config, "GET", "/store/regions/" + path_segment(id), query, headers, {}, true);
  }
};

template <class Exec>
struct StoreProduct : StoreResource<Exec> {
  /// GET /store/products -> { products, count, offset, limit }; asks for metadata.
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<ProductListResponse>(
        *this->config, "GET", "/store/products", with_metadata_fields(query), headers, {}, true);
  }
  /// GET /store/products/:id -> { product }; asks for metadata.
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<ProductResponse>(*this->config, "GET",
                                                 "/store/products/" + path_segment(id),
                                                 with_metadata_fields(query), headers, {}, true);
  }
};

template <class Exec>
struct StoreCart : StoreResource<Exec> {
  /// POST /store/carts -> { cart }
  auto create(const Body<CreateCart>& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(*this->config, "POST", "/store/carts", query, headers,
                                              body.value(), false);
  }
  /// GET /store/carts/:id -> { cart }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(
        *this->config, "GET", "/store/carts/" + path_segment(id), query, headers, {}, true);
  }
  /// POST /store/carts/:id -> { cart }
  auto update(const std::string& id, const Body<UpdateCart>& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(*this->config, "POST",
                                              "/store/carts/" + path_segment(id), query, headers,
                                              body.value(), false);
  }
  /// POST /store/carts/:id/line-items -> { cart }. Same variant + deep-equal metadata
  /// merges into the existing line on the server.
  auto createLineItem(const std::string& cartId, const Body<AddLineItem>& body,
                      const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(*this->config, "POST", line_items(cartId), query,
                                              headers, body.value(), false);
  }
  /// POST /store/carts/:id/line-items/:line_id -> { cart }. The server merges metadata
  /// shallowly; use updatePersonalizedLineItem for an exact replace.
  auto updateLineItem(const std::string& cartId, const std::string& lineItemId,
                      const Body<UpdateLineItem>& body, const http::Query& query = {},
                      const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(*this->config, "POST",
                                              line_items(cartId) + "/" + path_segment(lineItemId),
                                              query, headers, body.value(), false);
  }
  /// DELETE /store/carts/:id/line-items/:line_id -> { id, object, deleted, parent }
  auto deleteLineItem(const std::string& cartId, const std::string& lineItemId,
                      const http::Headers& headers = {}) const {
    return this->exec.template call<LineItemDeleteResponse>(
        *this->config, "DELETE", line_items(cartId) + "/" + path_segment(lineItemId), {}, headers,
        {}, true);
  }
  /// POST /store/carts/:id/shipping-methods -> { cart }
  auto addShippingMethod(const std::string& cartId, const Body<AddShippingMethod>& body,
                         const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(
        *this->config, "POST", "/store/carts/" + path_segment(cartId) + "/shipping-methods", query,
        headers, body.value(), false);
  }
  /// POST /store/carts/:id/complete -> {type:"order", order} | {type:"cart", cart, error}.
  /// Idempotent on the real server (completing twice returns the same order).
  auto complete(const std::string& cartId, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<CompleteCartResponse>(
        *this->config, "POST", "/store/carts/" + path_segment(cartId) + "/complete", query, headers,
        {}, true);
  }
  /// POST /store/carts/:id/customer -> { cart }: the cart becomes the logged-in
  /// customer's (after login, for a cart created as a guest).
  auto transferCart(const std::string& id, const http::Query& query = {},
                    const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(
        *this->config, "POST", "/store/carts/" + path_segment(id) + "/customer", query, headers,
        {}, false);
  }
  /// POST /store/carts/:id/promotions {promo_codes: [...]} -> { cart }
  auto addPromotions(const std::string& cartId, const json& body, const http::Query& query = {},
                     const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(
        *this->config, "POST", "/store/carts/" + path_segment(cartId) + "/promotions", query,
        headers, body, false);
  }
  /// DELETE /store/carts/:id/promotions {promo_codes: [...]} -> { cart }. Removing a code
  /// twice leaves the same cart: safe to repeat.
  auto removePromotions(const std::string& cartId, const json& body,
                        const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CartResponse>(
        *this->config, "DELETE", "/store/carts/" + path_segment(cartId) + "/promotions", query,
        headers, body, true);
  }
  /// Validates `item.personalization` against `schema` and adds the line with the built
  /// metadata. An invalid personalization is an Error{validation} and no request.
  auto createPersonalizedLineItem(const std::string& cartId, const personalization::Schema& schema,
                                  const PersonalizedLineItem& item, const http::Query& query = {},
                                  const http::Headers& headers = {}) const {
    auto body = personalized_line_item_body(schema, item);
    if (!body) return this->exec.template fail<CartResponse>(body.error());
    return this->exec.template call<CartResponse>(*this->config, "POST", line_items(cartId), query,
                                              headers, *body, false);
  }
  /// Changes a line's personalization (and quantity) so that its metadata ends exactly
  /// as built from `personalization`, despite the server's shallow merge.
  auto updatePersonalizedLineItem(const std::string& cartId, const LineItem& current,
                                  const personalization::Schema& schema, std::int64_t quantity,
                                  const json& personalization, const http::Query& query = {},
                                  const http::Headers& headers = {}) const {
    auto body = personalized_update_body(schema, current, quantity, personalization);
    if (!body) return this->exec.template fail<CartResponse>(body.error());
    return this->exec.template call<CartResponse>(
        *this->config, "POST", line_items(cartId) + "/" + path_segment(current.id.value_or("")),
        query, headers, *body, false);
  }

 private:
  static std::string line_items(const std::string& cartId) {
    return "/store/carts/" + path_segment(cartId) + "/line-items";
  }
};

template <class Exec>
struct StoreFulfillment : StoreResource<Exec> {
  /// GET /store/shipping-options?cart_id=... -> { shipping_options }
  auto listCartOptions(const http::Query& query, const http::Headers& headers = {}) const {
    return this->exec.template call<ShippingOptionListResponse>(
        *this->config, "GET", "/store/shipping-options", query, headers, {}, true);
  }
  /// POST /store/shipping-options/:id/calculate {cart_id, data?} -> { shipping_option }
  /// with its `amount` for the cart (options priced by their provider). No side effect:
  /// safe to repeat.
  auto calculate(const std::string& id, const json& body, const http::Query& query = {},
                 const http::Headers& headers = {}) const {
    return this->exec.template call<ShippingOptionResponse>(
        *this->config, "POST", "/store/shipping-options/" + path_segment(id) + "/calculate",
        query, headers, body, true);
  }
};

template <class Exec>
struct StorePayment : StoreResource<Exec> {
  /// GET /store/payment-providers?region_id=... -> { payment_providers, ... }
  auto listPaymentProviders(const http::Query& query, const http::Headers& headers = {}) const {
    return this->exec.template call<PaymentProviderListResponse>(
        *this->config, "GET", "/store/payment-providers", query, headers, {}, true);
  }
  /// POST /store/payment-collections {cart_id} -> { payment_collection }. Returns the
  /// cart's existing collection when it has one (safe to repeat).
  auto createPaymentCollection(const std::string& cartId, const http::Query& query = {},
                               const http::Headers& headers = {}) const {
    return this->exec.template call<PaymentCollectionResponse>(
        *this->config, "POST", "/store/payment-collections", query, headers,
        json{{"cart_id", cartId}}, true);
  }
  /// POST /store/payment-collections/:id/payment-sessions -> { payment_collection }.
  auto createPaymentSession(const std::string& paymentCollectionId,
                            const Body<InitiatePaymentSession>& body, const http::Query& query = {},
                            const http::Headers& headers = {}) const {
    return this->exec.template call<PaymentCollectionResponse>(
        *this->config, "POST",
        "/store/payment-collections/" + path_segment(paymentCollectionId) + "/payment-sessions",
        query, headers, body.value(), false);
  }
  /// The JS SDK's initiatePaymentSession(cart, body): creates the cart's payment
  /// collection if it has none, then the session. Two requests, so only executors
  /// that send (the native Client) offer it; the JS layer chains the two calls itself.
  /// Any cart change deletes the session on the real server: call this right before
  /// completing.
  template <class E = Exec, std::enable_if_t<E::sends, int> = 0>
  auto initiatePaymentSession(const Cart& cart, const Body<InitiatePaymentSession>& body,
                              const http::Query& query = {},
                              const http::Headers& headers = {}) const {
    std::string collection_id;
    if (cart.payment_collection && cart.payment_collection->id) {
      collection_id = *cart.payment_collection->id;
    } else {
      auto created = createPaymentCollection(cart.id.value_or(""), {}, headers);
      if (!created)
        return decltype(createPaymentSession("", body, query, headers))(created.error());
      if (!created->payment_collection || !created->payment_collection->id) {
        return decltype(createPaymentSession("", body, query, headers))(Error(
            ErrorKind::invalid_response, "response.shape", "payment collection without an id"));
      }
      collection_id = *created->payment_collection->id;
    }
    return createPaymentSession(collection_id, body, query, headers);
  }
};

template <class Exec>
struct StoreOrder : StoreResource<Exec> {
  /// GET /store/orders/:id -> { order } (the publishable key is enough)
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<OrderResponse>(
        *this->config, "GET", "/store/orders/" + path_segment(id), query, headers, {}, true);
  }
  /// GET /store/orders -> { orders, ... } (needs a logged-in customer)
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<OrderListResponse>(*this->config, "GET", "/store/orders", query,
                                                   headers, {}, true);
  }
};

template <class Exec>
struct StoreCollection : StoreResource<Exec> {
  /// GET /store/collections -> { collections, count, offset, limit }
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CollectionListResponse>(*this->config, "GET",
                                                            "/store/collections", query, headers,
                                                            {}, true);
  }
  /// GET /store/collections/:id -> { collection }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<CollectionResponse>(
        *this->config, "GET", "/store/collections/" + path_segment(id), query, headers, {}, true);
  }
};

template <class Exec>
struct StoreCategory : StoreResource<Exec> {
  /// GET /store/product-categories -> { product_categories, count, offset, limit }
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CategoryListResponse>(
        *this->config, "GET", "/store/product-categories", query, headers, {}, true);
  }
  /// GET /store/product-categories/:id -> { product_category }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<CategoryResponse>(
        *this->config, "GET", "/store/product-categories/" + path_segment(id), query, headers,
        {}, true);
  }
};

/// The logged-in customer (`/store/customers/me`): a customer JWT, or a session cookie.
template <class Exec>
struct StoreCustomer : StoreResource<Exec> {
  /// POST /store/customers {email, first_name?, ...} -> { customer }. Needs the token of
  /// `auth.register("customer", "emailpass", ...)`.
  auto create(const json& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerResponse>(*this->config, "POST", "/store/customers",
                                                      query, headers, body, false);
  }
  /// POST /store/customers/me -> { customer }
  auto update(const json& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerResponse>(*this->config, "POST", "/store/customers/me",
                                                      query, headers, body, false);
  }
  /// GET /store/customers/me -> { customer }
  auto retrieve(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerResponse>(*this->config, "GET", "/store/customers/me",
                                                      query, headers, {}, true);
  }
  /// POST /store/customers/me/addresses -> { customer }
  auto createAddress(const json& body, const http::Query& query = {},
                     const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerResponse>(
        *this->config, "POST", "/store/customers/me/addresses", query, headers, body, false);
  }
  /// POST /store/customers/me/addresses/:id -> { customer }
  auto updateAddress(const std::string& addressId, const json& body,
                     const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerResponse>(
        *this->config, "POST", "/store/customers/me/addresses/" + path_segment(addressId), query,
        headers, body, false);
  }
  /// GET /store/customers/me/addresses -> { addresses, count, offset, limit }
  auto listAddress(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerAddressListResponse>(
        *this->config, "GET", "/store/customers/me/addresses", query, headers, {}, true);
  }
  /// GET /store/customers/me/addresses/:id -> { address }
  auto retrieveAddress(const std::string& addressId, const http::Query& query = {},
                       const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerAddressResponse>(
        *this->config, "GET", "/store/customers/me/addresses/" + path_segment(addressId), query,
        headers, {}, true);
  }
  /// DELETE /store/customers/me/addresses/:id -> { id, object, deleted, parent }
  auto deleteAddress(const std::string& addressId, const http::Headers& headers = {}) const {
    return this->exec.template call<CustomerAddressDeleteResponse>(
        *this->config, "DELETE", "/store/customers/me/addresses/" + path_segment(addressId), {},
        headers, {}, true);
  }
};

}  // namespace medusa::api

namespace medusa::api {

/// Limits of the customer upload route (a custom route: core Medusa has no store upload).
inline constexpr const char* kUploadPath = "/store/personalization/uploads";
inline constexpr std::size_t kDefaultMaxUploadBytes = 10u * 1024u * 1024u;

/// Builds the multipart upload of one customer image. The type is read from the bytes
/// (PNG or JPEG only) and sent with a sanitized file name; images over `max_bytes` are
/// refused before sending (Error{request_too_large, "upload.too_large"}).
/// The checked parts of an upload, for transports that write the multipart body
/// themselves (a browser's FormData): the request without body or content-type, the
/// sanitized file name, and the image header read from the bytes.
struct UploadPlan {
  http::Request request;
  std::string filename;
  image::ImageInfo image;
  std::size_t bytes = 0;
};

/// The checks of build_upload_call (size limit, PNG/JPEG by content) without the body.
Result<UploadPlan> plan_upload(const Config& config, const std::string& filename,
                               std::string_view bytes, const http::Headers& headers,
                               std::size_t max_bytes = kDefaultMaxUploadBytes);

Result<Call<UploadResponse>> build_upload_call(const Config& config, const std::string& filename,
                                               std::string_view bytes, const http::Headers& headers,
                                               std::size_t max_bytes = kDefaultMaxUploadBytes);

template <class Exec>
struct StorePersonalization : StoreResource<Exec> {
  /// POST /store/personalization/uploads (multipart, field "file") -> { file:
  /// {url, mime, width, height, bytes} }: the reference to put in line-item metadata.
  auto uploadImage(const std::string& filename, std::string_view bytes,
                   const http::Headers& headers = {},
                   std::size_t max_bytes = kDefaultMaxUploadBytes) const {
    return this->exec(build_upload_call(*this->config, filename, bytes, headers, max_bytes));
  }
};

template <class Exec>
struct Store {
  StoreRegion<Exec> region;
  StoreCollection<Exec> collection;
  StoreCategory<Exec> category;
  StoreProduct<Exec> product;
  StoreCart<Exec> cart;
  StoreFulfillment<Exec> fulfillment;
  StorePayment<Exec> payment;
  StoreOrder<Exec> order;
  StoreCustomer<Exec> customer;
  StorePersonalization<Exec> personalization;

  Store(const Config* config, Exec exec)
      : region{{config, exec}},
        collection{{config, exec}},
        category{{config, exec}},
        product{{config, exec}},
        cart{{config, exec}},
        fulfillment{{config, exec}},
        payment{{config, exec}},
        order{{config, exec}},
        customer{{config, exec}},
        personalization{{config, exec}} {}
};

}  // namespace medusa::api
