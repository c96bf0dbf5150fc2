// The mock backend's request handling: arbitrary JSON bodies and ids sent to every Store
// route of a seeded backend. Refusals are MockErrors (typed HTTP errors); anything else
// thrown, or a crash, is a finding.
#include <cstdint>
#include <memory>
#include <string>

#include "backend.hpp"
#include "medusa/json_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // A fresh backend every 500 inputs keeps memory bounded over long runs.
  static std::unique_ptr<medusa::mock::Backend> fresh;
  static std::string cart_id;
  static unsigned runs = 0;
  if (!fresh || ++runs % 500 == 0) {
    fresh = std::make_unique<medusa::mock::Backend>([](const std::string&, const medusa::json&) {});
    cart_id = fresh->create_cart(medusa::json::object())["cart"]["id"];
  }
  medusa::mock::Backend& backend = *fresh;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  auto body = medusa::parse_json(text);
  if (!body) return 0;
  const std::string id = body->is_object() && body->contains("id") && (*body)["id"].is_string()
                             ? (*body)["id"].get<std::string>()
                             : cart_id;
  try {
    switch (data[0] % 8) {
      case 0: backend.create_cart(*body); break;
      case 1: backend.update_cart(id, *body); break;
      case 2: backend.add_line_item(cart_id, *body); break;
      case 3: backend.update_line_item(cart_id, id, *body); break;
      case 4: backend.add_shipping_method(cart_id, *body); break;
      case 5: backend.create_payment_collection(*body); break;
      case 6: backend.complete_cart(id); break;
      default: backend.retrieve_cart(id); break;
    }
  } catch (const medusa::mock::MockError&) {
    // a typed refusal: what the server answers with 4xx
  }
  return 0;
}
