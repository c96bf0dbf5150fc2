#pragma once
// Idempotency-Key on the mock's Store cart routes, as medusa-plugin-personalize does it
// on a real Medusa (medusa-plugin/src/lib/idempotency.ts): a key is claimed by the first
// request, its answer replayed to a retry of the same request, refused for another
// request, and "in progress" while the first one runs. In memory, for one process.
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace medusa::mock {

class IdempotencyStore {
 public:
  enum class Outcome { claimed, replay, mismatch, in_progress };
  struct Claim {
    Outcome outcome = Outcome::claimed;
    int status = 0;       // replay: the stored answer
    nlohmann::json body;  // replay: the stored answer
  };

  explicit IdempotencyStore(std::chrono::seconds retention = std::chrono::hours(24))
      : retention_(retention) {}

  /// `scope` is "<METHOD> <path>"; `request` the whole request as text (query and body).
  Claim claim(const std::string& scope, const std::string& key, const std::string& request);
  /// Stores the answer of a claimed request (or gives the claim up when it is not worth
  /// replaying: a 5xx, 409 or 429, after which a retry runs the request again).
  void finish(const std::string& scope, const std::string& key, int status,
              const nlohmann::json& body);

  std::chrono::seconds retention() const { return retention_; }

  /// True for 1 to 255 visible ASCII characters.
  static bool valid_key(const std::string& key);

 private:
  struct Record {
    std::string request;
    bool completed = false;
    int status = 0;
    nlohmann::json body;
    std::chrono::steady_clock::time_point expires;
  };
  std::chrono::seconds retention_;
  std::mutex mutex_;
  std::map<std::string, Record> records_;  // scope + '\n' + key
  std::chrono::steady_clock::time_point next_sweep_{};
};

}  // namespace medusa::mock
