#include "backend.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <random>

#include "catalogue.hpp"
#include "medusa/image/image_info.hpp"
#include "medusa/models/cart.hpp"
#include "medusa/personalization/line_item_match.hpp"
#include "medusa/personalization/line_item_update.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/schema.hpp"
#include "validation.hpp"

namespace medusa::mock {

std::string new_id(const std::string& prefix) {
  static const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
  // Straight from the operating system's generator (/dev/urandom): ids are capabilities
  // (a cart id is all a guest needs), so they must not be predictable from earlier ones,
  // as a seeded PRNG's would be.
  static thread_local std::random_device entropy;
  std::string id = prefix + "_01";
  for (int i = 0; i < 24; ++i) id += alphabet[entropy() % 32];
  return id;
}

std::string now_iso() {
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

std::int64_t round_quantity(double q) {
  return static_cast<std::int64_t>(std::floor(q + 0.5));
}

namespace {

MockError not_found(const std::string& message) {
  return MockError{404, "not_found", message};
}
MockError invalid(const std::string& message) {
  return MockError{400, "invalid_data", message};
}

double amount(const json& v) {
  return v.is_number() ? v.get<double>() : 0.0;
}

// Whole numbers as JSON integers, as Medusa prints them (25, not 25.0).
json money(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return std::round(v * 1e6) / 1e6;
}

}  // namespace

Backend::Backend(EventSink events)
    : events_(std::move(events)),
      region_(seed_region()),
      shipping_option_(seed_shipping_option()),
      products_(seed_products()) {}

void Backend::emit(const std::string& name, const json& data) const {
  if (events_) events_(name, data);
}

// --- catalogue ----------------------------------------------------------------------

json Backend::list_regions() const {
  return json{{"regions", {region_}}, {"count", 1}, {"offset", 0}, {"limit", 50}};
}

json Backend::retrieve_region(const std::string& id) const {
  if (id != region_["id"]) throw not_found("Region with id: " + id + " was not found");
  return json{{"region", region_}};
}

namespace {

json public_product(json p, bool with_metadata, const json& region) {
  if (!with_metadata) p.erase("metadata");
  for (auto& v : p["variants"]) {
    const double eur = amount(v["prices"][0]["amount"]);
    v["calculated_price"] = {{"id", "pset_" + v["id"].get<std::string>().substr(8)},
                             {"calculated_amount", money(eur)},
                             {"original_amount", money(eur)},
                             {"currency_code", region["currency_code"]},
                             {"is_calculated_price_tax_inclusive", false},
                             {"is_original_price_tax_inclusive", false}};
    v.erase("prices");
  }
  return p;
}

}  // namespace

json Backend::list_products(const std::map<std::string, std::string>& filters,
                            bool with_metadata) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json out = json::array();
  for (const auto& p : products_) {
    if (filters.count("handle") && p["handle"] != filters.at("handle")) continue;
    if (filters.count("id") && p["id"] != filters.at("id")) continue;
    out.push_back(public_product(p, with_metadata, region_));
  }
  const auto count = out.size();
  return json{{"products", out}, {"count", count}, {"offset", 0}, {"limit", 50}};
}

json Backend::retrieve_product(const std::string& id, bool with_metadata) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  for (const auto& p : products_) {
    if (p["id"] == id) return json{{"product", public_product(p, with_metadata, region_)}};
  }
  throw not_found("Product with id: " + id + " was not found");
}

const json* Backend::find_variant(const std::string& variant_id, const json** product) const {
  for (const auto& p : products_) {
    for (const auto& v : p["variants"]) {
      if (v["id"] == variant_id) {
        if (product) *product = &p;
        return &v;
      }
    }
  }
  return nullptr;
}

schema::Report Backend::image_reference_issues(const personalization::Schema& schema,
                                               const json& metadata) const {
  schema::Report report;
  for (const auto& field : schema.fields()) {
    if (field.widget != "image") continue;
    const auto value = metadata.find(field.name);
    if (value == metadata.end() || !value->is_object() || !value->contains("url") ||
        !(*value)["url"].is_string()) {
      continue;  // absent, or not a reference: the schema's own checks speak for it
    }
    const std::string url = (*value)["url"];
    const std::string path = "/" + field.name, schema_path = "#/properties/" + field.name;
    // The path of this server's upload URLs (whatever the host): /uploads/<name>.
    const auto at = url.find("/uploads/");
    const std::string name = at == std::string::npos ? "" : url.substr(at + 9);
    const auto stored = name.empty() || url.find('/', at + 9) != std::string::npos
                            ? uploads_.end()
                            : uploads_.find(name);
    if (stored == uploads_.end()) {
      report.issues.push_back({path, schema_path, "upload_unknown",
                               "is not an image uploaded to this shop", json{{"url", url}}});
      continue;
    }
    const auto info = image::read_image_header(stored->second.bytes);
    const json actual = {{"mime", stored->second.mime},
                         {"width", info ? info->width : 0},
                         {"height", info ? info->height : 0},
                         {"bytes", stored->second.bytes.size()}};
    for (const char* property : {"mime", "width", "height", "bytes"}) {
      const json claimed = value->contains(property) ? (*value)[property] : json(nullptr);
      if (claimed == actual[property]) continue;
      const std::string shown = actual[property].is_string() ? actual[property].get<std::string>()
                                                             : actual[property].dump();
      report.issues.push_back(
          {path, schema_path, "upload_mismatch",
           "does not match the uploaded image (its " + std::string(property) + " is " + shown + ")",
           json{{"property", property}, {"expected", actual[property]}, {"actual", claimed}}});
      break;
    }
  }
  return report;
}

void Backend::check_personalization(const std::string& variant_id, const json& metadata) const {
  const json* product = nullptr;
  const json* variant = find_variant(variant_id, &product);
  if (!variant) return;
  auto p = from_json<Product>(*product);
  auto v = from_json<ProductVariant>(*variant);
  if (!p || !v) return;
  auto schema = personalization::Schema::for_product(*p, &*v);
  if (!schema)
    throw MockError{500, "unknown_error",
                    "the product's personalization schema is broken: " + schema.error().message};
  if (!*schema) return;  // not a personalized product
  const json values = metadata.is_object() ? metadata : json::object();
  auto report = personalization::validate_line_item_metadata(**schema, values);
  // As the plugin: a valid personalization's image references must be uploads this
  // server stored, with their real type, pixels and bytes.
  if (report.valid()) report = image_reference_issues(**schema, values);
  if (report.valid()) return;
  const auto& first = report.issues.front();
  throw MockError{400, "invalid_data",
                  "Invalid personalization: " +
                      (first.instance_path.empty() ? std::string("value") : first.instance_path) +
                      ": " + first.message,
                  json{{"issues", report.to_json()["issues"]}}};
}

void Backend::check_upload_rules(const std::string& variant_id, const std::string& field,
                                 const std::string& bytes) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  const json* product = nullptr;
  const json* variant = find_variant(variant_id, &product);
  if (!variant)
    throw MockError{404, "not_found", "Variant with id: " + variant_id + " was not found"};
  auto p = from_json<Product>(*product);
  auto v = from_json<ProductVariant>(*variant);
  auto schema = p && v ? personalization::Schema::for_product(*p, &*v)
                       : Result<std::optional<personalization::Schema>>(std::nullopt);
  if (!schema || !*schema)
    throw invalid("Invalid request: variant " + variant_id + " has no personalization schema");
  const auto fields = (*schema)->fields();
  const bool is_image_field = std::any_of(fields.begin(), fields.end(), [&](const auto& f) {
    return f.name == field && f.widget == "image";
  });
  if (!is_image_field) {
    throw invalid("Invalid request: the personalization schema of variant " + variant_id +
                  " has no image field '" + field + "'");
  }
  auto info = image::read_image_header(bytes);
  if (!info) throw invalid("Invalid request: " + info.error().message);
  auto report = image::check_image(**schema, field, *info, bytes.size());
  if (!report) throw invalid("Invalid request: " + report.error().message);
  if (report->valid()) return;
  throw MockError{400, "invalid_data",
                  "the image does not meet the print rules of \"" + field +
                      "\": " + report->issues.front().message,
                  json{{"issues", report->to_json()["issues"]}}};
}

// --- carts ---------------------------------------------------------------------------

json& Backend::cart_ref(const std::string& id) {
  auto it = carts_.find(id);
  if (it == carts_.end()) throw not_found("Cart with id '" + id + "' not found");
  return it->second;
}

const json& Backend::cart_ref(const std::string& id) const {
  auto it = carts_.find(id);
  if (it == carts_.end()) throw not_found("Cart with id '" + id + "' not found");
  return it->second;
}

json Backend::new_line_item(const json& cart, const json& variant, const json& product,
                            std::int64_t quantity, const json& metadata) const {
  const std::string now = now_iso();
  return json{{"id", new_id("cali")},
              {"cart_id", cart["id"]},
              {"title", product["title"]},
              {"subtitle", variant["title"]},
              {"thumbnail", product["thumbnail"]},
              {"variant_id", variant["id"]},
              {"product_id", product["id"]},
              {"product_title", product["title"]},
              {"product_description", product["description"]},
              {"product_handle", product["handle"]},
              {"variant_sku", variant["sku"]},
              {"variant_title", variant["title"]},
              {"requires_shipping", true},
              {"is_discountable", true},
              {"is_tax_inclusive", false},
              {"is_giftcard", false},
              {"metadata", metadata.is_object() ? metadata : json::object()},
              {"quantity", quantity},
              {"unit_price", money(amount(variant["prices"][0]["amount"]))},
              {"compare_at_unit_price", nullptr},
              {"tax_lines", json::array()},
              {"adjustments", json::array()},
              {"created_at", now},
              {"updated_at", now}};
}

void Backend::recompute_totals(json& cart) const {
  double items = 0;
  for (auto& item : cart["items"]) {
    const double line = amount(item["unit_price"]) * item["quantity"].get<double>();
    item["subtotal"] = money(line);
    item["total"] = money(line);
    item["original_total"] = money(line);
    item["discount_total"] = 0;
    item["tax_total"] = 0;
    items += line;
  }
  double shipping = 0;
  for (const auto& m : cart["shipping_methods"]) shipping += amount(m["amount"]);
  cart["item_subtotal"] = money(items);
  cart["item_total"] = money(items);
  cart["item_tax_total"] = 0;
  cart["shipping_subtotal"] = money(shipping);
  cart["shipping_total"] = money(shipping);
  cart["shipping_tax_total"] = 0;
  cart["subtotal"] = money(items);
  cart["discount_total"] = 0;
  cart["tax_total"] = 0;
  cart["original_total"] = money(items + shipping);
  cart["total"] = money(items + shipping);
}

// Any change to a cart drops the sessions of its payment collection (as the real server
// does), and moves the collection's amount to the new total.
void Backend::cart_changed(json& cart) {
  recompute_totals(cart);
  cart["updated_at"] = now_iso();
  if (cart.contains("payment_collection") && cart["payment_collection"].is_object()) {
    cart["payment_collection"]["payment_sessions"] = json::array();
    cart["payment_collection"]["amount"] = cart["total"];
  }
  emit("cart.updated", {{"id", cart["id"]}});
}

json Backend::cart_view(const json& cart) const {
  json out = cart;
  out["region"] = region_;
  return json{{"cart", out}};
}

json Backend::create_cart(const json& body) {
  validate_body(
      body,
      {"region_id", "email", "currency_code", "sales_channel_id", "shipping_address",
       "billing_address", "items", "promo_codes", "metadata", "locale"},
      {},
      {{"items", "array"}, {"metadata", "record"}, {"email", "string"}, {"region_id", "string"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (body.contains("region_id") && body["region_id"] != region_["id"])
    throw not_found("No regions found");
  const std::string now = now_iso();
  json cart = {{"id", new_id("cart")},
               {"currency_code", region_["currency_code"]},
               {"email", body.value("email", json())},
               {"locale", nullptr},
               {"region_id", region_["id"]},
               {"customer_id", nullptr},
               {"sales_channel_id", "sc_mock"},
               {"created_at", now},
               {"updated_at", now},
               {"completed_at", nullptr},
               {"metadata", body.value("metadata", json())},
               {"items", json::array()},
               {"shipping_methods", json::array()},
               {"shipping_address", body.value("shipping_address", json())},
               {"billing_address", body.value("billing_address", json())},
               {"credit_lines", json::array()},
               {"promotions", json::array()}};
  // Items given at creation are added as they are: the real server does not merge them.
  for (const auto& item : body.value("items", json::array())) {
    validate_line_item_body(item, /*update=*/false);
    const json* product = nullptr;
    const json* variant = find_variant(item["variant_id"], &product);
    if (!variant) {
      throw invalid("Variants " + item["variant_id"].get<std::string>() +
                    " do not exist or belong to a product that is not published");
    }
    check_personalization(item["variant_id"], item.value("metadata", json::object()));
    cart["items"].push_back(new_line_item(cart, *variant, *product,
                                          round_quantity(item["quantity"].get<double>()),
                                          item.value("metadata", json::object())));
  }
  recompute_totals(cart);
  const std::string id = cart["id"];
  carts_[id] = cart;
  emit("cart.created", {{"id", id}});
  return cart_view(carts_[id]);
}

json Backend::retrieve_cart(const std::string& id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  return cart_view(cart_ref(id));
}

json Backend::update_cart(const std::string& id, const json& body) {
  validate_body(body,
                {"region_id", "email", "sales_channel_id", "shipping_address", "billing_address",
                 "promo_codes", "metadata", "locale"},
                {}, {{"metadata", "record"}, {"email", "string"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(id);
  if (!cart["completed_at"].is_null()) throw invalid("Cart " + id + " is already completed.");
  for (const char* key : {"email", "shipping_address", "billing_address", "metadata"}) {
    if (body.contains(key)) cart[key] = body[key];
  }
  if (cart["shipping_address"].is_object() && !cart["shipping_address"].contains("id")) {
    cart["shipping_address"]["id"] = new_id("caaddr");
  }
  if (cart["billing_address"].is_object() && !cart["billing_address"].contains("id")) {
    cart["billing_address"]["id"] = new_id("caaddr");
  }
  if (body.contains("email") && cart["customer_id"].is_null()) cart["customer_id"] = new_id("cus");
  cart_changed(cart);
  return cart_view(cart);
}

json Backend::add_line_item(const std::string& cart_id, const json& body) {
  validate_line_item_body(body, /*update=*/false);
  std::lock_guard<std::recursive_mutex> lock(mutex_);  // the real server's cart lock
  auto it = carts_.find(cart_id);
  if (it == carts_.end()) throw not_found("Cart id not found: " + cart_id);
  json& cart = it->second;
  if (!cart["completed_at"].is_null()) throw invalid("Cart " + cart_id + " is already completed.");
  const std::string variant_id = body["variant_id"];
  const json* product = nullptr;
  const json* variant = find_variant(variant_id, &product);
  if (!variant) {
    throw invalid("Variants " + variant_id +
                  " do not exist or belong to a product that is not published");
  }
  // Missing, null and {} metadata are the same to the server.
  const json metadata =
      body.contains("metadata") && body["metadata"].is_object() ? body["metadata"] : json::object();
  check_personalization(variant_id, metadata);
  const std::int64_t quantity = round_quantity(body["quantity"].get<double>());

  // The same merge rule the SDK exposes, read on the stored JSON (a cart may hold
  // thousands of lines).
  const auto match = personalization::find_matching_line_index(cart["items"], variant_id, metadata);
  std::int64_t in_cart = quantity;
  for (const auto& line : cart["items"]) {
    if (line["variant_id"] == variant_id) in_cart += line["quantity"].get<std::int64_t>();
  }
  // A variant without managed inventory (manage_inventory: false) is never out of stock.
  if ((*variant).value("manage_inventory", true) &&
      in_cart > (*variant)["inventory_quantity"].get<std::int64_t>()) {
    throw MockError{400, "not_allowed", "Some variant does not have the required inventory",
                    json{{"code", "insufficient_inventory"}}};
  }
  if (match) {
    json& line = cart["items"][*match];
    line["quantity"] = line["quantity"].get<std::int64_t>() + quantity;
    line["updated_at"] = now_iso();
  } else {
    cart["items"].push_back(new_line_item(cart, *variant, *product, quantity, metadata));
  }
  cart_changed(cart);
  return cart_view(cart);
}

json Backend::update_line_item(const std::string& cart_id, const std::string& line_id,
                               const json& body) {
  validate_line_item_body(body, /*update=*/true);
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(cart_id);
  if (!cart["completed_at"].is_null()) throw invalid("Cart " + cart_id + " is already completed.");
  auto& items = cart["items"];
  auto line =
      std::find_if(items.begin(), items.end(), [&](const json& l) { return l["id"] == line_id; });
  if (line == items.end()) throw not_found("Line item with id: " + line_id + " was not found");
  const std::int64_t quantity = round_quantity(body["quantity"].get<double>());
  if (quantity == 0) {
    items.erase(line);  // quantity 0 removes the line
  } else {
    if (body.contains("metadata")) {
      // The real server's shallow merge; an edit never merges two lines.
      const json merged =
          personalization::apply_metadata_update((*line)["metadata"], body["metadata"]);
      check_personalization((*line)["variant_id"], merged);
      (*line)["metadata"] = merged;
    }
    (*line)["quantity"] = quantity;
    (*line)["updated_at"] = now_iso();
  }
  cart_changed(cart);
  return cart_view(cart);
}

json Backend::delete_line_item(const std::string& cart_id, const std::string& line_id) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(cart_id);
  auto& items = cart["items"];
  // Like the real server: deleting an unknown line id is not an error.
  items.erase(
      std::remove_if(items.begin(), items.end(), [&](const json& l) { return l["id"] == line_id; }),
      items.end());
  cart_changed(cart);
  return json{{"id", line_id},
              {"object", "line-item"},
              {"deleted", true},
              {"parent", cart_view(cart)["cart"]}};
}

json Backend::list_shipping_options(const std::string& cart_id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  (void)cart_ref(cart_id);
  return json{{"shipping_options", {shipping_option_}}};
}

json Backend::add_shipping_method(const std::string& cart_id, const json& body) {
  validate_body(body, {"option_id", "data"}, {"option_id"},
                {{"option_id", "string"}, {"data", "record"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(cart_id);
  if (body["option_id"] != shipping_option_["id"])
    throw invalid("Shipping Options are invalid for cart.");
  cart["shipping_methods"] = json::array({{{"id", new_id("casm")},
                                           {"name", shipping_option_["name"]},
                                           {"shipping_option_id", shipping_option_["id"]},
                                           {"amount", shipping_option_["amount"]},
                                           {"is_tax_inclusive", false},
                                           {"data", body.value("data", json::object())},
                                           {"tax_lines", json::array()},
                                           {"adjustments", json::array()}}});
  cart_changed(cart);
  return cart_view(cart);
}

json Backend::list_payment_providers(const std::string& region_id) const {
  if (region_id != region_["id"])
    return json{{"payment_providers", json::array()}, {"count", 0}, {"offset", 0}, {"limit", 20}};
  return json{{"payment_providers", {{{"id", "pp_system_default"}, {"is_enabled", true}}}},
              {"count", 1},
              {"offset", 0},
              {"limit", 20}};
}

json Backend::create_payment_collection(const json& body) {
  validate_body(body, {"cart_id"}, {"cart_id"}, {{"cart_id", "string"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(body["cart_id"]);
  if (!cart.contains("payment_collection") || !cart["payment_collection"].is_object()) {
    const std::string now = now_iso();
    cart["payment_collection"] = {{"id", new_id("pay_col")},
                                  {"currency_code", cart["currency_code"]},
                                  {"amount", cart["total"]},
                                  {"status", "not_paid"},
                                  {"completed_at", nullptr},
                                  {"metadata", nullptr},
                                  {"created_at", now},
                                  {"updated_at", now},
                                  {"payment_sessions", json::array()},
                                  {"payment_providers", json::array()}};
    collection_cart_[cart["payment_collection"]["id"]] = cart["id"];
  }
  return json{{"payment_collection", cart["payment_collection"]}};  // the same one when repeated
}

json Backend::create_payment_session(const std::string& collection_id, const json& body) {
  validate_body(body, {"provider_id", "data"}, {"provider_id"},
                {{"provider_id", "string"}, {"data", "record"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  auto owner = collection_cart_.find(collection_id);
  if (owner == collection_cart_.end())
    throw not_found("Payment collection with id: " + collection_id + " was not found");
  json& cart = cart_ref(owner->second);
  if (body["provider_id"] != "pp_system_default") {
    throw invalid("Payment provider " + body["provider_id"].get<std::string>() +
                  " is not enabled in the cart's region " + cart["region_id"].get<std::string>() +
                  ".");
  }
  json& collection = cart["payment_collection"];
  const std::string now = now_iso();
  collection["payment_sessions"] = json::array({{{"id", new_id("payses")},
                                                 {"currency_code", cart["currency_code"]},
                                                 {"provider_id", "pp_system_default"},
                                                 {"data", json::object()},
                                                 {"context", json::object()},
                                                 {"status", "pending"},
                                                 {"authorized_at", nullptr},
                                                 {"payment_collection_id", collection_id},
                                                 {"metadata", json::object()},
                                                 {"amount", cart["total"]},
                                                 {"created_at", now},
                                                 {"updated_at", now}}});
  collection["amount"] = cart["total"];
  return json{{"payment_collection", collection}};
}

// --- orders --------------------------------------------------------------------------

json& Backend::order_ref(const std::string& id) {
  auto it = orders_.find(id);
  if (it == orders_.end()) throw not_found("Order id not found: " + id);
  return it->second;
}

json Backend::complete_cart(const std::string& cart_id) {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& cart = cart_ref(cart_id);
  if (!cart["completed_at"].is_null()) {
    // Completing again returns the same order (idempotent).
    return json{{"type", "order"}, {"order", orders_.at(cart_order_.at(cart_id))}};
  }
  if (!cart.contains("payment_collection") || !cart["payment_collection"].is_object()) {
    throw invalid("Payment collection has not been initiated for cart");
  }
  bool needs_shipping = false;
  for (const auto& item : cart["items"])
    needs_shipping = needs_shipping || item.value("requires_shipping", false);
  if (needs_shipping && cart["shipping_methods"].empty()) {
    throw invalid("No shipping method selected but the cart contains items that require shipping.");
  }
  if (cart["payment_collection"]["payment_sessions"].empty()) {
    throw invalid("Payment sessions are required to complete cart");
  }
  const std::string now = now_iso();
  const std::string order_id = new_id("order");
  json items = json::array();
  for (const auto& line : cart["items"]) {
    const json* product = nullptr;
    const json* variant = find_variant(line["variant_id"], &product);
    json order_item = line;
    order_item.erase("cart_id");
    order_item["id"] = new_id("ordli");
    order_item["line_item_metadata"] = line["metadata"];
    order_item["is_custom_price"] = false;
    order_item["detail"] = {{"id", new_id("orditem")},
                            {"version", 1},
                            {"order_id", order_id},
                            {"item_id", order_item["id"]},
                            {"metadata", line["metadata"]},
                            {"quantity", line["quantity"]},
                            {"fulfilled_quantity", 0},
                            {"delivered_quantity", 0},
                            {"shipped_quantity", 0},
                            {"return_requested_quantity", 0},
                            {"return_received_quantity", 0},
                            {"written_off_quantity", 0},
                            {"created_at", now},
                            {"updated_at", now}};
    if (variant && product) {
      json v = *variant;
      v.erase("prices");
      json p = *product;
      p.erase("variants");
      p.erase("options");
      p.erase("images");
      v["product"] = p;  // with metadata: the schema the item was validated against
      order_item["variant"] = v;
    }
    items.push_back(order_item);
  }
  json collection = cart["payment_collection"];
  collection["status"] = "authorized";
  collection["authorized_amount"] = cart["total"];
  for (auto& s : collection["payment_sessions"]) s["status"] = "authorized";
  json order = {{"id", order_id},
                {"display_id", next_display_id_++},
                {"status", "pending"},
                {"email", cart["email"]},
                {"version", 1},
                {"currency_code", cart["currency_code"]},
                {"region_id", cart["region_id"]},
                {"customer_id", cart["customer_id"]},
                {"sales_channel_id", cart["sales_channel_id"]},
                {"payment_status", "authorized"},
                {"fulfillment_status", "not_fulfilled"},
                {"items", items},
                {"shipping_methods", cart["shipping_methods"]},
                {"shipping_address", cart["shipping_address"]},
                {"billing_address", cart["billing_address"]},
                {"fulfillments", json::array()},
                {"payment_collections", {collection}},
                {"metadata", cart["metadata"]},
                {"created_at", now},
                {"updated_at", now}};
  for (const char* key : {"total", "subtotal", "tax_total", "discount_total", "shipping_total",
                          "item_total", "item_subtotal", "original_total"}) {
    order[key] = cart[key];
  }
  order["summary"] = {{"paid_total", 0},
                      {"pending_difference", cart["total"]},
                      {"current_order_total", cart["total"]}};
  orders_[order_id] = order;
  order_sequence_.push_back(order_id);
  cart["completed_at"] = now;
  cart_order_[cart_id] = order_id;
  cart["payment_collection"] = collection;
  emit("order.placed", {{"id", order_id}});
  return json{{"type", "order"}, {"order", order}};
}

// As on the real server, an order item's `variant.product` is joined live: it shows the
// product as it is now, not as it was sold (so a later schema edit is visible).
json Backend::order_view(const json& order) const {
  json out = order;
  for (auto& item : out["items"]) {
    const json* product = nullptr;
    const json* variant = find_variant(item.value("variant_id", ""), &product);
    if (!variant || !product) continue;
    json v = *variant;
    v.erase("prices");
    json p = *product;
    for (const char* key : {"variants", "options", "images"}) p.erase(key);
    v["product"] = p;
    item["variant"] = v;
  }
  return out;
}

json Backend::retrieve_order(const std::string& id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  auto it = orders_.find(id);
  if (it == orders_.end()) throw not_found("Order id not found: " + id);
  return json{{"order", order_view(it->second)}};
}

json Backend::list_orders(std::size_t limit, std::size_t offset) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json out = json::array();
  // Newest first, as the admin list shows them.
  for (std::size_t i = 0; i < order_sequence_.size(); ++i) {
    if (i < offset) continue;
    if (out.size() >= limit) break;
    out.push_back(order_view(orders_.at(order_sequence_[order_sequence_.size() - 1 - i])));
  }
  return json{
      {"orders", out}, {"count", order_sequence_.size()}, {"offset", offset}, {"limit", limit}};
}

json Backend::create_fulfillment(const std::string& order_id, const json& body) {
  validate_body(body, {"items", "location_id", "metadata", "no_notification", "requires_shipping"},
                {"items"}, {{"items", "array"}, {"metadata", "record"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& order = order_ref(order_id);
  json fulfillment_items = json::array();
  // Check everything first: a refused fulfillment changes nothing.
  for (const auto& want : body["items"]) {
    if (!want.is_object() || !want.contains("id") || !want["id"].is_string() ||
        !want.contains("quantity") || !want["quantity"].is_number()) {
      throw invalid("Invalid request: Field 'items' must hold {id, quantity} objects");
    }
    auto item = std::find_if(order["items"].begin(), order["items"].end(),
                             [&](const json& i) { return i["id"] == want["id"]; });
    if (item == order["items"].end())
      throw invalid("Item " + want["id"].get<std::string>() + " not found in order");
    const auto remaining = (*item)["detail"]["quantity"].get<std::int64_t>() -
                           (*item)["detail"]["fulfilled_quantity"].get<std::int64_t>();
    if (want["quantity"].get<double>() > static_cast<double>(remaining) || remaining == 0) {
      throw invalid("No stock reservation found for item " + want["id"].get<std::string>() + " - " +
                    (*item)["title"].get<std::string>() + " (" +
                    (*item)["variant_title"].get<std::string>() + ")");
    }
  }
  const std::string fulfillment_id = new_id("ful");
  for (const auto& want : body["items"]) {
    for (auto& item : order["items"]) {
      if (item["id"] != want["id"]) continue;
      const auto q = round_quantity(want["quantity"].get<double>());
      item["detail"]["fulfilled_quantity"] =
          item["detail"]["fulfilled_quantity"].get<std::int64_t>() + q;
      fulfillment_items.push_back({{"id", new_id("fulit")},
                                   {"title", item["title"]},
                                   {"sku", item["variant_sku"]},
                                   {"quantity", q},
                                   {"line_item_id", item["id"]},
                                   {"fulfillment_id", fulfillment_id}});
    }
  }
  const std::string now = now_iso();
  order["fulfillments"].push_back({{"id", fulfillment_id},
                                   {"location_id", body.value("location_id", json("sloc_mock"))},
                                   {"provider_id", "manual_manual"},
                                   {"packed_at", now},
                                   {"shipped_at", nullptr},
                                   {"delivered_at", nullptr},
                                   {"canceled_at", nullptr},
                                   {"created_at", now},
                                   {"items", fulfillment_items},
                                   {"labels", json::array()},
                                   {"metadata", body.value("metadata", json())}});
  bool all = true;
  for (const auto& item : order["items"]) {
    all = all && item["detail"]["fulfilled_quantity"] == item["detail"]["quantity"];
  }
  order["fulfillment_status"] = all ? "fulfilled" : "partially_fulfilled";
  order["updated_at"] = now;
  emit("order.fulfillment_created", {{"order_id", order_id}, {"fulfillment_id", fulfillment_id}});
  return json{{"order", order}};
}

json Backend::create_shipment(const std::string& order_id, const std::string& fulfillment_id,
                              const json& body) {
  validate_body(body, {"items", "labels", "metadata", "no_notification"}, {"items"},
                {{"items", "array"}, {"labels", "array"}, {"metadata", "record"}});
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json& order = order_ref(order_id);
  auto f = std::find_if(order["fulfillments"].begin(), order["fulfillments"].end(),
                        [&](const json& x) { return x["id"] == fulfillment_id; });
  if (f == order["fulfillments"].end())
    throw not_found("Fulfillment with id: " + fulfillment_id + " was not found");
  (*f)["shipped_at"] = now_iso();
  if (body.contains("labels")) (*f)["labels"] = body["labels"];
  for (const auto& shipped : (*f)["items"]) {
    for (auto& item : order["items"]) {
      if (item["id"] == shipped["line_item_id"]) {
        item["detail"]["shipped_quantity"] =
            item["detail"]["shipped_quantity"].get<std::int64_t>() +
            shipped["quantity"].get<std::int64_t>();
      }
    }
  }
  bool all = true;
  for (const auto& item : order["items"])
    all = all && item["detail"]["shipped_quantity"] == item["detail"]["quantity"];
  order["fulfillment_status"] = all ? "shipped" : "partially_shipped";
  emit("shipment.created", {{"id", fulfillment_id}});
  return json{{"order", order}};
}

json Backend::create_product(const json& body) {
  if (!body.is_object() || !body.contains("title") || !body["title"].is_string()) {
    throw invalid("Invalid request: Field 'title' is required");
  }
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  json p = {{"id", new_id("prod")},
            {"title", body["title"]},
            {"handle", body.value("handle", json())},
            {"description", body.value("description", json())},
            {"status", body.value("status", "draft")},
            {"metadata", body.value("metadata", json())},
            {"thumbnail", nullptr},
            {"images", json::array()},
            {"options", json::array()},
            {"variants", json::array()},
            {"created_at", now_iso()},
            {"updated_at", now_iso()}};
  for (const auto& v : body.value("variants", json::array())) {
    p["variants"].push_back(
        {{"id", new_id("variant")},
         {"title", v.value("title", "Default")},
         {"sku", v.value("sku", json())},
         {"metadata", v.value("metadata", json::object())},
         {"product_id", p["id"]},
         {"inventory_quantity", 100},
         {"manage_inventory", v.value("manage_inventory", true)},
         {"prices", v.value("prices", json::array({{{"currency_code", "eur"}, {"amount", 0}}}))},
         {"created_at", now_iso()},
         {"updated_at", now_iso()}});
  }
  products_.push_back(p);
  emit("product.created", {{"id", p["id"]}});
  return json{{"product", p}};
}

json Backend::update_product(const std::string& id, const json& body) {
  if (!body.is_object()) throw invalid("Invalid request: body must be an object");
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  for (auto& p : products_) {
    if (p["id"] != id) continue;
    for (const char* key : {"title", "handle", "description", "status", "metadata", "thumbnail"}) {
      if (body.contains(key)) p[key] = body[key];
    }
    p["updated_at"] = now_iso();
    return json{{"product", p}};
  }
  throw not_found("Product with id: " + id + " was not found");
}

json Backend::list_admin_products() const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  return json{{"products", products_}, {"count", products_.size()}, {"offset", 0}, {"limit", 50}};
}

// --- uploads -------------------------------------------------------------------------

json Backend::store_upload(const std::string& filename, const std::string& bytes,
                           const std::string& public_base_url, std::size_t max_total_bytes) {
  auto info = image::read_image_header(bytes);
  if (!info) throw invalid(info.error().message);
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  if (bytes.size() > max_total_bytes || upload_bytes_ > max_total_bytes - bytes.size()) {
    throw MockError{507, "unexpected_state",
                    "upload storage is full (" + std::to_string(max_total_bytes) + " bytes)"};
  }
  const std::string id = new_id("upl");
  const std::string name = id + (info->mime == "image/png" ? ".png" : ".jpg");
  uploads_[name] = StoredUpload{info->mime, bytes};
  upload_bytes_ += bytes.size();
  return json{{"file",
               {{"id", id},
                {"url", public_base_url + "/uploads/" + name},
                {"mime", info->mime},
                {"width", info->width},
                {"height", info->height},
                {"bytes", bytes.size()},
                {"filename", filename}}}};
}

std::size_t Backend::upload_bytes() const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  return upload_bytes_;
}

const StoredUpload* Backend::upload(const std::string& id) const {
  std::lock_guard<std::recursive_mutex> lock(mutex_);
  auto it = uploads_.find(id);
  return it == uploads_.end() ? nullptr : &it->second;
}

}  // namespace medusa::mock
