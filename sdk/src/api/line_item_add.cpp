#include "medusa/api/line_item_add.hpp"

#include "medusa/models/cart.hpp"
#include "medusa/personalization/line_item_match.hpp"

namespace medusa::api {
namespace {

constexpr std::string_view kCarts = "/store/carts/";
constexpr std::string_view kLineItems = "/line-items";

// The path part of a target ("/store/carts/c/line-items?fields=x" -> up to '?').
std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

bool is_add_path(std::string_view path) {
  if (path.size() <= kCarts.size() + kLineItems.size()) return false;
  if (path.substr(0, kCarts.size()) != kCarts) return false;
  if (path.substr(path.size() - kLineItems.size()) != kLineItems) return false;
  const auto cart = path.substr(kCarts.size(), path.size() - kCarts.size() - kLineItems.size());
  return !cart.empty() && cart.find('/') == std::string_view::npos;
}

}  // namespace

std::optional<LineItemAdd> line_item_add_of(const http::Request& request) {
  if (request.method != "POST" || !request.body || !is_add_path(path_of(request.target)))
    return std::nullopt;
  auto body = parse_json(*request.body);
  if (!body || !body->is_object()) return std::nullopt;
  const auto variant = body->find("variant_id");
  const auto quantity = body->find("quantity");
  if (variant == body->end() || !variant->is_string() || quantity == body->end() ||
      !quantity->is_number_integer()) {
    return std::nullopt;
  }
  LineItemAdd add;
  add.variant_id = variant->get<std::string>();
  add.quantity = quantity->get<std::int64_t>();
  if (const auto metadata = body->find("metadata"); metadata != body->end())
    add.metadata = *metadata;
  return add;
}

http::Request cart_read_for(const http::Request& add) {
  http::Request read;
  read.method = "GET";
  const auto path = path_of(add.target);
  const auto query = std::string_view(add.target).substr(path.size());
  const auto cart_path = path.substr(0, path.size() - kLineItems.size());
  read.target = std::string(cart_path) + std::string(query);
  const auto at = add.url.rfind(add.target);
  read.url = (at == std::string::npos ? std::string() : add.url.substr(0, at)) + read.target;
  read.headers = add.headers;
  read.headers.remove("content-type");
  return read;
}

std::int64_t matching_quantity(const LineItemAdd& add, const std::vector<LineItem>& items) {
  const LineItem* line = personalization::find_matching_line_item(items, add.variant_id, add.metadata);
  return line ? line->quantity.value_or(0) : 0;
}

Result<std::int64_t> matching_quantity(const LineItemAdd& add, const std::string& cart_body,
                                       const JsonLimits& limits) {
  auto body = parse_json(cart_body, limits);
  if (!body) {
    return Error(ErrorKind::invalid_response, "response.syntax",
                 "cart read-back is not JSON: " + body.error().message);
  }
  // Read on the JSON itself, not through the Cart model: the WebAssembly module would
  // otherwise carry the whole model's parser for three fields.
  const auto cart = body->find("cart");
  if (!body->is_object() || cart == body->end() || !cart->is_object())
    return Error(ErrorKind::invalid_response, "response.shape", "cart read-back has no cart");
  const auto items = cart->find("items");
  if (items == cart->end() || !items->is_array())
    return Error(ErrorKind::invalid_response, "response.shape", "cart read-back has no cart.items");
  // Shape first (a malformed line is a typed error, wherever it is), then Medusa's rule.
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    const auto at = "/cart/items/" + std::to_string(i);
    if (!item.is_object())
      return Error(ErrorKind::invalid_response, "response.shape", "line item is not an object", at);
    const auto quantity = item.find("quantity");
    if (quantity != item.end() && !quantity->is_number_integer()) {
      return Error(ErrorKind::invalid_response, "response.shape", "quantity is not an integer",
                   at + "/quantity");
    }
  }
  const auto index = personalization::find_matching_line_index(*items, add.variant_id, add.metadata);
  if (!index) return std::int64_t{0};
  return (*items)[*index].value("quantity", std::int64_t{0});
}

AddOutcome add_outcome(const LineItemAdd& add, std::int64_t quantity_before,
                       std::int64_t quantity_after) {
  if (quantity_after == quantity_before) return AddOutcome::not_landed;
  if (quantity_after == quantity_before + add.quantity) return AddOutcome::landed;
  return AddOutcome::changed_elsewhere;
}

const char* to_string(AddOutcome outcome) noexcept {
  switch (outcome) {
    case AddOutcome::landed:
      return "landed";
    case AddOutcome::not_landed:
      return "not_landed";
    case AddOutcome::changed_elsewhere:
      return "changed_elsewhere";
  }
  return "changed_elsewhere";
}

Error add_unverified(const http::Request& add, std::optional<std::int64_t> quantity_before,
                     std::int64_t quantity_after) {
  const std::string what =
      quantity_before ? "the cart's matching line went from quantity " +
                            std::to_string(*quantity_before) + " to " +
                            std::to_string(quantity_after) + ": another request changed it"
                      : "the cart (not seen by this client before) has a matching line of "
                        "quantity " +
                            std::to_string(quantity_after);
  Error e(ErrorKind::transport, "transport.add_unverified",
          "POST " + std::string(path_of(add.target)) + " got no answer and " + what +
              ", so whether this add landed is unknown; read the cart");
  e.details = json{{"sent", true},
                   {"quantity_before", quantity_before ? json(*quantity_before) : json()},
                   {"quantity_after", quantity_after}};
  return e;
}

}  // namespace medusa::api
