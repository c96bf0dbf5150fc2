#include "medusa/personalization/schema.hpp"

#include "json/numbers.hpp"
#include "medusa/json_output.hpp"
#include "sort_indices.hpp"
#include "text/hex.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

// A schema document and the order its `properties` were written in (empty when unknown).
struct OrderedSchema {
  json document;
  std::vector<std::string> property_order;
};

std::vector<std::string> property_order_of(const json& document, const JsonKeyOrder* order) {
  if (!order || !document.is_object()) return {};
  const auto props = document.find("properties");
  if (props == document.end()) return {};
  const std::vector<std::string>* keys = order->of(*props);
  return keys ? *keys : std::vector<std::string>();
}

// A schema from metadata: an object, or a string holding one (as Medusa's admin saves
// metadata values), whose text then gives the order of its properties.
Result<OrderedSchema> schema_value(const json& value, const char* where,
                                   const JsonKeyOrder* order) {
  if (value.is_object() || value.is_boolean()) return OrderedSchema{value, property_order_of(value, order)};
  if (value.is_string()) {
    JsonKeyOrder text_order;
    auto parsed = parse_json(value.get_ref<const std::string&>(), JsonLimits{}, &text_order);
    if (!parsed) {
      Error e = parsed.error();
      e.message = std::string(where) + " holds a string that is not JSON: " + e.message;
      return e;
    }
    if (parsed->is_object()) {
      auto property_order = property_order_of(*parsed, &text_order);
      return OrderedSchema{std::move(parsed).value(), std::move(property_order)};
    }
  }
  return Error{ErrorKind::invalid_schema, "personalization.schema_type",
               std::string(where) + " must be a JSON object or a string holding one", ""};
}

// Whether a product response decides the schema: a variant's own schema does alone;
// otherwise the product's metadata, and the variant's (which may extend it), must both
// have been sent. The Store API leaves product metadata out unless asked for.
bool decided(bool product_sent, bool variant_sent, const json* variant_metadata) {
  if (variant_metadata) {
    const auto own = variant_metadata->find(kSchemaKey);
    if (own != variant_metadata->end() && !own->is_null()) return true;
  }
  return product_sent && variant_sent;
}

Error schema_unknown() {
  return Error{ErrorKind::invalid_argument, "personalization.schema_unknown",
               "this product response has no metadata, so whether it is personalized is "
               "unknown: ask for it (fields=+metadata,+variants.metadata)",
               "/metadata"};
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
  return to_json_text(canonical_numbers(value));
}

std::string fingerprint(const json& value) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : canonical_json(value)) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return "fnv1a64:" + text::hex16(hash);
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

Result<Schema> Schema::from_json(const json& document, const JsonKeyOrder* order) {
  auto value = schema_value(document, "the personalization schema", order);
  if (!value) return value.error();
  return compiled_from(std::move(value->document), std::move(value->property_order));
}

Result<Schema> Schema::from_text(std::string_view text) {
  JsonKeyOrder order;
  auto document = parse_json(text, JsonLimits{}, &order);
  if (!document) return document.error();
  return from_json(*document, &order);
}

Result<Schema> Schema::compiled_from(json document, std::vector<std::string> property_order) {
  auto compiled = schema::CompiledSchema::compile(document);
  if (!compiled) return compiled.error();
  std::string print = personalization::fingerprint(document);
  return Schema(std::move(compiled).value(), std::move(print), std::move(property_order));
}

Result<std::optional<Schema>> Schema::for_product(const Product& product,
                                                  const ProductVariant* variant) {
  // A modelled member whose value was null is kept in `extra`: sent, and empty.
  const bool product_sent = product.metadata || product.extra.contains("metadata");
  const bool variant_sent = !variant || variant->metadata || variant->extra.contains("metadata");
  const json* variant_metadata = variant && variant->metadata ? &*variant->metadata : nullptr;
  if (!decided(product_sent, variant_sent, variant_metadata)) return schema_unknown();
  return for_metadata(product.metadata ? &*product.metadata : nullptr, variant_metadata);
}

Result<std::optional<Schema>> Schema::for_product(const json& product,
                                                  std::string_view variant_id,
                                                  const JsonKeyOrder* order) {
  // The errors from_json<Product> gives for the same fields.
  auto wrong_type = [](const json& value, const char* expected, const std::string& path) {
    detail::ModelError e;
    detail::type_error(value, expected, path, e);
    return detail::model_error(e);
  };
  if (!product.is_object()) return wrong_type(product, "an object", "");
  const json* product_metadata = nullptr;
  const bool product_sent = product.contains("metadata");
  bool variant_sent = true;
  if (auto it = product.find("metadata"); it != product.end() && !it->is_null()) {
    if (!it->is_object()) return wrong_type(*it, "an object", "/metadata");
    product_metadata = &*it;
  }
  const json* variant_metadata = nullptr;
  if (!variant_id.empty()) {
    const json* variant = nullptr;
    std::string variant_path;
    const auto variants = product.find("variants");
    if (variants != product.end() && !variants->is_null()) {
      if (!variants->is_array()) return wrong_type(*variants, "an array", "/variants");
      for (std::size_t i = 0; i < variants->size() && !variant; ++i) {
        const json& v = (*variants)[i];
        const std::string path = "/variants/" + std::to_string(i);
        if (!v.is_object()) return wrong_type(v, "an object", path);
        const auto id = v.find("id");
        if (id == v.end() || id->is_null()) continue;
        if (!id->is_string()) return wrong_type(*id, "a string", path + "/id");
        if (id->get_ref<const std::string&>() == variant_id) {
          variant = &v;
          variant_path = path;
        }
      }
    }
    if (!variant) {
      return Error{ErrorKind::invalid_argument, "personalization.variant",
                   "the product has no variant '" + std::string(variant_id) + "'", ""};
    }
    variant_sent = variant->contains("metadata");
    if (auto it = variant->find("metadata"); it != variant->end() && !it->is_null()) {
      if (!it->is_object()) return wrong_type(*it, "an object", variant_path + "/metadata");
      variant_metadata = &*it;
    }
  }
  if (!decided(product_sent, variant_sent, variant_metadata)) return schema_unknown();
  return for_metadata(product_metadata, variant_metadata, order);
}

Result<std::optional<Schema>> Schema::for_metadata(const json* product_metadata,
                                                   const json* variant_metadata,
                                                   const JsonKeyOrder* order) {
  std::optional<OrderedSchema> effective;
  if (product_metadata && product_metadata->is_object()) {
    if (auto it = product_metadata->find(kSchemaKey);
        it != product_metadata->end() && !it->is_null()) {
      auto v = schema_value(*it, "product metadata.personalization", order);
      if (!v) return v.error();
      effective = std::move(v).value();
    }
  }
  if (variant_metadata && variant_metadata->is_object()) {
    const json& meta = *variant_metadata;
    if (auto it = meta.find(kSchemaKey); it != meta.end() && !it->is_null()) {
      auto v = schema_value(*it, "variant metadata.personalization", order);
      if (!v) return v.error();
      effective = std::move(v).value();  // a variant schema replaces the product's
    }
    if (auto it = meta.find(kSchemaExtendKey); it != meta.end() && !it->is_null()) {
      auto patch = schema_value(*it, "variant metadata.personalization_extend", order);
      if (!patch) return patch.error();
      OrderedSchema base = effective.value_or(OrderedSchema{json::object(), {}});
      // Properties the patch adds come after the base's, in the patch's order.
      for (auto& name : patch->property_order) {
        if (std::find(base.property_order.begin(), base.property_order.end(), name) ==
            base.property_order.end())
          base.property_order.push_back(std::move(name));
      }
      base.document = merge_patch(std::move(base.document), patch->document);
      effective = std::move(base);
    }
  }
  if (!effective) return std::optional<Schema>();
  auto schema = compiled_from(std::move(effective->document), std::move(effective->property_order));
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
  // Without `x-order`, a field's place is its place in the text of `properties`; names
  // whose place is unknown follow, by name (nlohmann::json iterates members by name).
  double unplaced = static_cast<double>(property_order_.size());
  for (auto it = props->begin(); it != props->end(); ++it) {
    const auto placed = std::find(property_order_.begin(), property_order_.end(), it.key());
    const double position = placed != property_order_.end()
                                ? static_cast<double>(placed - property_order_.begin())
                                : unplaced++;
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
  // Names are unique (they are keys), so this order is total and needs no stable sort.
  const auto order = medusa::detail::sorted_indices(
      out.size(),
      [](const void* context, std::size_t i, std::size_t j) {
        const auto& fields = *static_cast<const std::vector<FormField>*>(context);
        const FormField& a = fields[i];
        const FormField& b = fields[j];
        return a.order != b.order ? a.order < b.order : a.name < b.name;
      },
      &out);
  std::vector<FormField> sorted;
  sorted.reserve(out.size());
  for (const std::size_t i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace medusa::personalization
