// The mock Medusa backend as a real HTTP server on 127.0.0.1 (cpp-httplib), speaking
// the Medusa v2 wire format: publishable key on /store, Bearer or secret-key auth on
// /admin, strict JSON bodies, the 100 KiB limit, Medusa's error bodies and the HTML 404,
// CORS, the `fields` parameter, and the custom personalization upload route.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "backend.hpp"
#include "events.hpp"
#include "print_queue.hpp"

namespace medusa::mock {

struct ServerOptions {
  std::string publishable_key =
      "pk_01MOCKMEDUSAPERSONALIZEDEMO0000000000000000000000000000000000000";
  std::string admin_email = "admin@example.com";
  std::string admin_password = "supersecret";
  std::string secret_api_key = "sk_mock_secret";
  std::vector<std::string> cors_origins;  ///< origins allowed to call from a browser; "*" = any
  std::vector<std::string> webhooks;      ///< event URLs (order.placed, ...)
  /// "whsec_...": webhooks are signed with it (Standard Webhooks); empty: unsigned.
  std::string webhook_secret;
  std::size_t max_body_bytes = 102400;    ///< express.json's limit on the real server
  std::size_t max_upload_bytes = 10u * 1024u * 1024u;
  std::size_t max_stored_upload_bytes = 256u * 1024u * 1024u;  ///< all uploads held, in memory
  std::string static_dir;  ///< served at / when set (the demo page)
};

class MockServer {
 public:
  explicit MockServer(ServerOptions options = {});
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  /// Binds (port 0 = any free port) and serves on a background thread; returns the port.
  int start(const std::string& host = "127.0.0.1", int port = 0);
  /// Binds and serves on the calling thread until stop().
  bool run(const std::string& host, int port);
  void stop();

  std::string url() const;
  const ServerOptions& options() const { return options_; }
  Backend& backend() { return *backend_; }
  EventBus& events() { return *events_; }
  PrintQueue& print_queue() { return *print_queue_; }

 private:
  struct Routes;
  ServerOptions options_;
  std::unique_ptr<EventBus> events_;
  std::unique_ptr<Backend> backend_;
  std::unique_ptr<PrintQueue> print_queue_;
  std::unique_ptr<Routes> routes_;
  std::thread thread_;
  std::string host_;
  int port_ = 0;
};

}  // namespace medusa::mock
