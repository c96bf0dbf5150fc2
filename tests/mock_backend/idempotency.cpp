#include "idempotency.hpp"

namespace medusa::mock {

bool IdempotencyStore::valid_key(const std::string& key) {
  if (key.empty() || key.size() > 255) return false;
  for (unsigned char c : key)
    if (c < 0x21 || c > 0x7e) return false;
  return true;
}

IdempotencyStore::Claim IdempotencyStore::claim(const std::string& scope, const std::string& key,
                                                const std::string& request) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  // Expired records go, in one sweep a minute: not a walk of every record per request.
  if (now >= next_sweep_) {
    for (auto it = records_.begin(); it != records_.end();)
      it = it->second.expires < now ? records_.erase(it) : std::next(it);
    next_sweep_ = now + std::chrono::minutes(1);
  }
  if (auto found = records_.find(scope + '\n' + key);
      found != records_.end() && found->second.expires < now) {
    records_.erase(found);  // expired since the last sweep
  }
  auto [it, inserted] = records_.try_emplace(scope + '\n' + key);
  Record& record = it->second;
  if (inserted) {
    record.request = request;
    record.expires = now + retention_;
    return {Outcome::claimed, 0, nullptr};
  }
  if (record.request != request) return {Outcome::mismatch, 0, nullptr};
  if (!record.completed) return {Outcome::in_progress, 0, nullptr};
  return {Outcome::replay, record.status, record.body};
}

void IdempotencyStore::finish(const std::string& scope, const std::string& key, int status,
                              const nlohmann::json& body) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = records_.find(scope + '\n' + key);
  if (it == records_.end()) return;
  const bool replayable = status < 500 && status != 409 && status != 429;
  if (!replayable) {
    records_.erase(it);
    return;
  }
  it->second.completed = true;
  it->second.status = status;
  it->second.body = body;
}

}  // namespace medusa::mock
