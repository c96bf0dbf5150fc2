// Security of the mock backend, route by route: the publishable key on every Store
// route, a valid token on every Admin route, unguessable ids, a static folder that
// cannot be escaped.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "mock_shop.hpp"

using namespace mock_shop;

namespace {

struct Route {
  const char* method;
  std::string path;
};

std::vector<Route> store_routes(const std::string& cart, const std::string& product) {
  return {{"GET", "/store/regions"},
          {"GET", "/store/regions/reg_x"},
          {"GET", "/store/products"},
          {"GET", "/store/products/" + product},
          {"POST", "/store/carts"},
          {"GET", "/store/carts/" + cart},
          {"POST", "/store/carts/" + cart},
          {"POST", "/store/carts/" + cart + "/line-items"},
          {"POST", "/store/carts/" + cart + "/line-items/cali_x"},
          {"DELETE", "/store/carts/" + cart + "/line-items/cali_x"},
          {"POST", "/store/carts/" + cart + "/shipping-methods"},
          {"POST", "/store/carts/" + cart + "/complete"},
          {"GET", "/store/shipping-options?cart_id=" + cart},
          {"GET", "/store/payment-providers?region_id=reg_x"},
          {"POST", "/store/payment-collections"},
          {"POST", "/store/payment-collections/pay_col_x/payment-sessions"},
          {"GET", "/store/orders"},
          {"GET", "/store/orders/order_x"},
          {"POST", "/store/personalization/uploads"}};
}

std::vector<Route> admin_routes() {
  return {{"GET", "/admin/orders"},
          {"GET", "/admin/orders/order_x"},
          {"POST", "/admin/orders/order_x/fulfillments"},
          {"POST", "/admin/orders/order_x/fulfillments/ful_x/shipments"},
          {"GET", "/admin/personalization/print-jobs"},
          {"GET", "/admin/products"},
          {"POST", "/admin/products"},
          {"POST", "/admin/products/prod_x"},
          {"GET", "/admin/products/prod_x"}};
}

httplib::Result send(httplib::Client& c, const Route& r, const httplib::Headers& headers) {
  const std::string m = r.method;
  if (m == "GET") return c.Get(r.path.c_str(), headers);
  if (m == "DELETE") return c.Delete(r.path.c_str(), headers);
  return c.Post(r.path.c_str(), headers, "{}", "application/json");
}

}  // namespace

TEST_SUITE("security") {
  TEST_CASE("every Store route refuses a missing or wrong publishable key") {
    Shop shop;
    const std::string cart = shop.new_cart();
    httplib::Client c(shop.server.url());
    for (const auto& route : store_routes(cart, *shop.shirt.id)) {
      CAPTURE(route.method);
      CAPTURE(route.path);
      auto missing = send(c, route, {});
      REQUIRE(missing);
      CHECK(missing->status == 400);
      CHECK(json::parse(missing->body)["type"] == "not_allowed");
      auto wrong = send(c, route, {{"x-publishable-api-key", "pk_forged"}});
      REQUIRE(wrong);
      CHECK(wrong->status == 400);
      CHECK(json::parse(wrong->body)["message"] ==
            "A valid publishable key is required to proceed with the request");
    }
    // The refused requests changed nothing.
    auto after = shop.sdk->store.cart.retrieve(cart);
    REQUIRE(after.ok());
    CHECK(after->cart->items->empty());
  }

  TEST_CASE("every Admin route refuses a missing, forged or wrong-kind credential") {
    Shop shop;
    httplib::Client c(shop.server.url());
    const std::vector<std::pair<std::string, httplib::Headers>> attempts = {
        {"none", {}},
        {"forged bearer", {{"Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJhY3Rvcl9pZCI6InVzZXIifQ."}}},
        {"publishable key", {{"x-publishable-api-key", shop.server.options().publishable_key}}},
        {"wrong secret key", {{"Authorization", api::basic_authorization("sk_guess")}}},
        {"empty bearer", {{"Authorization", "Bearer "}}}};
    for (const auto& route : admin_routes()) {
      // Not a structured binding: CAPTURE's lambda cannot capture one in C++17 (clang).
      for (const auto& attempt : attempts) {
        const std::string& label = attempt.first;
        CAPTURE(route.path);
        CAPTURE(label);
        auto r = send(c, route, attempt.second);
        REQUIRE(r);
        CHECK(r->status == 401);
      }
    }
    // A token from a real login works, so the refusals are about the credential.
    auto login = shop.sdk->auth.login("user", "emailpass",
                                      {{"email", shop.server.options().admin_email},
                                       {"password", shop.server.options().admin_password}});
    REQUIRE(login.ok());
    auto ok = c.Get("/admin/orders", {{"Authorization", "Bearer " + *login->token}});
    REQUIRE(ok);
    CHECK(ok->status == 200);
  }

  TEST_CASE("cart and order ids are unguessable: 120 random bits, no sequence") {
    Shop shop;
    std::set<std::string> ids;
    std::vector<int> counts(128, 0);
    for (int i = 0; i < 400; ++i) {
      const std::string id = shop.new_cart();
      REQUIRE(id.size() == std::string("cart_01").size() + 24);
      CHECK(id.rfind("cart_01", 0) == 0);
      ids.insert(id);
      for (char ch : id.substr(7)) counts[static_cast<unsigned char>(ch)]++;
    }
    CHECK(ids.size() == 400);
    // Every base32 digit shows up, none dominates (400 x 24 draws, ~300 each).
    int used = 0;
    for (int n : counts) {
      if (n == 0) continue;
      ++used;
      CHECK(n > 150);
      CHECK(n < 500);
    }
    CHECK(used == 32);

    // A generator seeded with a constant, the clock or the process id gives two servers
    // started together the same sequence; OS entropy does not.
    Shop twin;
    std::set<std::string> shared;
    for (int i = 0; i < 50; ++i) {
      const std::string id = twin.new_cart();
      if (ids.count(id)) shared.insert(id);
    }
    CHECK(shared.empty());
  }

  TEST_CASE("the static folder cannot be escaped") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("medusa-static-" + std::to_string(::getpid()));
    fs::create_directories(root / "site");
    std::ofstream(root / "site" / "index.html") << "<p>shop</p>";
    std::ofstream(root / "secret.txt") << "TOP-SECRET";
    mock::ServerOptions options;
    options.static_dir = (root / "site").string();
    Shop shop(options);
    httplib::Client c(shop.server.url());
    auto page = c.Get("/index.html");
    REQUIRE(page);
    CHECK(page->status == 200);
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                             "/site/../../secret.txt", "/%2e%2e%2fsecret.txt", "//../secret.txt"}) {
      CAPTURE(path);
      auto r = c.Get(path);
      REQUIRE(r);  // an answer, not a dropped connection
      CHECK((r->status == 400 || r->status == 404));
      CHECK(r->body.find("TOP-SECRET") == std::string::npos);
    }
    fs::remove_all(root);
  }
}
