// HTTP requests and responses as plain values: what the sans-I/O API layer produces and
// consumes. Transports (cpp-httplib natively, fetch in JavaScript) move them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace medusa::http {

/// Header fields in order; names compare case-insensitively.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);

  /// Sets `name` (replacing any field of that name, whatever its case).
  void set(std::string_view name, std::string value);
  /// Removes every field called `name`.
  void remove(std::string_view name);
  /// The first value of `name`, if present.
  std::optional<std::string> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

/// True when two header names are equal ignoring ASCII case.
bool same_header_name(std::string_view a, std::string_view b) noexcept;

struct Request {
  std::string method;  ///< GET, POST, DELETE
  std::string url;     ///< base URL + target
  std::string target;  ///< path and query: "/store/carts/cart_1?fields=%2Bmetadata"
  Headers headers;
  std::optional<std::string> body;  ///< JSON text (or multipart bytes for uploads)
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

}  // namespace medusa::http
