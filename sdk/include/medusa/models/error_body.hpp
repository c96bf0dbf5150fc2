// The body of a Medusa error response.
//
// The real server sends four shapes: {type, message} (most errors), {code, type,
// message} (e.g. insufficient inventory), {message} (the auth middleware) and an
// Express HTML page for unknown routes. parse_error_body accepts all four.
#pragma once

#include <string_view>

#include "medusa/models/model.hpp"

namespace medusa {

struct ErrorBody : Model {
  std::optional<std::string>
      type;  ///< invalid_data, not_allowed, not_found, unauthorized, unknown_error
  std::optional<std::string> code;  ///< e.g. insufficient_inventory
  std::optional<std::string> message;

  template <class Self, class F>
  static void visit(Self& s, F&& f) {
    f("type", s.type);
    f("code", s.code);
    f("message", s.message);
  }
};

/// Reads an error response body of any of the four shapes. A non-JSON body (the HTML
/// 404 page) yields an ErrorBody whose message is the page's text content, trimmed and
/// cut to 500 bytes; `extra` is then {"html": true}.
ErrorBody parse_error_body(std::string_view body);

}  // namespace medusa
