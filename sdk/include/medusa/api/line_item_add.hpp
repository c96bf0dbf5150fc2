// Safe retry of an add-to-cart whose answer was lost.
//
// Medusa has no idempotency keys, and `POST /store/carts/:id/line-items` merges a
// repeated add into the existing line (same variant, equal metadata) by adding the
// quantity again: resending an add that did land would double it. So after an ambiguous
// failure (sent, no answer; or 502/503/504) the client reads the cart and compares the
// matching line's quantity (0 when there is none) with the cart as it last saw it
// (medusa/api/exchange.hpp runs the protocol):
//   - quantity grew by the add's quantity: the add landed; the fresh cart is the answer
//   - quantity unchanged: it did not land; sending it again is safe
//   - anything else: another request changed the line meanwhile; the caller decides.
// Pure functions over requests and responses; the native Client and the JavaScript
// client run the protocol with their own transports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "medusa/error.hpp"
#include "medusa/http/message.hpp"
#include "medusa/json_input.hpp"
#include "medusa/models/cart.hpp"

namespace medusa::api {

/// A line-item add, read back from the request that carries it.
struct LineItemAdd {
  std::string variant_id;
  json metadata;  ///< null when the add has none
  std::int64_t quantity = 0;
};

/// The add carried by `request` when it is a `POST /store/carts/:id/line-items` with a
/// JSON body naming a variant and a quantity; nullopt for any other request.
std::optional<LineItemAdd> line_item_add_of(const http::Request& request);

/// The GET that reads back the cart an add request targets: same URL without
/// `/line-items`, same query and headers, no body. Precondition: line_item_add_of(add).
http::Request cart_read_for(const http::Request& add);

/// The quantity of the line `add` would merge into (Medusa's rule), 0 when none.
std::int64_t matching_quantity(const LineItemAdd& add, const std::vector<LineItem>& items);

/// The quantity of that line in a `{ cart }` response body; an Error{invalid_response}
/// when the body is not a cart with its items.
Result<std::int64_t> matching_quantity(const LineItemAdd& add, const std::string& cart_body,
                                       const JsonLimits& limits = {});

enum class AddOutcome {
  landed,            ///< the cart holds the add
  not_landed,        ///< the cart is as before: sending the add again is safe
  changed_elsewhere  ///< the line changed by another amount: neither is safe to assume
};

/// Compares the matching line's quantity before and after an ambiguous add.
AddOutcome add_outcome(const LineItemAdd& add, std::int64_t quantity_before,
                       std::int64_t quantity_after);

/// "landed", "not_landed", "changed_elsewhere".
const char* to_string(AddOutcome outcome) noexcept;

/// The typed error when the outcome cannot be known: ErrorKind::transport, code
/// "transport.add_unverified", details { sent: true, quantity_before, quantity_after }
/// (quantity_before null when the client had not seen the cart).
Error add_unverified(const http::Request& add, std::optional<std::int64_t> quantity_before,
                     std::int64_t quantity_after);

}  // namespace medusa::api
