// HttplibTransport against real servers on 127.0.0.1: HTTP, HTTPS with a self-signed
// certificate, connection refused, and read timeouts.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <httplib.h>

#include "medusa/client/client.hpp"
#include "medusa/client/httplib_transport.hpp"

using medusa::json;
using namespace medusa;
namespace fs = std::filesystem;

namespace {

// Runs a cpp-httplib server on an ephemeral loopback port for the scope's lifetime.
template <class Server>
class Running {
 public:
  explicit Running(Server& server) : server_(server) {
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~Running() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  Server& server_;
  int port_ = 0;
  std::thread thread_;
};

void serve_cart(httplib::Server& server, std::string& seen_key, std::string& seen_body,
                std::string& seen_type) {
  server.Post("/store/carts/cart_1/line-items", [&](const httplib::Request& req,
                                                    httplib::Response& res) {
    seen_key = req.get_header_value("x-publishable-api-key");
    seen_type = req.get_header_value("content-type");
    seen_body = req.body;
    res.set_content(
        R"({"cart":{"id":"cart_1","items":[{"id":"cali_1","quantity":1,"metadata":{"message":"Hi"}}]}})",
        "application/json");
  });
  server.Get("/store/carts/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"type":"not_found","message":"Cart with id 'missing' not found"})",
                    "application/json");
  });
}

api::AddLineItem line_item() {
  api::AddLineItem body;
  body.variant_id = "variant_1";
  body.quantity = 1;
  body.metadata = json{{"message", "Hi"}};
  return body;
}

}  // namespace

TEST_SUITE("client_loopback") {
  TEST_CASE("HTTP on loopback: headers, body and typed errors arrive") {
    httplib::Server server;
    std::string key, body, type;
    serve_cart(server, key, body, type);
    Running<httplib::Server> running(server);

    api::Config config;
    config.base_url = "http://127.0.0.1:" + std::to_string(running.port());
    config.publishable_key = "pk_loopback";
    client::Client sdk(config);
    auto cart = sdk.store.cart.createLineItem("cart_1", line_item());
    REQUIRE_MESSAGE(cart.ok(), (cart.ok() ? "" : cart.error().describe()));
    CHECK(cart->cart->items->at(0).metadata->at("message") == "Hi");
    CHECK(key == "pk_loopback");
    CHECK(type == "application/json");
    CHECK(json::parse(body) ==
          json::parse(R"({"variant_id":"variant_1","quantity":1,"metadata":{"message":"Hi"}})"));

    auto missing = sdk.store.cart.retrieve("missing");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::http);
    CHECK(missing.error().code == "http.not_found");
    CHECK(missing.error().details["status"] == 404);
  }

  TEST_CASE("connection refused is a transport error marked as never sent") {
    int port = 0;
    {
      httplib::Server server;
      Running<httplib::Server> running(server);
      port = running.port();
    }  // closed again: nothing listens there now
    client::HttplibTransport transport("http://127.0.0.1:" + std::to_string(port));
    http::Request request;
    request.method = "GET";
    request.target = "/store/regions";
    auto r = transport.send(request);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::transport);
    CHECK(r.error().code == "transport.connect");
    CHECK(r.error().details["sent"] == false);
  }

  TEST_CASE("a slow server hits the read timeout") {
    httplib::Server server;
    std::atomic<bool> release{false};
    server.Get("/store/regions", [&](const httplib::Request&, httplib::Response& res) {
      for (int i = 0; i < 200 && !release; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      res.set_content(R"({"regions":[]})", "application/json");
    });
    Running<httplib::Server> running(server);
    client::HttplibOptions options;
    options.read_timeout = std::chrono::milliseconds(200);
    client::HttplibTransport transport("http://127.0.0.1:" + std::to_string(running.port()),
                                       options);
    http::Request request;
    request.method = "GET";
    request.target = "/store/regions";
    auto r = transport.send(request);
    release = true;
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "transport.io");
    CHECK(r.error().details["sent"] == true);
  }

  TEST_CASE("HTTPS on loopback with a self-signed certificate") {
    const fs::path dir = fs::temp_directory_path() / ("medusa-tls-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    const std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
        key + " -out " + cert + " >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);

    httplib::SSLServer server(cert.c_str(), key.c_str());
    REQUIRE(server.is_valid());
    std::string seen_key, body, type;
    serve_cart(server, seen_key, body, type);
    Running<httplib::SSLServer> running(server);
    const std::string url = "https://127.0.0.1:" + std::to_string(running.port());

    api::Config config;
    config.base_url = url;
    config.publishable_key = "pk_tls";
    client::HttplibOptions trusted;
    trusted.ca_cert_path = cert;
    client::Client sdk(config, std::make_shared<client::HttplibTransport>(url, trusted));
    auto cart = sdk.store.cart.createLineItem("cart_1", line_item());
    REQUIRE_MESSAGE(cart.ok(), (cart.ok() ? "" : cart.error().describe()));
    CHECK(seen_key == "pk_tls");

    // Without trusting the certificate, the handshake is refused: nothing was sent.
    client::Client untrusted(config, std::make_shared<client::HttplibTransport>(url));
    auto refused = untrusted.store.cart.createLineItem("cart_1", line_item());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "transport.tls");
    CHECK(refused.error().details["sent"] == false);
    fs::remove_all(dir);
  }
}
