// Validates a personalization and calls a server that is not there: both must behave,
// proving the headers, the core and the client link from an outside project.
#include <iostream>

#include <medusa/client/client.hpp>
#include <medusa/personalize.hpp>

int main() {
  namespace p = medusa::personalization;
  auto schema = p::Schema::from_json(medusa::json::parse(
      R"({"type":"object","required":["message"],"properties":{"message":{"type":"string","maxLength":5}}})"));
  if (!schema) return 1;
  auto good = p::build_line_item_metadata(*schema, {{"message", "Hi"}});
  auto bad = p::build_line_item_metadata(*schema, {{"message", "too long"}});
  if (!good || bad) return 2;

  medusa::api::Config config;
  config.base_url = "http://127.0.0.1:1";
  medusa::client::ClientOptions options;
  options.retry.max_attempts = 1;
  medusa::client::Client sdk(config, options);
  auto regions = sdk.store.region.list();
  if (regions || regions.error().kind != medusa::ErrorKind::transport) return 3;
  std::cout << "consumer ok: " << good->dump() << " / " << regions.error().code << "\n";
  return 0;
}
