#include "server.hpp"

#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include <sys/socket.h>

#include <httplib.h>

#include "idempotency.hpp"
#include "medusa/api/call.hpp"

namespace medusa::mock {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), kJson);
}

json error_body(const MockError& e) {
  json body = e.extra.is_object() ? e.extra : json::object();
  body["type"] = e.type;
  body["message"] = e.message;
  return body;
}

std::vector<std::string> split_fields(const std::string& fields) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= fields.size()) {
    auto comma = fields.find(',', start);
    if (comma == std::string::npos) comma = fields.size();
    auto entry = fields.substr(start, comma - start);
    while (!entry.empty() && entry.front() == ' ') entry.erase(0, 1);  // "+x" may arrive as " x"
    if (!entry.empty()) out.push_back(entry);
    start = comma + 1;
  }
  return out;
}

bool asks_for(const httplib::Request& req, const std::string& field) {
  if (!req.has_param("fields")) return false;
  for (const auto& f : split_fields(req.get_param_value("fields"))) {
    if (f == field || f == "+" + field) return true;
  }
  return false;
}

// `fields=a,b,rel.x` (a name without a +, - or * prefix) keeps only the named top-level
// keys (and the `*rel` relations listed with them); `*rel` alone adds a relation to the
// defaults, as on the real server ("all the default fields ... including the relation").
json select_fields(const json& object, const std::string& fields) {
  const auto entries = split_fields(fields);
  const bool explicit_list = std::any_of(entries.begin(), entries.end(), [](const std::string& e) {
    return e[0] != '+' && e[0] != '-' && e[0] != '*';
  });
  json out = object;
  if (explicit_list && object.is_object()) {
    std::set<std::string> keep{"id"};
    for (auto e : entries) {
      if (e[0] == '+' || e[0] == '-') continue;
      if (e[0] == '*') e = e.substr(1);
      keep.insert(e.substr(0, e.find('.')));
    }
    out = json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (keep.count(it.key())) out[it.key()] = *it;
    }
  }
  for (const auto& e : entries) {
    if (e[0] == '-' && out.is_object()) out.erase(e.substr(1));
  }
  return out;
}

const char* not_found_page = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>Cannot %s %s</pre>
</body>
</html>
)";

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// cpp-httplib (Debian's build) listens with a backlog of 5: a burst of new connections
// (8 clients starting together, a browser opening 6) overflows it, and each dropped SYN
// costs its client a 1 s retransmission. Linux lets a listening socket's backlog be
// raised by calling listen() again.
class HttpServer : public httplib::Server {
 public:
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

}  // namespace

struct MockServer::Routes {
  HttpServer http;
  MockServer& owner;
  std::mutex tokens_mutex;
  std::set<std::string> tokens;
  std::set<std::string> sessions;  ///< session cookie values (POST /auth/session)
  IdempotencyStore idempotency;

  explicit Routes(MockServer& o) : owner(o) { install(); }

  Backend& backend() { return *owner.backend_; }
  PrintQueue& print_queue() { return *owner.print_queue_; }
  const ServerOptions& options() { return owner.options_; }

  bool origin_allowed(const std::string& origin) {
    const auto& list = options().cors_origins;
    return !origin.empty() && (std::find(list.begin(), list.end(), "*") != list.end() ||
                               std::find(list.begin(), list.end(), origin) != list.end());
  }

  void add_cors(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Vary", "Origin");
    if (req.path.rfind("/store", 0) == 0) {
      // As the plugin: clients may send Idempotency-Key on the cart routes.
      res.set_header("Idempotency-Key-Support",
                     "retention=" + std::to_string(idempotency.retention().count()));
      res.set_header("Access-Control-Expose-Headers",
                     "Idempotency-Key-Support, Idempotent-Replayed");
    }
    const auto origin = req.get_header_value("Origin");
    if (origin_allowed(origin)) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Access-Control-Allow-Credentials", "true");
    }
  }

  // Auth and body parsing shared by every JSON route. Returns false when it already
  // answered (the real server's body-parser errors carry no CORS headers).
  bool prepare(const httplib::Request& req, httplib::Response& res, json& body) {
    if (req.body.size() > options().max_body_bytes) {
      send_json(res, 413, {{"message", "request entity too large"}, {"type", "unknown_error"}});
      return false;
    }
    body = json::object();
    if (!req.body.empty()) {
      auto parsed = medusa::parse_json(req.body);
      if (!parsed) {
        send_json(res, 400,
                  {{"message", "Unexpected token in JSON: " + parsed.error().message},
                   {"type", "invalid_data"}});
        return false;
      }
      // body-parser's strict mode: only objects and arrays are JSON bodies.
      if (!parsed->is_object() && !parsed->is_array()) {
        send_json(res, 400,
                  {{"message", "Unexpected token in JSON: the body must be an object or an array"},
                   {"type", "invalid_data"}});
        return false;
      }
      body = std::move(parsed).value();
    }
    add_cors(req, res);
    if (req.path.rfind("/store", 0) == 0) {
      const auto key = req.get_header_value("x-publishable-api-key");
      if (key.empty()) {
        send_json(res, 400,
                  {{"type", "not_allowed"},
                   {"message",
                    "Publishable API key required in the request header: x-publishable-api-key. "
                    "You can manage your keys in settings in the dashboard."}});
        return false;
      }
      if (key != options().publishable_key) {
        send_json(res, 400,
                  {{"type", "not_allowed"},
                   {"message", "A valid publishable key is required to proceed with the request"}});
        return false;
      }
    }
    if (req.path.rfind("/admin", 0) == 0 && !admin_authorized(req)) {
      send_json(res, 401, {{"message", "Unauthorized"}});
      return false;
    }
    return true;
  }

  bool admin_authorized(const httplib::Request& req) {
    const auto auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
      std::lock_guard<std::mutex> lock(tokens_mutex);
      return tokens.count(auth.substr(7)) > 0;
    }
    if (const auto sid = session_of(req); !sid.empty()) {
      std::lock_guard<std::mutex> lock(tokens_mutex);
      if (sessions.count(sid)) return true;
    }
    if (auth.rfind("Basic ", 0) == 0)
      return auth == api::basic_authorization(options().secret_api_key);
    return false;
  }

  // The value of the `connect.sid` cookie, or "".
  static std::string session_of(const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string name = "connect.sid=";
    for (std::size_t at = 0; at < cookies.size();) {
      const auto end = std::min(cookies.find(';', at), cookies.size());
      auto start = cookies.find_first_not_of(' ', at);
      if (start < end && cookies.compare(start, name.size(), name) == 0)
        return cookies.substr(start + name.size(), end - start - name.size());
      at = end + 1;
    }
    return "";
  }

  // A JSON route. With `keyed`, a request carrying an Idempotency-Key is answered once
  // and its answer replayed (IdempotencyStore), as the plugin does on the cart routes.
  template <class F>
  httplib::Server::Handler handler(F fn, bool keyed = false) {
    return [this, fn, keyed](const httplib::Request& req, httplib::Response& res) {
      json body;
      if (!prepare(req, res, body)) return;
      const std::string key = keyed ? req.get_header_value("Idempotency-Key") : std::string();
      const bool has_key = keyed && req.has_header("Idempotency-Key");
      const std::string scope = req.method + " " + req.path;
      if (has_key && !claim_key(req, res, scope, key, body)) return;
      int status = 200;
      json answer;
      try {
        answer = fn(req, body);
        if (req.has_param("fields")) answer = apply_fields(answer, req.get_param_value("fields"));
      } catch (const MockError& e) {
        status = e.status;
        answer = error_body(in_body_order(e, req.body));
      } catch (const std::exception& e) {
        status = 500;
        answer = {{"type", "unknown_error"},
                  {"message", std::string("An unknown error occurred. ") + e.what()}};
      }
      if (has_key) idempotency.finish(scope, key, status, answer);  // stored before it is sent
      send_json(res, status, answer);
    };
  }

  // Returns true when the request may run; otherwise it has answered (a replay, a
  // mismatch, a request still in progress or a malformed key).
  bool claim_key(const httplib::Request& req, httplib::Response& res, const std::string& scope,
                 const std::string& key, const json& body) {
    if (!IdempotencyStore::valid_key(key)) {
      send_json(res, 400,
                {{"type", "invalid_data"},
                 {"message",
                  "Invalid request: the Idempotency-Key header must be 1 to 255 visible ASCII "
                  "characters"}});
      return false;
    }
    json query = json::object();
    for (const auto& [name, value] : req.params) query[name] = value;
    const auto claim = idempotency.claim(scope, key, query.dump() + "\n" + body.dump());
    switch (claim.outcome) {
      case IdempotencyStore::Outcome::claimed:
        return true;
      case IdempotencyStore::Outcome::replay:
        res.set_header("Idempotent-Replayed", "true");
        send_json(res, claim.status, claim.body);
        return false;
      case IdempotencyStore::Outcome::mismatch:
        send_json(res, 422,
                  {{"type", "invalid_data"},
                   {"message", "The Idempotency-Key \"" + key +
                                   "\" was already used with a different request"}});
        return false;
      case IdempotencyStore::Outcome::in_progress:
        res.set_header("Retry-After", "1");
        send_json(res, 409,
                  {{"type", "conflict"},
                   {"message", "A request with the Idempotency-Key \"" + key +
                                   "\" is still in progress; retry it later"}});
        return false;
    }
    return false;
  }

  // The real server lists unrecognized fields in the order the body sent them; parsed
  // JSON objects here are sorted, so the names are re-ordered by where they occur.
  static MockError in_body_order(MockError e, const std::string& raw) {
    const std::string prefix = "Invalid request: Unrecognized fields: '";
    if (e.message.rfind(prefix, 0) != 0 || e.message.back() != '\'') return e;
    std::vector<std::string> names;
    for (const auto& n :
         split_fields(e.message.substr(prefix.size(), e.message.size() - prefix.size() - 1))) {
      names.push_back(n);
    }
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
      return raw.find("\"" + a + "\"") < raw.find("\"" + b + "\"");
    });
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    e.message = prefix + list + "'";
    return e;
  }

  static json apply_fields(json envelope, const std::string& fields) {
    for (const char* key : {"cart", "product", "order", "region"}) {
      if (envelope.contains(key)) envelope[key] = select_fields(envelope[key], fields);
    }
    for (const char* key : {"products", "orders", "regions"}) {
      if (!envelope.contains(key)) continue;
      for (auto& e : envelope[key]) e = select_fields(e, fields);
    }
    return envelope;
  }

  static std::map<std::string, std::string> params(const httplib::Request& req) {
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : req.params) out[k] = v;
    return out;
  }

  void install() {
    auto& s = http;
    s.set_payload_max_length(options().max_upload_bytes + 64 * 1024);

    // --- store
    s.Get("/store/regions",
          handler([this](const auto&, const json&) { return backend().list_regions(); }));
    s.Get(R"(/store/regions/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_region(req.matches[1]);
          }));
    s.Get("/store/products", handler([this](const auto& req, const json&) {
            return backend().list_products(params(req), asks_for(req, "metadata"));
          }));
    s.Get(R"(/store/products/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_product(req.matches[1], asks_for(req, "metadata"));
          }));
    s.Post("/store/carts",
           handler([this](const auto&, const json& body) { return backend().create_cart(body); },
                   true));
    s.Get(R"(/store/carts/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_cart(req.matches[1]);
          }));
    s.Post(R"(/store/carts/([^/]+))",
           handler([this](const auto& req,
                          const json& body) { return backend().update_cart(req.matches[1], body); },
                   true));
    s.Post(
        R"(/store/carts/([^/]+)/line-items)",
        handler([this](const auto& req,
                       const json& body) { return backend().add_line_item(req.matches[1], body); },
                true));
    s.Post(R"(/store/carts/([^/]+)/line-items/([^/]+))",
           handler(
               [this](const auto& req, const json& body) {
                 return backend().update_line_item(req.matches[1], req.matches[2], body);
               },
               true));
    s.Delete(R"(/store/carts/([^/]+)/line-items/([^/]+))",
             handler(
                 [this](const auto& req, const json&) {
                   return backend().delete_line_item(req.matches[1], req.matches[2]);
                 },
                 true));
    s.Post(R"(/store/carts/([^/]+)/shipping-methods)",
           handler([this](const auto& req, const json& body) {
             return backend().add_shipping_method(req.matches[1], body);
           }));
    s.Post(R"(/store/carts/([^/]+)/complete)", handler([this](const auto& req, const json&) {
             return backend().complete_cart(req.matches[1]);
           }));
    s.Get("/store/shipping-options", handler([this](const auto& req, const json&) {
            if (!req.has_param("cart_id"))
              throw MockError{400, "invalid_data", "Invalid request: Field 'cart_id' is required"};
            return backend().list_shipping_options(req.get_param_value("cart_id"));
          }));
    s.Get(
        "/store/payment-providers", handler([this](const auto& req, const json&) {
          if (!req.has_param("region_id"))
            throw MockError{400, "invalid_data", "Invalid request: Field 'region_id' is required"};
          return backend().list_payment_providers(req.get_param_value("region_id"));
        }));
    s.Post("/store/payment-collections", handler([this](const auto&, const json& body) {
             return backend().create_payment_collection(body);
           }));
    s.Post(R"(/store/payment-collections/([^/]+)/payment-sessions)",
           handler([this](const auto& req, const json& body) {
             return backend().create_payment_session(req.matches[1], body);
           }));
    s.Get("/store/orders", handler([](const auto&, const json&) -> json {
            throw MockError{401, "", "Unauthorized"};  // needs a logged-in customer
          }));
    s.Get(R"(/store/orders/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_order(req.matches[1]);
          }));
    s.Post("/store/personalization/uploads",
           [this](const httplib::Request& req, httplib::Response& res) { upload(req, res); });
    s.Get(R"(/uploads/([A-Za-z0-9_]+\.(png|jpg)))",
          [this](const httplib::Request& req, httplib::Response& res) {
            const StoredUpload* file = backend().upload(req.matches[1]);
            if (!file) {
              res.status = 404;
              return;
            }
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("Content-Security-Policy", "default-src 'none'");
            res.set_header("Cache-Control", "public, max-age=31536000, immutable");
            add_cors(req, res);
            res.set_content(file->bytes, file->mime.c_str());
          });

    // --- auth and admin
    // Cookie sessions, as Medusa's /auth/session: a valid Bearer token becomes a session
    // cookie (HttpOnly; not Secure here, since the mock serves plain HTTP on loopback:
    // Medusa marks it Secure in production), and DELETE ends it.
    s.Post("/auth/session", [this](const httplib::Request& req, httplib::Response& res) {
      json body;
      if (!prepare(req, res, body)) return;
      const auto auth = req.get_header_value("Authorization");
      std::lock_guard<std::mutex> lock(tokens_mutex);
      if (auth.rfind("Bearer ", 0) != 0 || !tokens.count(auth.substr(7))) {
        send_json(res, 401, {{"type", "unauthorized"}, {"message", "Unauthorized"}});
        return;
      }
      const std::string sid = new_id("sess");
      sessions.insert(sid);
      res.set_header("Set-Cookie", "connect.sid=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
      send_json(res, 200,
                {{"user",
                  {{"actor_id", "user_mock_admin"},
                   {"actor_type", "user"},
                   {"auth_identity_id", "authid_mock_admin"},
                   {"app_metadata", {{"user_id", "user_mock_admin"}}}}}});
    });
    s.Delete("/auth/session", [this](const httplib::Request& req, httplib::Response& res) {
      json body;
      if (!prepare(req, res, body)) return;
      {
        std::lock_guard<std::mutex> lock(tokens_mutex);
        sessions.erase(session_of(req));
      }
      res.set_header("Set-Cookie", "connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
      send_json(res, 200, {{"success", true}});
    });
    s.Post("/auth/user/emailpass", handler([this](const auto&, const json& body) -> json {
             if (body.value("email", "") != options().admin_email ||
                 body.value("password", "") != options().admin_password) {
               throw MockError{401, "unauthorized", "Invalid email or password"};
             }
             const std::string token = "mock_jwt_" + new_id("tok");
             std::lock_guard<std::mutex> lock(tokens_mutex);
             tokens.insert(token);
             return json{{"token", token}};
           }));
    s.Get("/admin/orders", handler([this](const auto& req, const json&) {
            const auto limit =
                req.has_param("limit") ? std::stoul(req.get_param_value("limit")) : 15ul;
            const auto offset =
                req.has_param("offset") ? std::stoul(req.get_param_value("offset")) : 0ul;
            return backend().list_orders(std::min<std::size_t>(limit, 1000), offset);
          }));
    s.Get(R"(/admin/orders/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_order(req.matches[1]);
          }));
    s.Post(R"(/admin/orders/([^/]+)/fulfillments)",
           handler([this](const auto& req, const json& body) {
             return backend().create_fulfillment(req.matches[1], body);
           }));
    s.Post(R"(/admin/orders/([^/]+)/fulfillments/([^/]+)/shipments)",
           handler([this](const auto& req, const json& body) {
             return backend().create_shipment(req.matches[1], req.matches[2], body);
           }));
    // A custom admin route of the print shop's plugin: the queue fed by order.placed.
    s.Get("/admin/personalization/print-jobs",
          handler([this](const auto&, const json&) { return print_queue().list(); }));
    s.Get("/admin/products",
          handler([this](const auto&, const json&) { return backend().list_admin_products(); }));
    s.Post("/admin/products", handler([this](const auto&, const json& body) {
             return backend().create_product(body);
           }));
    s.Post(R"(/admin/products/([^/]+))", handler([this](const auto& req, const json& body) {
             return backend().update_product(req.matches[1], body);
           }));
    s.Get(R"(/admin/products/([^/]+))", handler([this](const auto& req, const json&) {
            return backend().retrieve_product(req.matches[1], /*with_metadata=*/true);
          }));

    // --- CORS preflight, health, static files, errors
    s.Options(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      add_cors(req, res);
      res.set_header("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE");
      const auto requested = req.get_header_value("Access-Control-Request-Headers");
      if (!requested.empty()) res.set_header("Access-Control-Allow-Headers", requested);
      res.status = 204;
    });
    s.Get("/health", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("OK", "text/plain");
    });
    if (!options().static_dir.empty()) {
      // cpp-httplib 0.11 knows neither type; browsers need application/wasm to compile
      // while downloading, and a JavaScript type for module scripts.
      s.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
      s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
      s.set_mount_point("/", options().static_dir);
      // The .wasm precompressed (scripts/bundle-demo.mjs writes .br and .gz beside it):
      // cpp-httplib compresses text types on the fly, but not application/wasm.
      s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" || req.path.size() < 5 ||
            req.path.compare(req.path.size() - 5, 5, ".wasm") != 0 ||
            req.path.find("..") != std::string::npos)
          return httplib::Server::HandlerResponse::Unhandled;
        const std::string accepted = req.get_header_value("Accept-Encoding");
        for (const char* encoding : {"br", "gzip"}) {
          if (accepted.find(encoding) == std::string::npos) continue;
          std::ifstream file(options().static_dir + req.path + (encoding[0] == 'b' ? ".br" : ".gz"),
                             std::ios::binary);
          if (!file) continue;
          std::string body((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
          res.set_header("Content-Encoding", encoding);
          res.set_header("Vary", "Accept-Encoding");
          res.set_content(std::move(body), "application/wasm");
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;  // the mount point sends it as it is
      });
    }
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (res.status == 413) {
        send_json(res, 413, {{"message", "request entity too large"}, {"type", "unknown_error"}});
      } else if (res.status == 404 && res.body.empty()) {
        char page[1024];
        std::snprintf(page, sizeof page, not_found_page, req.method.c_str(),
                      html_escape(req.path).c_str());
        res.set_header("Content-Security-Policy", "default-src 'none'");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(page, "text/html; charset=utf-8");
      }
    });
  }

  void upload(const httplib::Request& req, httplib::Response& res) {
    // Auth and CORS as for JSON routes, without the JSON body parser.
    add_cors(req, res);
    const auto key = req.get_header_value("x-publishable-api-key");
    if (key != options().publishable_key) {
      send_json(res, 400,
                {{"type", "not_allowed"},
                 {"message", "A valid publishable key is required to proceed with the request"}});
      return;
    }
    if (!req.is_multipart_form_data() || !req.has_file("file")) {
      send_json(res, 400,
                {{"type", "invalid_data"},
                 {"message", "Invalid request: a multipart field 'file' is required"}});
      return;
    }
    const auto file = req.get_file_value("file");
    if (file.content.size() > options().max_upload_bytes) {
      send_json(res, 413,
                {{"type", "invalid_data"},
                 {"message", "file exceeds the upload limit of " +
                                 std::to_string(options().max_upload_bytes) + " bytes"}});
      return;
    }
    // Optional, as on the plugin's route: the image checked against the print rules of
    // the named image field of the variant's schema.
    const auto text_field = [&](const char* name) {
      return req.has_file(name) ? req.get_file_value(name).content : std::string();
    };
    const std::string variant_id = text_field("variant_id"), field = text_field("field");
    if (variant_id.empty() != field.empty()) {
      send_json(res, 400,
                {{"type", "invalid_data"},
                 {"message",
                  "Invalid request: 'variant_id' and 'field' go together (the field whose print "
                  "rules the image must meet)"}});
      return;
    }
    try {
      if (!variant_id.empty()) backend().check_upload_rules(variant_id, field, file.content);
      send_json(res, 200,
                backend().store_upload(file.filename, file.content, owner.url(),
                                       options().max_stored_upload_bytes));
    } catch (const MockError& e) {
      send_json(res, e.status, error_body(e));
    }
  }
};

MockServer::MockServer(ServerOptions options) : options_(std::move(options)) {
  events_ = std::make_unique<EventBus>(options_.webhooks);
  if (!options_.webhook_secret.empty()) {
    auto secret = webhooks::parse_secret(options_.webhook_secret);
    if (!secret) throw std::invalid_argument("webhook_secret: " + secret.error().message);
    events_->sign_with(*secret);
  }
  backend_ = std::make_unique<Backend>(
      [this](const std::string& name, const json& data) { events_->publish(name, data); });
  print_queue_ = std::make_unique<PrintQueue>(*backend_);
  print_queue_->subscribe(*events_);
  routes_ = std::make_unique<Routes>(*this);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm
  // holds the body until the client's delayed ACK (~14 ms per request on loopback).
  routes_->http.set_tcp_nodelay(true);
  // cpp-httplib's default pool has 8 threads and each keep-alive connection holds one:
  // a ninth client (a browser opens six) waited for an idle connection to time out.
  routes_->http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  // Node's server keeps a connection for any number of requests (5 s idle timeout);
  // cpp-httplib closes it after 5, and reconnect bursts overflow its listen backlog of 5,
  // where a dropped SYN costs the client a 1 s retransmission.
  routes_->http.set_keep_alive_max_count(100000);
}

MockServer::~MockServer() {
  stop();
  events_.reset();  // joins the delivery thread before the subscribers it calls go away
}

int MockServer::start(const std::string& host, int port) {
  host_ = host;
  port_ = port == 0 ? routes_->http.bind_to_any_port(host)
                    : (routes_->http.bind_to_port(host, port) ? port : -1);
  if (port_ <= 0) return -1;
  routes_->http.widen_backlog();
  thread_ = std::thread([this] { routes_->http.listen_after_bind(); });
  for (int i = 0; i < 1000 && !routes_->http.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port_;
}

bool MockServer::run(const std::string& host, int port) {
  host_ = host;
  if (!routes_->http.bind_to_port(host, port)) return false;
  routes_->http.widen_backlog();
  port_ = port;
  return routes_->http.listen_after_bind();
}

void MockServer::stop() {
  routes_->http.stop();
  if (thread_.joinable()) thread_.join();
}

std::string MockServer::url() const {
  return "http://" + host_ + ":" + std::to_string(port_);
}

}  // namespace medusa::mock
