// A Call is one API request and the function that reads its response: the sans-I/O
// pair. Any transport sends `request` and hands the response to `parse`.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "medusa/api/config.hpp"
#include "medusa/error.hpp"
#include "medusa/http/message.hpp"
#include "medusa/http/query.hpp"
#include "medusa/models/error_body.hpp"
#include "medusa/models/model.hpp"

namespace medusa::api {

template <class T>
struct Call {
  using Response = T;
  http::Request request;
  /// Safe to send again after a timeout or a dropped connection.
  bool idempotent = false;
  Result<T> (*parse)(const http::Response&, const Config&) = nullptr;

  Result<T> parse_response(const http::Response& response, const Config& config) const {
    return parse(response, config);
  }
};

/// The typed error of a non-2xx response: kind http, code "http.<type>" with Medusa's
/// `type` from the body, else the type Medusa uses for the status (http_error_type);
/// message from Medusa's body, details {status, type (the body's, or null), code, message}.
Error http_error(const http::Response& response);

/// The error type of a status whose body names none: invalid_data (400, 422),
/// unauthorized (401), forbidden (403), not_found (404), conflict (409),
/// payload_too_large (413), too_many_requests (429), unknown_error (500), unavailable
/// (502, 503, 504), else client_error or server_error.
std::string http_error_type(int status);

/// The answer of a call whose success carries nothing (Medusa sends 201 "Created" as
/// text): any 2xx is the answer, its body ignored.
struct EmptyResponse {};

/// Reads a 2xx JSON response into T; a non-2xx response becomes http_error(); a body
/// that is not JSON or not a T is an Error{invalid_response}.
template <class T>
Result<T> parse_envelope(const http::Response& response, const Config& config) {
  if (response.status < 200 || response.status > 299) return http_error(response);
  if constexpr (std::is_same_v<T, EmptyResponse>) {
    (void)config;
    return EmptyResponse{};
  } else {
    auto body = parse_json(response.body, config.response_limits);
    if (!body) {
      Error e = body.error();
      return Error(ErrorKind::invalid_response, "response." + e.code.substr(e.code.find('.') + 1),
                   "response body is not valid JSON: " + e.message);
    }
    auto model = from_json<T>(*body);
    if (!model) {
      Error e = model.error();
      return Error(ErrorKind::invalid_response, "response.shape",
                   "unexpected response: " + e.message, e.path);
    }
    return model;
  }
}

/// Builds a request: URL, query, JSON body, and the headers Medusa expects
/// (accept/content-type, publishable key on /store, Authorization from the config).
/// Refuses bodies over config.max_body_bytes with Error{request_too_large}.
Result<http::Request> build_request(const Config& config, std::string method,
                                    const std::string& path, const http::Query& query,
                                    const http::Headers& headers, const std::optional<json>& body);

/// build_request + the envelope parser, as a Call.
template <class T>
Result<Call<T>> make_call(const Config& config, std::string method, const std::string& path,
                          const http::Query& query, const http::Headers& headers,
                          const std::optional<json>& body, bool idempotent) {
  auto request = build_request(config, std::move(method), path, query, headers, body);
  if (!request) return request.error();
  return Call<T>{std::move(request).value(), idempotent, &parse_envelope<T>};
}

/// A request without its parser (see PlanOnly in store.hpp).
struct PlannedRequest {
  http::Request request;
  bool idempotent = false;
};

/// Base of executors that run whole Calls (`Derived::operator()(Result<Call<T>>)`): the
/// resource methods ask it to `call<T>(...)` or `fail<T>(error)`.
template <class Derived>
struct Executor {
  template <class T>
  auto call(const Config& config, std::string method, const std::string& path,
            const http::Query& query, const http::Headers& headers,
            const std::optional<json>& body, bool idempotent) const {
    return self()(make_call<T>(config, std::move(method), path, query, headers, body, idempotent));
  }
  template <class T>
  auto fail(Error error) const {
    return self()(Result<Call<T>>(std::move(error)));
  }

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }
};

/// The Authorization value for an admin secret API key: "Basic base64(key + ":")".
std::string basic_authorization(const std::string& api_key);

/// Percent-encodes an id for use as one path segment.
std::string path_segment(const std::string& id);

}  // namespace medusa::api
