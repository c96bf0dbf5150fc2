#include "medusa/client/webhook_signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace medusa::webhooks {
namespace {

constexpr const char* kSecretPrefix = "whsec_";

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int written =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// Strict base64 (padding included, no whitespace); false on anything else.
bool unbase64(const std::string& text, std::string& out) {
  if (text.empty() || text.size() % 4 != 0) return false;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '/' || c == '=';
    if (!ok) return false;
  }
  std::string bytes(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return false;
  std::size_t padding = 0;
  if (text[text.size() - 1] == '=') ++padding;
  if (text[text.size() - 2] == '=') ++padding;
  bytes.resize(static_cast<std::size_t>(n) - padding);  // EVP_DecodeBlock counts padding
  out = std::move(bytes);
  return true;
}

std::string hmac_sha256(const std::string& key, const std::string& message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return std::string(reinterpret_cast<const char*>(digest), length);
}

Error fail(const std::string& code, const std::string& message) {
  return Error(ErrorKind::invalid_argument, code, message);
}

}  // namespace

Result<Secret> parse_secret(const std::string& text) {
  const std::string prefix = kSecretPrefix;
  Secret secret;
  if (text.compare(0, prefix.size(), prefix) != 0 ||
      !unbase64(text.substr(prefix.size()), secret.key) || secret.key.size() < 24 ||
      secret.key.size() > 64) {
    return fail("webhook.secret_invalid",
                "a webhook secret is \"whsec_\" followed by the base64 of 24 to 64 bytes");
  }
  return secret;
}

std::string format_secret(const Secret& secret) {
  return kSecretPrefix +
         base64(reinterpret_cast<const unsigned char*>(secret.key.data()), secret.key.size());
}

std::string sign(const Secret& secret, const std::string& id, std::int64_t timestamp,
                 const std::string& body) {
  const std::string mac =
      hmac_sha256(secret.key, id + "." + std::to_string(timestamp) + "." + body);
  return "v1," + base64(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

Result<std::int64_t> verify(const Secret& secret, const SignedHeaders& headers,
                            const std::string& body, std::int64_t now,
                            std::int64_t tolerance_seconds) {
  if (headers.id.empty() || headers.timestamp.empty() || headers.signature.empty()) {
    return fail(
        "webhook.headers_missing",
        "unsigned request: webhook-id, webhook-timestamp and webhook-signature are required");
  }
  std::int64_t timestamp = 0;
  {
    const std::string& t = headers.timestamp;
    if (t.size() > 12 || t.find_first_not_of("0123456789") != std::string::npos) {
      return fail("webhook.timestamp_invalid", "webhook-timestamp is not a Unix time in seconds");
    }
    timestamp = std::strtoll(t.c_str(), nullptr, 10);
  }
  if (timestamp < now - tolerance_seconds || timestamp > now + tolerance_seconds) {
    return fail("webhook.timestamp_outside_tolerance",
                "webhook-timestamp is " + std::to_string(timestamp - now) +
                    " s from now (accepted: within " + std::to_string(tolerance_seconds) +
                    " s): an old message replayed, or a clock far off");
  }
  // The timestamp as sent is what was signed.
  const std::string expected =
      hmac_sha256(secret.key, headers.id + "." + headers.timestamp + "." + body);
  std::istringstream candidates(headers.signature);
  for (std::string candidate; candidates >> candidate;) {
    if (candidate.compare(0, 3, "v1,") != 0) continue;  // another scheme: not ours to check
    std::string mac;
    if (!unbase64(candidate.substr(3), mac) || mac.size() != expected.size()) continue;
    if (CRYPTO_memcmp(mac.data(), expected.data(), mac.size()) == 0) return timestamp;
  }
  return fail("webhook.signature_invalid",
              "the webhook-signature does not match the body signed with this secret");
}

}  // namespace medusa::webhooks
