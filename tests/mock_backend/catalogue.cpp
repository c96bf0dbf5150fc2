// The seeded catalogue: one region, one shipping option, a personalized shirt and an
// engraved letter, with their personalization schemas in product metadata.
#include "catalogue.hpp"

namespace medusa::mock {
namespace {

json variant(const std::string& product_id, const std::string& title, const std::string& sku,
             double eur, json metadata, int rank) {
  const std::string now = now_iso();
  return json{{"id", new_id("variant")},
              {"title", title},
              {"sku", sku},
              {"barcode", nullptr},
              {"allow_backorder", false},
              {"manage_inventory", true},
              {"metadata", std::move(metadata)},
              {"variant_rank", rank},
              {"thumbnail", nullptr},
              {"product_id", product_id},
              {"created_at", now},
              {"updated_at", now},
              {"deleted_at", nullptr},
              {"inventory_quantity", 100},
              {"prices", {{{"currency_code", "eur"}, {"amount", eur}}}},
              {"options", json::array({{{"id", new_id("optval")}, {"value", title}}})}};
}

json product(const std::string& title, const std::string& handle, const std::string& description,
             json personalization) {
  const std::string now = now_iso();
  return json{
      {"id", new_id("prod")},       {"title", title},
      {"handle", handle},           {"subtitle", nullptr},
      {"description", description}, {"is_giftcard", false},
      {"status", "published"},      {"thumbnail", nullptr},
      {"discountable", true},       {"collection_id", nullptr},
      {"type_id", nullptr},         {"metadata", {{"personalization", std::move(personalization)}}},
      {"created_at", now},          {"updated_at", now},
      {"deleted_at", nullptr},      {"images", json::array()},
      {"options", json::array()},   {"variants", json::array()}};
}

}  // namespace

json seed_region() {
  const std::string id = new_id("reg");
  const std::string now = now_iso();
  json countries = json::array();
  for (auto [iso2, iso3, name] :
       {std::tuple{"de", "deu", "Germany"}, std::tuple{"fr", "fra", "France"},
        std::tuple{"nl", "nld", "Netherlands"}}) {
    countries.push_back(
        {{"iso_2", iso2}, {"iso_3", iso3}, {"display_name", name}, {"region_id", id}});
  }
  return json{{"id", id},
              {"name", "Europe"},
              {"currency_code", "eur"},
              {"automatic_taxes", true},
              {"created_at", now},
              {"updated_at", now},
              {"deleted_at", nullptr},
              {"metadata", nullptr},
              {"countries", countries}};
}

json seed_shipping_option() {
  return json{
      {"id", new_id("so")},
      {"name", "Standard Shipping"},
      {"price_type", "flat"},
      {"provider_id", "manual_manual"},
      {"data", nullptr},
      {"amount", 5},
      {"is_tax_inclusive", false},
      {"insufficient_inventory", false},
      {"type",
       {{"label", "Standard"}, {"description", "Ships in 2-3 days."}, {"code", "standard"}}}};
}

std::vector<json> seed_products() {
  json shirt_schema = json::parse(R"({
    "type": "object",
    "required": ["message", "font"],
    "additionalProperties": false,
    "properties": {
      "message": {"type": "string", "title": "Your message", "minLength": 1, "maxLength": 40,
                  "pattern": "^[\\p{L}\\p{M}\\p{N}\\p{Zs}.,!?'&@#:()-]+$",
                  "x-order": 1, "x-placeholder": "Happy birthday, Anna!",
                  "x-messages": {"pattern": "Use letters, digits, spaces and . , ! ? ' & @ # : ( ) - only",
                                 "min_length": "Write a message", "max_length": "At most 40 characters"}},
      "font": {"type": "string", "title": "Font", "enum": ["Serif", "Script", "Mono"], "default": "Serif",
               "x-widget": "font", "x-order": 2},
      "colour": {"type": "string", "title": "Text colour", "format": "colour", "default": "#1d1d1f",
                 "x-widget": "colour", "x-order": 3},
      "photo": {"title": "Photo", "description": "PNG or JPEG, printed 200 x 250 mm",
                "x-widget": "image", "x-order": 4,
                "x-image": {"accept": ["image/png", "image/jpeg"], "max_bytes": 10485760,
                            "min_width": 800, "min_height": 800,
                            "print_width_mm": 200, "print_height_mm": 250, "min_dpi": 150}}
    }
  })");
  json shirt = product("Custom T-Shirt", "custom-t-shirt",
                       "A T-shirt printed with your own image and message.", shirt_schema);
  const std::string shirt_id = shirt["id"];
  const json print_area = {{"print_area_mm", {{"width", 200}, {"height", 250}}}};
  shirt["variants"].push_back(variant(shirt_id, "S", "CUSTOM-TEE-S", 25, print_area, 0));
  shirt["variants"].push_back(variant(shirt_id, "M", "CUSTOM-TEE-M", 27.5, print_area, 1));
  shirt["options"] = json::array({{{"id", new_id("opt")},
                                   {"title", "Size"},
                                   {"product_id", shirt_id},
                                   {"values", {{{"value", "S"}}, {{"value", "M"}}}}}});

  json letter_schema = json::parse(R"({
    "type": "object",
    "required": ["initials"],
    "properties": {
      "initials": {"type": "string", "title": "Initials", "pattern": "^\\p{Lu}{1,3}$", "x-order": 1,
                   "x-placeholder": "AMZ"},
      "message": {"type": "string", "title": "Engraved message", "x-maxGraphemes": 120,
                  "x-widget": "textarea", "x-order": 2,
                  "description": "Up to 120 characters as you see them: an emoji or an accented letter is one"},
      "height_mm": {"type": "integer", "title": "Letter height in mm", "minimum": 20, "maximum": 60,
                    "default": 40, "x-order": 3},
      "finish": {"type": "string", "title": "Finish", "enum": ["Brushed", "Polished", "Antique"],
                 "x-order": 4},
      "gift_wrap": {"type": "boolean", "title": "Gift wrap", "default": false, "x-order": 5}
    }
  })");
  json letter = product("Engraved Letter", "engraved-letter",
                        "A brass letter engraved with your initials.", letter_schema);
  const std::string letter_id = letter["id"];
  letter["variants"].push_back(variant(letter_id, "Brass", "LETTER-BRASS", 12, json::object(), 0));
  letter["options"] = json::array({{{"id", new_id("opt")},
                                    {"title", "Finish"},
                                    {"product_id", letter_id},
                                    {"values", {{{"value", "Brass"}}}}}});
  return {shirt, letter};
}

}  // namespace medusa::mock
