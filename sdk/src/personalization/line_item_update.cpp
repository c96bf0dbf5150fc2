#include "medusa/personalization/line_item_update.hpp"

namespace medusa::personalization {

Result<json> replace_metadata_body(const json& current, const json& desired) {
  if (!desired.is_null() && !desired.is_object()) {
    return Error(ErrorKind::invalid_argument, "personalization.not_object",
                 "metadata must be a JSON object");
  }
  json body = json::object();
  if (desired.is_object()) {
    for (auto it = desired.begin(); it != desired.end(); ++it) {
      if (it->is_string() && it->get_ref<const std::string&>().empty()) {
        return Error(ErrorKind::invalid_argument, "personalization.unrepresentable",
                     "metadata key '" + it.key() +
                         "' is an empty string, which the server treats as a deletion",
                     "/" + it.key());
      }
      body[it.key()] = *it;
    }
  }
  if (current.is_object()) {
    for (auto it = current.begin(); it != current.end(); ++it) {
      if (!body.contains(it.key())) body[it.key()] = "";  // "" deletes the key on the server
    }
  }
  return body;
}

json apply_metadata_update(const json& current, const json& update) {
  if (update.is_null()) return json();  // metadata: null wipes everything
  if (!update.is_object()) return current;
  json out = current.is_object() ? current : json::object();
  for (auto it = update.begin(); it != update.end(); ++it) {
    if (it->is_string() && it->get_ref<const std::string&>().empty()) {
      out.erase(it.key());
    } else {
      out[it.key()] = *it;  // nested objects are replaced whole
    }
  }
  return out;
}

}  // namespace medusa::personalization
