// Typed errors and the Result type every fallible SDK call returns.
//
// Failure is a value, never an exception across the public API: callers test the
// Result (`if (!r) ... r.error()`), the WebAssembly bindings turn it into a JS Error.
#pragma once

#include <new>
#include <string>
#include <type_traits>
#include <utility>

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
///
/// A tagged union rather than std::variant<T, Error>: a variant's copies, moves and
/// destruction dispatch through per-type tables of functions, and with one Result type per
/// call that machinery was 3 KB of the WebAssembly module.
template <class T>
class Result {
  // Assignment destroys the old state before moving the new one in, so the move must not
  // fail half way (true of every value the SDK returns: strings, JSON, models, handles).
  static_assert(std::is_nothrow_move_constructible_v<T>, "Result<T> needs a noexcept move");

 public:
  Result(T value) : ok_(true) { new (&value_) T(std::move(value)); }        // NOLINT(implicit)
  Result(Error error) : ok_(false) { new (&error_) Error(std::move(error)); }  // NOLINT(implicit)

  Result(const Result& other) : ok_(other.ok_) {
    if (ok_)
      new (&value_) T(other.value_);
    else
      new (&error_) Error(other.error_);
  }
  Result(Result&& other) noexcept : ok_(other.ok_) {
    if (ok_)
      new (&value_) T(std::move(other.value_));
    else
      new (&error_) Error(std::move(other.error_));
  }
  Result& operator=(const Result& other) {
    if (this != &other) *this = Result(other);
    return *this;
  }
  Result& operator=(Result&& other) noexcept {
    if (this != &other) {
      destroy();
      new (this) Result(std::move(other));
    }
    return *this;
  }
  ~Result() { destroy(); }

  bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }

  /// The value; precondition: ok().
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }

  /// The error; precondition: !ok().
  const Error& error() const { return error_; }

 private:
  void destroy() noexcept {
    if (ok_)
      value_.~T();
    else
      error_.~Error();
  }

  union {
    T value_;
    Error error_;
  };
  bool ok_;
};

}  // namespace medusa
