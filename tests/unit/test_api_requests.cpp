// Every request builder and response parser against the real server's traces: exact
// method, path, query, headers and body; typed results; every error shape.
#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "medusa/api/admin.hpp"
#include "medusa/api/store.hpp"
#include "test_support.hpp"

using medusa::json;
using namespace medusa::api;
using test_support::load_trace;
using test_support::Trace;

namespace {

Config trace_config() {
  Config c;
  c.base_url = "http://localhost:9000";
  c.publishable_key = "<PUBLISHABLE_KEY>";
  return c;
}

Config admin_config() {
  Config c = trace_config();
  c.token = "<ADMIN_JWT>";
  return c;
}

std::vector<std::string> segments(const Trace& t) {
  std::vector<std::string> out;
  const std::string path = t.target.substr(0, t.target.find('?'));
  std::size_t start = 1;
  while (start < path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

medusa::http::Query trace_query(const Trace& t) {
  medusa::http::Query q;
  const auto mark = t.target.find('?');
  if (mark == std::string::npos) return q;
  for (auto& [k, v] : medusa::http::decode_query(t.target.substr(mark + 1))) q.add(k, v);
  return q;
}

template <class B>
B body_as(const Trace& t) {
  auto b = medusa::from_json<B>(t.request_body);
  REQUIRE_MESSAGE(b.ok(), t.name, ": ", (b.ok() ? "" : b.error().describe()));
  return *b;
}

// Compares our request with the trace's, then parses the trace's response.
template <class T>
void check_call(const medusa::Result<Call<T>>& call, const Trace& t, const Config& config) {
  CAPTURE(t.name);
  REQUIRE_MESSAGE(call.ok(), (call.ok() ? "" : call.error().describe()));
  const auto& r = call->request;
  CHECK(r.method == t.method);
  const auto ours_path = r.target.substr(0, r.target.find('?'));
  CHECK(ours_path == t.target.substr(0, t.target.find('?')));
  const auto ours_query = medusa::http::decode_query(
      r.target.find('?') == std::string::npos ? "" : r.target.substr(r.target.find('?') + 1));
  const auto mark = t.target.find('?');
  CHECK(ours_query ==
        medusa::http::decode_query(mark == std::string::npos ? "" : t.target.substr(mark + 1)));
  CHECK(r.url == config.base_url + r.target);
  for (const auto& header : t.request_headers) {
    CAPTURE(header.first);
    CHECK(r.headers.get(header.first) == std::optional<std::string>(header.second));
  }
  if (t.request_body.is_null()) {
    CHECK_FALSE(r.body.has_value());
  } else {
    REQUIRE(r.body.has_value());
    CHECK(json::parse(*r.body) == t.request_body);
  }

  medusa::http::Response response{t.status, {}, t.response_body};
  const auto parsed = call->parse_response(response, config);
  if (t.status >= 200 && t.status < 300) {
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().describe()));
    CHECK(medusa::to_json(*parsed) == json::parse(t.response_body));
  } else {
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().kind == medusa::ErrorKind::http);
    CHECK(parsed.error().details["status"] == t.status);
    const auto body = json::parse(t.response_body, nullptr, false);
    if (!body.is_discarded()) CHECK(parsed.error().message == body["message"].get<std::string>());
  }
}

}  // namespace

TEST_SUITE("api") {
  TEST_CASE("store requests and responses match the traces") {
    const Config config = trace_config();
    const Store<BuildOnly> store(&config, BuildOnly{});
    using Case = std::function<void(const Trace&)>;
    const std::vector<std::pair<std::string, Case>> cases = {
        {"100-store-list-regions.txt",
         [&](const Trace& t) { check_call(store.region.list(), t, config); }},
        {"101-store-get-region.txt",
         [&](const Trace& t) { check_call(store.region.retrieve(segments(t)[2]), t, config); }},
        {"103-store-list-products-with-fields.txt",
         [&](const Trace& t) { check_call(store.product.list(trace_query(t)), t, config); }},
        {"104-store-list-products-by-handle.txt",
         [&](const Trace& t) { check_call(store.product.list(trace_query(t)), t, config); }},
        {"106-store-get-product-fields.txt",
         [&](const Trace& t) {
           check_call(store.product.retrieve(segments(t)[2], trace_query(t)), t, config);
         }},
        {"107-store-get-product-letter.txt",
         [&](const Trace& t) {
           check_call(store.product.retrieve(segments(t)[2], trace_query(t)), t, config);
         }},
        {"109-store-create-cart.txt",
         [&](const Trace& t) { check_call(store.cart.create(body_as<CreateCart>(t)), t, config); }},
        {"137-store-create-cart-with-items.txt",
         [&](const Trace& t) { check_call(store.cart.create(body_as<CreateCart>(t)), t, config); }},
        {"124-store-get-cart-after-adds.txt",
         [&](const Trace& t) { check_call(store.cart.retrieve(segments(t)[2]), t, config); }},
        {"136-store-get-cart-parallel.txt",
         [&](const Trace& t) {
           check_call(store.cart.retrieve(segments(t)[2], trace_query(t)), t, config);
         }},
        {"146-store-update-cart-email-address.txt",
         [&](const Trace& t) {
           check_call(store.cart.update(segments(t)[2], body_as<UpdateCart>(t)), t, config);
         }},
        {"110-li-add-S-msgA.txt",
         [&](const Trace& t) {
           check_call(store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t)), t,
                      config);
         }},
        {"114-li-add-S-no-metadata.txt",
         [&](const Trace& t) {
           check_call(store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t)), t,
                      config);
         }},
        {"138-li-add-A-when-two-equal-lines.txt",
         [&](const Trace& t) {
           check_call(
               store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t), trace_query(t)),
               t, config);
         }},
        {"126-li-update-quantity-and-metadata.txt",
         [&](const Trace& t) {
           check_call(store.cart.updateLineItem(segments(t)[2], segments(t)[4],
                                                body_as<UpdateLineItem>(t)),
                      t, config);
         }},
        {"130-li-update-quantity-zero.txt",
         [&](const Trace& t) {
           check_call(store.cart.updateLineItem(segments(t)[2], segments(t)[4],
                                                body_as<UpdateLineItem>(t)),
                      t, config);
         }},
        {"131-li-delete.txt",
         [&](const Trace& t) {
           check_call(store.cart.deleteLineItem(segments(t)[2], segments(t)[4]), t, config);
         }},
        {"132-li-delete-again.txt",
         [&](const Trace& t) {
           check_call(store.cart.deleteLineItem(segments(t)[2], segments(t)[4]), t, config);
         }},
        {"147-store-list-shipping-options.txt",
         [&](const Trace& t) {
           check_call(store.fulfillment.listCartOptions(trace_query(t)), t, config);
         }},
        {"148-store-add-shipping-method.txt",
         [&](const Trace& t) {
           check_call(store.cart.addShippingMethod(segments(t)[2], body_as<AddShippingMethod>(t)),
                      t, config);
         }},
        {"149-store-list-payment-providers.txt",
         [&](const Trace& t) {
           check_call(store.payment.listPaymentProviders(trace_query(t)), t, config);
         }},
        {"150-store-create-payment-collection.txt",
         [&](const Trace& t) {
           check_call(store.payment.createPaymentCollection(t.request_body["cart_id"]), t, config);
         }},
        {"152-store-init-payment-session.txt",
         [&](const Trace& t) {
           check_call(store.payment.createPaymentSession(segments(t)[2],
                                                         body_as<InitiatePaymentSession>(t)),
                      t, config);
         }},
        {"154-store-complete-cart.txt",
         [&](const Trace& t) { check_call(store.cart.complete(segments(t)[2]), t, config); }},
        {"155-store-complete-cart-again.txt",
         [&](const Trace& t) { check_call(store.cart.complete(segments(t)[2]), t, config); }},
        {"158-store-get-order.txt",
         [&](const Trace& t) { check_call(store.order.retrieve(segments(t)[2]), t, config); }},
        {"159-store-get-order-items-metadata.txt",
         [&](const Trace& t) {
           check_call(store.order.retrieve(segments(t)[2], trace_query(t)), t, config);
         }},
        // Error shapes: {type,message}, {code,type,message}, {message}, HTML 404.
        {"157-store-add-line-item-to-completed-cart.txt",
         [&](const Trace& t) {
           check_call(store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t)), t,
                      config);
         }},
        {"173-err-bad-variant-id.txt",
         [&](const Trace& t) {
           check_call(store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t)), t,
                      config);
         }},
        {"185-err-quantity-over-stock.txt",
         [&](const Trace& t) {
           check_call(store.cart.createLineItem(segments(t)[2], body_as<AddLineItem>(t)), t,
                      config);
         }},
        {"193-err-unknown-cart.txt",
         [&](const Trace& t) { check_call(store.cart.retrieve(segments(t)[2]), t, config); }},
        {"195-err-unknown-line-item-update.txt",
         [&](const Trace& t) {
           check_call(store.cart.updateLineItem(segments(t)[2], segments(t)[4],
                                                body_as<UpdateLineItem>(t)),
                      t, config);
         }},
        {"197-err-unknown-order.txt",
         [&](const Trace& t) { check_call(store.order.retrieve(segments(t)[2]), t, config); }},
        {"199-err-create-cart-bad-region.txt",
         [&](const Trace& t) { check_call(store.cart.create(body_as<CreateCart>(t)), t, config); }},
        {"210-err-shipping-method-unknown-option.txt",
         [&](const Trace& t) {
           check_call(store.cart.addShippingMethod(segments(t)[2], body_as<AddShippingMethod>(t)),
                      t, config);
         }},
        {"212-err-complete-no-payment.txt",
         [&](const Trace& t) { check_call(store.cart.complete(segments(t)[2]), t, config); }},
        {"214-err-payment-session-bad-provider.txt",
         [&](const Trace& t) {
           check_call(store.payment.createPaymentSession(segments(t)[2],
                                                         body_as<InitiatePaymentSession>(t)),
                      t, config);
         }},
        {"161-store-list-orders-guest.txt",
         [&](const Trace& t) { check_call(store.order.list(), t, config); }},
    };
    for (const auto& [name, run] : cases) run(load_trace(name));
  }

  TEST_CASE("admin and auth requests and responses match the traces") {
    const Config config = admin_config();
    const Admin<BuildOnly> admin(&config, BuildOnly{});
    Config anonymous = trace_config();
    const Auth<BuildOnly> auth{&anonymous, BuildOnly{}};
    check_call(auth.login("user", "emailpass", load_trace("001-admin-login.txt").request_body),
               load_trace("001-admin-login.txt"), anonymous);
    check_call(auth.login("user", "emailpass",
                          load_trace("205-err-login-wrong-password.txt").request_body),
               load_trace("205-err-login-wrong-password.txt"), anonymous);
    const auto list = load_trace("162-admin-list-orders.txt");
    check_call(admin.order.list(), list, config);
    const auto list_fields = load_trace("163-admin-list-orders-items-metadata.txt");
    check_call(admin.order.list(trace_query(list_fields)), list_fields, config);
    const auto get = load_trace("165-admin-get-order-items-metadata.txt");
    check_call(admin.order.retrieve(segments(get)[2], trace_query(get)), get, config);
    const auto ful = load_trace("167-admin-create-fulfillment-first-item.txt");
    check_call(admin.order.createFulfillment(segments(ful)[2], body_as<CreateFulfillment>(ful)),
               ful, config);
    const auto twice = load_trace("169-admin-create-fulfillment-overfulfil.txt");
    check_call(admin.order.createFulfillment(segments(twice)[2], body_as<CreateFulfillment>(twice)),
               twice, config);
    const auto ship = load_trace("171-admin-create-shipment.txt");
    check_call(admin.order.createShipment(segments(ship)[2], segments(ship)[4],
                                          body_as<CreateShipment>(ship)),
               ship, config);
    const auto product = load_trace("016-admin-create-product.txt");
    check_call(admin.product.create(product.request_body), product, config);
  }

  TEST_CASE("missing or wrong credentials: the errors the real server sends") {
    Config no_key = trace_config();
    no_key.publishable_key.reset();
    const Store<BuildOnly> store(&no_key, BuildOnly{});
    const auto t = load_trace("160-store-get-order-no-pk.txt");
    check_call(store.order.retrieve(segments(t)[2]), t, no_key);

    Config no_auth = trace_config();
    no_auth.publishable_key.reset();
    const Admin<BuildOnly> admin(&no_auth, BuildOnly{});
    const auto unauthorized = load_trace("202-err-admin-no-auth.txt");
    check_call(admin.order.list(), unauthorized, no_auth);
    const auto call = admin.order.list();
    const auto err = call->parse_response({401, {}, unauthorized.response_body}, no_auth);
    CHECK(err.error().code == "http.unauthorized");
    CHECK(err.error().details["type"].is_null());
  }

  TEST_CASE(
      "authorization headers: Bearer token, Basic secret key, publishable key on /store only") {
    Config c;
    c.publishable_key = "pk_123";
    c.api_key = "sk_secret";
    const Admin<BuildOnly> admin(&c, BuildOnly{});
    const Store<BuildOnly> store(&c, BuildOnly{});
    CHECK(admin.order.list()->request.headers.get("authorization") ==
          std::optional<std::string>("Basic c2tfc2VjcmV0Og=="));
    CHECK_FALSE(admin.order.list()->request.headers.has("x-publishable-api-key"));
    CHECK(store.cart.retrieve("cart_1")->request.headers.get("x-publishable-api-key") ==
          std::optional<std::string>("pk_123"));
    CHECK_FALSE(store.cart.retrieve("cart_1")->request.headers.has("authorization"));
    c.token = "jwt";
    CHECK(admin.order.list()->request.headers.get("authorization") ==
          std::optional<std::string>("Bearer jwt"));
    c.global_headers.set("x-trace", "1");
    CHECK(store.region.list({}, {{"x-trace", "2"}})->request.headers.get("x-trace") ==
          std::optional<std::string>("2"));
    CHECK(store.region.list()->request.headers.get("X-Trace") == std::optional<std::string>("1"));
  }

  TEST_CASE("an HTML 404 and a 413 from the real server become typed errors") {
    const Config config = trace_config();
    const Store<BuildOnly> store(&config, BuildOnly{});
    const auto html = load_trace("198-err-unknown-route.txt");
    const auto not_found =
        store.region.list()->parse_response({html.status, {}, html.response_body}, config);
    REQUIRE_FALSE(not_found.ok());
    CHECK(not_found.error().code == "http.not_found");
    CHECK(not_found.error().message == "Error Cannot GET /store/does-not-exist");
    const auto big = load_trace("191-err-metadata-1mb.txt");
    AddLineItem body;
    body.variant_id = "v";
    body.quantity = 1;
    const auto too_large = store.cart.createLineItem("c", body)->parse_response(
        {big.status, {}, big.response_body}, config);
    REQUIRE_FALSE(too_large.ok());
    CHECK(too_large.error().code == "http.unknown_error");
    CHECK(too_large.error().details["status"] == 413);
    CHECK(too_large.error().details["statusText"] == "Payload Too Large");
  }

  TEST_CASE("product calls ask for metadata unless fields are listed explicitly") {
    Config c;
    const Store<BuildOnly> store(&c, BuildOnly{});
    auto fields = [&](const medusa::http::Query& q) {
      return store.product.retrieve("prod_1", q)->request.target;
    };
    CHECK(fields({}) == "/store/products/prod_1?fields=%2Bmetadata,%2Bvariants.metadata");
    CHECK(fields(medusa::http::Query().add("fields", "*variants.calculated_price")) ==
          "/store/products/"
          "prod_1?fields=*variants.calculated_price,%2Bmetadata,%2Bvariants.metadata");
    CHECK(fields(medusa::http::Query().add("fields", "id,title")) ==
          "/store/products/prod_1?fields=id,title");
    CHECK(fields(medusa::http::Query().add("fields", "-metadata")) ==
          "/store/products/prod_1?fields=-metadata,%2Bvariants.metadata");
    CHECK(
        store.product
            .list(medusa::http::Query::from_json({{"region_id", "reg_1"}, {"id", {"a", "b"}}}))
            ->request.target ==
        "/store/"
        "products?id%5B0%5D=a&id%5B1%5D=b&region_id=reg_1&fields=%2Bmetadata,%2Bvariants.metadata");
    CHECK(medusa::http::Query().add("a", "1").add("b", "2").set("a", "3").encode() == "a=3&b=2");
  }

  TEST_CASE("an admin upload: one multipart \"files\" part per file, names sanitized") {
    Config config;
    config.base_url = "http://localhost:9000";
    config.token = "jwt";
    const std::string png = "\x89PNG\r\n\x1a\nfake";
    auto call = build_admin_upload_call(
        config, {{"../../etc/mockup.png", "image/png", png}, {"notes \"a\".txt", "", "hello"}}, {}, {});
    REQUIRE(call.ok());
    const auto& r = call->request;
    CHECK(r.method == "POST");
    CHECK(r.target == "/admin/uploads");
    CHECK(r.headers.get("authorization") == std::optional<std::string>("Bearer jwt"));
    const std::string type = r.headers.get("content-type").value_or("");
    REQUIRE(type.rfind("multipart/form-data; boundary=", 0) == 0);
    const std::string boundary = type.substr(type.find('=') + 1);
    const std::string& body = *r.body;
    CHECK(body.find("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"mockup.png\"\r\nContent-Type: image/png\r\n\r\n" + png + "\r\n") == 0);
    CHECK(body.find("filename=\"notes a.txt\"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n") != std::string::npos);
    CHECK(body.size() >= boundary.size() + 6);
    CHECK(body.substr(body.size() - boundary.size() - 6) == "--" + boundary + "--\r\n");
    CHECK(build_admin_upload_call(config, {}, {}, {}).error().code == "argument.files");
    CHECK(build_admin_upload_call(config, {{"a", "text/plain\r\nX-Evil: 1", "x"}}, {}, {}).error().code == "argument.files");
  }

  TEST_CASE("ids are percent-encoded path segments") {
    Config c;
    const Store<BuildOnly> store(&c, BuildOnly{});
    CHECK(store.cart.retrieve("../admin/x?y")->request.target == "/store/carts/..%2Fadmin%2Fx%3Fy");
  }

  TEST_CASE("a body is a model, `{}`, or JSON checked against the model, sent as it is") {
    Config c;
    const Store<BuildOnly> store(&c, BuildOnly{});
    CHECK(*store.cart.create({})->request.body == "{}");
    CreateCart cart;
    cart.email = "a@example.com";
    cart.extra["note"] = "kept";
    CHECK(*store.cart.create(cart)->request.body == R"({"email":"a@example.com","note":"kept"})");
    const json written = {{"email", "a@example.com"}, {"items", {{{"quantity", 2.0}}}}};
    auto checked = Body<CreateCart>::from_json(written);
    REQUIRE(checked.ok());
    CHECK(*store.cart.create(*checked)->request.body ==
          R"({"email":"a@example.com","items":[{"quantity":2}]})");
    auto refused = Body<CreateCart>::from_json({{"items", {{{"quantity", "2"}}}}});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().path == "/items/0/quantity");
  }

  TEST_CASE("bodies over Medusa's 100 KiB limit are refused before sending") {
    Config c;
    const Store<BuildOnly> store(&c, BuildOnly{});
    AddLineItem body;
    body.variant_id = "variant_1";
    body.quantity = 1;
    body.metadata = json{{"image", std::string(102400, 'x')}};
    const auto call = store.cart.createLineItem("cart_1", body);
    REQUIRE_FALSE(call.ok());
    CHECK(call.error().kind == medusa::ErrorKind::request_too_large);
    CHECK(call.error().code == "request.too_large");
    CHECK(call.error().details["limit"] == 102400);
    body.metadata = json{{"image", std::string(102300, 'x')}};
    CHECK(store.cart.createLineItem("cart_1", body).ok());
  }

  TEST_CASE("bodies with a string that is not UTF-8, anywhere in them, are refused") {
    Config config;
    const Store<BuildOnly> store(&config, BuildOnly{});
    const std::string bad = "caf\xC3";  // truncated two-byte sequence
    for (const json& metadata :
         {json{{"message", bad}}, json{{bad, "x"}}, json{{"lines", {"ok", {{"deep", {bad}}}}}}}) {
      AddLineItem body;
      body.variant_id = "v";
      body.quantity = 1;
      body.metadata = metadata;
      const auto call = store.cart.createLineItem("cart_1", body);
      REQUIRE_FALSE(call.ok());
      CHECK(call.error().code == "request.invalid_utf8");
      CHECK(call.error().kind == medusa::ErrorKind::invalid_argument);
    }
    AddLineItem fine;
    fine.variant_id = "v";
    fine.quantity = 1;
    fine.metadata = json{{"message", "café ✓ 😀"}, {"lines", {"ok", {{"deep", {"ü"}}}}}};
    const auto call = store.cart.createLineItem("cart_1", fine);
    REQUIRE(call.ok());
    CHECK(call->request.body->find("café ✓ 😀") != std::string::npos);
  }

  TEST_CASE("unparseable and unexpected responses are typed errors") {
    Config c;
    const Store<BuildOnly> store(&c, BuildOnly{});
    const auto call = store.cart.retrieve("cart_1");
    auto bad_json = call->parse_response({200, {}, "{\"cart\":"}, c);
    CHECK(bad_json.error().kind == medusa::ErrorKind::invalid_response);
    CHECK(bad_json.error().code == "response.syntax");
    auto bad_shape = call->parse_response({200, {}, R"({"cart":{"items":"nope"}})"}, c);
    CHECK(bad_shape.error().code == "response.shape");
    CHECK(bad_shape.error().path == "/cart/items");
    auto empty_502 = call->parse_response({502, {}, ""}, c);
    CHECK(empty_502.error().kind == medusa::ErrorKind::http);
    CHECK(empty_502.error().message == "empty error body");
    CHECK(empty_502.error().details["statusText"] == "Bad Gateway");
  }
}
