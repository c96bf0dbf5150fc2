#include "medusa/client/client.hpp"

#include <algorithm>
#include <thread>

#include "medusa/client/httplib_transport.hpp"

namespace medusa::client {
namespace {

bool retryable_status(int status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

bool never_sent(const Error& e) {
  return e.kind == ErrorKind::transport && e.details.is_object() &&
         e.details.value("sent", true) == false;
}

}  // namespace

std::string describe_request(const http::Request& request) {
  std::string line = request.method + " " + request.target;
  for (const auto& [name, value] : request.headers.fields()) {
    const bool secret = http::same_header_name(name, "authorization") ||
                        http::same_header_name(name, "x-publishable-api-key") ||
                        http::same_header_name(name, "cookie");
    line += " " + name + "=" + (secret ? std::string("<redacted>") : value);
  }
  return line;
}

Client::Client(api::Config config, ClientOptions options)
    : Client(config, std::make_shared<HttplibTransport>(config.base_url), std::move(options)) {}

Client::Client(api::Config config, std::shared_ptr<Transport> transport, ClientOptions options)
    : store(&config_, Send{{}, this}),
      admin(&config_, Send{{}, this}),
      auth{&config_, Send{{}, this}},
      config_(std::move(config)),
      transport_(std::move(transport)),
      options_(std::move(options)) {
  if (!options_.sleep)
    options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

Result<std::string> Client::login(const std::string& actor, const std::string& method,
                                  const json& payload) {
  auto response = auth.login(actor, method, payload);
  if (!response) return response.error();
  if (!response->token) {
    return Error(ErrorKind::invalid_response, "response.shape",
                 response->location ? "this provider redirects to " + *response->location +
                                          " instead of issuing a token"
                                    : "login response without a token");
  }
  setToken(*response->token);
  return *response->token;
}

void Client::log(const std::string& line) const {
  if (options_.logger) options_.logger(line);
}

Result<http::Response> Client::send_with_retries(const http::Request& request, bool idempotent) {
  const int attempts = std::max(1, options_.retry.max_attempts);
  auto backoff = options_.retry.initial_backoff;
  for (int attempt = 1;; ++attempt) {
    log("-> " + describe_request(request) +
        (attempt > 1 ? " (attempt " + std::to_string(attempt) + ")" : ""));
    auto response = transport_->send(request);
    bool retry = false;
    if (response) {
      log("<- " + std::to_string(response->status) + " " + request.method + " " + request.target);
      retry = idempotent && retryable_status(response->status);
    } else {
      log("<- failed " + request.method + " " + request.target + ": " +
          response.error().describe());
      retry = idempotent || never_sent(response.error());
    }
    if (!retry || attempt >= attempts) return response;
    options_.sleep(backoff);
    backoff = std::min(options_.retry.max_backoff,
                       std::chrono::milliseconds(
                           static_cast<long long>(backoff.count() * options_.retry.multiplier)));
  }
}

}  // namespace medusa::client
