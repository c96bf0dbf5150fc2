// The mock Medusa backend's state and rules, without HTTP: an in-memory Medusa v2 that
// behaves as the real 2.21.2 server does in the traces (merge rules, shallow metadata
// merge, quantity rounding, payment sessions dropped on cart changes, idempotent
// complete, error messages), and validates personalizations with the SDK's validator.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "medusa/json_input.hpp"
#include "medusa/personalization/schema.hpp"

namespace medusa::mock {

/// A Medusa-shaped failure: HTTP status and body {type, message} (+ extra members).
struct MockError {
  int status;
  std::string type;
  std::string message;
  json extra = json::object();
};

/// Called for every emitted event: name and data, e.g. ("order.placed", {"id": ...}).
using EventSink = std::function<void(const std::string& name, const json& data)>;

struct StoredUpload {
  std::string mime;
  std::string bytes;
};

class Backend {
 public:
  explicit Backend(EventSink events);

  // --- Store -------------------------------------------------------------------------
  json list_regions() const;
  json retrieve_region(const std::string& id) const;
  /// Products with product metadata only when `with_metadata`.
  json list_products(const std::map<std::string, std::string>& filters, bool with_metadata) const;
  json retrieve_product(const std::string& id, bool with_metadata) const;

  json create_cart(const json& body);
  json retrieve_cart(const std::string& id) const;
  json update_cart(const std::string& id, const json& body);
  json add_line_item(const std::string& cart_id, const json& body);
  json update_line_item(const std::string& cart_id, const std::string& line_id, const json& body);
  json delete_line_item(const std::string& cart_id, const std::string& line_id);
  json list_shipping_options(const std::string& cart_id) const;
  json add_shipping_method(const std::string& cart_id, const json& body);
  json list_payment_providers(const std::string& region_id) const;
  json create_payment_collection(const json& body);
  json create_payment_session(const std::string& collection_id, const json& body);
  json complete_cart(const std::string& cart_id);
  json retrieve_order(const std::string& id) const;

  /// Keeps an image in memory. Refused (MockError 507) when the uploads held would
  /// exceed `max_total_bytes`: the mock's memory stays bounded however long it runs.
  json store_upload(const std::string& filename, const std::string& bytes,
                    const std::string& public_base_url, std::size_t max_total_bytes);
  /// Bytes of uploads held.
  std::size_t upload_bytes() const;
  const StoredUpload* upload(const std::string& id) const;

  // --- Admin -------------------------------------------------------------------------
  json list_orders(std::size_t limit, std::size_t offset) const;
  json create_fulfillment(const std::string& order_id, const json& body);
  json create_shipment(const std::string& order_id, const std::string& fulfillment_id,
                       const json& body);
  json create_product(const json& body);
  json update_product(const std::string& id, const json& body);
  json list_admin_products() const;

  /// The print rules (`x-image`) of image field `field` of the variant's schema, checked
  /// against an upload's bytes, with the plugin's answers: MockError 404 for an unknown
  /// variant, 400 for no schema, no such image field, or an image that misses the rules
  /// (with every issue).
  void check_upload_rules(const std::string& variant_id, const std::string& field,
                          const std::string& bytes) const;

  /// The variant's personalization schema check: throws MockError 400 invalid_data with
  /// the issue list when `metadata` does not satisfy it.
  void check_personalization(const std::string& variant_id, const json& metadata) const;

 private:
  json& cart_ref(const std::string& id);
  const json& cart_ref(const std::string& id) const;
  json& order_ref(const std::string& id);
  const json* find_variant(const std::string& variant_id, const json** product = nullptr) const;
  /// The image fields of `metadata` whose reference is not an upload of this server, or
  /// misstates its type, pixels or bytes (issues "upload_unknown", "upload_mismatch").
  schema::Report image_reference_issues(const personalization::Schema& schema,
                                        const json& metadata) const;
  json new_line_item(const json& cart, const json& variant, const json& product,
                     std::int64_t quantity, const json& metadata) const;
  void recompute_totals(json& cart) const;
  void cart_changed(json& cart);
  json cart_view(const json& cart) const;
  json order_view(const json& order) const;
  void emit(const std::string& name, const json& data) const;

  mutable std::recursive_mutex mutex_;
  EventSink events_;
  json region_;
  json shipping_option_;
  std::vector<json> products_;
  std::map<std::string, json> carts_;
  std::map<std::string, json> orders_;
  std::vector<std::string> order_sequence_;             ///< order ids, oldest first
  std::map<std::string, std::string> collection_cart_;  ///< payment collection -> cart
  std::map<std::string, std::string> cart_order_;       ///< completed cart -> its order
  std::map<std::string, StoredUpload> uploads_;
  std::size_t upload_bytes_ = 0;
  std::int64_t next_display_id_ = 1;
};

/// A new id: prefix + "_" + 26 random Crockford base32 characters (unguessable).
std::string new_id(const std::string& prefix);
/// Now as ISO 8601 with milliseconds, UTC ("2026-11-25T19:13:34.439Z").
std::string now_iso();
/// Medusa's quantity rounding (the integer column): 1.4 -> 1, 1.5 -> 2, 2.5 -> 3.
std::int64_t round_quantity(double q);

}  // namespace medusa::mock
