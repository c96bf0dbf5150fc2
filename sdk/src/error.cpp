#include "medusa/error.hpp"

namespace medusa {

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::invalid_json:
      return "invalid_json";
    case ErrorKind::invalid_model:
      return "invalid_model";
    case ErrorKind::invalid_schema:
      return "invalid_schema";
    case ErrorKind::invalid_pattern:
      return "invalid_pattern";
    case ErrorKind::validation:
      return "validation";
    case ErrorKind::invalid_argument:
      return "invalid_argument";
    case ErrorKind::transport:
      return "transport";
    case ErrorKind::http:
      return "http";
    case ErrorKind::invalid_response:
      return "invalid_response";
    case ErrorKind::request_too_large:
      return "request_too_large";
  }
  return "unknown";
}

std::string Error::describe() const {
  std::string out = "[" + code + "] " + message;
  if (!path.empty()) out += " (at " + path + ")";
  return out;
}

}  // namespace medusa
