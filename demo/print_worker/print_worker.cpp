#include "print_worker.hpp"

#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <httplib.h>

#include "medusa/image/image_info.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/schema.hpp"

namespace medusa::worker {
namespace fs = std::filesystem;
namespace {

// A 4xx other than 408, 409 and 429: the shop will answer the same again.
bool is_refusal(const Error& e) {
  if (e.kind != ErrorKind::http) return false;
  const int status = e.details.value("status", 0);
  return status >= 400 && status < 500 && status != 408 && status != 409 && status != 429;
}

// Writes `content` to `path` atomically (temporary file + rename).
bool write_file(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << content;
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  return !ec;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Safe file-name part from an id (ids are alphanumeric + '_'; anything else is dropped).
std::string safe(const std::string& id) {
  std::string out;
  for (char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-')
      out += c;
  }
  return out.empty() ? "unnamed" : out;
}

// The first image reference among the values: {url, mime, width, height, bytes}.
const json* image_reference(const json& values) {
  for (const auto& [key, value] : values.items()) {
    (void)key;
    if (value.is_object() && value.contains("url") && value.contains("mime")) return &value;
  }
  return nullptr;
}

Result<std::string> download(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    return Error(ErrorKind::invalid_argument, "worker.image_url", "not an absolute URL: " + url);
  const auto path_start = url.find('/', scheme_end + 3);
  httplib::Client client(url.substr(0, path_start));
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(30, 0);
  auto res = client.Get(path_start == std::string::npos ? "/" : url.substr(path_start).c_str());
  if (!res)
    return Error(ErrorKind::transport, "transport.error",
                 "cannot download " + url + ": " + httplib::to_string(res.error()));
  if (res->status != 200)
    return Error(ErrorKind::http, "http." + std::to_string(res->status), "cannot download " + url);
  return res->body;
}

}  // namespace

PrintWorker::PrintWorker(client::Client& sdk, WorkerOptions options)
    : sdk_(sdk), options_(std::move(options)) {
  fs::create_directories(options_.output_dir);
}

Result<bool> PrintWorker::write_job(const Order& order, const OrderLineItem& item,
                                    const json& values, const std::string& fingerprint,
                                    fs::path dir, OrderOutcome& outcome) {
  const fs::path job_path = dir / (safe(*item.id) + ".json");
  if (fs::exists(job_path)) {
    ++outcome.jobs_existing;  // printed before: never again
    return false;
  }
  json job = {{"order_id", *order.id},
              {"display_id", order.display_id.value_or(0)},
              {"item_id", *item.id},
              {"sku", item.variant_sku.value_or("")},
              {"title", item.title.value_or("")},
              {"variant_title", item.variant_title.value_or("")},
              {"quantity", item.quantity.value_or(0)},
              {"personalization", values},
              {"schema_fingerprint", fingerprint}};
  if (const json* ref = image_reference(values)) {
    auto bytes = download(ref->value("url", ""));
    if (!bytes) return bytes.error();
    auto info = image::read_image_header(*bytes);
    if (!info) return info.error();
    const fs::path image_path =
        dir / (safe(*item.id) + (info->mime == "image/png" ? ".png" : ".jpg"));
    if (!write_file(image_path, *bytes))
      return Error(ErrorKind::invalid_argument, "worker.write",
                   "cannot write " + image_path.string());
    job["image"] = {{"file", image_path.filename().string()},
                    {"mime", info->mime},
                    {"width", info->width},
                    {"height", info->height},
                    {"bytes", bytes->size()}};
  }
  if (!write_file(job_path, job.dump(2)))
    return Error(ErrorKind::invalid_argument, "worker.write", "cannot write " + job_path.string());
  ++outcome.jobs_written;
  return true;
}

Result<OrderOutcome> PrintWorker::process_order(const std::string& order_id,
                                                const std::string& only_item) {
  auto response = sdk_.admin.order.retrieve(order_id);
  if (!response) return response.error();
  if (!response->order || !response->order->items) {
    return Error(ErrorKind::invalid_response, "response.shape",
                 "order " + order_id + " without items");
  }
  const Order& order = *response->order;
  OrderOutcome outcome;
  outcome.order_id = order_id;
  const fs::path dir =
      options_.output_dir / (std::to_string(order.display_id.value_or(0)) + "-" + safe(order_id));
  fs::create_directories(dir);

  api::CreateFulfillment fulfillment;
  fulfillment.items.emplace();
  bool item_found = only_item.empty();
  for (const auto& item : *order.items) {
    if (!item.id || !item.detail) continue;
    if (!only_item.empty() && *item.id != only_item) continue;
    item_found = true;
    const json values = personalization::customer_values(item.personalization());
    std::string fingerprint;
    if (item.variant && item.variant->product) {
      Product product;
      static_cast<ProductSummary&>(product) = *item.variant->product;
      auto schema = personalization::Schema::for_product(product, &*item.variant);
      if (!schema) {
        outcome.messages.push_back(*item.id + ": schema unreadable: " + schema.error().message);
        ++outcome.items_rejected;
        continue;
      }
      if (*schema) {
        // Re-check against the schema the item was stamped with.
        const auto report =
            personalization::validate_line_item_metadata(**schema, item.personalization());
        if (!report.valid()) {
          outcome.messages.push_back(*item.id + ": " + report.issues.front().code + " " +
                                     report.issues.front().message);
          ++outcome.items_rejected;
          write_file(dir / (safe(*item.id) + ".rejected.json"), report.to_json().dump(2));
          continue;
        }
        fingerprint = (*schema)->fingerprint();
        auto written = write_job(order, item, values, fingerprint, dir, outcome);
        if (!written) return written.error();
      }
    }
    const auto remaining =
        item.detail->quantity.value_or(0) - item.detail->fulfilled_quantity.value_or(0);
    if (remaining > 0) {
      api::OrderItemQuantity q;
      q.id = *item.id;
      q.quantity = remaining;
      fulfillment.items->push_back(q);
    }
  }
  if (!item_found) {
    return Error(ErrorKind::invalid_argument, "worker.unknown_item",
                 "order " + order_id + " has no item " + only_item);
  }
  if (!fulfillment.items->empty()) {
    if (!options_.location_id.empty()) fulfillment.location_id = options_.location_id;
    fulfillment.metadata = json{{"print_jobs", dir.filename().string()}};
    auto created = sdk_.admin.order.createFulfillment(order_id, fulfillment);
    if (created) {
      outcome.fulfillment_created = true;
    } else if (is_refusal(created.error())) {
      outcome.fulfillment_error = created.error().describe();
      outcome.messages.push_back("fulfilment refused: " + outcome.fulfillment_error);
    } else {
      return created.error();  // no answer, 5xx, 409: worth trying again
    }
  }
  return outcome;
}

Result<std::vector<OrderOutcome>> PrintWorker::poll_once() {
  const fs::path cursor_path = options_.output_dir / "processed-orders.json";
  std::set<std::string> processed;
  if (fs::exists(cursor_path)) {
    auto parsed = parse_json(read_file(cursor_path));
    if (parsed && parsed->is_array()) {
      for (const auto& id : *parsed) {
        if (id.is_string()) processed.insert(id.get<std::string>());
      }
    }
  }
  std::vector<OrderOutcome> outcomes;
  for (std::int64_t offset = 0;; offset += 50) {
    auto page = sdk_.admin.order.list(
        http::Query().add("limit", "50").add("offset", std::to_string(offset)));
    if (!page) return page.error();
    if (!page->orders || page->orders->empty()) break;
    for (const auto& order : *page->orders) {
      if (!order.id || processed.count(*order.id)) continue;
      auto outcome = process_order(*order.id);
      if (!outcome) return outcome.error();
      processed.insert(*order.id);
      outcomes.push_back(*outcome);
    }
    if (offset + 50 >= page->count.value_or(0)) break;
  }
  write_file(cursor_path, json(processed).dump());
  return outcomes;
}

struct WebhookListener::Impl {
  PrintWorker& worker;
  webhooks::Secret secret;
  std::function<void(const OrderOutcome&)> on_processed;
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;  // one message at a time: redeliveries cannot race
  // The messages answered 2xx within the tolerance window (older ones are refused by
  // their timestamp anyway), by replay_key, with their timestamps.
  std::map<std::string, std::int64_t> processed;
  fs::path log_path;

  void handle(const httplib::Request& req, httplib::Response& res);
  void answer(httplib::Response& res, int status, const json& body,
              const webhooks::SignedHeaders& message, const std::string& type);
  // The same bytes again (a different body has a different signature).
  static std::string replay_key(const webhooks::SignedHeaders& m) {
    return m.id + " " + m.timestamp + " " + m.signature;
  }
  void load_log();
  void remember(const webhooks::SignedHeaders& message);
};

namespace {
std::string iso_now() {
  const std::time_t t = std::time(nullptr);
  char buffer[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}
}  // namespace

// The messages processed within the tolerance window survive a restart: a replay of
// one of them is refused even by a worker started since.
void WebhookListener::Impl::load_log() {
  std::ifstream in(log_path);
  for (std::string line; std::getline(in, line);) {
    auto entry = parse_json(line);
    if (!entry || !entry->is_object() || entry->value("status", 0) / 100 != 2) continue;
    remember({entry->value("webhook_id", ""), entry->value("timestamp", ""),
              entry->value("signature", "")});
  }
}

void WebhookListener::Impl::remember(const webhooks::SignedHeaders& message) {
  const auto oldest =
      static_cast<std::int64_t>(std::time(nullptr)) - webhooks::kDefaultToleranceSeconds;
  for (auto it = processed.begin(); it != processed.end();) {
    it = it->second < oldest ? processed.erase(it) : std::next(it);
  }
  processed[replay_key(message)] = std::strtoll(message.timestamp.c_str(), nullptr, 10);
}

void WebhookListener::Impl::answer(httplib::Response& res, int status, const json& body,
                                   const webhooks::SignedHeaders& message,
                                   const std::string& type) {
  const std::string& id = message.id;
  const std::string& timestamp = message.timestamp;
  res.status = status;
  res.set_content(body.dump(), "application/json");
  json entry = {{"at", iso_now()},        {"webhook_id", id},
                {"timestamp", timestamp}, {"signature", message.signature},
                {"type", type},           {"status", status},
                {"answer", body}};
  std::ofstream(log_path, std::ios::app) << entry.dump() << "\n";
  if (status / 100 == 2 && !id.empty()) remember(message);
}

void WebhookListener::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  const webhooks::SignedHeaders headers{req.get_header_value("webhook-id"),
                                        req.get_header_value("webhook-timestamp"),
                                        req.get_header_value("webhook-signature")};
  std::lock_guard<std::mutex> lock(mutex);
  auto verified = webhooks::verify(secret, headers, req.body, std::time(nullptr));
  if (!verified) {
    answer(res, 401, {{"code", verified.error().code}, {"message", verified.error().message}},
           headers, "");
    return;
  }
  if (processed.count(replay_key(headers))) {
    answer(res, 409,
           {{"code", "webhook.replayed"},
            {"message", "this message was processed already; a retry is signed anew"}},
           headers, "");
    return;
  }
  auto message = parse_json(req.body);
  if (!message || !message->is_object()) {
    answer(res, 400,
           {{"code", "webhook.body_invalid"}, {"message", "the body is not a JSON object"}},
           headers, "");
    return;
  }
  // The plugin's print job (one item), or the mock backend's order event (the order).
  std::string type = message->value("type", "");
  std::string order_id, item_id;
  const json data = message->value("data", json::object());
  if (type == "print_job.created" && data.is_object()) {
    order_id = data.value("order", json::object()).value("id", "");
    item_id = data.value("item", json::object()).value("id", "");
    if (order_id.empty() || item_id.empty()) {
      answer(
          res, 400,
          {{"code", "webhook.body_invalid"}, {"message", "a print job names its order and item"}},
          headers, type);
      return;
    }
  } else if (message->value("name", "") == "order.placed" && data.is_object()) {
    type = "order.placed";
    order_id = data.value("id", "");
  } else {
    answer(res, 200, {{"status", "ignored"}}, headers, type);  // not ours
    return;
  }
  auto outcome = worker.process_order(order_id, item_id);
  if (!outcome) {
    // An order or item the shop does not have will not appear later: refused (422).
    // Anything else (the Admin API or an image download failing) is temporary: 503,
    // and the sender tries again later.
    const bool unknown =
        outcome.error().code == "worker.unknown_item" || outcome.error().code == "http.404";
    answer(res, unknown ? 422 : 503,
           {{"code", outcome.error().code}, {"message", outcome.error().describe()}}, headers,
           type);
    return;
  }
  if (on_processed) on_processed(*outcome);
  if (outcome->items_rejected > 0 && outcome->jobs_written + outcome->jobs_existing == 0) {
    answer(res, 422,
           {{"code", "worker.rejected"},
            {"message", outcome->messages.empty() ? "not printed" : outcome->messages.front()}},
           headers, type);
    return;
  }
  answer(res, 200,
         {{"status", outcome->jobs_written > 0 ? "printed" : "already_printed"},
          {"order_id", order_id},
          {"jobs_written", outcome->jobs_written},
          {"fulfillment_created", outcome->fulfillment_created},
          {"fulfillment_error",
           outcome->fulfillment_error.empty() ? json(nullptr) : json(outcome->fulfillment_error)}},
         headers, type);
}

WebhookListener::WebhookListener(PrintWorker& worker, webhooks::Secret secret,
                                 std::function<void(const OrderOutcome&)> on_processed)
    : impl_(new Impl{worker, std::move(secret), std::move(on_processed), {}, {}, {}, {}, {}}) {
  impl_->log_path = worker.options().output_dir / "webhooks.log";
  impl_->load_log();
  impl_->server.set_tcp_nodelay(true);
  impl_->server.set_payload_max_length(1024 * 1024);  // a print job is a few KB
  impl_->server.Post("/hooks/medusa", [this](const httplib::Request& req, httplib::Response& res) {
    impl_->handle(req, res);
  });
}

WebhookListener::~WebhookListener() {
  stop();
}

int WebhookListener::start(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host)
                              : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return -1;
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 1000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return bound;
}

void WebhookListener::stop() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace medusa::worker
