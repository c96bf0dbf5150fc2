// describe_line_item: readable personalization summaries for order and staff views.
#include <doctest/doctest.h>

#include "medusa/personalization/summary.hpp"

using medusa::json;
using namespace medusa::personalization;

namespace {

Schema shirt_schema() {
  auto s = Schema::from_json(json::parse(R"({
    "type":"object",
    "properties":{
      "photo":{"type":"object","title":"Photo","x-order":3},
      "message":{"type":"string","title":"Message","x-order":1},
      "gift":{"type":"boolean","title":"Gift wrap","x-order":2}
    }})"));
  REQUIRE(s.ok());
  return std::move(s).value();
}

}  // namespace

TEST_SUITE("summary") {
  TEST_CASE("order items: labels and order from the schema, private keys hidden") {
    const Schema schema = shirt_schema();
    const json item = {{"id", "ordli_1"},
                       {"metadata", {{"message", "versioned"}}},
                       {"line_item_metadata",
                        {{"message", "Happy <b>birthday</b>"},
                         {"gift", true},
                         {"photo",
                          {{"url", "http://x/uploads/ab12.png"},
                           {"mime", "image/png"},
                           {"width", 1200},
                           {"height", 1800},
                           {"bytes", 5000}}},
                         {"extra", json::array({"a", 2})},
                         {"_personalization_schema", schema.fingerprint()},
                         {"_internal", "hidden"}}}};
    const Summary s = describe_line_item(item, &schema);
    REQUIRE(s.entries.size() == 4);
    CHECK(s.entries[0].label == "Message");
    CHECK(s.entries[0].text == "Happy <b>birthday</b>");  // plain text, escaped by the viewer
    CHECK(s.entries[1].text == "Yes");
    CHECK(s.entries[2].kind == "image");
    CHECK(s.entries[2].text == "ab12.png (1200\u00d71800 px)");
    CHECK(s.entries[3].label == "extra");
    CHECK(s.entries[3].text == "a, 2");
    CHECK(s.schema_fingerprint == schema.fingerprint());
    CHECK_FALSE(s.schema_mismatch);
    CHECK(s.text ==
          "Message: Happy <b>birthday</b> \u00b7 Gift wrap: Yes \u00b7 Photo: ab12.png "
          "(1200\u00d71800 px) \u00b7 extra: a, 2");
  }

  TEST_CASE("cart lines without a schema; mismatched stamps; non-objects") {
    const json line = {
        {"metadata", {{"b", 2.5}, {"a", "x"}, {"_personalization_schema", "fnv1a64:0"}}}};
    const Summary plain = describe_line_item(line);
    REQUIRE(plain.entries.size() == 2);
    CHECK(plain.entries[0].name == "a");
    CHECK(plain.entries[1].text == "2.5");
    const Schema schema = shirt_schema();
    CHECK(describe_line_item(line, &schema).schema_mismatch);
    CHECK(describe_line_item(json("text")).entries.empty());
    CHECK(describe_line_item(json{{"metadata", nullptr}}).entries.empty());
    CHECK(describe_line_item(json{{"metadata", "not an object"}}).text.empty());
  }

  TEST_CASE("the personalization's place: line_item_metadata, metadata, detail.metadata") {
    const json detail_only = {{"metadata", json::object()},
                              {"detail", {{"metadata", {{"message", "from detail"}}}}}};
    CHECK(describe_line_item(detail_only).text == "message: from detail");
    const json both = {{"metadata", {{"message", "versioned"}}},
                       {"line_item_metadata", {{"message", "preferred"}}}};
    CHECK(describe_line_item(both).text == "message: preferred");
    // Fields the summary does not read may hold anything (a proxy's additions, a newer
    // server's types): the personalization is still found where it is.
    const json odd = {{"quantity", "two"},
                      {"variant", 5},
                      {"detail", "gone"},
                      {"metadata", {{"message", "versioned"}}},
                      {"line_item_metadata", {{"message", "preferred"}}}};
    CHECK(describe_line_item(odd).text == "message: preferred");
    CHECK(describe_line_item(json{{"line_item_metadata", "x"}, {"detail", {{"metadata", 1}}}})
              .entries.empty());
  }
}
