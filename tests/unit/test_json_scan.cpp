// scan_json: the same verdict as parse_json on every input, and an exact outline.
#include <doctest/doctest.h>

#include <dirent.h>

#include "medusa/json_scan.hpp"
#include "test_support.hpp"

using medusa::json;
using medusa::JsonKind;
using medusa::scan_json;

namespace {

// The verdict of the DOM parser, with JSON.parse's leniency for lone \u surrogates.
std::string dom_verdict(const std::string& text, const medusa::JsonLimits& limits = {}) {
  auto parsed = medusa::parse_json(text, limits);
  return parsed ? "ok" : parsed.error().code;
}

std::string scan_verdict(const std::string& text, const medusa::JsonLimits& limits = {}) {
  auto scanned = scan_json(text, limits);
  return scanned ? "ok" : scanned.error().code;
}

}  // namespace

TEST_SUITE("json_scan") {
  TEST_CASE("outlines the members of the root object") {
    auto o = scan_json(R"( {"type":"order", "order": {"id":"o1","items":[1,{"a":[]}]},
                           "n": -1.5e3, "t": true, "z": null, "s": "x\"y", "e": {}, "l": []} )");
    REQUIRE(o.ok());
    CHECK(o->kind == JsonKind::object);
    REQUIRE(o->members.size() == 8);
    CHECK(o->members[0].key == "type");
    CHECK(o->members[0].raw == "\"order\"");
    CHECK(o->members[1].kind == JsonKind::object);
    CHECK(o->members[1].raw == R"({"id":"o1","items":[1,{"a":[]}]})");
    CHECK(o->members[2].kind == JsonKind::number);
    CHECK(o->members[2].raw == "-1.5e3");
    CHECK(o->members[3].kind == JsonKind::boolean);
    CHECK(o->members[4].kind == JsonKind::null);
    CHECK(o->members[5].raw == R"("x\"y")");
    CHECK(o->members[6].raw == "{}");
    CHECK(o->members[7].kind == JsonKind::array);
    CHECK(o->find("order") == &o->members[1]);
    CHECK(o->find("missing") == nullptr);
  }

  TEST_CASE("roots that are not objects have no members") {
    for (const char* text : {"[1,2]", "\"s\"", "0", "true", "null", "[]"}) {
      CAPTURE(text);
      auto o = scan_json(text);
      REQUIRE(o.ok());
      CHECK(o->members.empty());
    }
    CHECK(scan_json("[{\"a\":1}]")->kind == JsonKind::array);
  }

  TEST_CASE("agrees with parse_json on malformed input") {
    const std::vector<std::string> cases = {
        "", " ", "{", "}", "[", "]", "{]", "[}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]",
        "[,1]", "{,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "-", "-0", "1.", ".5", "1e", "1e+",
        "+1", "0x10", "1.5e-3", "tru", "truee", "nul", "NaN", "Infinity", "\"abc", "\"a\\x\"",
        "\"\\u12\"", "\"\\u12G4\"", "\"\\uD834\\uDD1E\"", "\"tab\there\"", "\"nl\nhere\"",
        "[1 2]", "{\"a\":1 \"b\":2}", "[1]x", "[1] [2]", "\"\xff\"", "\"\xc0\xaf\"",
        "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"caf\xc3\xa9\"", "\"\xe2\x82\"",
        "{\"\xff\":1}", "[\"a\",\"\\/\\b\\f\\n\\r\\t\\\\\"]", "\x00", "[1]\x00"};
    for (const auto& text : cases) {
      CAPTURE(text);
      CHECK(scan_verdict(text) == dom_verdict(text));
    }
  }

  TEST_CASE("accepts lone surrogate escapes like JSON.parse does") {
    // nlohmann refuses "\ud800" alone; JSON.parse and Medusa's JSON.stringify accept it.
    CHECK(scan_verdict("\"\\ud800\"") == "ok");
    CHECK(scan_verdict("{\"a\":\"x\\udc00y\"}") == "ok");
  }

  TEST_CASE("limits: size and depth, without recursion") {
    medusa::JsonLimits small;
    small.max_bytes = 10;
    CHECK(scan_verdict("[1,2,3,4,5,6]", small) == "json.too_large");
    CHECK(scan_verdict("[1,2,3,4]", small) == "ok");
    medusa::JsonLimits shallow;
    shallow.max_depth = 3;
    CHECK(scan_verdict("[[[1]]]", shallow) == "ok");
    CHECK(scan_verdict("[[[[1]]]]", shallow) == "json.too_deep");
    CHECK(scan_verdict("{\"a\":{\"b\":{\"c\":{}}}}", shallow) == "json.too_deep");
    const std::string deep(1000000, '[');
    CHECK(scan_verdict(deep) == "json.too_deep");
    const std::string deep_ok = std::string(256, '[') + std::string(256, ']');
    CHECK(scan_verdict(deep_ok) == "ok");
    CHECK(dom_verdict(deep_ok) == "ok");
  }

  TEST_CASE("errors name the byte offset") {
    auto e = scan_json("{\"a\":1,}");
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().kind == medusa::ErrorKind::invalid_json);
    CHECK(e.error().message == "invalid JSON at byte 7: expected a string key");
  }

  TEST_CASE("every real response body: same verdict and the same top-level keys") {
    const std::string dir = test_support::fixture("medusa-v2-traces");
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    int bodies = 0;
    while (dirent* entry = readdir(d)) {
      const std::string name = entry->d_name;
      if (name.size() < 5 || name.substr(name.size() - 4) != ".txt" || name[0] < '0' ||
          name[0] > '9')
        continue;
      const auto trace = test_support::read_trace(name);
      if (!trace) continue;  // multi-request traces
      const test_support::Trace& t = *trace;
      CAPTURE(name);
      const std::string verdict = dom_verdict(t.response_body);
      CHECK(scan_verdict(t.response_body) == verdict);
      if (verdict != "ok") continue;
      ++bodies;
      const json dom = json::parse(t.response_body);
      auto outline = scan_json(t.response_body);
      if (!dom.is_object()) continue;
      REQUIRE(outline->members.size() == dom.size());
      for (const auto& m : outline->members) {
        const std::string key(m.key);
        REQUIRE(dom.contains(key));
        CHECK(json::parse(m.raw) == dom[key]);
      }
    }
    closedir(d);
    CHECK(bodies > 100);
  }
}
