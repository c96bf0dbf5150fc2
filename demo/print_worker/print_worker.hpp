// The print fulfilment worker: turns placed orders into print jobs and fulfilments.
//
// For each order it loads the order through the Admin API, re-validates every
// personalized item against the schema it was stamped with, writes one print job per
// item (JSON, plus the referenced image) to the output folder, then creates the
// fulfilment. Job files are written before the fulfilment and never rewritten, so
// running twice, or receiving an event twice, never prints an item twice.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "medusa/client/client.hpp"

namespace medusa::worker {

struct WorkerOptions {
  std::filesystem::path output_dir = "print-jobs";
  /// Stock location for fulfilments (optional on the mock; required by a real Medusa
  /// with several locations).
  std::string location_id;
};

/// What processing one order did.
struct OrderOutcome {
  std::string order_id;
  int jobs_written = 0;    ///< new print jobs
  int jobs_existing = 0;   ///< already printed earlier: skipped
  int items_rejected = 0;  ///< personalization failed re-validation: not fulfilled
  bool fulfillment_created = false;
  std::vector<std::string> messages;
};

class PrintWorker {
 public:
  /// `sdk` must be authenticated for the Admin API (login or secret key).
  PrintWorker(client::Client& sdk, WorkerOptions options);

  /// Processes one order (idempotent).
  Result<OrderOutcome> process_order(const std::string& order_id);

  /// Lists orders through the Admin API and processes every one not processed before
  /// (a cursor file in the output folder remembers them): the polling mode for a real
  /// Medusa without webhooks.
  Result<std::vector<OrderOutcome>> poll_once();

 private:
  Result<bool> write_job(const Order& order, const OrderLineItem& item, const json& values,
                         const std::string& fingerprint, std::filesystem::path dir,
                         OrderOutcome& outcome);

  client::Client& sdk_;
  WorkerOptions options_;
};

/// Listens for webhook events (POST {name, data}) on 127.0.0.1:`port` and processes
/// each order.placed; runs until stop(). Events are acknowledged after processing, so
/// a failure makes the backend deliver again (at least once; the worker dedupes).
class WebhookListener {
 public:
  WebhookListener(PrintWorker& worker, std::function<void(const OrderOutcome&)> on_processed = {});
  ~WebhookListener();
  int start(const std::string& host, int port);  ///< returns the bound port
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medusa::worker
