#include "events.hpp"

#include <algorithm>
#include <ctime>

#include <httplib.h>

#include "backend.hpp"

namespace medusa::mock {

json Event::to_json() const {
  return json{
      {"id", id}, {"name", name}, {"data", data}, {"metadata", {{"created_at", created_at}}}};
}

EventBus::EventBus(std::vector<std::string> webhook_urls, std::chrono::milliseconds initial_backoff,
                   std::chrono::milliseconds max_backoff, std::chrono::milliseconds webhook_timeout)
    : webhooks_(std::move(webhook_urls)),
      initial_backoff_(initial_backoff),
      max_backoff_(max_backoff),
      webhook_timeout_(webhook_timeout) {
  thread_ = std::thread([this] { run(); });
}

EventBus::~EventBus() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void EventBus::subscribe(std::string name, Subscriber subscriber) {
  std::lock_guard<std::mutex> lock(mutex_);
  subscribers_.emplace_back(std::move(name), std::move(subscriber));
}

void EventBus::add_webhook(std::string url) {
  std::lock_guard<std::mutex> lock(mutex_);
  webhooks_.push_back(std::move(url));
}

void EventBus::sign_with(webhooks::Secret secret) {
  std::lock_guard<std::mutex> lock(mutex_);
  secret_ = std::move(secret);
}

void EventBus::publish(const std::string& name, const json& data) {
  Event e{new_id("evt"), name, data, now_iso()};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    history_.push_back(e);
    const auto now = std::chrono::steady_clock::now();
    queue_.push_back(Delivery{e, "", 0, now});
    for (const auto& url : webhooks_) queue_.push_back(Delivery{e, url, 0, now});
  }
  changed_.notify_all();
}

std::vector<Event> EventBus::history() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return history_;
}

std::size_t EventBus::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size() + in_flight_;
}

bool EventBus::wait_idle(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [this] { return queue_.empty() && in_flight_ == 0; });
}

bool EventBus::deliver(Delivery& d) {
  if (d.url.empty()) {
    std::vector<std::pair<std::string, Subscriber>> subscribers;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      subscribers = subscribers_;
    }
    for (const auto& [name, fn] : subscribers) {
      if (name == "*" || name == d.event.name) fn(d.event);
    }
    return true;
  }
  // url = "http://host:port/path"
  const auto scheme_end = d.url.find("://");
  const auto path_start = d.url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const std::string origin = path_start == std::string::npos ? d.url : d.url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : d.url.substr(path_start);
  httplib::Client client(origin);
  client.set_connection_timeout(1, 0);
  client.set_read_timeout(webhook_timeout_);
  const std::string body = d.event.to_json().dump();
  httplib::Headers headers{{"x-medusa-event-id", d.event.id}};
  std::optional<webhooks::Secret> secret;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    secret = secret_;
  }
  if (secret) {
    const auto timestamp = static_cast<std::int64_t>(std::time(nullptr));
    headers.emplace("webhook-id", d.event.id);
    headers.emplace("webhook-timestamp", std::to_string(timestamp));
    headers.emplace("webhook-signature", webhooks::sign(*secret, d.event.id, timestamp, body));
  }
  auto res = client.Post(path.c_str(), headers, body, "application/json");
  return res && res->status >= 200 && res->status < 300;
}

void EventBus::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stopping_) return;
    if (queue_.empty()) {
      changed_.wait(lock);
      continue;
    }
    auto next =
        std::min_element(queue_.begin(), queue_.end(),
                         [](const Delivery& a, const Delivery& b) { return a.due < b.due; });
    if (next->due > std::chrono::steady_clock::now()) {
      changed_.wait_until(lock, next->due);
      continue;
    }
    Delivery d = *next;
    queue_.erase(next);
    ++in_flight_;
    lock.unlock();
    const bool ok = deliver(d);
    lock.lock();
    --in_flight_;
    if (!ok) {
      // At-least-once: try again later, backing off, until acknowledged.
      auto backoff = initial_backoff_ * (1 << std::min(d.attempts, 10));
      if (backoff > max_backoff_) backoff = max_backoff_;
      ++d.attempts;
      d.due = std::chrono::steady_clock::now() + backoff;
      queue_.push_back(d);
    }
    changed_.notify_all();
  }
}

}  // namespace medusa::mock
