#include "medusa/client/httplib_transport.hpp"

#include <mutex>

#include <httplib.h>

namespace medusa::client {
namespace {

Error transport_error(httplib::Error err, const std::string& url) {
  const bool not_sent =
      err == httplib::Error::Connection || err == httplib::Error::SSLConnection ||
      err == httplib::Error::SSLServerVerification || err == httplib::Error::ConnectionTimeout ||
      err == httplib::Error::BindIPAddress || err == httplib::Error::SSLLoadingCerts;
  std::string code = "transport.error";
  if (err == httplib::Error::Connection || err == httplib::Error::ConnectionTimeout)
    code = "transport.connect";
  if (err == httplib::Error::Read || err == httplib::Error::Write) code = "transport.io";
  if (err == httplib::Error::SSLConnection || err == httplib::Error::SSLServerVerification ||
      err == httplib::Error::SSLLoadingCerts) {
    code = "transport.tls";
  }
  Error e(ErrorKind::transport, code, "request to " + url + " failed: " + httplib::to_string(err));
  e.details = nlohmann::json{{"sent", !not_sent}, {"reason", httplib::to_string(err)}};
  return e;
}

}  // namespace

struct HttplibTransport::Impl {
  std::mutex mutex;
  httplib::Client client;
  std::string base_url;

  Impl(const std::string& url, const HttplibOptions& o) : client(url), base_url(url) {
    client.set_connection_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(o.connect_timeout).count(),
        (o.connect_timeout.count() % 1000) * 1000);
    client.set_read_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(o.read_timeout).count(),
        (o.read_timeout.count() % 1000) * 1000);
    client.set_write_timeout(
        std::chrono::duration_cast<std::chrono::seconds>(o.write_timeout).count(),
        (o.write_timeout.count() % 1000) * 1000);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);  // headers and body are separate writes (see Nagle)
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    client.enable_server_certificate_verification(o.verify_tls);
    if (!o.ca_cert_path.empty()) client.set_ca_cert_path(o.ca_cert_path.c_str());
#endif
  }
};

HttplibTransport::HttplibTransport(const std::string& base_url, HttplibOptions options)
    : impl_(std::make_unique<Impl>(base_url, options)) {}

HttplibTransport::~HttplibTransport() = default;

Result<http::Response> HttplibTransport::send(const http::Request& request) {
  httplib::Request req;
  req.method = request.method;
  req.path = request.target;
  for (const auto& [name, value] : request.headers.fields()) req.headers.emplace(name, value);
  if (request.body) req.body = *request.body;

  std::lock_guard<std::mutex> lock(impl_->mutex);
  auto result = impl_->client.send(req);
  if (!result) return transport_error(result.error(), impl_->base_url + request.target);
  http::Response response;
  response.status = result->status;
  for (const auto& [name, value] : result->headers) response.headers.set(name, value);
  response.body = std::move(result->body);
  return response;
}

}  // namespace medusa::client
