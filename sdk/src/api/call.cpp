#include "medusa/api/call.hpp"

#include "medusa/json_output.hpp"

#include <vector>

namespace medusa::api {
namespace {

std::string base64(const std::string& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  while (i + 2 < in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += table[v & 63];
    i += 3;
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "HTTP " + std::to_string(status);
  }
}

// Whether every string and key in `value` is UTF-8: a body that is not is refused
// rather than sent with U+FFFD in place of its bytes. Iterative: bodies can be as deep as
// the parser allows.
bool strings_are_utf8(const json& value) {
  std::vector<const json*> stack{&value};
  while (!stack.empty()) {
    const json* v = stack.back();
    stack.pop_back();
    if (v->is_string()) {
      if (!is_valid_utf8(v->get_ref<const std::string&>())) return false;
    } else if (v->is_object()) {
      for (auto it = v->begin(); it != v->end(); ++it) {
        if (!is_valid_utf8(it.key())) return false;
        stack.push_back(&it.value());
      }
    } else if (v->is_array()) {
      for (const auto& child : *v) stack.push_back(&child);
    }
  }
  return true;
}

}  // namespace

std::string http_error_type(int status) {
  switch (status) {
    case 400:
    case 422:
      return "invalid_data";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "payload_too_large";
    case 429:
      return "too_many_requests";
    case 500:
      return "unknown_error";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return status >= 500 ? "server_error" : "client_error";
  }
}

Error http_error(const http::Response& response) {
  const ErrorBody body = parse_error_body(response.body);
  const std::string type = body.type.value_or("");
  const std::string message = body.message.value_or(reason_phrase(response.status));
  Error e(ErrorKind::http, "http." + (type.empty() ? http_error_type(response.status) : type),
          message);
  e.details = json{{"status", response.status},
                   {"statusText", reason_phrase(response.status)},
                   {"type", body.type ? json(*body.type) : json()},
                   {"code", body.code ? json(*body.code) : json()},
                   {"message", message}};
  // A backend that validates personalizations (the mock, a Medusa with our validation
  // hook) adds the issue list to its 400 body.
  if (body.extra.is_object() && body.extra.contains("issues"))
    e.details["issues"] = body.extra["issues"];
  return e;
}

std::string basic_authorization(const std::string& api_key) {
  return "Basic " + base64(api_key + ":");
}

std::string path_segment(const std::string& id) {
  return http::percent_encode(id);
}

Result<http::Request> build_request(const Config& config, std::string method,
                                    const std::string& path, const http::Query& query,
                                    const http::Headers& headers, const std::optional<json>& body) {
  http::Request r;
  r.method = std::move(method);
  r.target = path;
  if (!query.empty()) r.target += "?" + query.encode();
  std::string base = config.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  r.url = base + r.target;

  r.headers.set("accept", "application/json");
  if (body) r.headers.set("content-type", "application/json");
  for (const auto& [name, value] : config.global_headers.fields()) r.headers.set(name, value);
  if (path.rfind("/store", 0) == 0 && config.publishable_key) {
    r.headers.set("x-publishable-api-key", *config.publishable_key);
  }
  if (config.token) {
    r.headers.set("authorization", "Bearer " + *config.token);
  } else if (config.api_key && path.rfind("/admin", 0) == 0) {
    r.headers.set("authorization", basic_authorization(*config.api_key));
  }
  for (const auto& [name, value] : headers.fields()) r.headers.set(name, value);

  if (body) {
    if (!strings_are_utf8(*body)) {
      return Error(ErrorKind::invalid_argument, "request.invalid_utf8",
                   "the request body contains a string that is not valid UTF-8");
    }
    r.body = to_json_text(*body);
    if (r.body->size() > config.max_body_bytes) {
      Error e(ErrorKind::request_too_large, "request.too_large",
              "request body of " + std::to_string(r.body->size()) +
                  " bytes exceeds Medusa's limit of " + std::to_string(config.max_body_bytes) +
                  " bytes; upload images and send their URL instead of inlining data");
      e.details = json{{"bytes", r.body->size()}, {"limit", config.max_body_bytes}};
      return e;
    }
  }
  return r;
}

}  // namespace medusa::api
