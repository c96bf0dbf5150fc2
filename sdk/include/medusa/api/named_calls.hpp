// Every API call addressed by its JS SDK path ("store.cart.createLineItem") with its
// arguments as one JSON array, in the JS SDK's order: a language-neutral entry point to
// the same builders as store.hpp/admin.hpp. The WebAssembly bindings use it, so the
// JavaScript package sends exactly the requests the native client sends.
//
//   plan_call(config, "store.cart.createLineItem",
//             json::array({cartId, {{"variant_id", v}, {"quantity", 1}}, query, headers}))
//
// Trailing arguments may be omitted or null. A wrong argument is an
// Error{invalid_argument, "argument.<problem>"} naming the call and the parameter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medusa/api/call.hpp"
#include "medusa/json_scan.hpp"
#include "medusa/personalization/schema.hpp"

namespace medusa::api {

/// What the top level of a 2xx body must hold.
struct Envelope {
  enum class Shape {
    key,       ///< an object member `key` (e.g. "cart")
    list,      ///< an array member `key` (e.g. "products"), with count/offset/limit
    complete,  ///< {type:"order", order} or {type:"cart", cart, error}
    deleted,   ///< {id, object, deleted}
    token,     ///< {token} or {location}
    any,       ///< any JSON (custom routes)
    empty,     ///< nothing: any 2xx, its body not read (Medusa's 201 "Created")
  };
  Shape shape = Shape::key;
  std::string key;
};

/// A request ready for a transport, and how to check its answer.
struct PlannedCall {
  http::Request request;
  bool idempotent = false;
  Envelope envelope;
};

/// The names plan_call knows, in a stable order.
const std::vector<std::string_view>& call_names();

/// Builds the request of call `name` from `args` (a JSON array). Personalized calls
/// (store.cart.createPersonalizedLineItem / updatePersonalizedLineItem) validate against
/// `schema`, which they require (Error{invalid_argument, "argument.schema"} without).
Result<PlannedCall> plan_call(const Config& config, std::string_view name, const json& args,
                              const personalization::Schema* schema = nullptr);

/// The envelope of call `name` (nullopt for an unknown name).
std::optional<Envelope> envelope_of(std::string_view name);

/// Whether the outline of a 2xx body's top level fits an envelope; else
/// Error{invalid_response, "response.shape"}. check_response uses it after scan_json; the
/// JavaScript package after the engine's JSON.parse (so a body is read only once there).
Result<JsonKind> check_envelope(const Envelope& envelope, const JsonOutline& outline);

/// Checks a response against an envelope: a non-2xx status is http_error(); a 2xx body
/// must be JSON within `limits` (scan_json, no DOM) whose top level fits the envelope,
/// else Error{invalid_response, "response.<json code>" or "response.shape"}.
Result<JsonOutline> check_response(const Envelope& envelope, const http::Response& response,
                                   const JsonLimits& limits = {});

/// The same for a status and a body held elsewhere (no copy of the body on success; the
/// outline's spans point into `body`).
Result<JsonOutline> check_response(const Envelope& envelope, int status, std::string_view body,
                                   const JsonLimits& limits = {});

}  // namespace medusa::api
