// The Admin and Auth APIs a fulfilment client and staff tools need, with the Medusa JS
// SDK's names: `admin.order.createFulfillment(id, body, query, headers)`,
// `auth.login("user", "emailpass", {email, password})`. See store.hpp for Exec.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "medusa/api/bodies.hpp"
#include "medusa/api/call.hpp"
#include "medusa/api/responses.hpp"

namespace medusa::api {

template <class Exec>
struct AdminResource {
  const Config* config;
  Exec exec;
};

template <class Exec>
struct AdminOrder : AdminResource<Exec> {
  /// GET /admin/orders -> { orders, count, offset, limit } (default limit 15)
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<OrderListResponse>(*this->config, "GET", "/admin/orders", query,
                                                   headers, {}, true);
  }
  /// GET /admin/orders/:id -> { order }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<OrderResponse>(
        *this->config, "GET", "/admin/orders/" + path_segment(id), query, headers, {}, true);
  }
  /// POST /admin/orders/:id/cancel -> { order }. A fulfilled order must have its
  /// fulfilments canceled first (400 otherwise).
  auto cancel(const std::string& id, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<OrderResponse>(
        *this->config, "POST", "/admin/orders/" + path_segment(id) + "/cancel", query, headers,
        {}, false);
  }
  /// POST /admin/orders/:id/fulfillments -> { order }. Fulfilling an item twice is a
  /// 400 on the real server ("No stock reservation found for item ...").
  auto createFulfillment(const std::string& id, const Body<CreateFulfillment>& body,
                         const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<OrderResponse>(
        *this->config, "POST", "/admin/orders/" + path_segment(id) + "/fulfillments", query,
        headers, body.value(), false);
  }
  /// POST /admin/orders/:id/fulfillments/:fulfillment_id/shipments -> { order }
  auto createShipment(const std::string& id, const std::string& fulfillmentId,
                      const Body<CreateShipment>& body, const http::Query& query = {},
                      const http::Headers& headers = {}) const {
    return this->exec.template call<OrderResponse>(*this->config, "POST",
                                               "/admin/orders/" + path_segment(id) +
                                                   "/fulfillments/" + path_segment(fulfillmentId) +
                                                   "/shipments",
                                               query, headers, body.value(), false);
  }
};

template <class Exec>
struct AdminProduct : AdminResource<Exec> {
  /// POST /admin/products -> { product }. `body` is AdminCreateProduct as JSON; put the
  /// personalization schema in `metadata.personalization`.
  auto create(const json& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<ProductResponse>(*this->config, "POST", "/admin/products", query,
                                                 headers, body, false);
  }
  /// POST /admin/products/:id -> { product }
  auto update(const std::string& id, const json& body, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec.template call<ProductResponse>(
        *this->config, "POST", "/admin/products/" + path_segment(id), query, headers, body, false);
  }
  /// GET /admin/products/:id -> { product }
  auto retrieve(const std::string& id, const http::Query& query = {},
                const http::Headers& headers = {}) const {
    return this->exec.template call<ProductResponse>(
        *this->config, "GET", "/admin/products/" + path_segment(id), query, headers, {}, true);
  }
  /// GET /admin/products -> { products, count, offset, limit }
  auto list(const http::Query& query = {}, const http::Headers& headers = {}) const {
    return this->exec.template call<ProductListResponse>(*this->config, "GET", "/admin/products", query,
                                                     headers, {}, true);
  }
};

/// One file of an admin upload.
struct UploadFile {
  std::string filename;  ///< sent sanitized (no path, quotes or control characters)
  std::string mime;      ///< e.g. "image/png"; empty: application/octet-stream
  std::string_view bytes;
};

/// POST /admin/uploads as multipart (one "files" part per file) -> { files: [{id, url}] }.
/// Through the File Module: the URLs are the configured provider's.
Result<Call<AdminUploadResponse>> build_admin_upload_call(const Config& config,
                                                          const std::vector<UploadFile>& files,
                                                          const http::Query& query,
                                                          const http::Headers& headers);

template <class Exec>
struct AdminUpload : AdminResource<Exec> {
  /// POST /admin/uploads -> { files: [{id, url}] } (product images and other staff files).
  auto create(const std::vector<UploadFile>& files, const http::Query& query = {},
              const http::Headers& headers = {}) const {
    return this->exec(build_admin_upload_call(*this->config, files, query, headers));
  }
};

template <class Exec>
struct Admin {
  AdminOrder<Exec> order;
  AdminProduct<Exec> product;
  AdminUpload<Exec> upload;

  Admin(const Config* config, Exec exec)
      : order{{config, exec}}, product{{config, exec}}, upload{{config, exec}} {}
};

template <class Exec>
struct Auth {
  const Config* config;
  Exec exec;

  /// POST /auth/{actor}/{method} with the provider's payload, e.g.
  /// login("user", "emailpass", {{"email", ...}, {"password", ...}}) -> { token }.
  /// Wrong credentials: 401 {type:"unauthorized", message:"Invalid email or password"}.
  auto login(const std::string& actor, const std::string& method, const json& payload,
             const http::Headers& headers = {}) const {
    return exec.template call<AuthResponse>(*config, "POST",
                                        "/auth/" + path_segment(actor) + "/" + path_segment(method),
                                        {}, headers, payload, false);
  }
  /// POST /auth/{actor}/{method}/register -> { token }: an identity without an actor
  /// yet; send the token with `store.customer.create` to make the customer.
  auto register_(const std::string& actor, const std::string& method, const json& payload,
                 const http::Headers& headers = {}) const {
    return exec.template call<AuthResponse>(
        *config, "POST", "/auth/" + path_segment(actor) + "/" + path_segment(method) + "/register",
        {}, headers, payload, false);
  }
  /// POST /auth/token/refresh -> { token }: a new JWT for the current one (e.g. with the
  /// actor id after `store.customer.create`).
  auto refresh(const http::Headers& headers = {}) const {
    return exec.template call<AuthResponse>(*config, "POST", "/auth/token/refresh", {}, headers,
                                            {}, false);
  }
  /// POST /auth/{actor}/{provider}/reset-password {identifier} -> 201 with an empty body:
  /// Medusa emits `auth.password_reset` with a token for the shop to send; the answer
  /// is the same whether the identity exists or not.
  auto resetPassword(const std::string& actor, const std::string& provider, const json& body,
                     const http::Headers& headers = {}) const {
    return exec.template call<EmptyResponse>(
        *config, "POST",
        "/auth/" + path_segment(actor) + "/" + path_segment(provider) + "/reset-password", {},
        headers, body, false);
  }
};

}  // namespace medusa::api
