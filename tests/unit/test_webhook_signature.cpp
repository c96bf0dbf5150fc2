// Standard Webhooks signatures: the specification's published example, the forms a
// forged or replayed message takes, and secrets that are not secrets.
#include <doctest/doctest.h>

#include "medusa/client/webhook_signature.hpp"

using namespace medusa;

namespace {
// The example of the Standard Webhooks specification (and of its reference libraries).
const char* kSpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const char* kSpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const std::int64_t kSpecTimestamp = 1614265330;
const char* kSpecBody = "{\"test\": 2432232314}";
const char* kSpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

webhooks::Secret spec_secret() {
  auto secret = webhooks::parse_secret(kSpecSecret);
  REQUIRE(secret);
  return *secret;
}

webhooks::SignedHeaders spec_headers() {
  return {kSpecId, std::to_string(kSpecTimestamp), kSpecSignature};
}
}  // namespace

TEST_SUITE("webhook_signature") {
  TEST_CASE("the specification's example signs and verifies to its published signature") {
    const auto secret = spec_secret();
    CHECK(webhooks::sign(secret, kSpecId, kSpecTimestamp, kSpecBody) == kSpecSignature);
    auto checked = webhooks::verify(secret, spec_headers(), kSpecBody, kSpecTimestamp + 10);
    REQUIRE(checked);
    CHECK(*checked == kSpecTimestamp);
    CHECK(webhooks::format_secret(secret) == kSpecSecret);
  }

  TEST_CASE("a changed body, id or timestamp, or another key, is refused as forged") {
    const auto secret = spec_secret();
    const std::int64_t now = kSpecTimestamp;
    auto headers = spec_headers();
    auto refused = [&](const webhooks::Secret& s, const webhooks::SignedHeaders& h,
                       const std::string& body) {
      auto r = webhooks::verify(s, h, body, now);
      REQUIRE_FALSE(r);
      CHECK(r.error().kind == ErrorKind::invalid_argument);
      return r.error().code;
    };
    CHECK(refused(secret, headers, "{\"test\": 2432232315}") == "webhook.signature_invalid");
    headers.id = "msg_other";
    CHECK(refused(secret, headers, kSpecBody) == "webhook.signature_invalid");
    headers = spec_headers();
    headers.timestamp = std::to_string(kSpecTimestamp + 1);
    CHECK(refused(secret, headers, kSpecBody) == "webhook.signature_invalid");
    auto other = webhooks::parse_secret("whsec_" + std::string(32, 'A'));
    REQUIRE(other);
    CHECK(refused(*other, spec_headers(), kSpecBody) == "webhook.signature_invalid");
    headers = spec_headers();
    headers.signature = "v1,not base64!";
    CHECK(refused(secret, headers, kSpecBody) == "webhook.signature_invalid");
    headers.signature = "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";  // unknown scheme
    CHECK(refused(secret, headers, kSpecBody) == "webhook.signature_invalid");
    headers.signature = "";
    CHECK(refused(secret, headers, kSpecBody) == "webhook.headers_missing");
    headers = spec_headers();
    headers.timestamp = "16142653e0";
    CHECK(refused(secret, headers, kSpecBody) == "webhook.timestamp_invalid");
    headers.timestamp = "-1614265330";
    CHECK(refused(secret, headers, kSpecBody) == "webhook.timestamp_invalid");
  }

  TEST_CASE("one of several signatures (a key rotation) is enough") {
    const auto secret = spec_secret();
    auto headers = spec_headers();
    headers.signature = std::string("v1,") + std::string(43, 'A') + "= " + kSpecSignature;
    CHECK(webhooks::verify(secret, headers, kSpecBody, kSpecTimestamp));
  }

  TEST_CASE("an old message replayed, or one from the future, is refused however well signed") {
    const auto secret = spec_secret();
    const auto headers = spec_headers();
    auto late = webhooks::verify(secret, headers, kSpecBody, kSpecTimestamp + 301);
    REQUIRE_FALSE(late);
    CHECK(late.error().code == "webhook.timestamp_outside_tolerance");
    CHECK(late.error().message.find("-301 s from now") != std::string::npos);
    auto early = webhooks::verify(secret, headers, kSpecBody, kSpecTimestamp - 301);
    REQUIRE_FALSE(early);
    CHECK(early.error().code == "webhook.timestamp_outside_tolerance");
    CHECK(webhooks::verify(secret, headers, kSpecBody, kSpecTimestamp + 300));
    CHECK(webhooks::verify(secret, headers, kSpecBody, kSpecTimestamp + 3600, 3600));
  }

  TEST_CASE("secrets: whsec_ and strict base64 of 24 to 64 bytes") {
    for (const char* bad :
         {"", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_",
          "whsec_c2hvcnQ=", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",
          "whsec_MfKQ9r8G KYqrTwjUPD8ILPZIo2LaLaSw", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS*"}) {
      auto parsed = webhooks::parse_secret(bad);
      CHECK_MESSAGE(!parsed, bad);
      if (!parsed) CHECK(parsed.error().code == "webhook.secret_invalid");
    }
    CHECK_FALSE(webhooks::parse_secret("whsec_" + std::string(88, 'A')));             // 66 bytes
    auto longest = webhooks::parse_secret("whsec_" + std::string(84, 'A') + "AA==");  // 64 bytes
    REQUIRE(longest);
    CHECK(longest->key.size() == 64);
  }
}
