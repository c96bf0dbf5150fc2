// plan_call / check_response: every call by name, against every trace it can replay.
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <functional>
#include <regex>
#include <set>

#include "medusa/api/named_calls.hpp"
#include "medusa/personalization/metadata.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa::api;
using test_support::Trace;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs sorted(Pairs p) {
  std::sort(p.begin(), p.end());
  return p;
}

Pairs query_pairs(const std::string& target) {
  const auto mark = target.find('?');
  return mark == std::string::npos ? Pairs{} : medusa::http::decode_query(target.substr(mark + 1));
}

json query_object(const Trace& t) {
  json q = json::object();
  for (const auto& [k, v] : query_pairs(t.target)) q[k] = v;
  return q;
}

struct Route {
  std::string method;
  std::regex path;
  std::string call;
  // Builds the arguments from the path captures, the query and the body.
  std::function<json(const std::smatch&, const Trace&)> args;
};

const std::vector<Route>& routes() {
  auto q = [](const Trace& t) { return query_object(t); };
  static const std::vector<Route> table = {
      {"GET", std::regex("/store/regions"), "store.region.list",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"GET", std::regex("/store/regions/([^/]+)"), "store.region.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"GET", std::regex("/store/products"), "store.product.list",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"GET", std::regex("/store/products/([^/]+)"), "store.product.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"POST", std::regex("/store/carts"), "store.cart.create",
       [=](const std::smatch&, const Trace& t) { return json::array({t.request_body, q(t)}); }},
      {"GET", std::regex("/store/carts/([^/]+)"), "store.cart.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"POST", std::regex("/store/carts/([^/]+)"), "store.cart.update",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"POST", std::regex("/store/carts/([^/]+)/line-items"), "store.cart.createLineItem",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"POST", std::regex("/store/carts/([^/]+)/line-items/([^/]+)"), "store.cart.updateLineItem",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), m[2].str(), t.request_body, q(t)});
       }},
      {"DELETE", std::regex("/store/carts/([^/]+)/line-items/([^/]+)"),
       "store.cart.deleteLineItem",
       [=](const std::smatch& m, const Trace&) { return json::array({m[1].str(), m[2].str()}); }},
      {"POST", std::regex("/store/carts/([^/]+)/shipping-methods"), "store.cart.addShippingMethod",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"POST", std::regex("/store/carts/([^/]+)/complete"), "store.cart.complete",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"GET", std::regex("/store/shipping-options"), "store.fulfillment.listCartOptions",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"GET", std::regex("/store/payment-providers"), "store.payment.listPaymentProviders",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"POST", std::regex("/store/payment-collections"), "store.payment.createPaymentCollection",
       [=](const std::smatch&, const Trace& t) {
         return json::array({t.request_body.value("cart_id", ""), q(t)});
       }},
      {"POST", std::regex("/store/payment-collections/([^/]+)/payment-sessions"),
       "store.payment.createPaymentSession",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"GET", std::regex("/store/orders"), "store.order.list",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"GET", std::regex("/store/orders/([^/]+)"), "store.order.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"GET", std::regex("/admin/orders"), "admin.order.list",
       [=](const std::smatch&, const Trace& t) { return json::array({q(t)}); }},
      {"GET", std::regex("/admin/orders/([^/]+)"), "admin.order.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"POST", std::regex("/admin/orders/([^/]+)/fulfillments"), "admin.order.createFulfillment",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"POST", std::regex("/admin/orders/([^/]+)/fulfillments/([^/]+)/shipments"),
       "admin.order.createShipment",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), m[2].str(), t.request_body, q(t)});
       }},
      {"POST", std::regex("/admin/products"), "admin.product.create",
       [=](const std::smatch&, const Trace& t) { return json::array({t.request_body, q(t)}); }},
      {"POST", std::regex("/admin/products/([^/]+)"), "admin.product.update",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), t.request_body, q(t)});
       }},
      {"GET", std::regex("/admin/products/([^/]+)"), "admin.product.retrieve",
       [=](const std::smatch& m, const Trace& t) { return json::array({m[1].str(), q(t)}); }},
      {"POST", std::regex("/auth/([^/]+)/([^/]+)"), "auth.login",
       [=](const std::smatch& m, const Trace& t) {
         return json::array({m[1].str(), m[2].str(), t.request_body});
       }},
  };
  return table;
}

std::string trace_header(const Trace& t, const std::string& name) {
  for (const auto& [k, v] : t.request_headers)
    if (medusa::http::same_header_name(k, name)) return v;
  return "";
}

}  // namespace

TEST_SUITE("named_calls") {
  TEST_CASE("every trace with a known route is replayed exactly by name") {
    DIR* d = opendir(test_support::fixture("medusa-v2-traces").c_str());
    REQUIRE(d != nullptr);
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) names.push_back(e->d_name);
    closedir(d);
    std::sort(names.begin(), names.end());
    std::set<std::string> calls_seen;
    int replayed = 0;
    for (const auto& name : names) {
      if (name.size() < 5 || name[0] < '0' || name[0] > '9') continue;
      const auto trace = test_support::read_trace(name);
      if (!trace) continue;  // multi-request traces
      const Trace& t = *trace;
      // Bodies the server refused as malformed JSON cannot come from a JSON argument.
      if (!t.request_text.empty() && t.request_body.is_null()) continue;
      const std::string path = t.target.substr(0, t.target.find('?'));
      const Route* route = nullptr;
      std::smatch m;
      for (const auto& r : routes()) {
        if (r.method == t.method && std::regex_match(path, m, r.path)) {
          route = &r;
          break;
        }
      }
      if (!route) continue;
      CAPTURE(name);
      Config config;
      config.base_url = "http://localhost:9000";
      const std::string key = trace_header(t, "x-publishable-api-key");
      if (!key.empty()) config.publishable_key = key;
      const std::string auth = trace_header(t, "authorization");
      if (auth.rfind("Bearer ", 0) == 0) config.token = auth.substr(7);
      if (!auth.empty() && auth.rfind("Bearer ", 0) != 0) continue;  // forged-token traces
      json args = route->args(m, t);
      if (args.at(0).is_string() && args.at(0).get<std::string>().empty()) continue;
      auto planned = plan_call(config, route->call, args);
      if (!planned) {
        // A body our models refuse: a malformed request, or a fractional quantity that
        // the real server silently rounds (the SDK refuses it instead).
        CHECK(planned.error().kind == medusa::ErrorKind::invalid_argument);
        CHECK((t.status >= 400 || planned.error().path == "/quantity"));
        continue;
      }
      ++replayed;
      calls_seen.insert(route->call);
      const auto& r = planned->request;
      CHECK(r.method == t.method);
      CHECK(r.target.substr(0, r.target.find('?')) == path);
      if (route->call.rfind("store.product.", 0) != 0)  // products add +metadata fields
        CHECK(sorted(query_pairs(r.target)) == sorted(query_pairs(t.target)));
      for (const auto& header : {"x-publishable-api-key", "authorization", "content-type"}) {
        CAPTURE(header);
        const std::string expected = trace_header(t, header);
        // Deliberately wrong-key traces send a publishable key to /admin; we never do.
        if (std::string(header) == "x-publishable-api-key" && path.rfind("/store", 0) != 0) continue;
        if (!expected.empty()) CHECK(r.headers.get(header).value_or("") == expected.substr(0, expected.find(';')));
      }
      if (t.request_body.is_null())
        CHECK_FALSE(r.body.has_value());
      else
        CHECK(json::parse(r.body.value_or("null")) == t.request_body);

      const medusa::http::Response response{t.status, {}, t.response_body};
      auto checked = check_response(planned->envelope, response);
      if (t.status >= 200 && t.status < 300) {
        CHECK_MESSAGE(checked.ok(), (checked.ok() ? "" : checked.error().describe()));
      } else {
        REQUIRE_FALSE(checked.ok());
        CHECK(checked.error().kind == medusa::ErrorKind::http);
        CHECK(checked.error().details["status"] == t.status);
      }
    }
    CHECK(replayed >= 60);
    CHECK(calls_seen.size() >= 22);
  }

  TEST_CASE("every name in call_names has an envelope; unknown names are typed errors") {
    CHECK(call_names().size() == 49);
    for (auto name : call_names()) CHECK(envelope_of(name).has_value());
    CHECK_FALSE(envelope_of("store.cart.explode").has_value());
    auto e = plan_call(Config{}, "store.cart.explode", json::array());
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "argument.call");
  }

  TEST_CASE("the storefront surface beyond checkout: the requests Medusa 2.21 answered") {
    // Each was sent by the npm package to a real Medusa in tests/contract/js-sdk-surface.test.mjs.
    Config config;
    config.base_url = "http://localhost:9000";
    config.publishable_key = "pk_test";
    struct Case {
      const char* name;
      json args;
      const char* method;
      const char* target;
      json body;  // null: none
      bool idempotent;
    };
    const json promo = {{"promo_codes", {"WELCOME10"}}};
    const Case cases[] = {
        {"store.collection.list", json::array({{{"limit", 5}}}), "GET", "/store/collections?limit=5", nullptr, true},
        {"store.collection.retrieve", json::array({"pcol_1"}), "GET", "/store/collections/pcol_1", nullptr, true},
        {"store.category.list", json::array(), "GET", "/store/product-categories", nullptr, true},
        {"store.category.retrieve", json::array({"pcat_1"}), "GET", "/store/product-categories/pcat_1", nullptr, true},
        {"store.customer.create", json::array({{{"email", "a@example.com"}}}), "POST", "/store/customers", {{"email", "a@example.com"}}, false},
        {"store.customer.retrieve", json::array(), "GET", "/store/customers/me", nullptr, true},
        {"store.customer.update", json::array({{{"last_name", "M"}}}), "POST", "/store/customers/me", {{"last_name", "M"}}, false},
        {"store.customer.createAddress", json::array({{{"city", "Berlin"}}}), "POST", "/store/customers/me/addresses", {{"city", "Berlin"}}, false},
        {"store.customer.updateAddress", json::array({"cuaddr_1", {{"city", "Hamburg"}}}), "POST", "/store/customers/me/addresses/cuaddr_1", {{"city", "Hamburg"}}, false},
        {"store.customer.listAddress", json::array(), "GET", "/store/customers/me/addresses", nullptr, true},
        {"store.customer.retrieveAddress", json::array({"cuaddr_1"}), "GET", "/store/customers/me/addresses/cuaddr_1", nullptr, true},
        {"store.customer.deleteAddress", json::array({"cuaddr_1"}), "DELETE", "/store/customers/me/addresses/cuaddr_1", nullptr, true},
        {"store.cart.transferCart", json::array({"cart_1"}), "POST", "/store/carts/cart_1/customer", nullptr, false},
        {"store.cart.addPromotions", json::array({"cart_1", promo}), "POST", "/store/carts/cart_1/promotions", promo, false},
        {"store.cart.removePromotions", json::array({"cart_1", promo}), "DELETE", "/store/carts/cart_1/promotions", promo, true},
        {"store.fulfillment.calculate", json::array({"so_1", {{"cart_id", "cart_1"}}}), "POST", "/store/shipping-options/so_1/calculate", {{"cart_id", "cart_1"}}, true},
        {"admin.order.cancel", json::array({"order_1"}), "POST", "/admin/orders/order_1/cancel", nullptr, false},
        {"auth.register", json::array({"customer", "emailpass", {{"email", "a@example.com"}}}), "POST", "/auth/customer/emailpass/register", {{"email", "a@example.com"}}, false},
        {"auth.refresh", json::array(), "POST", "/auth/token/refresh", nullptr, false},
        {"auth.resetPassword", json::array({"customer", "emailpass", {{"identifier", "a@example.com"}}}), "POST", "/auth/customer/emailpass/reset-password", {{"identifier", "a@example.com"}}, false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      auto planned = plan_call(config, c.name, c.args);
      REQUIRE_MESSAGE(planned.ok(), (planned.ok() ? "" : planned.error().describe()));
      CHECK(planned->request.method == c.method);
      CHECK(planned->request.target == c.target);
      CHECK(planned->idempotent == c.idempotent);
      if (c.body.is_null()) {
        CHECK_FALSE(planned->request.body.has_value());
      } else {
        REQUIRE(planned->request.body.has_value());
        CHECK(json::parse(*planned->request.body) == c.body);
      }
    }
    // Medusa's 201 "Created" (text) is the whole answer of a reset-password request.
    const auto empty = envelope_of("auth.resetPassword");
    REQUIRE(empty.has_value());
    CHECK(check_response(*empty, 201, "Created").ok());
    CHECK(check_response(*empty, 404, R"({"type":"not_found","message":"x"})").error().code == "http.not_found");
  }

  TEST_CASE("wrong arguments name the call and the first bad parameter") {
    const Config config;
    auto e = plan_call(config, "store.cart.createLineItem", json::array({42, "not an object"}));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "argument.type");
    CHECK(e.error().message == "store.cart.createLineItem: cartId must be a non-empty string");
    CHECK(e.error().details["position"] == 0);

    e = plan_call(config, "store.cart.createLineItem", json::array({"cart_1", {{"quantity", "2"}}}));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "argument.body");
    CHECK(e.error().path == "/quantity");

    e = plan_call(config, "store.cart.retrieve", json::array({"c", nullptr, {{"x-a", 1}}}));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().message == "store.cart.retrieve: headers header 'x-a' must be a string");

    e = plan_call(config, "store.cart.retrieve", json::array({"c", "fields=*items"}));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().message == "store.cart.retrieve: query must be an object (query parameters)");

    e = plan_call(config, "store.region.list", json::array({nullptr, nullptr, nullptr}));
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "argument.count");

    e = plan_call(config, "store.region.list", json{{"not", "an array"}});
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().code == "argument.type");

    // Omitted trailing arguments are fine; a hostile id is one encoded path segment.
    auto ok = plan_call(config, "store.cart.retrieve", json::array({"../admin/users?x=1#"}));
    REQUIRE(ok.ok());
    CHECK(ok->request.target == "/store/carts/..%2Fadmin%2Fusers%3Fx%3D1%23");
  }

  TEST_CASE("personalized line items need a schema and validate against it") {
    auto schema = medusa::personalization::Schema::from_json(
        json::parse(R"({"type":"object","required":["message"],"additionalProperties":false,
                        "properties":{"message":{"type":"string","maxLength":5}}})"));
    REQUIRE(schema.ok());
    const Config config;
    const json body = {{"variant_id", "variant_1"}, {"quantity", 2},
                       {"personalization", {{"message", "Hi"}}}};
    auto none = plan_call(config, "store.cart.createPersonalizedLineItem",
                          json::array({"cart_1", body}));
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "argument.schema");

    auto ok = plan_call(config, "store.cart.createPersonalizedLineItem",
                        json::array({"cart_1", body}), &*schema);
    REQUIRE(ok.ok());
    const json sent = json::parse(*ok->request.body);
    CHECK(sent["variant_id"] == "variant_1");
    CHECK(sent["quantity"] == 2);
    CHECK(sent["metadata"]["message"] == "Hi");
    CHECK(sent["metadata"]["_personalization_schema"] == schema->fingerprint());

    json too_long = body;
    too_long["personalization"]["message"] = "Hello world";
    auto invalid = plan_call(config, "store.cart.createPersonalizedLineItem",
                             json::array({"cart_1", too_long}), &*schema);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().kind == medusa::ErrorKind::validation);
    CHECK(invalid.error().details[0]["code"] == "max_length");

    json extra = body;
    extra["metadata"] = json::object();
    auto unknown = plan_call(config, "store.cart.createPersonalizedLineItem",
                             json::array({"cart_1", extra}), &*schema);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "argument.unknown_key");

    // The line as the cart returned it: its id, quantity and metadata are what the update
    // uses (an old key the new values lack is sent as "" so the server drops it).
    const json line = {
        {"id", "cali_1"},
        {"quantity", 3.0},
        {"title", "Shirt"},
        {"metadata", {{"message", "Old"}, {"font", "Serif"}, {"_personalization_schema", "x"}}}};
    auto update = plan_call(
        config, "store.cart.updatePersonalizedLineItem",
        json::array({"cart_1", line, {{"personalization", {{"message", "New"}}}}}), &*schema);
    REQUIRE(update.ok());
    CHECK(update->request.target == "/store/carts/cart_1/line-items/cali_1");
    const json update_body = json::parse(*update->request.body);
    CHECK(update_body["quantity"] == 3);
    CHECK(update_body["metadata"]["message"] == "New");
    CHECK(update_body["metadata"]["font"] == "");

    // A wrong type anywhere in the line is refused as from_json<LineItem> refuses it.
    json odd_line = line;
    odd_line["title"] = 5;
    auto refused = plan_call(config, "store.cart.updatePersonalizedLineItem",
                             json::array({"cart_1", odd_line, json::object()}), &*schema);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "argument.body");
    CHECK(refused.error().path == "/title");
  }

  TEST_CASE("check_response: envelopes and bodies that are not what the call returns") {
    auto check = [](const char* call, int status, const std::string& body) {
      return check_response(*envelope_of(call), medusa::http::Response{status, {}, body});
    };
    CHECK(check("store.cart.retrieve", 200, R"({"cart":{"id":"c"}})").ok());
    CHECK(check("store.cart.retrieve", 200, R"({"carts":{}})").error().code == "response.shape");
    CHECK(check("store.cart.retrieve", 200, R"({"cart":[]})").error().code == "response.shape");
    CHECK(check("store.cart.retrieve", 200, R"([{"cart":{}}])").error().code == "response.shape");
    CHECK(check("store.cart.retrieve", 200, "<html>").error().code == "response.syntax");
    CHECK(check("store.cart.retrieve", 200, "{\"cart\":\"\xff\"}").error().code ==
          "response.invalid_utf8");
    CHECK(check("store.product.list", 200, R"({"products":[],"count":0})").ok());
    CHECK(check("store.product.list", 200, R"({"products":{}})").error().code == "response.shape");
    CHECK(check("store.cart.complete", 200, R"({"type":"order","order":{}})").ok());
    CHECK(check("store.cart.complete", 200, R"({"type":"cart","cart":{},"error":{}})").ok());
    CHECK(check("store.cart.complete", 200, R"({"type":"order","cart":{}})").error().code ==
          "response.shape");
    CHECK(check("store.cart.complete", 200, R"({"type":"other"})").error().code ==
          "response.shape");
    CHECK(check("store.cart.deleteLineItem", 200, R"({"id":"l","object":"line-item","deleted":true})")
              .ok());
    CHECK(check("auth.login", 200, R"({"token":"jwt"})").ok());
    CHECK(check("auth.login", 200, R"({"location":"https://x"})").ok());
    CHECK(check("auth.login", 200, R"({})").error().code == "response.shape");

    auto http = check("store.cart.retrieve", 404,
                      R"({"type":"not_found","message":"Cart id not found: c"})");
    REQUIRE_FALSE(http.ok());
    CHECK(http.error().kind == medusa::ErrorKind::http);
    CHECK(http.error().code == "http.not_found");
    CHECK(http.error().message == "Cart id not found: c");
    CHECK(http.error().details["statusText"] == "Not Found");
  }
}
