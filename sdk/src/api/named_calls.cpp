#include "medusa/api/named_calls.hpp"

#include <iterator>
#include <utility>

#include "medusa/api/admin.hpp"
#include "medusa/api/store.hpp"

namespace medusa::api {
namespace {

// Reads positional arguments. Accessors never fail: they record the error of the
// lowest-numbered bad argument and return an empty value, so each call below is one
// expression and the reported error does not depend on evaluation order.
class Args {
 public:
  Args(std::string_view call, const char* const* params, std::size_t param_count, const json& args)
      : call_(call), params_(params), param_count_(param_count), args_(args) {}

  bool failed() const { return bad_index_ != kNone; }
  const Error& error() const { return error_; }

  const json& at(std::size_t i) const {
    static const json null_value;
    return i < args_.size() ? args_[i] : null_value;
  }

  std::string id(std::size_t i) {
    const json& v = at(i);
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      fail(i, "argument.type", "must be a non-empty string");
      return {};
    }
    return v.get<std::string>();
  }

  http::Query query(std::size_t i) {
    const json& v = at(i);
    if (v.is_null()) return {};
    if (!v.is_object()) {
      fail(i, "argument.type", "must be an object (query parameters)");
      return {};
    }
    return http::Query::from_json(v);
  }

  http::Headers headers(std::size_t i) {
    const json& v = at(i);
    http::Headers out;
    if (v.is_null()) return out;
    if (!v.is_object()) {
      fail(i, "argument.type", "must be an object of header names to strings");
      return out;
    }
    for (const auto& [name, value] : v.items()) {
      if (!value.is_string()) {
        fail(i, "argument.type", "header '" + name + "' must be a string");
        return {};
      }
      out.set(name, value.get<std::string>());
    }
    return out;
  }

  json object(std::size_t i) {
    const json* v = object_at(i);
    return v ? *v : json::object();
  }

  // A request body, passed through as the caller wrote it once its types are checked
  // (Body<T>::from_json: what from_json<T> and to_json would send, with far less code).
  template <class T>
  Body<T> body(std::size_t i) {
    const json* v = object_at(i);
    if (!v) return {};
    auto body = Body<T>::from_json(*v);
    if (!body) {
      body_error(i, body.error());
      return {};
    }
    return std::move(body).value();
  }

  // A cart line item given back to the SDK: checked like from_json<LineItem>, with the
  // members the update uses (id, quantity, metadata) read out.
  LineItem line_item(std::size_t i) {
    LineItem item;
    const json* v = object_at(i);
    if (!v) return item;
    auto checked = checked_json<LineItem>(*v);
    if (!checked) {
      body_error(i, checked.error());
      return item;
    }
    const json& j = *checked;
    if (auto id = j.find("id"); id != j.end() && id->is_string()) item.id = id->get<std::string>();
    if (auto q = j.find("quantity"); q != j.end() && q->is_number_integer())
      item.quantity = q->get<std::int64_t>();
    if (auto m = j.find("metadata"); m != j.end() && !m->is_null()) item.metadata = *m;
    return item;
  }

  // Argument i if it is an object; null once the failure is recorded.
  const json* object_at(std::size_t i) {
    const json& v = at(i);
    if (v.is_object()) return &v;
    fail(i, "argument.type", "must be an object");
    return nullptr;
  }

  void body_error(std::size_t i, const Error& e) { fail(i, "argument.body", e.message, e.path); }

  void fail(std::size_t i, const std::string& code, const std::string& what,
            const std::string& path = {}) {
    if (i >= bad_index_) return;
    bad_index_ = i;
    const std::string param = i < param_count_ ? params_[i] : "argument";
    error_ = Error(ErrorKind::invalid_argument, code,
                   std::string(call_) + ": " + param + " " + what, path);
    error_.details = json{{"call", call_}, {"argument", param}, {"position", i}};
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::string_view call_;
  const char* const* params_;
  std::size_t param_count_;
  const json& args_;
  std::size_t bad_index_ = kNone;
  Error error_;
};

struct Context {
  Args& a;
  const personalization::Schema* schema;
  Store<PlanOnly> store;
  Admin<PlanOnly> admin;
  Auth<PlanOnly> auth;

  Result<PlannedCall> plan(Result<PlannedRequest> call) const {
    if (a.failed()) return a.error();
    if (!call) return call.error();
    return PlannedCall{std::move(call->request), call->idempotent, {}};
  }
};

PersonalizedLineItem personalized_item(Args& a, std::size_t i) {
  const json body = a.object(i);
  PersonalizedLineItem item;
  for (const auto& [name, value] : body.items()) {
    if (name != "variant_id" && name != "quantity" && name != "personalization")
      a.fail(i, "argument.unknown_key", "has an unknown key '" + name + "'", "/" + name);
  }
  const json& variant = body.contains("variant_id") ? body["variant_id"] : json();
  if (!variant.is_string() || variant.get_ref<const std::string&>().empty())
    a.fail(i, "argument.type", "variant_id must be a non-empty string", "/variant_id");
  else
    item.variant_id = variant.get<std::string>();
  if (body.contains("quantity")) {
    const json& q = body["quantity"];
    if (!q.is_number_integer() || q.get<std::int64_t>() < 1)
      a.fail(i, "argument.type", "quantity must be a whole number of at least 1", "/quantity");
    else
      item.quantity = q.get<std::int64_t>();
  }
  if (body.contains("personalization")) {
    if (!body["personalization"].is_object())
      a.fail(i, "argument.type", "personalization must be an object", "/personalization");
    else
      item.personalization = body["personalization"];
  }
  return item;
}

using Planner = Result<PlannedCall> (*)(Context&);

// One call: plain data and a function pointer, so the table is constant data rather than
// code run at start-up (it was 12 KB of WebAssembly as a vector of std::function).
struct Entry {
  std::string_view name;
  const char* params[5];  ///< parameter names in the JS SDK's order; unused ones null
  Envelope::Shape shape;
  const char* key;
  Planner planner;

  constexpr std::size_t param_count() const {
    std::size_t n = 0;
    while (n < std::size(params) && params[n]) ++n;
    return n;
  }
  Envelope envelope() const { return Envelope{shape, key}; }
};

constexpr Entry kCalls[] = {
    // Store: regions and products
    {"store.region.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "regions",
     [](Context& c) { return c.plan(c.store.region.list(c.a.query(0), c.a.headers(1))); }},
    {"store.region.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "region",
     [](Context& c) {
       return c.plan(c.store.region.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.product.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "products",
     [](Context& c) { return c.plan(c.store.product.list(c.a.query(0), c.a.headers(1))); }},
    {"store.product.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "product",
     [](Context& c) {
       return c.plan(c.store.product.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    // Store: cart
    {"store.cart.create",
     {"body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.create(c.a.body<CreateCart>(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.cart.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.cart.update",
     {"id", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(
           c.store.cart.update(c.a.id(0), c.a.body<UpdateCart>(1), c.a.query(2), c.a.headers(3)));
     }},
    {"store.cart.createLineItem",
     {"cartId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.createLineItem(c.a.id(0), c.a.body<AddLineItem>(1), c.a.query(2),
                                                 c.a.headers(3)));
     }},
    {"store.cart.updateLineItem",
     {"cartId", "lineItemId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.updateLineItem(c.a.id(0), c.a.id(1), c.a.body<UpdateLineItem>(2),
                                                 c.a.query(3), c.a.headers(4)));
     }},
    {"store.cart.deleteLineItem",
     {"cartId", "lineItemId", "headers"},
     Envelope::Shape::deleted,
     "",
     [](Context& c) {
       return c.plan(c.store.cart.deleteLineItem(c.a.id(0), c.a.id(1), c.a.headers(2)));
     }},
    {"store.cart.addShippingMethod",
     {"cartId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.addShippingMethod(c.a.id(0), c.a.body<AddShippingMethod>(1),
                                                    c.a.query(2), c.a.headers(3)));
     }},
    {"store.cart.complete",
     {"cartId", "query", "headers"},
     Envelope::Shape::complete,
     "",
     [](Context& c) {
       return c.plan(c.store.cart.complete(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.cart.transferCart",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(c.store.cart.transferCart(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.cart.addPromotions",
     {"cartId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(
           c.store.cart.addPromotions(c.a.id(0), c.a.object(1), c.a.query(2), c.a.headers(3)));
     }},
    {"store.cart.removePromotions",
     {"cartId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) {
       return c.plan(
           c.store.cart.removePromotions(c.a.id(0), c.a.object(1), c.a.query(2), c.a.headers(3)));
     }},
    {"store.cart.createPersonalizedLineItem",
     {"cartId", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) -> Result<PlannedCall> {
       if (!c.schema) c.a.fail(1, "argument.schema", "has no personalization schema");
       const std::string cart_id = c.a.id(0);
       const PersonalizedLineItem item = personalized_item(c.a, 1);
       const http::Query query = c.a.query(2);
       const http::Headers headers = c.a.headers(3);
       if (c.a.failed()) return c.a.error();
       return c.plan(
           c.store.cart.createPersonalizedLineItem(cart_id, *c.schema, item, query, headers));
     }},
    {"store.cart.updatePersonalizedLineItem",
     {"cartId", "lineItem", "body", "query", "headers"},
     Envelope::Shape::key,
     "cart",
     [](Context& c) -> Result<PlannedCall> {
       if (!c.schema) c.a.fail(1, "argument.schema", "has no personalization schema");
       const std::string cart_id = c.a.id(0);
       const LineItem current = c.a.line_item(1);
       if (!c.a.failed() && (!current.id || current.id->empty()))
         c.a.fail(1, "argument.type", "must be a line item with an id", "/id");
       const json body = c.a.object(2);
       std::int64_t quantity = current.quantity.value_or(1);
       if (body.contains("quantity")) {
         if (!body["quantity"].is_number_integer() || body["quantity"].get<std::int64_t>() < 0)
           c.a.fail(2, "argument.type", "quantity must be a whole number of at least 0",
                    "/quantity");
         else
           quantity = body["quantity"].get<std::int64_t>();
       }
       const json personalization =
           body.contains("personalization") ? body["personalization"] : json::object();
       if (!personalization.is_object())
         c.a.fail(2, "argument.type", "personalization must be an object", "/personalization");
       const http::Query query = c.a.query(3);
       const http::Headers headers = c.a.headers(4);
       if (c.a.failed()) return c.a.error();
       return c.plan(c.store.cart.updatePersonalizedLineItem(cart_id, current, *c.schema, quantity,
                                                             personalization, query, headers));
     }},
    // Store: shipping, payment, orders
    {"store.fulfillment.listCartOptions",
     {"query", "headers"},
     Envelope::Shape::list,
     "shipping_options",
     [](Context& c) {
       return c.plan(c.store.fulfillment.listCartOptions(c.a.query(0), c.a.headers(1)));
     }},
    {"store.fulfillment.calculate",
     {"id", "body", "query", "headers"},
     Envelope::Shape::key,
     "shipping_option",
     [](Context& c) {
       return c.plan(
           c.store.fulfillment.calculate(c.a.id(0), c.a.object(1), c.a.query(2), c.a.headers(3)));
     }},
    {"store.payment.listPaymentProviders",
     {"query", "headers"},
     Envelope::Shape::list,
     "payment_providers",
     [](Context& c) {
       return c.plan(c.store.payment.listPaymentProviders(c.a.query(0), c.a.headers(1)));
     }},
    {"store.payment.createPaymentCollection",
     {"cartId", "query", "headers"},
     Envelope::Shape::key,
     "payment_collection",
     [](Context& c) {
       return c.plan(
           c.store.payment.createPaymentCollection(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.payment.createPaymentSession",
     {"paymentCollectionId", "body", "query", "headers"},
     Envelope::Shape::key,
     "payment_collection",
     [](Context& c) {
       return c.plan(c.store.payment.createPaymentSession(
           c.a.id(0), c.a.body<InitiatePaymentSession>(1), c.a.query(2), c.a.headers(3)));
     }},
    {"store.order.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "order",
     [](Context& c) {
       return c.plan(c.store.order.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.order.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "orders",
     [](Context& c) { return c.plan(c.store.order.list(c.a.query(0), c.a.headers(1))); }},
    // Admin
    // Store: catalogue organization
    {"store.collection.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "collections",
     [](Context& c) { return c.plan(c.store.collection.list(c.a.query(0), c.a.headers(1))); }},
    {"store.collection.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "collection",
     [](Context& c) {
       return c.plan(c.store.collection.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.category.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "product_categories",
     [](Context& c) { return c.plan(c.store.category.list(c.a.query(0), c.a.headers(1))); }},
    {"store.category.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "product_category",
     [](Context& c) {
       return c.plan(c.store.category.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    // Store: the logged-in customer
    {"store.customer.create",
     {"body", "query", "headers"},
     Envelope::Shape::key,
     "customer",
     [](Context& c) {
       return c.plan(c.store.customer.create(c.a.object(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.customer.update",
     {"body", "query", "headers"},
     Envelope::Shape::key,
     "customer",
     [](Context& c) {
       return c.plan(c.store.customer.update(c.a.object(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.customer.retrieve",
     {"query", "headers"},
     Envelope::Shape::key,
     "customer",
     [](Context& c) { return c.plan(c.store.customer.retrieve(c.a.query(0), c.a.headers(1))); }},
    {"store.customer.createAddress",
     {"body", "query", "headers"},
     Envelope::Shape::key,
     "customer",
     [](Context& c) {
       return c.plan(c.store.customer.createAddress(c.a.object(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.customer.updateAddress",
     {"addressId", "body", "query", "headers"},
     Envelope::Shape::key,
     "customer",
     [](Context& c) {
       return c.plan(c.store.customer.updateAddress(c.a.id(0), c.a.object(1), c.a.query(2),
                                                    c.a.headers(3)));
     }},
    {"store.customer.listAddress",
     {"query", "headers"},
     Envelope::Shape::list,
     "addresses",
     [](Context& c) {
       return c.plan(c.store.customer.listAddress(c.a.query(0), c.a.headers(1)));
     }},
    {"store.customer.retrieveAddress",
     {"addressId", "query", "headers"},
     Envelope::Shape::key,
     "address",
     [](Context& c) {
       return c.plan(c.store.customer.retrieveAddress(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"store.customer.deleteAddress",
     {"addressId", "headers"},
     Envelope::Shape::deleted,
     "",
     [](Context& c) {
       return c.plan(c.store.customer.deleteAddress(c.a.id(0), c.a.headers(1)));
     }},
    {"admin.order.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "orders",
     [](Context& c) { return c.plan(c.admin.order.list(c.a.query(0), c.a.headers(1))); }},
    {"admin.order.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "order",
     [](Context& c) {
       return c.plan(c.admin.order.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"admin.order.cancel",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "order",
     [](Context& c) {
       return c.plan(c.admin.order.cancel(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"admin.order.createFulfillment",
     {"id", "body", "query", "headers"},
     Envelope::Shape::key,
     "order",
     [](Context& c) {
       return c.plan(c.admin.order.createFulfillment(c.a.id(0), c.a.body<CreateFulfillment>(1),
                                                     c.a.query(2), c.a.headers(3)));
     }},
    {"admin.order.createShipment",
     {"id", "fulfillmentId", "body", "query", "headers"},
     Envelope::Shape::key,
     "order",
     [](Context& c) {
       return c.plan(c.admin.order.createShipment(c.a.id(0), c.a.id(1), c.a.body<CreateShipment>(2),
                                                  c.a.query(3), c.a.headers(4)));
     }},
    {"admin.product.create",
     {"body", "query", "headers"},
     Envelope::Shape::key,
     "product",
     [](Context& c) {
       return c.plan(c.admin.product.create(c.a.object(0), c.a.query(1), c.a.headers(2)));
     }},
    {"admin.product.update",
     {"id", "body", "query", "headers"},
     Envelope::Shape::key,
     "product",
     [](Context& c) {
       return c.plan(
           c.admin.product.update(c.a.id(0), c.a.object(1), c.a.query(2), c.a.headers(3)));
     }},
    {"admin.product.retrieve",
     {"id", "query", "headers"},
     Envelope::Shape::key,
     "product",
     [](Context& c) {
       return c.plan(c.admin.product.retrieve(c.a.id(0), c.a.query(1), c.a.headers(2)));
     }},
    {"admin.product.list",
     {"query", "headers"},
     Envelope::Shape::list,
     "products",
     [](Context& c) { return c.plan(c.admin.product.list(c.a.query(0), c.a.headers(1))); }},
    // Auth
    {"auth.login",
     {"actor", "method", "payload", "headers"},
     Envelope::Shape::token,
     "",
     [](Context& c) {
       return c.plan(c.auth.login(c.a.id(0), c.a.id(1), c.a.object(2), c.a.headers(3)));
     }},
    {"auth.register",
     {"actor", "method", "payload", "headers"},
     Envelope::Shape::token,
     "",
     [](Context& c) {
       return c.plan(c.auth.register_(c.a.id(0), c.a.id(1), c.a.object(2), c.a.headers(3)));
     }},
    {"auth.refresh",
     {"headers"},
     Envelope::Shape::token,
     "",
     [](Context& c) { return c.plan(c.auth.refresh(c.a.headers(0))); }},
    {"auth.resetPassword",
     {"actor", "provider", "body", "headers"},
     Envelope::Shape::empty,
     "",
     [](Context& c) {
       return c.plan(c.auth.resetPassword(c.a.id(0), c.a.id(1), c.a.object(2), c.a.headers(3)));
     }},
};

const Entry* find_entry(std::string_view name) {
  for (const auto& e : kCalls)
    if (e.name == name) return &e;
  return nullptr;
}

Error shape_error(const std::string& what) {
  return Error(ErrorKind::invalid_response, "response.shape", "unexpected response: " + what);
}

bool has(const JsonOutline& o, std::string_view k, JsonKind kind) {
  const JsonMember* m = o.find(k);
  return m && m->kind == kind;
}

}  // namespace

const std::vector<std::string_view>& call_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& e : kCalls) out.push_back(e.name);
    return out;
  }();
  return names;
}

std::optional<Envelope> envelope_of(std::string_view name) {
  const Entry* entry = find_entry(name);
  if (!entry) return std::nullopt;
  return entry->envelope();
}

Result<PlannedCall> plan_call(const Config& config, std::string_view name, const json& args,
                              const personalization::Schema* schema) {
  const Entry* entry = find_entry(name);
  if (!entry) {
    Error e(ErrorKind::invalid_argument, "argument.call",
            "unknown call '" + std::string(name) + "'");
    e.details = json{{"call", name}};
    return e;
  }
  static const json no_args = json::array();
  if (!args.is_null() && !args.is_array()) {
    return Error(ErrorKind::invalid_argument, "argument.type",
                 std::string(name) + ": arguments must be an array");
  }
  const json& list_args = args.is_array() ? args : no_args;
  if (list_args.size() > entry->param_count()) {
    Error e(ErrorKind::invalid_argument, "argument.count",
            std::string(name) + " takes at most " + std::to_string(entry->param_count()) +
                " arguments, got " + std::to_string(list_args.size()));
    e.details = json{{"call", name}};
    return e;
  }
  Args a(name, entry->params, entry->param_count(), list_args);
  Context c{a, schema, Store<PlanOnly>(&config, {}), Admin<PlanOnly>(&config, {}),
            Auth<PlanOnly>{&config, {}}};
  auto planned = entry->planner(c);
  if (planned) planned->envelope = entry->envelope();
  return planned;
}

Result<JsonOutline> check_response(const Envelope& envelope, const http::Response& response,
                                   const JsonLimits& limits) {
  return check_response(envelope, response.status, response.body, limits);
}

Result<JsonOutline> check_response(const Envelope& envelope, int status, std::string_view body,
                                   const JsonLimits& limits) {
  if (status < 200 || status > 299)
    return http_error(http::Response{status, {}, std::string(body)});
  if (envelope.shape == Envelope::Shape::empty) return JsonOutline{};  // the body is not read
  auto outline = scan_json(body, limits);
  if (!outline) {
    const Error& e = outline.error();
    return Error(ErrorKind::invalid_response, "response." + e.code.substr(e.code.find('.') + 1),
                 "response body is not valid JSON: " + e.message);
  }
  auto fits = check_envelope(envelope, *outline);
  if (!fits) return fits.error();
  return outline;
}

Result<JsonKind> check_envelope(const Envelope& envelope, const JsonOutline& outline) {
  if (envelope.shape == Envelope::Shape::any || envelope.shape == Envelope::Shape::empty)
    return outline.kind;
  if (outline.kind != JsonKind::object) return shape_error("the body is not a JSON object");
  switch (envelope.shape) {
    case Envelope::Shape::key:
      if (!has(outline, envelope.key, JsonKind::object))
        return shape_error("no object '" + envelope.key + "'");
      break;
    case Envelope::Shape::list:
      if (!has(outline, envelope.key, JsonKind::array))
        return shape_error("no array '" + envelope.key + "'");
      break;
    case Envelope::Shape::complete: {
      const JsonMember* type = outline.find("type");
      if (type && type->raw == "\"order\"") {
        if (!has(outline, "order", JsonKind::object)) return shape_error("no object 'order'");
      } else if (type && type->raw == "\"cart\"") {
        if (!has(outline, "cart", JsonKind::object)) return shape_error("no object 'cart'");
      } else {
        return shape_error("'type' is neither \"order\" nor \"cart\"");
      }
      break;
    }
    case Envelope::Shape::deleted:
      if (!has(outline, "id", JsonKind::string) || !has(outline, "deleted", JsonKind::boolean))
        return shape_error("no 'id' and 'deleted'");
      break;
    case Envelope::Shape::token:
      if (!has(outline, "token", JsonKind::string) && !has(outline, "location", JsonKind::string))
        return shape_error("neither 'token' nor 'location'");
      break;
    case Envelope::Shape::any:
    case Envelope::Shape::empty:
      break;
  }
  return outline.kind;
}

}  // namespace medusa::api
