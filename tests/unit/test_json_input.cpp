// parse_json: the single entry point for untrusted JSON text.
#include <dirent.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "medusa/json_input.hpp"
#include "medusa/json_output.hpp"
#include "same_json.hpp"
#include "test_support.hpp"

using medusa::ErrorKind;
using medusa::json;
using medusa::JsonLimits;
using medusa::parse_json;

namespace {

// parse_json against nlohmann/json's own parser (what it replaced): the same verdict, and
// for a document both accept, the same value with the same number types.
void check_like_nlohmann(const std::string& text) {
  CAPTURE(text.substr(0, 200));
  const json theirs = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto ours = parse_json(text);
  CHECK(ours.ok() == !theirs.is_discarded());
  if (ours.ok() && !theirs.is_discarded()) CHECK(test_support::same_json(*ours, theirs));
}

}  // namespace

TEST_SUITE("json_input") {
  TEST_CASE("a JsonKeyOrder records each object's members as written") {
    medusa::JsonKeyOrder order;
    const auto value = medusa::parse_json(
        R"({"b":1,"a":{"z":1,"y":2,"z":3},"list":[{"q":1,"p":2}],"one":{"k":1}})", {}, &order);
    REQUIRE(value.ok());
    using Names = std::vector<std::string>;
    REQUIRE(order.of(*value));
    CHECK(*order.of(*value) == Names{"b", "a", "list", "one"});
    REQUIRE(order.of((*value)["a"]));
    CHECK(*order.of((*value)["a"]) == Names{"z", "y"});  // a repeated name where it first was
    CHECK((*value)["a"]["z"] == 3);                       // and its last value, as JSON.parse
    REQUIRE(order.of((*value)["list"][0]));
    CHECK(*order.of((*value)["list"][0]) == Names{"q", "p"});
    CHECK(order.of((*value)["one"]) == nullptr);  // nothing to order
    const medusa::json moved = (*value)["list"];   // a copy has its own members: unknown
    CHECK(order.of(moved[0]) == nullptr);
  }

  TEST_CASE("the same values and number types as nlohmann/json's parser") {
    for (const char* text : {"0",
                             "-0",
                             "1",
                             "-1",
                             "18446744073709551615",
                             "18446744073709551616",
                             "-9223372036854775808",
                             "-9223372036854775809",
                             "9223372036854775807",
                             "9223372036854775808",
                             "1.0",
                             "-1.5e3",
                             "1E400",
                             "-1e-400",
                             "1e-320",
                             "0.1",
                             "123456789012345678901234567890",
                             "2.5E+2",
                             "\"\\u00e9\\uD834\\uDD1E\\u0000x\"",
                             "\"\\uD834\"",
                             "\"\\uDD1E\"",
                             "\"\\uD834\\u0041\"",
                             "{\"a\":1,\"a\":{\"b\":[true,false,null]}}",
                             "{\"b\":1,\"a\":2}",
                             "[[],{},[[{}]]]",
                             " \t\r\n[ 1 , 2 ]\n",
                             "[1,]",
                             "{\"a\":1,}",
                             "01",
                             "1.",
                             ".5",
                             "+1",
                             "\"\\x\"",
                             "\"\t\"",
                             "\"\xC3\xA9\xE2\x9D\xA4\xF0\x9F\x98\x80\"",
                             "\"\xC3\"",
                             "\"\xED\xA0\x80\"",
                             "[1]x",
                             "",
                             "tru",
                             "nulls",
                             "{\"k\" :\"v\"}",
                             "{\"\\u0061\":1,\"a\":2}"})
      check_like_nlohmann(text);
    // Every response and request body captured from the real server, and the JSON Schema
    // Test Suite's files.
    for (const std::string& dir : {test_support::fixture("medusa-v2-traces"),
                                   std::string(MEDUSA_JSON_SCHEMA_SUITE) + "/tests/draft7"}) {
      DIR* d = opendir(dir.c_str());
      REQUIRE(d != nullptr);
      int files = 0;
      while (dirent* entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name.size() < 6 || name[0] == '.') continue;
        if (name.substr(name.size() - 5) == ".json") {
          check_like_nlohmann(test_support::read_file(dir + "/" + name));
          ++files;
        } else if (name.substr(name.size() - 4) != ".txt") {
          continue;
        } else if (auto trace = test_support::read_trace(name)) {
          check_like_nlohmann(trace->response_body);
          if (!trace->request_text.empty()) check_like_nlohmann(trace->request_text);
          ++files;
        }
      }
      closedir(d);
      CHECK(files > 30);
    }
  }

  TEST_CASE("every \\u escape decodes as nlohmann/json's parser decodes it") {
    char text[16];
    for (unsigned cp = 0; cp <= 0xFFFF; ++cp) {
      std::snprintf(text, sizeof text, "\"\\u%04x\"", cp);  // lone surrogates too: both refuse
      check_like_nlohmann(text);
    }
    for (unsigned cp = 0x10000; cp <= 0x10FFFF; cp += 0x3FF) {  // pairs, both halves' edges
      const unsigned v = cp - 0x10000;
      std::snprintf(text, sizeof text, "\"\\u%04X\\u%04X\"", 0xD800 + (v >> 10),
                    0xDC00 + (v & 0x3FF));
      check_like_nlohmann(text);
    }
  }

  TEST_CASE("well-formed JSON parses to the same value") {
    auto r = parse_json(R"({"message":"Happy birthday, Anna!","n":[1,2.5,null,true]})");
    REQUIRE(r.ok());
    CHECK((*r)["message"] == "Happy birthday, Anna!");
    CHECK((*r)["n"][1] == 2.5);
    CHECK((*r)["n"][2].is_null());
  }

  TEST_CASE("malformed JSON is a typed syntax error with the byte position") {
    for (const char* bad :
         {"{", "{\"a\":}", "[1,2", "{\"a\" 1}", "tru", "", "{\"a\":1}x", "'single'"}) {
      CAPTURE(bad);
      auto r = parse_json(bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().kind == ErrorKind::invalid_json);
      CHECK(r.error().code == "json.syntax");
      CHECK(r.error().message.find("invalid JSON at byte") == 0);
    }
  }

  TEST_CASE("invalid UTF-8 inside a string is refused as json.invalid_utf8") {
    for (const std::string& bad : {std::string("\"\xC3\x28\""), std::string("\"\xFF\""),
                                   std::string("\"\xED\xA0\x80\""), std::string("\"\xC0\xAF\"")}) {
      auto r = parse_json(bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == "json.invalid_utf8");
    }
    CHECK(parse_json("\"\xC3\xA4\xE2\x9D\xA4\xEF\xB8\x8F\"").ok());  // "ä❤️"
  }

  TEST_CASE("nesting deeper than the limit is refused without recursion") {
    JsonLimits limits;
    limits.max_depth = 64;
    std::string ok(64, '['), deep(65, '[');
    ok += std::string(64, ']');
    deep += std::string(65, ']');
    CHECK(parse_json(ok, limits).ok());
    auto r = parse_json(deep, limits);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "json.too_deep");
    CHECK(r.error().message == "JSON nesting exceeds the limit of 64 levels");

    // A million opening brackets: refused quickly, no stack overflow.
    const std::string hostile(1'000'000, '[');
    auto h = parse_json(hostile);
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().code == "json.too_deep");
  }

  TEST_CASE("documents over the size limit are refused before parsing") {
    JsonLimits limits;
    limits.max_bytes = 16;
    auto r = parse_json(R"({"message":"a long message"})", limits);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "json.too_large");
    CHECK(r.error().message == "JSON text of 28 bytes exceeds the limit of 16 bytes");
  }

  TEST_CASE("json_depth and is_valid_utf8") {
    CHECK(medusa::json_depth(json(1)) == 0);
    CHECK(medusa::json_depth(json::parse(R"({"a":[{"b":[]}]})")) == 4);
    CHECK(medusa::json_depth(json::object()) == 1);
    CHECK(medusa::json_depth(json::array()) == 1);
    CHECK(medusa::json_depth(json::parse(R"([1, "two", null, true])")) == 1);
    // The deepest branch counts wherever it is: first, middle or last member or item.
    CHECK(medusa::json_depth(json::parse(R"({"x":1,"y":[[[]]],"z":{"w":{}}})")) == 4);
    CHECK(medusa::json_depth(json::parse(R"([[], {"a": [[{}]]}, 0])")) == 5);
    CHECK(medusa::json_depth(json::parse(R"([[[[{"k":"v"}]]], [], {}])")) == 5);
    CHECK(medusa::is_valid_utf8("plain ascii"));
    CHECK(medusa::is_valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(medusa::is_valid_utf8("\xF0\x9F\x98"));
    CHECK_FALSE(medusa::is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  }

  TEST_CASE("a NUL byte never ends the input early (found by fuzz_json)") {
    using namespace std::string_literals;
    for (const std::string& text :
         {"1\0garbage"s, "{\"a\":1}\0{\"admin\":true}"s, "\0"s, "\"a\0b\""s}) {
      CAPTURE(text.size());
      auto parsed = medusa::parse_json(text);
      REQUIRE_FALSE(parsed.ok());
      CHECK(parsed.error().code == "json.syntax");
      CHECK(parsed.error().message.find("NUL byte") != std::string::npos);
    }
  }
}

TEST_SUITE("json_output") {
  // to_json_text against the nlohmann serializer it stands in for.
  std::string theirs(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
  }

  TEST_CASE("strings: every one- and two-byte text, and four bytes from the edges of UTF-8") {
    int checked = 0;
    for (int a = 0; a < 256; ++a) {
      const json one(std::string(1, static_cast<char>(a)));
      CHECK(medusa::to_json_text(one) == theirs(one));
      for (int b = 0; b < 256; ++b) {
        const json two(std::string{static_cast<char>(a), static_cast<char>(b)});
        if (medusa::to_json_text(two) != theirs(two)) FAIL_CHECK("bytes " << a << " " << b);
        ++checked;
      }
    }
    const unsigned char edges[] = {0x00, 0x1F, 0x20, '"',  '\\', 'a',  0x7F, 0x80,
                                   0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                   0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    for (auto a : edges)
      for (auto b : edges)
        for (auto c : edges)
          for (auto d : edges) {
            const json four(std::string{static_cast<char>(a), static_cast<char>(b),
                                        static_cast<char>(c), static_cast<char>(d)});
            if (medusa::to_json_text(four) != theirs(four))
              FAIL_CHECK("bytes " << +a << " " << +b << " " << +c << " " << +d);
            ++checked;
          }
    CHECK(checked == 65536 + 24 * 24 * 24 * 24);
  }

  TEST_CASE("numbers: integers, doubles of every magnitude, non-finite ones") {
    std::vector<json> values = {0,
                                -0.0,
                                0.0,
                                1.0,
                                -1.5,
                                0.1,
                                1e20,
                                1e21,
                                1e-7,
                                5e-324,
                                1.7976931348623157e308,
                                INT64_MIN,
                                INT64_MAX,
                                UINT64_MAX,
                                123456789.125,
                                2.5e-5,
                                std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN()};
    std::uint64_t bits = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 100000; ++i) {
      bits = bits * 6364136223846793005ull + 1442695040888963407ull;
      double d;
      std::memcpy(&d, &bits, sizeof d);
      values.emplace_back(d);
    }
    for (const auto& v : values) {
      if (medusa::to_json_text(v) != theirs(v)) FAIL_CHECK(theirs(v));
    }
  }

  TEST_CASE("structures, keys that need escaping, binary and discarded values") {
    json doc =
        json::parse(R"({"b":[1,-2,3.5,true,false,null,{}],"a":{"x\"y":"\u0001\u001f/"},"":[]})");
    doc["k\xff"] = std::string("v\xc3");
    CHECK(medusa::to_json_text(doc) == theirs(doc));
    CHECK(medusa::to_json_text(json::binary({1, 2, 255})) == theirs(json::binary({1, 2, 255})));
    CHECK(medusa::to_json_text(json::binary({7}, 42)) == theirs(json::binary({7}, 42)));
    const json discarded(json::value_t::discarded);
    CHECK(medusa::to_json_text(discarded) == theirs(discarded));
  }
}
