// A Transport over cpp-httplib: HTTP, and HTTPS through OpenSSL.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "medusa/client/transport.hpp"

namespace medusa::client {

struct HttplibOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds read_timeout{30000};
  std::chrono::milliseconds write_timeout{30000};
  /// HTTPS: verify the server certificate (default), against this CA bundle or
  /// certificate file when given, else the system's.
  bool verify_tls = true;
  std::string ca_cert_path;
};

/// Sends to the scheme, host and port of `base_url` ("http://localhost:9000",
/// "https://shop.example"). Keeps the connection alive between requests; safe to use
/// from several threads (requests are serialized).
class HttplibTransport : public Transport {
 public:
  explicit HttplibTransport(const std::string& base_url, HttplibOptions options = {});
  ~HttplibTransport() override;
  HttplibTransport(const HttplibTransport&) = delete;
  HttplibTransport& operator=(const HttplibTransport&) = delete;

  Result<http::Response> send(const http::Request& request) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medusa::client
