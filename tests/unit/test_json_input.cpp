// parse_json: the single entry point for untrusted JSON text.
#include <doctest/doctest.h>

#include <string>

#include "medusa/json_input.hpp"

using medusa::ErrorKind;
using medusa::json;
using medusa::JsonLimits;
using medusa::parse_json;

TEST_SUITE("json_input") {
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
    CHECK(medusa::is_valid_utf8("plain ascii"));
    CHECK(medusa::is_valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(medusa::is_valid_utf8("\xF0\x9F\x98"));
    CHECK_FALSE(medusa::is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  }

  TEST_CASE("a NUL byte never ends the input early (found by fuzz_json)") {
    using namespace std::string_literals;
    for (const std::string& text : {"1\0garbage"s, "{\"a\":1}\0{\"admin\":true}"s, "\0"s, "\"a\0b\""s}) {
      CAPTURE(text.size());
      auto parsed = medusa::parse_json(text);
      REQUIRE_FALSE(parsed.ok());
      CHECK(parsed.error().code == "json.syntax");
      CHECK(parsed.error().message.find("NUL byte") != std::string::npos);
    }
  }
}
