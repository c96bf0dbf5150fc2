// The I/O boundary of the native client: something that sends one HTTP request.
#pragma once

#include "medusa/error.hpp"
#include "medusa/http/message.hpp"

namespace medusa::client {

/// Sends requests. A transport failure (no HTTP response at all) is an
/// Error{transport} whose details hold {"sent": bool}: false when the request certainly
/// never reached the server (connection refused, TLS handshake failed), which makes even
/// a non-idempotent call safe to retry.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual Result<http::Response> send(const http::Request& request) = 0;
};

}  // namespace medusa::client
