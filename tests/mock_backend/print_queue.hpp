// The print shop's queue, fed the way a Medusa subscriber would feed it: on
// `order.placed`, one job per personalized item, re-checked against the product's
// personalization schema with the SDK; on `order.fulfillment_created`, the order's jobs
// are marked done. Served to staff at GET /admin/personalization/print-jobs.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "backend.hpp"
#include "events.hpp"

namespace medusa::mock {

class PrintQueue {
 public:
  explicit PrintQueue(Backend& backend) : backend_(backend) {}
  PrintQueue(const PrintQueue&) = delete;
  PrintQueue& operator=(const PrintQueue&) = delete;

  /// Subscribes to order.placed and order.fulfillment_created.
  void subscribe(EventBus& bus);

  /// {print_jobs: [...], count}, newest first. A job: {id, order_id, order_display_id,
  /// item_id, title, variant_title, quantity, personalization (customer values),
  /// summary, image_url, schema_fingerprint, valid, issues, status ("queued" |
  /// "fulfilled"), fulfillment_id, created_at}.
  json list() const;

  /// Handlers, public for tests that drive the queue without an event bus.
  void order_placed(const std::string& order_id);
  void fulfillment_created(const std::string& order_id, const std::string& fulfillment_id);

 private:
  Backend& backend_;
  mutable std::mutex mutex_;
  std::vector<json> jobs_;
  std::vector<std::string> orders_seen_;  // order.placed is delivered at least once
};

}  // namespace medusa::mock
