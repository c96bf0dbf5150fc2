// Typed errors and the Result type every fallible SDK call returns.
//
// Failure is a value, never an exception across the public API: callers test the
// Result (`if (!r) ... r.error()`), the WebAssembly bindings turn it into a JS Error.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

namespace medusa {

/// Broad family of an error; `Error::code` refines it with a stable machine code.
enum class ErrorKind {
  invalid_json,     ///< text is not JSON, is not UTF-8, or breaks a size/depth limit
  invalid_model,    ///< JSON is well-formed but a field has the wrong type
  invalid_schema,   ///< a personalization schema cannot be compiled
  invalid_pattern,  ///< a regular expression cannot be compiled
  validation,        ///< data does not satisfy a personalization schema
  invalid_argument,  ///< the caller passed something the SDK cannot use
  transport,         ///< no HTTP response: connection refused, timeout, TLS failure
  http,              ///< the server answered with a non-2xx status (details: status, body)
  invalid_response,  ///< a 2xx response whose body is not what the call expects
  request_too_large  ///< refused before sending: over Medusa's 100 KiB body limit
};

/// Stable lower-case name of an ErrorKind ("invalid_json", ...).
const char* to_string(ErrorKind kind) noexcept;

/// A typed error. `code` is API (stable, machine-readable); `message` is for people.
struct Error {
  Error() = default;
  Error(ErrorKind k, std::string c, std::string m, std::string p = {})
      : kind(k), code(std::move(c)), message(std::move(m)), path(std::move(p)) {}

  ErrorKind kind = ErrorKind::invalid_argument;
  std::string code;        ///< e.g. "json.syntax", "json.too_deep", "model.type", "schema.ref"
  std::string message;     ///< human readable, may change between versions
  std::string path;        ///< JSON Pointer of the offending value, when there is one
  nlohmann::json details;  ///< structured data, e.g. the issue list of a validation error

  /// "[code] message (at path)" — for logs and exception texts.
  std::string describe() const;
};

/// Either a value or an Error (a small stand-in for C++23 std::expected).
template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(implicit)
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(implicit)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  /// The value; precondition: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; precondition: !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace medusa
