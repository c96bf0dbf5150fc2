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
#include "medusa/client/webhook_signature.hpp"

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
  /// The shop refused the fulfilment of printed items (a 4xx from createFulfillment, e.g.
  /// an order left half-fulfilled by a crash): printed all the same; staff fulfil it.
  std::string fulfillment_error;
  std::vector<std::string> messages;
};

class PrintWorker {
 public:
  /// `sdk` must be authenticated for the Admin API (login or secret key).
  PrintWorker(client::Client& sdk, WorkerOptions options);

  /// Processes one order (idempotent); with `only_item`, that order item alone (its job
  /// and its fulfilment: the plugin's print-job webhooks come one item at a time).
  Result<OrderOutcome> process_order(const std::string& order_id,
                                     const std::string& only_item = {});

  const WorkerOptions& options() const { return options_; }

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

/// Listens for signed webhooks on `host`:`port` at POST /hooks/medusa and runs until
/// stop(): the plugin's print jobs ({type: "print_job.created", data: {id, order, item,
/// ...}}: that item) and the mock backend's events ({name: "order.placed", data: {id}}:
/// the whole order).
///
/// Every request must carry a valid Standard Webhooks signature made with `secret`
/// within the last five minutes (401 otherwise), and a message already processed is
/// refused when sent again as it was (409 "webhook.replayed"; a sender's retry is
/// signed anew). Answers only after the job is written: 200 {status: "printed" |
/// "already_printed", fulfillment_created, fulfillment_error?} (a fulfilment the shop
/// refuses does not undo the print: sending the job again would not change it), 422 when
/// the personalization fails its schema (not printed), 503 when the job could not be
/// written or the fulfilment could not be asked for yet (the sender retries). Each message is
/// logged to `<output_dir>/webhooks.log` (JSON lines), which also remembers processed
/// messages across restarts.
class WebhookListener {
 public:
  WebhookListener(PrintWorker& worker, webhooks::Secret secret,
                  std::function<void(const OrderOutcome&)> on_processed = {});
  ~WebhookListener();
  int start(const std::string& host, int port);  ///< returns the bound port
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medusa::worker
