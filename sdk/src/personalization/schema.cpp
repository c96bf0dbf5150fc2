#include "medusa/personalization/schema.hpp"

#include "json_numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace medusa::personalization {
namespace {

// Integral floats become integers so 2 and 2.0 give the same canonical text. Iterative
// over an explicit stack: values can be as deep as the parser allows.
json canonical_numbers(json value) {
  std::vector<json*> stack{&value};
  while (!stack.empty()) {
    json* v = stack.back();
    stack.pop_back();
    if (v->is_number_float()) {
      *v = whole_number(*v);
    } else if (v->is_structured()) {
      for (auto& child : *v) stack.push_back(&child);
    }
  }
  return value;
}

std::string widget_for(const json& s) {
  if (auto w = s.find("x-widget"); w != s.end() && w->is_string()) {
    const auto name = w->get<std::string>();
    return name == "color" ? "colour" : name;
  }
  if (s.contains("x-image")) return "image";
  if (s.contains("enum")) return "select";
  const auto type = s.value("type", json());
  if (type == "boolean") return "checkbox";
  if (type == "number" || type == "integer") return "number";
  const auto format = s.value("format", std::string());
  if (format == "colour" || format == "color") return "colour";
  return "text";
}

Result<json> schema_value(const json& value, const char* where) {
  if (value.is_object() || value.is_boolean()) return value;
  if (value.is_string()) {
    auto parsed = parse_json(value.get_ref<const std::string&>());
    if (!parsed) {
      Error e = parsed.error();
      e.message = std::string(where) + " holds a string that is not JSON: " + e.message;
      return e;
    }
    if (parsed->is_object()) return parsed;
  }
  return Error{ErrorKind::invalid_schema, "personalization.schema_type",
               std::string(where) + " must be a JSON object or a string holding one", ""};
}

}  // namespace

json FormField::to_json() const {
  return json{{"name", name},
              {"label", label},
              {"description", description},
              {"widget", widget},
              {"placeholder", placeholder},
              {"required", required},
              {"order", order},
              {"schema", schema}};
}

std::string canonical_json(const json& value) {
  return canonical_numbers(value).dump();
}

std::string fingerprint(const json& value) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : canonical_json(value)) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("fnv1a64:") + hex;
}

json merge_patch(json target, const json& patch) {
  if (!patch.is_object()) return patch;
  if (!target.is_object()) target = json::object();
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it->is_null()) {
      target.erase(it.key());
    } else {
      target[it.key()] = merge_patch(target.contains(it.key()) ? target[it.key()] : json(), *it);
    }
  }
  return target;
}

Result<Schema> Schema::from_json(const json& document) {
  auto value = schema_value(document, "the personalization schema");
  if (!value) return value.error();
  auto compiled = schema::CompiledSchema::compile(*value);
  if (!compiled) return compiled.error();
  return Schema(std::move(compiled).value(), personalization::fingerprint(*value));
}

Result<std::optional<Schema>> Schema::for_product(const Product& product,
                                                  const ProductVariant* variant) {
  std::optional<json> effective;
  if (product.metadata && product.metadata->is_object()) {
    if (auto it = product.metadata->find(kSchemaKey);
        it != product.metadata->end() && !it->is_null()) {
      auto v = schema_value(*it, "product metadata.personalization");
      if (!v) return v.error();
      effective = std::move(v).value();
    }
  }
  if (variant && variant->metadata && variant->metadata->is_object()) {
    const json& meta = *variant->metadata;
    if (auto it = meta.find(kSchemaKey); it != meta.end() && !it->is_null()) {
      auto v = schema_value(*it, "variant metadata.personalization");
      if (!v) return v.error();
      effective = std::move(v).value();  // a variant schema replaces the product's
    }
    if (auto it = meta.find(kSchemaExtendKey); it != meta.end() && !it->is_null()) {
      auto patch = schema_value(*it, "variant metadata.personalization_extend");
      if (!patch) return patch.error();
      effective = merge_patch(effective.value_or(json::object()), *patch);
    }
  }
  if (!effective) return std::optional<Schema>();
  auto schema = from_json(*effective);
  if (!schema) return schema.error();
  return std::optional<Schema>(std::move(schema).value());
}

std::vector<FormField> Schema::fields() const {
  std::vector<FormField> out;
  const json& doc = document();
  if (!doc.is_object()) return out;
  const auto props = doc.find("properties");
  if (props == doc.end() || !props->is_object()) return out;
  std::vector<std::string> required;
  if (auto r = doc.find("required"); r != doc.end() && r->is_array()) {
    for (const auto& name : *r) {
      if (name.is_string()) required.push_back(name.get<std::string>());
    }
  }
  double position = 0;
  for (auto it = props->begin(); it != props->end(); ++it, ++position) {
    const json& s = it.value();
    if (!s.is_object()) continue;
    FormField f;
    f.name = it.key();
    f.label = s.value("title", it.key());
    f.description = s.value("description", std::string());
    f.widget = widget_for(s);
    f.placeholder = s.value("x-placeholder", std::string());
    f.required = std::find(required.begin(), required.end(), f.name) != required.end();
    f.order = s.contains("x-order") && s["x-order"].is_number() ? s["x-order"].get<double>()
                                                                : 1e6 + position;
    f.schema = s;
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const FormField& a, const FormField& b) {
    return a.order != b.order ? a.order < b.order : a.name < b.name;
  });
  return out;
}

}  // namespace medusa::personalization
