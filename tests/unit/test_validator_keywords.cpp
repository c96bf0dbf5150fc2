// Every draft-07 keyword and every personalization issue code, with exact reports.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "medusa/schema/validator.hpp"
#include "test_support.hpp"

using medusa::json;
using medusa::schema::CompiledSchema;
using medusa::schema::ValidatorOptions;

namespace {

CompiledSchema compile(const std::string& schema, const ValidatorOptions& options = {}) {
  auto r = CompiledSchema::compile(json::parse(schema), options);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().describe()));
  return *r;
}

// "instance_path schema_path code: message" per issue.
std::vector<std::string> issues(const std::string& schema, const std::string& instance) {
  const auto s = compile(schema);
  const auto report = s.validate(json::parse(instance));
  CHECK(report.valid() == s.is_valid(json::parse(instance)));
  std::vector<std::string> out;
  for (const auto& i : report.issues) {
    out.push_back(i.instance_path + " " + i.schema_path + " " + i.code + ": " + i.message);
  }
  return out;
}

using Lines = std::vector<std::string>;

std::string compile_error(const std::string& schema, const ValidatorOptions& options = {}) {
  auto r = CompiledSchema::compile(json::parse(schema), options);
  return r.ok() ? "ok" : r.error().code;
}

// Every `valid` string passes `format`, every `invalid` one fails it.
void check_format_cases(const char* format, std::initializer_list<const char*> valid,
                        std::initializer_list<const char*> invalid) {
  for (const char* value : valid) {
    CAPTURE(value);
    CHECK(medusa::schema::check_format(format, value));
  }
  for (const char* value : invalid) {
    CAPTURE(value);
    CHECK_FALSE(medusa::schema::check_format(format, value));
  }
}

// The verdict on an instance given as JSON text; the fast check agrees with the report.
bool valid(const std::string& schema, const std::string& instance) {
  const auto s = compile(schema);
  const auto v = json::parse(instance);
  CHECK(s.is_valid(v) == s.validate(v).valid());
  return s.validate(v).valid();
}

}  // namespace

TEST_SUITE("validator") {
  TEST_CASE("type, enum, const") {
    CHECK(issues(R"({"type":"string"})", "1") == Lines{" #/type type: must be string"});
    CHECK(issues(R"({"type":["string","null"]})", "true") ==
          Lines{" #/type type: must be string or null"});
    CHECK(issues(R"({"type":"integer"})", "2.0").empty());
    CHECK(issues(R"({"type":"integer"})", "2.5") == Lines{" #/type type: must be integer"});
    CHECK(issues(R"({"enum":["Serif","Script"]})", R"("Comic")") ==
          Lines{" #/enum enum: must be one of the allowed values"});
    CHECK(issues(R"({"const":{"a":1}})", R"({"a":1.0})").empty());
    CHECK(issues(R"({"const":"x"})", R"("y")") == Lines{R"( #/const const: must be equal to "x")"});
  }

  TEST_CASE("numbers") {
    CHECK(issues(R"({"minimum":1,"maximum":10})", "0") ==
          Lines{" #/minimum minimum: must be >= 1"});
    CHECK(issues(R"({"minimum":1,"maximum":10})", "11") ==
          Lines{" #/maximum maximum: must be <= 10"});
    CHECK(issues(R"({"exclusiveMinimum":1})", "1") ==
          Lines{" #/exclusiveMinimum exclusive_minimum: must be > 1"});
    CHECK(issues(R"({"exclusiveMaximum":2.5})", "2.5") ==
          Lines{" #/exclusiveMaximum exclusive_maximum: must be < 2.5"});
    CHECK(issues(R"({"multipleOf":0.01})", "19.99").empty());
    CHECK(issues(R"({"multipleOf":0.5})", "1.25") ==
          Lines{" #/multipleOf multiple_of: must be a multiple of 0.5"});
    CHECK(issues(R"({"multipleOf":3})", "9").empty());
    CHECK(issues(R"({"minimum":5})", R"("not a number")").empty());  // only numbers are checked
  }

  TEST_CASE("string length counts code points, as a customer counts characters") {
    const char* schema = R"({"type":"string","minLength":2,"maxLength":5})";
    CHECK(issues(schema, "\"\xC3\xA4\xC3\xB6\xC3\xBC\xC3\x9F\xE2\x9D\xA4\"").empty());  // äöüß❤ = 5
    CHECK(issues(schema, "\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"").empty());              // 2 emoji
    CHECK(issues(schema, R"("abcdef")") ==
          Lines{" #/maxLength max_length: must be at most 5 characters"});
    CHECK(issues(schema, R"("a")") ==
          Lines{" #/minLength min_length: must be at least 2 characters"});
    const auto s = compile(schema);
    const auto report = s.validate("abcdefg");
    CHECK(report.issues[0].params == json{{"limit", 5}, {"actual", 7}});
  }

  TEST_CASE("pattern and format") {
    CHECK(issues(R"({"pattern":"^[\\p{L} ]+$"})", R"("Zoë Ann")").empty());
    CHECK(issues(R"({"pattern":"^[\\p{L} ]+$"})", R"("Zoë 2")") ==
          Lines{R"( #/pattern pattern: must match the pattern ^[\p{L} ]+$)"});
    CHECK(issues(R"({"format":"email"})", R"("anna@example.com")").empty());
    CHECK(issues(R"({"format":"email"})", R"("anna@")") ==
          Lines{" #/format format: must be a valid email"});
    CHECK(issues(R"({"format":"colour"})", R"("#ff00AA")").empty());
    CHECK(issues(R"({"format":"colour"})", R"("red")") ==
          Lines{" #/format format: must be a valid colour"});
    CHECK(issues(R"({"format":"uri"})", R"("https://img.example.test/anna.png")").empty());
    CHECK(issues(R"({"format":"date"})", R"("2026-02-29")") ==
          Lines{" #/format format: must be a valid date"});
    CHECK(issues(R"({"format":"date"})", R"("2028-02-29")").empty());
    CHECK(issues(R"({"format":"date-time"})", R"("2026-11-25T19:13:34.439Z")").empty());
    CHECK(issues(R"({"format":"made-up"})", R"("anything")").empty());
    ValidatorOptions annotations;
    annotations.assert_formats = false;
    CHECK(compile(R"({"format":"email"})", annotations).is_valid("nope"));
  }

  TEST_CASE("format uri: every ASCII character in a path") {
    // RFC 3986: letters, digits, unreserved, gen-delims and sub-delims may appear as they
    // are; brackets only around an IP literal host; '%' only before two hex digits; one
    // '#' (the fragment); nothing else (controls, space, "<>\^`{|} and DEL).
    const auto uri = compile(R"({"format":"uri"})");
    const auto reference = compile(R"({"format":"uri-reference"})");
    const std::string allowed =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&'()*+,;=";
    for (int c = 0; c < 128; ++c) {
      const std::string path(1, static_cast<char>(c));
      CAPTURE(c);
      const bool expected =
          c != '[' && c != ']' && allowed.find(static_cast<char>(c)) != std::string::npos;
      CHECK(uri.is_valid(json("https://x.test/a" + path + "b")) == expected);
      CHECK(reference.is_valid(json("a/b" + path + "c")) == expected);
    }
    CHECK(uri.is_valid(json("https://x.test/a%2Fb")));
    CHECK_FALSE(uri.is_valid(json("https://x.test/a%2")));
    CHECK_FALSE(uri.is_valid(json("https://x.test/a#b#c")));
    CHECK_FALSE(uri.is_valid(json("https://x.test/a?q=[1]")));
    CHECK_FALSE(uri.is_valid(json("https://x.test/a#b[c")));
    CHECK_FALSE(reference.is_valid(json("a/b#c]d")));
    CHECK(reference.is_valid(json("//[::1]/a#b")));
    CHECK(uri.is_valid(json("https://[::1]:8080/a")));
    CHECK_FALSE(uri.is_valid(json("https://x.test/\xc3\xa9")));
  }

  TEST_CASE("arrays") {
    CHECK(issues(R"({"minItems":2,"maxItems":3})", "[1]") ==
          Lines{" #/minItems min_items: must have at least 2 items"});
    CHECK(issues(R"({"minItems":2,"maxItems":3})", "[1,2,3,4]") ==
          Lines{" #/maxItems max_items: must have at most 3 items"});
    CHECK(
        issues(R"({"uniqueItems":true})", R"([1,{"a":1},2,{"a":1.0}])") ==
        Lines{
            " #/uniqueItems unique_items: must not contain duplicates (items 1 and 3 are equal)"});
    CHECK(issues(R"({"items":{"type":"string"}})", R"(["a",1,"b",2])") ==
          Lines{"/1 #/items/type type: must be string", "/3 #/items/type type: must be string"});
    CHECK(issues(R"({"items":[{"type":"string"}],"additionalItems":false})", R"(["a","b"])") ==
          Lines{"/1 #/additionalItems additional_items: must have at most 1 items"});
    CHECK(issues(R"({"items":[true],"additionalItems":{"type":"integer"}})", R"(["x",1,"y"])") ==
          Lines{"/2 #/additionalItems/type type: must be integer"});
    CHECK(issues(R"({"contains":{"const":"gift"}})", R"(["a"])") ==
          Lines{" #/contains contains: must contain at least one matching item"});
    // Of several equal items, the first two are named, however many there are.
    json same = json::array();
    for (int i = 0; i < 64; ++i) same.push_back(i % 3 == 0 ? json("b") : json("a"));
    CHECK(
        issues(R"({"uniqueItems":true})", same.dump()) ==
        Lines{
            " #/uniqueItems unique_items: must not contain duplicates (items 1 and 2 are equal)"});
    // uniqueItems on a large array stays fast (sorted, not pairwise).
    json big = json::array();
    for (int i = 0; i < 50000; ++i) big.push_back(i);
    CHECK(compile(R"({"uniqueItems":true})").is_valid(big));
  }

  TEST_CASE("objects report every issue at the field's own path") {
    const char* schema = R"({
      "type":"object",
      "required":["message","font"],
      "properties":{"message":{"type":"string","maxLength":5},"size":{"type":"integer"}},
      "patternProperties":{"^x_":{"type":"boolean"}},
      "additionalProperties":false,
      "minProperties":1,"maxProperties":4
    })";
    CHECK(issues(schema, R"({"message":"too long","size":"L","x_gift":1,"other":1})") ==
          Lines{"/font #/required required: is required",
                "/message #/properties/message/maxLength max_length: must be at most 5 characters",
                "/other #/additionalProperties additional_properties: is not an allowed property",
                "/size #/properties/size/type type: must be integer",
                "/x_gift #/patternProperties/^x_/type type: must be boolean"});
    CHECK(issues(R"({"maxProperties":1})", R"({"a":1,"b":2})") ==
          Lines{" #/maxProperties max_properties: must have at most 1 properties"});
    CHECK(issues(R"({"minProperties":1})", R"({})") ==
          Lines{" #/minProperties min_properties: must have at least 1 properties"});
    CHECK(issues(R"({"propertyNames":{"pattern":"^[a-z_]+$"}})", R"({"ok":1,"Bad-Name":2})") ==
          Lines{"/Bad-Name #/propertyNames property_names: is not an allowed property name"});
    CHECK(
        issues(R"({"dependencies":{"gift_wrap":["gift_message"]}})", R"({"gift_wrap":true})") ==
        Lines{
            "/gift_message #/dependencies dependencies: is required when 'gift_wrap' is present"});
    CHECK(issues(R"({"dependencies":{"a":{"required":["b"]}}})", R"({"a":1})") ==
          Lines{"/b #/dependencies/a/required required: is required"});
    CHECK(issues(R"({"additionalProperties":{"type":"string"}})", R"({"a":"x","b":2})") ==
          Lines{"/b #/additionalProperties/type type: must be string"});
  }

  TEST_CASE("JSON Pointer escaping in paths") {
    CHECK(issues(R"({"properties":{"a/b~c":{"type":"string"}}})", R"({"a/b~c":1})") ==
          Lines{"/a~1b~0c #/properties/a~1b~0c/type type: must be string"});
  }

  TEST_CASE("combinators") {
    CHECK(issues(R"({"allOf":[{"minimum":2},{"maximum":1}]})", "3") ==
          Lines{" #/allOf/1/maximum maximum: must be <= 1"});
    CHECK(issues(R"({"anyOf":[{"type":"string"},{"type":"integer"}]})", "1.5") ==
          Lines{" #/anyOf any_of: must match at least one of the allowed forms"});
    CHECK(issues(R"({"oneOf":[{"type":"integer"},{"minimum":0}]})", "1") ==
          Lines{" #/oneOf one_of: must match exactly one of the allowed forms (matches several)"});
    CHECK(issues(R"({"oneOf":[{"type":"integer"},{"type":"string"}]})", "1.5") ==
          Lines{" #/oneOf one_of: must match exactly one of the allowed forms (matches none)"});
    CHECK(issues(R"({"not":{"const":"forbidden"}})", R"("forbidden")") ==
          Lines{" #/not not: must not match the excluded form"});
    const char* conditional = R"({"if":{"properties":{"gift":{"const":true}}},
      "then":{"required":["gift_message"]},"else":{"maxProperties":1}})";
    CHECK(issues(conditional, R"({"gift":true})") ==
          Lines{"/gift_message #/then/required required: is required"});
    CHECK(issues(conditional, R"({"gift":false,"x":1})") ==
          Lines{" #/else/maxProperties max_properties: must have at most 1 properties"});
    CHECK(issues("false", "1") == Lines{" # false_schema: no value is allowed here"});
    CHECK(issues("true", "1").empty());
  }

  TEST_CASE("$ref and definitions, including recursion") {
    const char* tree = R"({"definitions":{"node":{"type":"object","properties":{
      "children":{"type":"array","items":{"$ref":"#/definitions/node"}},"v":{"type":"integer"}}}},
      "$ref":"#/definitions/node"})";
    CHECK(issues(tree, R"({"v":1,"children":[{"v":2},{"v":"x","children":[]}]})") ==
          Lines{"/children/1/v #/definitions/node/properties/v/type type: must be integer"});
    CHECK(issues(R"({"$ref":"http://json-schema.org/draft-07/schema#"})", R"({"type":"nope"})")
              .size() == 1);
  }

  TEST_CASE("the personalization vocabulary: x-image print checks") {
    const char* schema = R"({"type":"object","properties":{"photo":{
      "x-widget":"image",
      "x-image":{"accept":["image/png","image/jpeg"],"max_bytes":10000000,
                 "min_width":1000,"min_height":800,"print_width_mm":200,"print_height_mm":250,
                 "min_dpi":150}}}})";
    CHECK(issues(schema,
                 R"({"photo":{"url":"u","mime":"image/png","width":2400,"height":3000,"bytes":5}})")
              .empty());
    CHECK(
        issues(
            schema,
            R"({"photo":{"url":"u","mime":"image/gif","width":2400,"height":3000,"bytes":20000000}})") ==
        Lines{"/photo #/properties/photo/x-image/accept image_type: must be an image of type "
              "image/png, image/jpeg",
              "/photo #/properties/photo/x-image/max_bytes image_too_large: must be at most "
              "10000000 bytes"});
    // 1000 px over 200 mm (7.87 in) = 127 dpi.
    CHECK(
        issues(
            schema,
            R"({"photo":{"url":"u","mime":"image/jpeg","width":1000,"height":1600,"bytes":5}})") ==
        Lines{"/photo #/properties/photo/x-image/min_dpi image_min_dpi: would print at 127 dpi, "
              "below the minimum of 150 dpi"});
    CHECK(
        issues(schema,
               R"({"photo":{"url":"u","mime":"image/jpeg","width":900,"height":700,"bytes":5}})") ==
        Lines{"/photo #/properties/photo/x-image/min_width image_min_pixels: must be at least "
              "1000x800 pixels",
              "/photo #/properties/photo/x-image/min_dpi image_min_dpi: would print at 71 dpi, "
              "below the minimum of 150 dpi"});
    CHECK(issues(schema, R"({"photo":{"url":"","width":"big"}})") ==
          Lines{"/photo #/properties/photo/x-image image_reference: must be an uploaded image "
                "reference "
                "{url, width, height, mime, bytes} (missing or invalid: url, mime, width, height, "
                "bytes)"});
  }

  TEST_CASE("schema errors are typed") {
    CHECK(compile_error(R"({"type":"strng"})") == "schema.invalid");
    CHECK(compile_error(R"({"maxLength":-1})") == "schema.invalid");
    CHECK(compile_error(R"({"required":"message"})") == "schema.invalid");
    CHECK(compile_error(R"([1,2])") == "schema.invalid");
    CHECK(compile_error(R"j({"pattern":"(x)\\1"})j") == "schema.pattern");  // valid, not run
    CHECK(compile_error(R"({"pattern":"(unclosed"})") ==
          "schema.invalid");  // format: regex in the meta-schema
    CHECK(compile_error(R"({"$ref":"#/definitions/missing"})") == "schema.ref");
    CHECK(compile_error(R"({"$ref":"http://example.test/remote.json"})") == "schema.ref");
    CHECK(
        compile_error(
            R"({"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"})") ==
        "schema.ref");
    CHECK(compile_error(R"({"x-widget":"slider"})") == "schema.vocabulary");
    CHECK(compile_error(R"({"x-image":{"min_dpi":300}})") == "schema.vocabulary");
    CHECK(compile_error(R"({"x-image":{"accept":["image/gif"]}})") == "schema.vocabulary");
    CHECK(compile_error(R"({"x-image":{"colour":"red"}})") == "schema.vocabulary");
    // Counts too large for 64 bits (found by fuzz_schema): no limit for max*, never for min*.
    CHECK(CompiledSchema::compile(json::parse(R"({"maxLength":3.2e22})"))->validate("abc").valid());
    CHECK_FALSE(CompiledSchema::compile(json::parse(R"({"minItems":1e300})"))
                    ->validate(json::array({1}))
                    .valid());
    CHECK(compile_error(R"({"x-messages":{"pattern":1}})") == "schema.vocabulary");
    CHECK(compile_error(R"({"x-messages":"Use letters"})") == "schema.vocabulary");
    CHECK(CompiledSchema::compile(json::parse(R"({"x-messages":{"pattern":"Use letters"}})")).ok());
    auto r = CompiledSchema::compile(json::parse(R"({"properties":{"a":{"type":"strng"}}})"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == medusa::ErrorKind::invalid_schema);
    CHECK(r.error().path == "/properties/a/type");
  }

  TEST_CASE("URI hosts: IP literals per RFC 3986, IPvFuture included") {
    check_format_cases("uri",
                       {"http://[v1.x]/", "http://[v1.x]:8080/a", "http://[vF.a:b!$&'()*+,;=-._~]/",
                        "http://[::1]/", "http://[2001:db8::7]:80/c", "urn:x"},
                       {"http://[v.x]/", "http://[v1.]/", "http://[v1]/", "http://[vg.x]/",
                        "http://[v1.x y]/", "http://[v1.x/]/", "http://[::1/", "http://[x1.a]/"});
  }

  TEST_CASE("host names by IDNA2008: A-labels decoded, U-labels checked, the Bidi rule") {
    // A-labels must decode (RFC 3492) to a valid U-label and encode back to themselves,
    // letters in either case.
    check_format_cases(
        "hostname",
        {"xn--mnchen-3ya.de", "XN--MNCHEN-3YA.de", "xn--fiqs8s", "xn--bcher-kva.example",
         "xn--mgbh0fb.xn--kgbechtv", "xn--tda", "ab--cd.example", "a.b-c.d1"},
        {"xn--", "xn--a", "xn--mnchen-3ya-.de", "xn--ls8h.example", "xn--tda-.de", "-a.example",
         "a_b.example", "münchen.de"});
    // U-labels: letters and digits of any script in lower case, context rules, no mark
    // first, no upper case (RFC 5892's "Unstable"), no symbols or emoji; the Bidi rule.
    check_format_cases("idn-hostname",
                       {"münchen.de", "中国", "مثال.إختبار", "δοκιμή.gr", "xn--mnchen-3ya.de",
                        "l·l.cat", "a\u0301b.example", std::string(30, 'a').c_str(),
                        "\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC\xC3\xBC"
                        "\xC3\xBC\xC3\xBC.example"},
                       {"München.de", "🎉.example", "a\u2764b.example", "\u0301ab.example",
                        "مثال.0a", "aمثال", "a b.example", "a\u00ADb.example", "l·a.cat",
                        "\xED\xA0\x80.example", "a..b", "ab--cd\xC3\xBC.example"});
    // 60 ü are 60 characters but a 64-octet A-label: too long.
    std::string long_label;
    for (int i = 0; i < 60; ++i) long_label += "\xC3\xBC";
    CHECK_FALSE(medusa::schema::check_format("idn-hostname", long_label));
    CHECK(medusa::schema::check_format("idn-hostname", long_label.substr(0, 2 * 30)));
  }

  TEST_CASE("a leap second is a time only at 23:59:60 UTC") {
    using medusa::schema::check_format;
    check_format_cases("time",
                       {"23:59:60Z", "23:59:60+00:00", "15:59:60-08:00", "01:29:60+01:30",
                        "23:59:60.5z", "00:00:00Z", "12:34:56+05:45"},
                       {"22:59:60Z", "23:58:60Z", "23:59:60+01:00", "15:59:60+08:00", "23:59:61Z",
                        "24:00:00Z", "12:00:00+24:00", "12:00:00+01:60"});
    CHECK(check_format("date-time", "1998-12-31T23:59:60Z"));
    CHECK(check_format("date-time", "1998-12-31T15:59:60.123-08:00"));
    CHECK_FALSE(check_format("date-time", "1998-12-31T23:59:60+01:00"));
  }

  TEST_CASE("numbers compare by value past the int64 range, whatever their stored type") {
    const std::string u63 = "9223372036854775808", umax = "18446744073709551615";
    const std::string i63 = "-9223372036854775808";
    // Bounds: an unsigned value against signed and negative bounds, and the reverse.
    CHECK(valid(R"({"minimum":-1})", umax));
    CHECK(valid(R"({"minimum":)" + i63 + "}", u63));
    CHECK_FALSE(valid(R"({"maximum":-1})", umax));
    CHECK_FALSE(valid(R"({"maximum":)" + i63 + "}", u63));
    CHECK(valid(R"({"maximum":)" + umax + "}", i63));
    CHECK_FALSE(valid(R"({"exclusiveMinimum":)" + u63 + "}", u63));
    CHECK(valid(R"({"exclusiveMinimum":9223372036854775807})", u63));
    CHECK_FALSE(valid(R"({"exclusiveMaximum":)" + i63 + "}", u63));
    CHECK(valid(R"({"minimum":1.5})", umax));
    CHECK_FALSE(valid(R"({"maximum":1.8446744073709552e19})", "1.9e19"));
    CHECK(valid(R"({"maximum":1.8446744073709552e19})", umax));  // 2^64 as a double
    // Equality: 2^63 is not -2^63 (nlohmann/json casts one to the other).
    CHECK_FALSE(valid(R"({"const":)" + i63 + "}", u63));
    CHECK_FALSE(valid(R"({"enum":[)" + i63 + "]}", u63));
    CHECK(valid(R"({"const":)" + u63 + "}", u63));
    CHECK(valid(R"({"const":2})", "2.0"));
    CHECK(valid(R"({"uniqueItems":true})", "[" + i63 + "," + u63 + "]"));
    CHECK_FALSE(valid(R"({"uniqueItems":true})", "[1, 1.0]"));
    CHECK_FALSE(valid(R"({"uniqueItems":true})", "[" + umax + ", 2, " + umax + "]"));
    // multipleOf with integers of any width and sign, exactly.
    CHECK(valid(R"({"multipleOf":3})", umax));  // 2^64 - 1 = 3 x 6148914691236517205
    CHECK_FALSE(valid(R"({"multipleOf":7})", umax));
    CHECK(valid(R"({"multipleOf":1})", i63));
    CHECK(valid(R"({"multipleOf":2})", i63));  // the magnitude of INT64_MIN, 2^63, is even
    CHECK(valid(R"({"multipleOf":)" + u63 + "}", i63));
    CHECK_FALSE(valid(R"({"multipleOf":)" + umax + "}", u63));
  }

  TEST_CASE("multipleOf on decimals is exact: the numbers as written, not their doubles") {
    // The doubles' quotients are 1998.9999999999998, 2.9999999999999996, 4.999999999999999.
    CHECK(valid(R"({"multipleOf":0.01})", "19.99"));
    CHECK(valid(R"({"multipleOf":0.1})", "0.3"));
    CHECK(valid(R"({"multipleOf":0.01})", "0.07"));
    CHECK(valid(R"({"multipleOf":0.0001})", "0.0075"));
    CHECK(valid(R"({"multipleOf":1e-8})", "12345.6789"));
    CHECK(valid(R"({"multipleOf":0.5})", "-7.5"));
    CHECK(valid(R"({"multipleOf":2.5})", "1e21"));
    CHECK(valid(R"({"multipleOf":0.5})", "1e308"));      // no overflowing quotient
    CHECK_FALSE(valid(R"({"multipleOf":3})", "1e308"));  // 10^308 mod 3 = 1
    CHECK(valid(R"({"multipleOf":0.1})", "0"));
    CHECK(valid(R"({"multipleOf":0.1})", "-0.0"));
    CHECK(valid(R"({"multipleOf":1.5})",
                "18446744073709551615"));  // 2^64-1 = 1.5 x 12297829382473034410
    CHECK_FALSE(valid(R"({"multipleOf":0.7})", "18446744073709551615"));
    // What a relative tolerance accepted: near-misses, tiny values, the smallest subnormal.
    CHECK_FALSE(valid(R"({"multipleOf":0.1})", "0.30000000000000004"));
    CHECK_FALSE(valid(R"({"multipleOf":1})", "0.99999999999"));
    CHECK_FALSE(valid(R"({"multipleOf":0.01})", "19.9900000001"));
    CHECK_FALSE(valid(R"({"multipleOf":1})", "1e-20"));
    CHECK_FALSE(valid(R"({"multipleOf":1e-9})", "5e-324"));
    CHECK_FALSE(valid(R"({"multipleOf":0.123456789})", "1e308"));
    CHECK(valid(R"({"multipleOf":5e-324})", "1e-323"));  // 10 x 1e-324 reads as the double 1e-323
    CHECK_FALSE(valid(R"({"multipleOf":0.3})", "1"));
  }

  TEST_CASE("x-messages words the issues of its schema, for the report and its text alike") {
    const std::string schema = R"({
      "type": "object", "required": ["initials", "name"],
      "properties": {
        "initials": {"type": "string", "pattern": "^[A-Z]{1,3}$", "maxLength": 3,
                     "x-messages": {"pattern": "Use 1 to 3 capital letters", "required": "Initials, please"}},
        "name": {"allOf": [{"minLength": 2}], "x-messages": {"min_length": "Two letters at least"}},
        "note": {"type": "string", "maxLength": 2}
      }})";
    // Its own keywords, a keyword of a nested branch (allOf), and `required` of the
    // missing property; a code without wording and an unworded field keep the validator's.
    CHECK(
        issues(schema, R"({"initials": "abcd", "name": "A", "note": "xyz"})") ==
        Lines{"/initials #/properties/initials/maxLength max_length: must be at most 3 characters",
              "/initials #/properties/initials/pattern pattern: Use 1 to 3 capital letters",
              "/name #/properties/name/allOf/0/minLength min_length: Two letters at least",
              "/note #/properties/note/maxLength max_length: must be at most 2 characters"});
    CHECK(issues(schema, R"({"name": "Al"})") ==
          Lines{"/initials #/required required: Initials, please"});
    const auto compiled = compile(schema);
    for (const char* instance :
         {R"({"initials": "abcd", "name": "A"})", R"({})", R"({"initials": 7})"}) {
      CHECK(compiled.validate_text(json::parse(instance)) ==
            compiled.validate(json::parse(instance)).to_json_text());
    }
  }

  TEST_CASE("hostile schemas end with a limit issue, never a hang or a crash") {
    // $ref cycle through allOf: recursion without consuming the instance.
    const auto cyclic = compile(R"({"allOf":[{"$ref":"#"}]})");
    const auto r = cyclic.validate(1);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].code == "limit_depth");
    CHECK_FALSE(cyclic.is_valid(1));
    // 2^40 paths through nested anyOf: stopped by the step budget.
    json defs = json::object();
    for (int i = 0; i < 40; ++i) {
      const std::string next = "#/definitions/d" + std::to_string(i + 1);
      defs["d" + std::to_string(i)] = {{"anyOf", {{{"$ref", next}}, {{"$ref", next}}}}};
    }
    defs["d40"] = {{"type", "string"}};
    ValidatorOptions budget;
    budget.max_steps = 200'000;  // the default (5M) behaves the same, only slower
    const auto exponential =
        compile(json{{"definitions", defs}, {"$ref", "#/definitions/d0"}}.dump(), budget);
    const auto e = exponential.validate(1);
    REQUIRE_FALSE(e.valid());
    CHECK(e.issues.back().code == "limit_steps");
    CHECK(exponential.validate_text(1) == e.to_json_text());
  }

  TEST_CASE("values nested too deeply are refused before evaluation") {
    json deep = json::array();
    json* cur = &deep;
    for (int i = 0; i < 10000; ++i) {
      cur->push_back(json::array());
      cur = &(*cur)[0];
    }
    const auto s = compile(R"({"items":{"$ref":"#"},"uniqueItems":true})");
    const auto r = s.validate(deep);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].code == "limit_depth");
    CHECK(r.issues[0].message == "value nested deeper than 256 levels");
    CHECK_FALSE(s.is_valid(deep));
    CHECK(s.validate_text(deep) == r.to_json_text());
  }

  TEST_CASE("the report is capped at max_issues") {
    ValidatorOptions options;
    options.max_issues = 3;
    const auto s = compile(R"({"items":{"type":"string"}})", options);
    const auto r = s.validate(json::parse("[1,2,3,4,5]"));
    CHECK(r.issues.size() == 3);
    CHECK(r.truncated);
    CHECK(s.validate_text(json::parse("[1,2,3,4,5]")) == r.to_json_text());
    // Prepared (minimum) and built (required) issues share the cap, in either form.
    const auto mixed =
        compile(R"({"items":{"required":["x"],"properties":{"n":{"minimum":5}}}})", options);
    const json values = json::parse(R"([{"n":1},{"n":2},{"n":3}])");
    const auto capped = mixed.validate(values);
    CHECK(capped.issues.size() == 3);
    CHECK(capped.truncated);
    CHECK(mixed.validate_text(values) == capped.to_json_text());
  }

  TEST_CASE("reports serialize deterministically") {
    const auto s = compile(R"({"required":["b","a"],"properties":{"c":{"maxLength":1}}})");
    const auto text = s.validate(json::parse(R"({"c":"xyz"})")).to_json().dump();
    CHECK(
        text ==
        R"({"issues":[{"code":"required","instance_path":"/b","message":"is required","params":{"property":"b"},"schema_path":"#/required"},)"
        R"({"code":"required","instance_path":"/a","message":"is required","params":{"property":"a"},"schema_path":"#/required"},)"
        R"({"code":"max_length","instance_path":"/c","message":"must be at most 1 characters","params":{"actual":3,"limit":1},"schema_path":"#/properties/c/maxLength"}],"truncated":false,"valid":false})");
  }
}

TEST_CASE("oversized schemas are refused with schema.too_large" *
          doctest::test_suite("validator")) {
  json deep = json::object();
  json* cur = &deep;
  for (int i = 0; i < 300; ++i) cur = &((*cur)["not"] = json::object());
  auto too_deep = CompiledSchema::compile(deep);
  REQUIRE_FALSE(too_deep.ok());
  CHECK(too_deep.error().code == "schema.too_large");

  ValidatorOptions small;
  small.max_schema_nodes = 10;
  json wide = {{"properties", json::object()}};
  for (int i = 0; i < 20; ++i) wide["properties"]["p" + std::to_string(i)] = {{"type", "string"}};
  auto too_wide = CompiledSchema::compile(wide, small);
  REQUIRE_FALSE(too_wide.ok());
  CHECK(too_wide.error().code == "schema.too_large");
  CHECK(too_wide.error().message == "schema has more than 10 subschemas");
}

TEST_CASE("report text: escapes, control characters and bad UTF-8 as nlohmann writes them" *
          doctest::test_suite("validator")) {
  auto schema = medusa::schema::CompiledSchema::compile(
      medusa::json::parse(R"({"properties":{"a\"b/\\~c\n\u0001":{"type":"integer"}}})"));
  REQUIRE(schema.ok());
  medusa::json data = medusa::json::object();
  data["a\"b/\\~c\n\x01"] = "x";
  auto report = schema->validate(data);
  REQUIRE(report.issues.size() == 1);
  report.issues[0].message += "\xff\xfe tail";  // as if a message cut a code point
  CHECK(report.to_json_text() ==
        report.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace));
  CHECK(report.to_json_text().find("\\u0001") != std::string::npos);
}

TEST_CASE("report text: every special byte at every offset of the eight-byte blocks" *
          doctest::test_suite("validator")) {
  // The writer copies plain text eight bytes at a time; a quote, backslash, control
  // character, multi-byte sequence or bad byte must be found wherever it falls.
  const std::string specials[] = {"\"",   "\\",   "\n",       "\x01",         "\x1f",
                                  "\x7f", " ",    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x8e\x89",
                                  "\xff", "\xc3", "\xe2\x82"};
  medusa::schema::Report report;
  for (const auto& special : specials) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string text(at, 'a');
      text += special;
      text += std::string(at % 7, 'z');
      report.issues.push_back({"/" + text, "#/x", "code", text, {{"value", text}}});
    }
  }
  CHECK(report.to_json_text() ==
        report.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace));
  for (auto& issue : report.issues) {
    medusa::schema::Report one;
    one.issues.push_back(issue);
    CHECK(one.to_json_text() ==
          one.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace));
  }
}

TEST_CASE("report text written while validating: special bytes in keys, values and schemas" *
          doctest::test_suite("validator")) {
  // Property names and patterns carrying every kind of byte the writer treats apart, in
  // prepared issues (pattern, enum, minimum) and built ones (required, additional).
  json schema = {{"type", "object"},
                 {"additionalProperties", false},
                 {"required", json::array()},
                 {"properties", json::object()}};
  const std::string names[] = {"plain",       "quo\"te",
                               "back\\slash", "new\nline",
                               "tab\t",       "\x01",
                               "caf\xc3\xa9", "\xf0\x9f\x8e\x89 party",
                               "a/b~c",       "0123456789abcdef"};
  json values = json::object();
  for (const auto& name : names) {
    schema["required"].push_back(name + "!");
    schema["properties"][name] = {
        {"pattern", "^[" + name.substr(0, 1) + "]{2}$"}, {"enum", {name, 1}}, {"minimum", 3}};
    values[name] = name + "\"\\\n";
  }
  values["extra \"\x02"] = 1;
  const auto compiled = medusa::schema::CompiledSchema::compile(schema);
  REQUIRE(compiled.ok());
  const auto report = compiled->validate(values);
  CHECK(report.issues.size() > 20);
  CHECK(compiled->validate_text(values) == report.to_json_text());
  CHECK(compiled->validate_text(values) ==
        report.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace));
  CHECK(compiled->validate_text(json::array()) == compiled->validate(json::array()).to_json_text());
}
