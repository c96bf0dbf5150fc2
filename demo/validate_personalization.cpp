// A small native example: validate a customer's personalization against a product's
// schema and print the line-item metadata that would be sent to Medusa, or every issue.
//
//   validate_personalization                      # built-in shirt example, valid + invalid
//   validate_personalization schema.json values.json
#include <fstream>
#include <iostream>
#include <sstream>

#include "medusa/personalize.hpp"

using medusa::json;
namespace p = medusa::personalization;

namespace {

constexpr const char* kShirtSchema = R"({
  "type": "object",
  "required": ["message", "font"],
  "additionalProperties": false,
  "properties": {
    "message": {"type": "string", "title": "Message", "minLength": 1, "maxLength": 40,
                "pattern": "^[\\p{L}\\p{N} ,.!?'-]+$", "x-order": 1},
    "font": {"type": "string", "title": "Font", "enum": ["Serif", "Script", "Mono"],
             "default": "Serif", "x-widget": "font", "x-order": 2},
    "colour": {"type": "string", "title": "Colour", "format": "colour", "x-order": 3},
    "photo": {"title": "Photo", "x-order": 4, "x-widget": "image",
              "x-image": {"accept": ["image/png", "image/jpeg"], "max_bytes": 10485760,
                          "print_width_mm": 200, "print_height_mm": 250, "min_dpi": 150}}
  }
})";

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int run(const p::Schema& schema, const json& values) {
  std::cout << "values:   " << values.dump() << "\n";
  auto metadata = p::build_line_item_metadata(schema, values);
  if (metadata) {
    std::cout << "metadata: " << metadata->dump() << "\n\n";
    return 0;
  }
  std::cout << "refused:  " << metadata.error().message << "\n";
  for (const auto& issue : metadata.error().details) {
    std::cout << "  " << issue["instance_path"].get<std::string>() << "  ["
              << issue["code"].get<std::string>() << "] " << issue["message"].get<std::string>()
              << "\n";
  }
  std::cout << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 3) {
      auto schema_text = medusa::parse_json(read(argv[1]));
      auto values = medusa::parse_json(read(argv[2]));
      if (!schema_text || !values) {
        std::cerr << (schema_text ? values.error() : schema_text.error()).describe() << "\n";
        return 2;
      }
      auto schema = p::Schema::from_json(*schema_text);
      if (!schema) {
        std::cerr << schema.error().describe() << "\n";
        return 2;
      }
      return run(*schema, *values);
    }
    auto schema = p::Schema::from_json(json::parse(kShirtSchema));
    if (!schema) {
      std::cerr << schema.error().describe() << "\n";
      return 2;
    }
    std::cout << "Personalization schema " << schema->fingerprint() << ", form fields:\n";
    for (const auto& f : schema->fields()) {
      std::cout << "  " << f.label << " (" << f.widget << (f.required ? ", required" : "") << ")\n";
    }
    std::cout << "\n";
    run(*schema, json::parse(R"({"message":"  Happy birthday, Zoë! ","colour":"#aa0033",
      "photo":{"url":"https://img.example.test/zoe.jpg","mime":"image/jpeg","width":2400,"height":3000,"bytes":812345}})"));
    run(*schema, json::parse(R"({"message":"<b>Hi</b>","font":"Comic","colour":"red",
      "photo":{"url":"https://img.example.test/tiny.png","mime":"image/png","width":640,"height":480,"bytes":20000}})"));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
