// Every response parser: the typed models (native client) and the envelope check (the
// JavaScript package) of every call, on arbitrary bodies and statuses. No crash; a body
// the typed parser accepts is never refused by the envelope check.
#include <cstdint>
#include <string>

#include "medusa/api/admin.hpp"
#include "medusa/api/named_calls.hpp"
#include "medusa/api/store.hpp"
#include "medusa/models/error_body.hpp"

namespace {

template <class T>
bool typed(const medusa::http::Response& r) {
  return medusa::api::parse_envelope<T>(r, medusa::api::Config{}).ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // First byte picks the status: mostly 200, sometimes an error status.
  static const int statuses[] = {200, 200, 200, 201, 400, 401, 404, 409, 500, 503};
  medusa::http::Response response;
  response.status = statuses[data[0] % 10];
  response.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace medusa::api;
  (void)medusa::parse_error_body(response.body);
  const bool cart = typed<CartResponse>(response);
  (void)typed<ProductResponse>(response);
  (void)typed<ProductListResponse>(response);
  (void)typed<RegionListResponse>(response);
  (void)typed<OrderResponse>(response);
  (void)typed<OrderListResponse>(response);
  (void)typed<CompleteCartResponse>(response);
  (void)typed<LineItemDeleteResponse>(response);
  (void)typed<PaymentCollectionResponse>(response);
  (void)typed<ShippingOptionListResponse>(response);
  (void)typed<UploadResponse>(response);
  for (auto name : call_names()) (void)check_response(*envelope_of(name), response);
  // A cart the typed parser read must pass the cart envelope check too.
  if (cart && response.status == 200 && response.body.find("\"cart\"") != std::string::npos) {
    auto outline = medusa::scan_json(response.body);
    if (outline && outline->find("cart") && outline->find("cart")->kind == medusa::JsonKind::object &&
        !check_response(*envelope_of("store.cart.retrieve"), response).ok())
      __builtin_trap();
  }
  return 0;
}
