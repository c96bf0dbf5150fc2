#include "medusa/personalization/metadata.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "json/numbers.hpp"
#include "medusa/text.hpp"
#include "schema/uri.hpp"
#include "text/utf8.hpp"

namespace medusa::personalization {
namespace {

bool is_space(char32_t c) {
  // ECMAScript WhiteSpace and LineTerminator: what a customer sees as blank.
  return c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

std::string trim(const std::string& s) {
  std::size_t begin = 0, end = 0, i = 0;
  bool seen = false;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = text::decode_utf8(s, i);
    if (!is_space(c)) {
      if (!seen) begin = at;
      seen = true;
      end = i;
    }
  }
  return seen ? s.substr(begin, end - begin) : std::string();
}

std::string normalize_newlines(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The ASCII character a phone's typographic punctuation stands for, or 0: curly quotes
// and apostrophes (a phone keyboard types them for ' and "), dashes and the minus sign,
// and the non-breaking spaces.
char plain_punctuation(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    case 0x00A0:
    case 0x2007:
    case 0x202F:
      return ' ';
    default:
      return 0;
  }
}

std::string plain_punctuation(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t c = text::decode_utf8(s, i);
    if (const char plain = plain_punctuation(c))
      out += plain;
    else
      out.append(s, at, i - at);
  }
  return out;
}

// A text value as it is stored: line breaks as "\n", Unicode NFC (so the same visible
// text is the same metadata however the keyboard composed it), typographic quotes,
// dashes and non-breaking spaces as their ASCII forms unless the field says
// `x-plain-punctuation: false`, trimmed unless it says `x-trim: false`.
std::string normalize_text(const json& field, const std::string& value) {
  std::string s = text::to_nfc(normalize_newlines(value));
  if (field.value("x-plain-punctuation", true)) s = plain_punctuation(s);
  if (field.value("x-trim", true)) s = trim(s);
  return s;
}

// True when normalize_text would give `value` back unchanged, decided without a copy:
// the common case of ASCII text (always NFC) without a CR and, when trimmed, without
// white space at either end. A form validates on every keystroke.
bool is_stored_form(const json& field, const std::string& value) {
  for (const char c : value)
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r') return false;
  if (value.empty() || !field.value("x-trim", true)) return true;
  return !is_space(static_cast<unsigned char>(value.front())) &&
         !is_space(static_cast<unsigned char>(value.back()));
}

bool is_required(const json& schema, const std::string& name) {
  const auto r = schema.find("required");
  if (r == schema.end() || !r->is_array()) return false;
  return std::any_of(r->begin(), r->end(), [&](const json& n) { return n == name; });
}

// Normalizes one object level in place against the schema object describing it.
void normalize_object(const json& schema, json& out, std::size_t depth) {
  if (!schema.is_object() || depth > 32) return;
  for (auto it = out.begin(); it != out.end(); ++it)
    if (it->is_number_float()) *it = whole_number(it->get<double>());
  const auto props = schema.find("properties");
  if (props == schema.end() || !props->is_object()) return;
  for (auto p = props->begin(); p != props->end(); ++p) {
    const std::string& name = p.key();
    const json& field = p.value();
    if (!field.is_object()) continue;
    auto value = out.find(name);
    if (value == out.end()) {
      if (auto d = field.find("default"); d != field.end()) out[name] = whole_number(*d);
      continue;
    }
    if (value->is_string()) {
      const std::string& text = value->get_ref<const std::string&>();
      if (!is_stored_form(field, text)) *value = normalize_text(field, text);
      if (value->get_ref<const std::string&>().empty() && !is_required(schema, name))
        out.erase(name);  // a blank optional field is no personalization
    } else if (value->is_object() && field.contains("properties")) {
      normalize_object(field, *value, depth + 1);
    } else if (value->is_array()) {
      for (auto& item : *value)  // a list of texts: each in NFC, nothing else changed
        if (item.is_string()) item = text::to_nfc(item.get_ref<const std::string&>());
    }
  }
}

}  // namespace

json FieldLength::to_json() const {
  const auto limit = [](const std::optional<std::uint64_t>& v) { return v ? json(*v) : json(); };
  return json{{"length", length},
              {"min", limit(min)},
              {"max", limit(max)},
              {"unit", graphemes ? "graphemes" : "code_points"}};
}

FieldLength field_length(const Schema& schema, const std::string& field, const std::string& value) {
  static const json none = json::object();
  const json& document = schema.document();
  const json* described = &none;
  if (auto props = document.find("properties"); props != document.end() && props->is_object()) {
    if (auto f = props->find(field); f != props->end() && f->is_object()) described = &*f;
  }
  const auto count = [&](const char* keyword) -> std::optional<std::uint64_t> {
    auto it = described->find(keyword);
    if (it == described->end() || !it->is_number() || !(it->get<double>() >= 0) ||
        it->get<double>() != std::floor(it->get<double>()))
      return std::nullopt;  // the compiler refused it already; 20.0 is 20
    return it->is_number_unsigned() ? it->get<std::uint64_t>()
                                    : static_cast<std::uint64_t>(it->get<double>());
  };
  const std::string stored = normalize_text(*described, value);
  FieldLength out;
  out.graphemes = described->contains("x-minGraphemes") || described->contains("x-maxGraphemes");
  out.length = out.graphemes ? text::count_graphemes(stored) : text::count_code_points(stored);
  out.min = count(out.graphemes ? "x-minGraphemes" : "minLength");
  out.max = count(out.graphemes ? "x-maxGraphemes" : "maxLength");
  return out;
}

json normalize_values(const Schema& schema, const json& values) {
  return normalize_values(schema, json(values));
}

json normalize_values(const Schema& schema, json&& values) {
  if (values.is_object()) normalize_object(schema.document(), values, 0);
  return std::move(values);
}

namespace {

bool is_prototype_key(const std::string& key) {
  return key == "__proto__" || key == "constructor" || key == "prototype";
}

bool is_private_key(const std::string& key) {
  return !key.empty() && key[0] == '_';
}

// True when report_reserved_keys would report anything: the common case (nothing
// reserved) is decided without building a path or a heap stack. Past a depth no parsed
// value reaches (json_input's limit), it answers true, and the caller's full check
// (which keeps its stack on the heap) decides.
bool has_reserved_key(const json& node, std::size_t depth = 0) {
  if (depth > 256) return true;
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string& key = it.key();
      // Only keys starting with '_', 'c' or 'p' can be reserved: one comparison for most.
      const char first = key.empty() ? '\0' : key[0];
      if ((first == '_' || first == 'c' || first == 'p') &&
          ((depth == 0 && is_private_key(key)) || is_prototype_key(key)))
        return true;
      if (it->is_structured() && has_reserved_key(*it, depth + 1)) return true;
    }
  } else if (node.is_array()) {
    for (const auto& item : node)
      if (item.is_structured() && has_reserved_key(item, depth + 1)) return true;
  }
  return false;
}

// Customer keys starting with "_" are the SDK's (the schema stamp) and the shop's own
// private metadata. Keys that name JavaScript object internals: JSON.parse keeps them as
// plain data, but storefront and admin code that copies metadata with `obj[key] = value`
// would change a prototype, so the SDK never writes them into metadata.
void report_reserved_keys(const json& values, schema::Report& report) {
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (is_private_key(it.key())) {
      report.issues.push_back(schema::Issue{"/" + schema::uri::escape_token(it.key()), "",
                                            "reserved_key", "keys starting with '_' are reserved",
                                            json::object()});
    }
  }
  std::vector<std::pair<const json*, std::string>> stack{{&values, ""}};
  while (!stack.empty()) {
    auto [node, path] = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        const std::string child = path + "/" + schema::uri::escape_token(it.key());
        const bool reported = path.empty() && is_private_key(it.key());  // as a private key
        if (!reported && is_prototype_key(it.key())) {
          report.issues.push_back(schema::Issue{child, "", "reserved_key",
                                                "the key '" + it.key() + "' is not allowed",
                                                json::object()});
        }
        stack.emplace_back(&it.value(), child);
      }
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i)
        stack.emplace_back(&(*node)[i], path + "/" + std::to_string(i));
    }
  }
}

// The verdict on normalized values: reserved keys first, then the schema's issues.
schema::Report verdict_on(const Schema& schema, const json& normalized) {
  schema::Report report;
  if (normalized.is_object()) report_reserved_keys(normalized, report);
  schema::Report checked = schema.validate(normalized);
  if (report.issues.empty()) return checked;
  for (auto& issue : checked.issues) report.issues.push_back(std::move(issue));
  report.truncated = checked.truncated;
  return report;
}

}  // namespace

schema::Report validate_values(const Schema& schema, const json& values) {
  return verdict_on(schema, normalize_values(schema, values));
}

std::string validate_values_text(const Schema& schema, const json& values) {
  return validate_values_text(schema, json(values));
}

std::string validate_values_text(const Schema& schema, json&& values) {
  const json normalized = normalize_values(schema, std::move(values));
  if (!has_reserved_key(normalized)) return schema.compiled().validate_text(normalized);
  return verdict_on(schema, normalized).to_json_text();
}

json customer_values(const json& metadata) {
  json out = json::object();
  if (!metadata.is_object()) return out;
  for (auto it = metadata.begin(); it != metadata.end(); ++it) {
    if (it.key().empty() || it.key()[0] != '_') out[it.key()] = *it;
  }
  return out;
}

Result<json> build_line_item_metadata(const Schema& schema, const json& values,
                                      const BuildOptions& options) {
  if (!values.is_object()) {
    return Error{ErrorKind::invalid_argument, "personalization.not_object",
                 "personalization values must be a JSON object", ""};
  }
  const json normalized = normalize_values(schema, values);
  const schema::Report report = verdict_on(schema, normalized);
  if (!report.valid()) {
    const auto& first = report.issues.front();
    Error e{ErrorKind::validation, "personalization.invalid",
            "personalization is invalid: " +
                (first.instance_path.empty() ? std::string("value") : first.instance_path) + ": " +
                first.message +
                (report.issues.size() > 1
                     ? " (and " + std::to_string(report.issues.size() - 1) + " more)"
                     : ""),
            first.instance_path};
    e.details = report.to_json()["issues"];
    return e;
  }
  json out = normalized;
  if (options.stamp) out[kStampKey] = schema.fingerprint();
  return out;
}

schema::Report validate_line_item_metadata(const Schema& schema, const json& metadata) {
  const json values = customer_values(metadata);
  schema::Report report = schema.validate(values);
  if (metadata.is_object()) {
    auto stamp = metadata.find(kStampKey);
    if (stamp != metadata.end() && *stamp != schema.fingerprint()) {
      report.issues.insert(
          report.issues.begin(),
          schema::Issue{"/" + std::string(kStampKey), "", "schema_mismatch",
                        "was validated against a different schema",
                        json{{"stamped", *stamp}, {"current", schema.fingerprint()}}});
    }
  }
  return report;
}

}  // namespace medusa::personalization
