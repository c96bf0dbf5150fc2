// Event delivery of the mock backend: in-process subscribers and webhooks, delivered
// at least once (a webhook is retried with backoff until it answers 2xx).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "medusa/client/webhook_signature.hpp"
#include "medusa/json_input.hpp"

namespace medusa::mock {

/// What subscribers and webhooks receive, shaped like a Medusa subscriber's event:
/// {id, name, data, metadata: {created_at}}.
struct Event {
  std::string id;
  std::string name;
  json data;
  std::string created_at;

  json to_json() const;
};

class EventBus {
 public:
  using Subscriber = std::function<void(const Event&)>;

  explicit EventBus(std::vector<std::string> webhook_urls = {},
                    std::chrono::milliseconds initial_backoff = std::chrono::milliseconds(50),
                    std::chrono::milliseconds max_backoff = std::chrono::milliseconds(2000),
                    /// A receiver slower than this counts as failed: the event is sent again.
                    std::chrono::milliseconds webhook_timeout = std::chrono::milliseconds(5000));
  ~EventBus();
  EventBus(const EventBus&) = delete;
  EventBus& operator=(const EventBus&) = delete;

  /// `name` is an event name or "*" for all. Called on the delivery thread.
  void subscribe(std::string name, Subscriber subscriber);
  void add_webhook(std::string url);
  /// Signs every webhook from now on (webhook-id: the event id; a new timestamp and
  /// signature on each attempt, as a sender must).
  void sign_with(webhooks::Secret secret);
  /// Queues the event; returns at once (delivery is asynchronous, as on the real server).
  void publish(const std::string& name, const json& data);

  std::vector<Event> history() const;
  /// Webhook deliveries not yet acknowledged.
  std::size_t pending() const;
  /// Waits until every queued delivery is done or `timeout` passes; true when drained.
  bool wait_idle(std::chrono::milliseconds timeout) const;

 private:
  struct Delivery {
    Event event;
    std::string url;  ///< empty: in-process subscribers
    int attempts = 0;
    std::chrono::steady_clock::time_point due;
  };
  void run();
  bool deliver(Delivery& d);

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<std::pair<std::string, Subscriber>> subscribers_;
  std::vector<std::string> webhooks_;
  std::optional<webhooks::Secret> secret_;
  std::deque<Delivery> queue_;
  std::vector<Event> history_;
  std::size_t in_flight_ = 0;
  std::chrono::milliseconds initial_backoff_, max_backoff_, webhook_timeout_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace medusa::mock
