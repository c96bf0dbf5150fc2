// Personalization schemas on products, the metadata builder, and the merge rule.
#include <doctest/doctest.h>

#include "medusa/models.hpp"
#include "medusa/personalization/line_item_match.hpp"
#include "medusa/personalization/metadata.hpp"
#include "medusa/personalization/schema.hpp"
#include "test_support.hpp"

using medusa::json;
namespace p = medusa::personalization;

namespace {

const char* kShirtSchema = R"({
  "type": "object",
  "required": ["message", "font"],
  "additionalProperties": false,
  "properties": {
    "message": {"type": "string", "title": "Your message", "minLength": 1, "maxLength": 20,
                "pattern": "^[\\p{L}\\p{N} ,.!?'-]+$", "x-order": 1, "x-placeholder": "Happy birthday!"},
    "font": {"type": "string", "enum": ["Serif", "Script"], "default": "Serif", "x-widget": "font", "x-order": 2},
    "colour": {"type": "string", "format": "colour", "x-order": 3},
    "gift_note": {"type": "string", "x-widget": "textarea", "maxLength": 200},
    "copies": {"type": "integer", "minimum": 1, "maximum": 5},
    "gift_wrap": {"type": "boolean"},
    "photo": {"x-image": {"accept": ["image/png", "image/jpeg"], "print_width_mm": 200, "min_dpi": 150}}
  }
})";

p::Schema shirt() {
  auto s = p::Schema::from_json(json::parse(kShirtSchema));
  REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().describe()));
  return *s;
}

json build_ok(const p::Schema& s, const json& values) {
  auto r = p::build_line_item_metadata(s, values);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().describe()));
  return *r;
}

medusa::Cart cart_of(const test_support::Trace& t) {
  const json body = *medusa::parse_json(t.response_body);
  auto cart = medusa::from_json<medusa::Cart>(body.at("cart"));
  REQUIRE(cart.ok());
  return *cart;
}

}  // namespace

TEST_SUITE("metadata") {
  TEST_CASE("a schema can be an object or a JSON string (Medusa's admin edits strings)") {
    const auto from_object = p::Schema::from_json(json::parse(kShirtSchema));
    const auto from_string = p::Schema::from_json(json(std::string(kShirtSchema)));
    REQUIRE(from_object.ok());
    REQUIRE(from_string.ok());
    CHECK(from_object->fingerprint() == from_string->fingerprint());
    auto bad = p::Schema::from_json(json("{not json"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "json.syntax");
    CHECK(p::Schema::from_json(json(42)).error().code == "personalization.schema_type");
    CHECK(p::Schema::from_json(json("[1]")).error().code == "personalization.schema_type");
    CHECK(p::Schema::from_json(json::parse(R"({"type":"strng"})")).error().code ==
          "schema.invalid");
  }

  TEST_CASE("fingerprints identify content, not spelling") {
    const auto a = p::fingerprint(json::parse(R"({"a":1,"b":[2.0,"x"]})"));
    const auto b = p::fingerprint(json::parse(R"({"b":[2,"x"],"a":1.0})"));
    const auto c = p::fingerprint(json::parse(R"({"a":1,"b":["x",2]})"));
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a.rfind("fnv1a64:", 0) == 0);
    CHECK(a.size() == 8 + 16);
    CHECK(p::canonical_json(json::parse(R"({"b":2.0,"a":[1.5]})")) == R"({"a":[1.5],"b":2})");
  }

  TEST_CASE("the schema for a product and variant: product, override, extend, none") {
    medusa::Product product;
    medusa::ProductVariant plain, override_v, extend_v;
    // Metadata not sent is not "no schema": the product may well be personalized.
    auto unknown = p::Schema::for_product(product, &plain);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "personalization.schema_unknown");
    product.metadata = json::object();
    CHECK(p::Schema::for_product(product, &plain).error().code == "personalization.schema_unknown");
    plain.extra["metadata"] = nullptr;  // sent as null
    auto none = p::Schema::for_product(product, &plain);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    product.metadata = json{{"personalization", json::parse(kShirtSchema)}};
    auto base = p::Schema::for_product(product, &plain);
    REQUIRE(base.ok());
    REQUIRE(base->has_value());
    CHECK((*base)->fingerprint() == shirt().fingerprint());

    override_v.metadata = json{{"personalization", R"({"type":"object","required":["initials"]})"}};
    auto replaced = p::Schema::for_product(product, &override_v);
    REQUIRE(replaced.ok());
    CHECK((*replaced)->document()["required"] == json{"initials"});

    // The letter variant allows shorter messages and drops the photo.
    extend_v.metadata =
        json{{"personalization_extend",
              {{"properties", {{"message", {{"maxLength", 10}}}, {"photo", nullptr}}}}}};
    auto extended = p::Schema::for_product(product, &extend_v);
    REQUIRE(extended.ok());
    const json& doc = (*extended)->document();
    CHECK(doc["properties"]["message"]["maxLength"] == 10);
    CHECK(doc["properties"]["message"]["minLength"] == 1);
    CHECK_FALSE(doc["properties"].contains("photo"));
    CHECK((*extended)->fingerprint() != shirt().fingerprint());

    medusa::Product broken;
    broken.metadata = json{{"personalization", "{oops"}};
    CHECK_FALSE(p::Schema::for_product(broken).ok());
  }

  TEST_CASE("a product sent without its metadata (trace 105): unknown, never 'not personalized'") {
    const auto t = test_support::load_trace("105-store-get-product.txt");
    const json product_json = medusa::parse_json(t.response_body)->at("product");
    REQUIRE_FALSE(product_json.contains("metadata"));
    auto product = medusa::from_json<medusa::Product>(product_json);
    REQUIRE(product.ok());
    for (const auto& variant : *product->variants) {
      const auto from_json = p::Schema::for_product(product_json, *variant.id);
      REQUIRE_FALSE(from_json.ok());
      CHECK(from_json.error().code == "personalization.schema_unknown");
      CHECK(from_json.error().kind == medusa::ErrorKind::invalid_argument);
      const auto from_model = p::Schema::for_product(*product, &variant);
      REQUIRE_FALSE(from_model.ok());
      CHECK(from_model.error().code == "personalization.schema_unknown");
    }
    // A variant's own schema decides alone; without the variant's metadata, nothing does.
    json own = product_json;
    own["variants"][1]["metadata"] = json{{"personalization", {{"type", "object"}}}};
    const auto decided = p::Schema::for_product(own, own["variants"][1]["id"].get<std::string>());
    REQUIRE(decided.ok());
    CHECK(decided->has_value());
    json with_metadata = product_json;
    with_metadata["metadata"] = nullptr;
    with_metadata["variants"][0].erase("metadata");
    CHECK(
        p::Schema::for_product(with_metadata, with_metadata["variants"][0]["id"].get<std::string>())
            .error()
            .code == "personalization.schema_unknown");
    CHECK_FALSE(p::Schema::for_product(with_metadata, "")->has_value());  // the product's own: none
  }

  TEST_CASE("the schema of the real seeded product (trace 106)") {
    const auto t = test_support::load_trace("106-store-get-product-fields.txt");
    auto product =
        medusa::from_json<medusa::Product>(medusa::parse_json(t.response_body)->at("product"));
    REQUIRE(product.ok());
    auto schema = p::Schema::for_product(*product, &product->variants->at(0));
    REQUIRE(schema.ok());
    REQUIRE(schema->has_value());
    const auto metadata = p::build_line_item_metadata(
        **schema, json{{"message", "Happy birthday, Anna!"},
                       {"image_url", "https://img.example.test/anna.png"}});
    REQUIRE(metadata.ok());
    const auto too_long =
        p::build_line_item_metadata(**schema, json{{"message", std::string(41, 'x')}});
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error().details[0]["code"] == "max_length");
  }

  TEST_CASE("the schema from a product's JSON: same results as the model, typed errors") {
    const auto t = test_support::load_trace("106-store-get-product-fields.txt");
    const json product_json = medusa::parse_json(t.response_body)->at("product");
    auto product = medusa::from_json<medusa::Product>(product_json);
    REQUIRE(product.ok());
    for (const auto& variant : *product->variants) {
      auto from_model = p::Schema::for_product(*product, &variant);
      auto from_json = p::Schema::for_product(product_json, *variant.id);
      REQUIRE(from_model.ok());
      REQUIRE(from_json.ok());
      REQUIRE(from_json->has_value() == from_model->has_value());
      if (from_json->has_value())
        CHECK((*from_json)->fingerprint() == (*from_model)->fingerprint());
    }
    auto own = p::Schema::for_product(product_json, "");
    REQUIRE(own.ok());
    CHECK(own->has_value() == p::Schema::for_product(*product).value().has_value());

    // Fields the schema does not come from may be anything: only these are read.
    json lenient = product_json;
    lenient["title"] = 42;
    CHECK(p::Schema::for_product(lenient, *product->variants->at(0).id).ok());

    auto error_of = [](const json& value, std::string_view variant) {
      auto result = p::Schema::for_product(value, variant);
      REQUIRE_FALSE(result.ok());
      return result.error();
    };
    CHECK(error_of(json::array(), "").code == "model.type");
    json bad_metadata = product_json;
    bad_metadata["metadata"] = "personalization";
    CHECK(error_of(bad_metadata, "").path == "/metadata");
    json bad_variants = product_json;
    bad_variants["variants"] = json::object();
    CHECK(error_of(bad_variants, "variant_1").path == "/variants");
    json bad_id = product_json;
    bad_id["variants"][0]["id"] = 7;
    CHECK(error_of(bad_id, "variant_1").path == "/variants/0/id");
    json bad_variant_metadata = product_json;
    bad_variant_metadata["variants"][1]["metadata"] = json::array();
    const medusa::Error e = error_of(bad_variant_metadata,
                                     bad_variant_metadata["variants"][1]["id"].get<std::string>());
    CHECK(e.code == "model.type");
    CHECK(e.path == "/variants/1/metadata");
    const medusa::Error missing = error_of(product_json, "variant_none");
    CHECK(missing.code == "personalization.variant");
    CHECK(missing.kind == medusa::ErrorKind::invalid_argument);
    json no_variants = product_json;
    no_variants.erase("variants");
    CHECK(error_of(no_variants, "variant_1").code == "personalization.variant");
  }

  TEST_CASE("normalization: trimming, newlines, blank optional fields, defaults, whole numbers") {
    const auto s = shirt();
    const json out = build_ok(s, json{{"message", "  Happy day!\t"},
                                      {"gift_note", "line one\r\nline two\r"},
                                      {"colour", "   "},
                                      {"copies", 2.0}});
    CHECK(out["message"] == "Happy day!");
    CHECK(out["gift_note"] == "line one\nline two");
    CHECK_FALSE(out.contains("colour"));       // blank optional field dropped
    CHECK(out["font"] == "Serif");             // default filled in
    CHECK(out["copies"].is_number_integer());  // 2.0 written as 2
    CHECK(out[p::kStampKey] == s.fingerprint());
    CHECK(p::normalize_values(s, json("not an object")) == json("not an object"));
  }

  TEST_CASE("text is stored in NFC: one visible message, one line item") {
    const auto s = shirt();
    // "Zoë" typed as e + U+0308 (a phone's dead key) and as one precomposed code point.
    const json decomposed =
        build_ok(s, json{{"message", "Zoe\xCC\x88 \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB"}});
    const json composed = build_ok(s, json{{"message", "Zo\xC3\xAB \xED\x95\x9C"}});
    CHECK(decomposed.dump() == composed.dump());
    CHECK(decomposed["message"] == "Zo\xC3\xAB \xED\x95\x9C");
    CHECK(p::is_same_line_item("variant_S", decomposed, "variant_S", composed));
    // Validation sees the stored text: 20 code points in NFC pass maxLength 20, though
    // they were typed as 40.
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += "e\xCC\x81";
    CHECK(p::validate_values(s, json{{"message", twenty}}).valid());
    CHECK(p::normalize_values(s, json{{"message", twenty}})["message"].get<std::string>().size() ==
          40);
    // Texts in a list too; an image reference's strings are not text and stay as sent.
    const auto lines = p::Schema::from_json(json::parse(
        R"({"type":"object","properties":{"lines":{"type":"array","items":{"type":"string"}},
            "photo":{"type":"object"}}})"));
    REQUIRE(lines.ok());
    const json out = p::normalize_values(
        *lines, json{{"lines", {"A\xCC\x8A", 3}}, {"photo", {{"url", "https://x/A\xCC\x8A.png"}}}});
    CHECK(out["lines"] == json{"\xC3\x85", 3});
    CHECK(out["photo"]["url"] == "https://x/A\xCC\x8A.png");
  }

  TEST_CASE("typed as phones type it: curly quotes, dashes and non-breaking spaces made plain") {
    auto s = p::Schema::from_json(json::parse(R"({
      "type": "object",
      "properties": {
        "message": {"type": "string", "pattern": "^[\\p{L} ,.'\"!-]+$", "maxLength": 28},
        "exact": {"type": "string", "x-plain-punctuation": false}
      }
    })"));
    REQUIRE(s.ok());
    // "Don’t forget Zoë’s day" as an iPhone types it, with a non-breaking space and a dash.
    const std::string typed =
        "Don\xE2\x80\x99t forget Zo\xC3\xAB\xE2\x80\x99s\xC2\xA0"
        "day \xE2\x80\x94 "
        "\xE2\x80\x9C"
        "A\xE2\x80\x9D";
    const auto report = p::validate_values(*s, json{{"message", typed}});
    CHECK(report.valid());
    const json out = build_ok(*s, json{{"message", typed},
                                       {"exact",
                                        "\xE2\x80\x9C"
                                        "A\xE2\x80\x9D"}});
    CHECK(out["message"] == "Don't forget Zo\xC3\xAB's day - \"A\"");
    CHECK(out["exact"] ==
          "\xE2\x80\x9C"
          "A\xE2\x80\x9D");  // kept as typed when the field says so
    CHECK(p::field_length(*s, "message", typed).length == 28);  // as stored: at the limit
    auto bad =
        p::Schema::from_json(json::parse(R"({"properties":{"m":{"x-plain-punctuation":"no"}}})"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "schema.vocabulary");
  }

  TEST_CASE("x-maxGraphemes counts what the customer sees; field_length counts the same way") {
    auto s = p::Schema::from_json(json::parse(R"({
      "type": "object",
      "properties": {
        "engraving": {"type": "string", "x-minGraphemes": 2, "x-maxGraphemes": 3,
                      "x-messages": {"max_graphemes": "At most 3 characters fit on the ring"}},
        "initials": {"type": "string", "maxLength": 3},
        "loose": {"type": "string", "x-trim": false}
      }
    })"));
    REQUIRE(s.ok());
    // A flag, a family and a decomposed é: 3 characters, 11 code points.
    const std::string three =
        "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"
        "\xE2\x80\x8D\xF0\x9F\x91\xA7"
        "e\xCC\x81";
    CHECK(p::validate_values(*s, json{{"engraving", three}}).valid());
    const auto over = p::validate_values(*s, json{{"engraving", three + "!"}});
    REQUIRE(over.issues.size() == 1);
    CHECK(over.issues[0].code == "max_graphemes");
    CHECK(over.issues[0].schema_path == "#/properties/engraving/x-maxGraphemes");
    CHECK(over.issues[0].message == "At most 3 characters fit on the ring");
    CHECK(over.issues[0].params == json{{"limit", 3}, {"actual", 4}});
    const auto under =
        p::validate_values(*s, json{{"engraving", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"}});
    REQUIRE(under.issues.size() == 1);
    CHECK(under.issues[0].code == "min_graphemes");
    CHECK(under.issues[0].message == "must be at least 2 characters");

    const auto length = p::field_length(*s, "engraving", "  " + three + "!\t");
    CHECK(length.to_json() == json{{"length", 4}, {"min", 2}, {"max", 3}, {"unit", "graphemes"}});
    // maxLength counts code points of the stored (NFC) text.
    CHECK(p::field_length(*s, "initials", "A\xCC\x8A").to_json() ==
          json{{"length", 1}, {"min", nullptr}, {"max", 3}, {"unit", "code_points"}});
    CHECK(p::field_length(*s, "loose", " a ").length == 3);
    CHECK(p::field_length(*s, "unknown", "abc").to_json() ==
          json{{"length", 3}, {"min", nullptr}, {"max", nullptr}, {"unit", "code_points"}});

    for (const char* bad : {R"(-1)", R"("3")", R"(2.5)", R"(null)"}) {
      auto r = p::Schema::from_json(json::parse(
          std::string(R"({"type":"object","properties":{"e":{"x-maxGraphemes":)") + bad + "}}}"));
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == "schema.vocabulary");
      CHECK(r.error().message.find("x-maxGraphemes must be a non-negative integer") !=
            std::string::npos);
    }
  }

  TEST_CASE("equal personalizations give equal metadata; different ones do not") {
    const auto s = shirt();
    const json a = build_ok(s, json::parse(R"({"message":"Hi Anna","font":"Serif"})"));
    const json b = build_ok(s, json::parse(R"({"font":"Serif","message":" Hi Anna "})"));
    const json c = build_ok(s, json::parse(R"({"message":"Hi Anna"})"));  // default font
    const json d = build_ok(s, json::parse(R"({"message":"Hi Ben"})"));
    CHECK(a.dump() == b.dump());
    CHECK(a.dump() == c.dump());
    CHECK(p::is_same_line_item("variant_S", a, "variant_S", b));
    CHECK_FALSE(p::is_same_line_item("variant_S", a, "variant_S", d));
    CHECK_FALSE(p::is_same_line_item("variant_S", a, "variant_M", a));
  }

  TEST_CASE("invalid personalization: every issue, typed, nothing built") {
    const auto s = shirt();
    auto r = p::build_line_item_metadata(
        s,
        json::parse(
            R"({"message":"<script>alert(1)</script>","font":"Comic","copies":9,"extra":1,"_personalization_schema":"x"})"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == medusa::ErrorKind::validation);
    CHECK(r.error().code == "personalization.invalid");
    std::vector<std::string> codes;
    for (const auto& i : r.error().details)
      codes.push_back(i["instance_path"].get<std::string>() + " " + i["code"].get<std::string>());
    CHECK(codes == std::vector<std::string>{"/_personalization_schema reserved_key",
                                            "/_personalization_schema additional_properties",
                                            "/copies maximum", "/extra additional_properties",
                                            "/font enum", "/message max_length",
                                            "/message pattern"});
    CHECK(r.error().message ==
          "personalization is invalid: /_personalization_schema: keys starting with '_' are "
          "reserved (and 6 more)");
    CHECK(p::build_line_item_metadata(s, json::array()).error().code ==
          "personalization.not_object");
    const auto missing = p::build_line_item_metadata(s, json::object());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().details[0]["instance_path"] == "/message");
    CHECK(missing.error().details[0]["code"] == "required");
  }

  TEST_CASE("re-checking stored metadata: private keys ignored, other schema reported") {
    const auto s = shirt();
    const json stored = build_ok(s, json{{"message", "Hi"}});
    CHECK(p::validate_line_item_metadata(s, stored).valid());
    json tampered = stored;
    tampered["message"] = std::string(30, 'x');
    const auto r1 = p::validate_line_item_metadata(s, tampered);
    REQUIRE(r1.issues.size() == 1);
    CHECK(r1.issues[0].code == "max_length");
    json other = stored;
    other[p::kStampKey] = "fnv1a64:0000000000000000";
    const auto r2 = p::validate_line_item_metadata(s, other);
    REQUIRE(r2.issues.size() == 1);
    CHECK(r2.issues[0].code == "schema_mismatch");
    CHECK(p::customer_values(stored).contains("message"));
    CHECK_FALSE(p::customer_values(stored).contains(p::kStampKey));
  }

  TEST_CASE("form fields in display order with widgets") {
    const auto fields = shirt().fields();
    std::vector<std::string> names, widgets;
    for (const auto& f : fields) {
      names.push_back(f.name);
      widgets.push_back(f.widget);
    }
    CHECK(names == std::vector<std::string>{"message", "font", "colour", "copies", "gift_note",
                                            "gift_wrap", "photo"});
    CHECK(widgets == std::vector<std::string>{"text", "font", "colour", "number", "textarea",
                                              "checkbox", "image"});
    CHECK(fields[0].label == "Your message");
    CHECK(fields[0].placeholder == "Happy birthday!");
    CHECK(fields[0].required);
    CHECK_FALSE(fields[2].required);
    CHECK(fields[3].label == "copies");
    CHECK(fields[0].to_json()["schema"]["maxLength"] == 20);
  }

  TEST_CASE("without x-order, fields keep the order the schema's properties were written in") {
    const std::string schema =
        R"({"type":"object","properties":{"message":{"type":"string"},"image_url":{"type":"string"},)"
        R"("font":{"enum":["Serif"]},"colour":{"type":"string","x-order":0}}})";
    auto names = [](const p::Schema& s) {
      std::vector<std::string> out;
      for (const auto& f : s.fields()) out.push_back(f.name);
      return out;
    };
    using Names = std::vector<std::string>;
    const auto from_text = p::Schema::from_text(schema);
    REQUIRE(from_text.ok());
    CHECK(names(*from_text) == Names{"colour", "message", "image_url", "font"});
    // Parsed without a key order, only names are left to order by.
    CHECK(names(*p::Schema::from_json(json::parse(schema))) ==
          Names{"colour", "font", "image_url", "message"});

    // In a product: an object, or a string as Medusa's admin saves it; a variant's
    // extension adds its new fields after the product's, in its own order.
    const std::string product =
        R"({"metadata":{"personalization":)" + schema +
        R"(},"variants":[)"
        R"({"id":"v1","metadata":{"personalization_extend":{"properties":{"zeta":{},"alpha":{},"font":null}}}},)"
        R"({"id":"v2","metadata":{"personalization":)" +
        json(schema).dump() + R"(}}]})";
    medusa::JsonKeyOrder order;
    const auto parsed = medusa::parse_json(product, {}, &order);
    REQUIRE(parsed.ok());
    const auto own = p::Schema::for_product(*parsed, "", &order);
    REQUIRE(own.ok());
    CHECK(names(**own) == Names{"colour", "message", "image_url", "font"});
    const auto extended = p::Schema::for_product(*parsed, "v1", &order);
    REQUIRE(extended.ok());
    CHECK(names(**extended) == Names{"colour", "message", "image_url", "zeta", "alpha"});
    const auto replaced = p::Schema::for_product(*parsed, "v2", &order);
    REQUIRE(replaced.ok());
    CHECK(names(**replaced) == Names{"colour", "message", "image_url", "font"});
  }

  TEST_CASE("metadata_equal follows the rule observed on the real server") {
    const json a = json::parse(R"({"message":"A","image_url":"u"})");
    CHECK(p::metadata_equal(a, json::parse(R"({"image_url":"u","message":"A"})")));  // key order
    CHECK_FALSE(
        p::metadata_equal(a, json::parse(R"({"message":"A","image_url":"u","font":null})")));
    CHECK_FALSE(p::metadata_equal(json::parse(R"({"layers":["a","b"]})"),
                                  json::parse(R"({"layers":["b","a"]})")));
    CHECK_FALSE(
        p::metadata_equal(json::parse(R"({"copies":1})"), json::parse(R"({"copies":"1"})")));
    CHECK(p::metadata_equal(json::parse(R"({"copies":1})"), json::parse(R"({"copies":1.0})")));
    CHECK(p::metadata_equal(json(), json::object()));
    CHECK(p::metadata_equal(json::object(), json()));
    CHECK_FALSE(p::metadata_equal(json(), a));
  }

  TEST_CASE("find_matching_line_item (models and JSON) predicts every add the real server made") {
    // Each pair: the cart before the add, and the add itself (request and resulting cart).
    const std::vector<std::pair<std::string, std::string>> steps = {
        {"109-store-create-cart.txt", "110-li-add-S-msgA.txt"},
        {"110-li-add-S-msgA.txt", "111-li-add-S-msgA-again.txt"},
        {"111-li-add-S-msgA-again.txt", "112-li-add-S-msgB.txt"},
        {"112-li-add-S-msgB.txt", "113-li-add-S-msgA-reordered-keys.txt"},
        {"113-li-add-S-msgA-reordered-keys.txt", "114-li-add-S-no-metadata.txt"},
        {"114-li-add-S-no-metadata.txt", "115-li-add-S-empty-metadata.txt"},
        {"115-li-add-S-empty-metadata.txt", "116-li-add-S-null-metadata.txt"},
        {"116-li-add-S-null-metadata.txt", "117-li-add-S-msgA-plus-null-key.txt"},
        {"117-li-add-S-msgA-plus-null-key.txt", "118-li-add-S-array-ab.txt"},
        {"118-li-add-S-array-ab.txt", "119-li-add-S-array-ba.txt"},
        {"119-li-add-S-array-ba.txt", "120-li-add-S-num-1.txt"},
        {"120-li-add-S-num-1.txt", "121-li-add-S-num-1-as-string.txt"},
        {"121-li-add-S-num-1-as-string.txt", "122-li-add-M-msgA.txt"},
        {"122-li-add-M-msgA.txt", "123-li-add-letter.txt"},
        {"137-store-create-cart-with-items.txt", "138-li-add-A-when-two-equal-lines.txt"},
    };
    int merges = 0, new_lines = 0;
    for (const auto& step : steps) {
      const std::string& before_name = step.first;
      const std::string& add_name = step.second;
      CAPTURE(add_name);
      const auto before = cart_of(test_support::load_trace(before_name));
      const auto add = test_support::load_trace(add_name);
      const auto after = cart_of(add);
      const auto& items = before.items.value_or(std::vector<medusa::LineItem>{});
      const std::string variant = add.request_body["variant_id"];
      const json metadata = add.request_body.value("metadata", json());
      const auto quantity = add.request_body["quantity"].get<std::int64_t>();
      const medusa::LineItem* match = p::find_matching_line_item(items, variant, metadata);
      // The rule on the unparsed JSON picks the same line.
      const json raw_items =
          json::parse(test_support::load_trace(before_name).response_body)["cart"]["items"];
      const auto index = p::find_matching_line_index(raw_items, variant, metadata);
      CHECK(index.has_value() == (match != nullptr));
      if (match && index) CHECK(raw_items[*index]["id"] == *match->id);
      if (match) {
        ++merges;
        CHECK(after.items->size() == items.size());
        for (const auto& line : *after.items) {
          if (*line.id == *match->id) CHECK(*line.quantity == *match->quantity + quantity);
        }
      } else {
        ++new_lines;
        CHECK(after.items->size() == items.size() + 1);
      }
    }
    CHECK(merges == 5);
    CHECK(new_lines == 10);
  }
}

TEST_SUITE("metadata") {
  TEST_CASE("keys naming JavaScript object internals are refused at any depth") {
    auto schema = medusa::personalization::Schema::from_json(json::parse(R"({"type":"object"})"));
    REQUIRE(schema.ok());
    const json values = json::parse(
        R"({"__proto__":{"admin":true},"photo":{"constructor":1},"list":[{"prototype":2}],"ok":"x"})");
    auto built = medusa::personalization::build_line_item_metadata(*schema, values);
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().kind == medusa::ErrorKind::validation);
    std::vector<std::string> paths;
    for (const auto& issue : built.error().details) {
      CHECK(issue["code"] == "reserved_key");
      paths.push_back(issue["instance_path"]);
    }
    std::sort(paths.begin(), paths.end());
    CHECK(paths ==
          std::vector<std::string>{"/__proto__", "/list/0/prototype", "/photo/constructor"});
  }
}

TEST_SUITE("metadata") {
  TEST_CASE("validate_values gives the verdict build_line_item_metadata gives") {
    const auto s = shirt();
    const json cases[] = {
        json{{"message", "Hi"}, {"_note", "x"}},                         // reserved: both refuse
        json{{"message", "Hi"}, {"font", "Serif"}, {"constructor", 1}},  // prototype key
        json{{"message", "  Hi  "}},                    // trimmed, font defaulted: both accept
        json{{"message", "Hi"}, {"gift_note", "   "}},  // blank optional: dropped, accepted
        json{{"message", ""}},                          // required and blank: both refuse
        json{{"message", "Hi"}, {"copies", 9}},
    };
    for (const json& values : cases) {
      CAPTURE(values.dump());
      const auto report = p::validate_values(s, values);
      const auto built = p::build_line_item_metadata(s, values);
      CHECK(report.valid() == built.ok());
      if (!built.ok()) CHECK(built.error().details == report.to_json()["issues"]);
      CHECK(p::validate_values_text(s, values) == report.to_json_text());
    }
    const auto reserved = p::validate_values(s, json{{"message", "Hi"}, {"_note", "x"}});
    REQUIRE(reserved.issues.size() == 2);  // reserved first, then the schema's own verdict
    CHECK(reserved.issues[0].instance_path == "/_note");
    CHECK(reserved.issues[0].code == "reserved_key");
    CHECK(reserved.issues[1].code == "additional_properties");
    // Plain JSON Schema validation does not know the personalization rules.
    const auto open =
        p::Schema::from_json(json::parse(R"({"properties":{"message":{"type":"string"}}})"));
    REQUIRE(open.ok());
    CHECK(open->validate(json{{"message", "Hi"}, {"_note", "x"}}).valid());
    CHECK_FALSE(p::validate_values(*open, json{{"message", "Hi"}, {"_note", "x"}}).valid());
    CHECK_FALSE(s.validate(json{{"message", "  Hi  "}}).valid());  // font missing, untrimmed
  }
}
