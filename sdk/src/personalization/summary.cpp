#include "medusa/personalization/summary.hpp"

#include <algorithm>

#include "medusa/json_output.hpp"
#include "medusa/models/order.hpp"
#include "medusa/personalization/metadata.hpp"

namespace medusa::personalization {
namespace {

std::string number_text(const json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return to_json_text(v);
  const double d = v.get<double>();
  if (d == static_cast<double>(static_cast<long long>(d)) && d > -1e15 && d < 1e15)
    return std::to_string(static_cast<long long>(d));
  return to_json_text(v);
}

bool is_image(const json& v) {
  return v.is_object() && v.contains("url") && v["url"].is_string() &&
         (v.contains("mime") || v.contains("width"));
}

std::string image_text(const json& v) {
  std::string name;
  if (v.contains("filename") && v["filename"].is_string()) {
    name = v["filename"].get<std::string>();
  } else {
    const std::string url = v["url"].get<std::string>();
    const auto slash = url.find_last_of('/');
    name = slash == std::string::npos ? url : url.substr(slash + 1);
  }
  if (v.contains("width") && v.contains("height") && v["width"].is_number() &&
      v["height"].is_number()) {
    name += " (" + number_text(v["width"]) + "\u00d7" + number_text(v["height"]) + " px)";
  }
  return name;
}

SummaryEntry entry_for(const std::string& name, const std::string& label, const json& value) {
  SummaryEntry e{name, label, "object", "", value};
  if (value.is_string()) {
    e.kind = "text";
    e.text = value.get<std::string>();
  } else if (value.is_boolean()) {
    e.kind = "boolean";
    e.text = value.get<bool>() ? "Yes" : "No";
  } else if (value.is_number()) {
    e.kind = "number";
    e.text = number_text(value);
  } else if (is_image(value)) {
    e.kind = "image";
    e.text = image_text(value);
  } else if (value.is_array()) {
    e.kind = "list";
    for (const auto& item : value) {
      if (!e.text.empty()) e.text += ", ";
      e.text += item.is_string() ? item.get<std::string>() : to_json_text(item);
    }
  } else if (value.is_null()) {
    e.kind = "text";
  } else {
    e.text = to_json_text(value);
  }
  return e;
}

}  // namespace

json SummaryEntry::to_json() const {
  return json{{"name", name}, {"label", label}, {"kind", kind}, {"text", text}, {"value", value}};
}

json Summary::to_json() const {
  json list = json::array();
  for (const auto& e : entries) list.push_back(e.to_json());
  return json{{"entries", std::move(list)},
              {"schema_fingerprint", schema_fingerprint ? json(*schema_fingerprint) : json()},
              {"schema_mismatch", schema_mismatch},
              {"text", text}};
}

Summary describe_line_item(const json& item, const Schema* schema) {
  Summary summary;
  if (!item.is_object()) return summary;
  // Read from the JSON directly: the rest of the item may hold anything.
  auto member = [](const json& object, const char* key) -> const json* {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  };
  const json* detail = member(item, "detail");
  const json metadata = preferred_personalization(
      member(item, "line_item_metadata"), member(item, "metadata"),
      detail && detail->is_object() ? member(*detail, "metadata") : nullptr);
  if (auto stamp = metadata.find(kStampKey); stamp != metadata.end() && stamp->is_string())
    summary.schema_fingerprint = stamp->get<std::string>();
  if (schema && summary.schema_fingerprint && *summary.schema_fingerprint != schema->fingerprint())
    summary.schema_mismatch = true;

  const json values = customer_values(metadata);
  std::vector<std::string> done;
  if (schema) {
    for (const auto& field : schema->fields()) {
      auto it = values.find(field.name);
      if (it == values.end()) continue;
      summary.entries.push_back(entry_for(field.name, field.label, *it));
      done.push_back(field.name);
    }
  }
  for (const auto& [name, value] : values.items()) {  // nlohmann objects iterate sorted
    if (std::find(done.begin(), done.end(), name) != done.end()) continue;
    summary.entries.push_back(entry_for(name, name, value));
  }
  for (const auto& e : summary.entries) {
    if (!summary.text.empty()) summary.text += " \u00b7 ";
    summary.text += e.label + ": " + e.text;
  }
  return summary;
}

}  // namespace medusa::personalization
