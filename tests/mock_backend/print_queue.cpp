#include "print_queue.hpp"

#include <algorithm>

#include "medusa/models/order.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/summary.hpp"

namespace medusa::mock {
namespace {

// The schema of an order item, from the product joined to it (order_view adds
// item.variant.product with its metadata).
std::optional<personalization::Schema> schema_of(const json& item) {
  if (!item.contains("variant") || !item["variant"].is_object()) return std::nullopt;
  const json& variant_json = item["variant"];
  auto product = from_json<Product>(variant_json.value("product", json::object()));
  auto variant = from_json<ProductVariant>(variant_json);
  if (!product || !variant) return std::nullopt;
  auto schema = personalization::Schema::for_product(*product, &*variant);
  if (!schema || !*schema) return std::nullopt;
  return std::move(**schema);
}

}  // namespace

void PrintQueue::subscribe(EventBus& bus) {
  bus.subscribe("order.placed", [this](const Event& e) {
    order_placed(e.data.value("id", ""));
  });
  bus.subscribe("order.fulfillment_created", [this](const Event& e) {
    fulfillment_created(e.data.value("order_id", ""), e.data.value("fulfillment_id", ""));
  });
}

void PrintQueue::order_placed(const std::string& order_id) {
  json order;
  try {
    order = backend_.retrieve_order(order_id)["order"];
  } catch (const std::exception&) {
    return;  // an unknown order: nothing to print
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (std::find(orders_seen_.begin(), orders_seen_.end(), order_id) != orders_seen_.end()) return;
  orders_seen_.push_back(order_id);
  for (const auto& item : order.value("items", json::array())) {
    auto model = from_json<OrderLineItem>(item);
    if (!model) continue;
    const json metadata = model->personalization();
    const json values = personalization::customer_values(metadata);
    if (values.empty()) continue;  // not personalized
    const auto schema = schema_of(item);
    const auto summary = personalization::describe_line_item(item, schema ? &*schema : nullptr);
    std::string image_url;  // the first uploaded image, as the summary recognizes them
    for (const auto& entry : summary.entries) {
      if (entry.kind == "image" && image_url.empty()) image_url = entry.value["url"];
    }
    json job{{"id", "pjob_" + std::to_string(jobs_.size() + 1)},
             {"order_id", order_id},
             {"order_display_id", order.value("display_id", json())},
             {"item_id", item.value("id", "")},
             {"title", item.value("product_title", item.value("title", ""))},
             {"variant_title", item.value("variant_title", json())},
             {"quantity", item.value("quantity", json(0))},
             {"personalization", values},
             {"summary", summary.text},
             {"image_url", image_url},
             {"schema_fingerprint", metadata.value(personalization::kStampKey, json())},
             {"status", "queued"},
             {"fulfillment_id", nullptr},
             {"created_at", now_iso()}};
    if (schema) {
      const auto report = personalization::validate_line_item_metadata(*schema, metadata);
      job["valid"] = report.valid();
      job["issues"] = report.to_json()["issues"];
    } else {
      job["valid"] = false;
      job["issues"] = json::array({{{"code", "no_schema"},
                                    {"message", "the product has no personalization schema"}}});
    }
    jobs_.push_back(std::move(job));
  }
}

void PrintQueue::fulfillment_created(const std::string& order_id,
                                     const std::string& fulfillment_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& job : jobs_) {
    if (job["order_id"] == order_id && job["status"] == "queued") {
      job["status"] = "fulfilled";
      job["fulfillment_id"] = fulfillment_id;
    }
  }
}

json PrintQueue::list() const {
  std::lock_guard<std::mutex> lock(mutex_);
  json out = json::array();
  for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) out.push_back(*it);
  return json{{"print_jobs", out}, {"count", jobs_.size()}};
}

}  // namespace medusa::mock
