// checked_json<T> (a body passed through after a type check) against the model's own round
// trip, from_json<T> then to_json: the same errors, and the same JSON text sent.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "medusa/api/bodies.hpp"
#include "medusa/models.hpp"

using medusa::json;

namespace {

// Member names of the body models, of the models inside them (addresses, items, labels)
// and of a line item, and one no model has: generated objects hit nested members of
// every kind as well as unknown keys.
const std::vector<std::string> kKeys = {"variant_id",
                                        "quantity",
                                        "metadata",
                                        "region_id",
                                        "email",
                                        "items",
                                        "id",
                                        "first_name",
                                        "address_1",
                                        "country_code",
                                        "option_id",
                                        "data",
                                        "provider_id",
                                        "location_id",
                                        "no_notification",
                                        "labels",
                                        "tracking_number",
                                        "promo_codes",
                                        "shipping_address",
                                        "unit_price",
                                        "title",
                                        "unknown_key"};

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  json object(int depth) {
    json out = json::object();
    const int members = pick(6);
    for (int i = 0; i < members; ++i)
      out[kKeys[pick(static_cast<int>(kKeys.size()))]] = value(depth);
    return out;
  }

 private:
  json value(int depth) {
    switch (pick(depth > 0 ? 11 : 8)) {
      case 0:
        return "text";
      case 1:
        return 3;
      case 2:
        return 2.0;  // an integer written as a float: integer members take it as 2
      case 3:
        return 2.5;
      case 4:
        return -7;
      case 5:
        return true;
      case 6:
        return nullptr;
      case 7:
        return json::array();
      case 8:
      case 9:
        return object(depth - 1);
      default: {
        json out = json::array();
        const int n = pick(4);
        for (int i = 0; i < n; ++i) out.push_back(pick(3) ? object(depth - 1) : value(depth - 1));
        return out;
      }
    }
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  std::mt19937 random_;
};

// Returns whether the input was accepted, after comparing both ways on it.
template <class T>
bool agree(const json& input) {
  auto read = medusa::from_json<T>(input);
  auto checked = medusa::checked_json<T>(input);
  REQUIRE(read.ok() == checked.ok());
  if (!read.ok()) {
    CHECK(checked.error().kind == read.error().kind);
    CHECK(checked.error().code == read.error().code);
    CHECK(checked.error().message == read.error().message);
    CHECK(checked.error().path == read.error().path);
    return false;
  }
  CHECK_MESSAGE(checked->dump() == medusa::to_json(*read).dump(), input.dump());
  return true;
}

template <class T>
void agree_on_generated(unsigned seed, int& accepted, int& refused) {
  Generator generate(seed);
  for (int i = 0; i < 3000; ++i) (agree<T>(generate.object(3)) ? accepted : refused) += 1;
}

}  // namespace

TEST_SUITE("checked_json") {
  TEST_CASE("every body model: the same errors and the same text as from_json then to_json") {
    int accepted = 0, refused = 0;
    agree_on_generated<medusa::api::AddLineItem>(1, accepted, refused);
    agree_on_generated<medusa::api::UpdateLineItem>(2, accepted, refused);
    agree_on_generated<medusa::api::CreateCart>(3, accepted, refused);
    agree_on_generated<medusa::api::UpdateCart>(4, accepted, refused);
    agree_on_generated<medusa::api::AddShippingMethod>(5, accepted, refused);
    agree_on_generated<medusa::api::InitiatePaymentSession>(6, accepted, refused);
    agree_on_generated<medusa::api::CreateFulfillment>(7, accepted, refused);
    agree_on_generated<medusa::api::CreateShipment>(8, accepted, refused);
    // Both outcomes are well represented, so neither side of the comparison is vacuous.
    CHECK(accepted > 2000);
    CHECK(refused > 2000);
  }

  TEST_CASE("nested errors name the same path; integers written as floats become integers") {
    const json bad = {{"items", {{{"variant_id", "v"}, {"quantity", 1}}, {{"quantity", "2"}}}}};
    auto checked = medusa::checked_json<medusa::api::CreateCart>(bad);
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().path == "/items/1/quantity");
    CHECK(checked.error().message == "expected an integer, got string at /items/1/quantity");

    const json floats = {{"items", {{{"variant_id", "v"}, {"quantity", 2.0}}}},
                         {"metadata", {{"size", 2.0}}}};
    auto sent = medusa::checked_json<medusa::api::CreateCart>(floats);
    REQUIRE(sent.ok());
    CHECK(sent->dump() == R"({"items":[{"quantity":2,"variant_id":"v"}],"metadata":{"size":2.0}})");
    CHECK_FALSE(medusa::checked_json<medusa::api::AddLineItem>(json{{"quantity", 2.5}}).ok());
  }

  TEST_CASE("a line item is checked like from_json<LineItem>") {
    Generator generate(9);
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
      const json input = generate.object(3);
      auto read = medusa::from_json<medusa::LineItem>(input);
      auto checked = medusa::checked_json<medusa::LineItem>(input);
      REQUIRE(read.ok() == checked.ok());
      if (read.ok()) {
        ++accepted;
      } else {
        CHECK(checked.error().message == read.error().message);
        CHECK(checked.error().path == read.error().path);
      }
    }
    CHECK(accepted > 300);
  }
}
