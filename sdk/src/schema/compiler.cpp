// Compiles a draft-07 schema document into a graph of Nodes.
//
// Pass 1 records every `$id` (scan_ids). Pass 2 compiles from the root, leaving each
// `$ref` pending; pending refs are then resolved to (document, JSON Pointer) locations
// and compiled on demand, loading remote documents through ValidatorOptions::load_remote.
#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <type_traits>

#include "schema/formats.hpp"
#include "schema/graph.hpp"
#include "schema/uri.hpp"

namespace medusa::schema::detail {
namespace {

constexpr const char* kMetaSchemaUri = "http://json-schema.org/draft-07/schema";

// What Compiler::fail returns: converts to the empty value of whatever the failing
// function returns (nullptr, nullopt, 0), so each failure is one `return fail(...)`.
struct Failed {
  template <class T, class = std::enable_if_t<std::is_default_constructible_v<T>>>
  operator T() const {
    return T{};
  }
};

struct Location {
  std::string doc;      ///< document URI (no fragment)
  std::string pointer;  ///< JSON Pointer inside it
};

// Keywords whose value is a schema / a map of schemas / an array of schemas.
constexpr const char* kSchemaKeywords[] = {"additionalItems",
                                           "additionalProperties",
                                           "contains",
                                           "propertyNames",
                                           "not",
                                           "if",
                                           "then",
                                           "else"};
constexpr const char* kSchemaMapKeywords[] = {"properties", "patternProperties", "definitions"};
constexpr const char* kSchemaArrayKeywords[] = {"allOf", "anyOf", "oneOf"};

bool is_schema(const json& v) {
  return v.is_object() || v.is_boolean();
}

/// Calls f(pointer suffix, child) for every direct subschema position of `s`.
template <class F>
void for_each_subschema(const json& s, F&& f) {
  for (const char* k : kSchemaKeywords) {
    auto it = s.find(k);
    if (it != s.end() && is_schema(*it)) f(std::string("/") + k, *it);
  }
  for (const char* k : kSchemaMapKeywords) {
    auto it = s.find(k);
    if (it == s.end() || !it->is_object()) continue;
    for (auto& [name, child] : it->items()) {
      if (is_schema(child)) f(std::string("/") + k + "/" + uri::escape_token(name), child);
    }
  }
  for (const char* k : kSchemaArrayKeywords) {
    auto it = s.find(k);
    if (it == s.end() || !it->is_array()) continue;
    for (std::size_t i = 0; i < it->size(); ++i) {
      f(std::string("/") + k + "/" + std::to_string(i), (*it)[i]);
    }
  }
  if (auto it = s.find("items"); it != s.end()) {
    if (is_schema(*it)) {
      f("/items", *it);
    } else if (it->is_array()) {
      for (std::size_t i = 0; i < it->size(); ++i) f("/items/" + std::to_string(i), (*it)[i]);
    }
  }
  if (auto it = s.find("dependencies"); it != s.end() && it->is_object()) {
    for (auto& [name, child] : it->items()) {
      if (is_schema(child)) f("/dependencies/" + uri::escape_token(name), child);
    }
  }
}

/// The `$id` of a schema object, if it establishes one (draft-07 ignores siblings of $ref).
const std::string* own_id(const json& s) {
  if (!s.is_object() || s.contains("$ref")) return nullptr;
  auto it = s.find("$id");
  if (it == s.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

std::string strip_empty_fragment(const std::string& uri) {
  if (!uri.empty() && uri.back() == '#') return uri.substr(0, uri.size() - 1);
  return uri;
}

std::optional<std::uint64_t> as_count(const json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return v.get<std::uint64_t>();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    // Doubles from 2^64 up are whole but do not fit: as a length or count they mean
    // "no limit" (max*) or "never satisfied" (min*), which the largest count gives.
    // (Casting them would be undefined behaviour; found by fuzz_schema.)
    if (d >= 18446744073709551616.0) return std::numeric_limits<std::uint64_t>::max();
    if (d >= 0 && d == static_cast<double>(static_cast<std::uint64_t>(d))) {
      return static_cast<std::uint64_t>(d);
    }
  }
  return std::nullopt;
}

constexpr const char* kWidgets[] = {"text",  "textarea", "select",   "font", "colour",
                                    "color", "number",   "checkbox", "image"};

class Compiler {
 public:
  Compiler(Graph& graph, const ValidatorOptions& options, const CompiledPatterns& patterns)
      : g_(graph), options_(options), patterns_(patterns) {}

  /// The first error met, if any: compiling stops at it.
  const std::optional<Error>& error() const { return error_; }

  void run() {
    const json& root = g_.document;
    std::string root_uri;
    if (const auto* id = own_id(root)) root_uri = strip_empty_fragment(uri::resolve("", *id));
    root_uri_ = root_uri;
    add_document(root_uri, &root);
    g_.root = compile_at(root_uri, "", root_uri, root);
    while (!pending_.empty() && !error_) {
      auto [node, target, where] = pending_.back();
      pending_.pop_back();
      node->ref = resolve_ref(target, where);
    }
    if (!error_) check_ref_cycles();
  }

 private:
  // Records the first failure. Every caller returns at once, and compile_at() compiles
  // nothing more after one, so the first failure met is the one reported.
  Failed fail(const char* code, std::string message, std::string where) {
    if (!error_)
      error_ = Error{ErrorKind::invalid_schema, code, std::move(message), std::move(where)};
    return {};
  }

  std::optional<double> positive_number(const json& obj, const char* key,
                                        const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end()) return std::nullopt;
    if (!it->is_number() || it->get<double>() < 0) {
      return fail("schema.vocabulary",
                  std::string("x-image.") + key + " must be a non-negative number",
                  where + "/x-image/" + key);
    }
    return it->get<double>();
  }

  // --- documents and ids -----------------------------------------------------------
  void add_document(const std::string& doc_uri, const json* value) {
    documents_[doc_uri] = value;
    scan_ids(*value, doc_uri, doc_uri, "");
  }

  void scan_ids(const json& s, std::string base, const std::string& doc, const std::string& ptr) {
    if (!s.is_object()) return;
    if (const auto* id = own_id(s)) {
      const std::string resolved = uri::resolve(base, *id);
      const auto [no_fragment, fragment] = uri::split_fragment(resolved);
      if (!fragment.empty()) {
        ids_.emplace(resolved, Location{doc, ptr});  // a location-independent "#name"
      } else {
        base = no_fragment;
        ids_.emplace(no_fragment, Location{doc, ptr});
      }
    }
    for_each_subschema(s, [&](const std::string& suffix, const json& child) {
      scan_ids(child, base, doc, ptr + suffix);
    });
  }

  const json* document(const std::string& doc_uri, const std::string& where) {
    if (auto it = documents_.find(doc_uri); it != documents_.end()) return it->second;
    const json* loaded = nullptr;
    if (doc_uri == kMetaSchemaUri) {
      loaded = &draft07_metaschema();
    } else if (options_.load_remote) {
      if (auto remote = options_.load_remote(doc_uri)) {
        if (json_depth(*remote) > 256)
          return fail("schema.ref", "remote schema " + doc_uri + " is nested too deeply", where);
        remotes_.push_back(std::make_unique<json>(std::move(*remote)));
        loaded = remotes_.back().get();
      }
    }
    if (!loaded) return fail("schema.ref", "cannot resolve $ref to " + doc_uri, where);
    add_document(doc_uri, loaded);
    return loaded;
  }

  // Walks `pointer` from the document root, applying each `$id` passed on the way.
  std::pair<const json*, std::string> navigate(const std::string& doc_uri, const json& root,
                                               const std::string& pointer,
                                               const std::string& where) {
    auto tokens = uri::parse_pointer(pointer);
    if (!tokens) return fail("schema.ref", "malformed JSON Pointer '" + pointer + "'", where);
    // The returned base excludes the target's own $id: compile_at applies that one.
    std::string base = doc_uri;
    const json* cur = &root;
    for (const auto& t : *tokens) {
      if (const auto* id = own_id(*cur)) {
        const auto resolved = uri::resolve(base, *id);
        if (uri::split_fragment(resolved).second.empty()) base = strip_empty_fragment(resolved);
      }
      if (cur->is_object()) {
        auto it = cur->find(t);
        if (it == cur->end())
          return fail("schema.ref", "$ref target '" + pointer + "' does not exist", where);
        cur = &*it;
      } else if (cur->is_array()) {
        // An index: 1-9 digits (std::stoul would bring libc's printf into the module).
        std::size_t index = 0;
        const bool digits =
            !t.empty() && t.size() <= 9 &&
            std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
        for (std::size_t k = 0; digits && k < t.size(); ++k) index = index * 10 + (t[k] - '0');
        if (!digits || index >= cur->size()) {
          return fail("schema.ref", "$ref target '" + pointer + "' does not exist", where);
        }
        cur = &(*cur)[index];
      } else {
        return fail("schema.ref", "$ref target '" + pointer + "' does not exist", where);
      }
    }
    return {cur, base};
  }

  const Node* resolve_ref(const std::string& target, const std::string& where) {
    const auto [no_fragment, raw_fragment] = uri::split_fragment(target);
    if (!raw_fragment.empty() && raw_fragment[0] != '/') {
      auto it = ids_.find(target);
      if (it == ids_.end()) {
        if (!document(no_fragment, where)) return nullptr;  // may register the id
        it = ids_.find(target);
      }
      if (it == ids_.end()) return fail("schema.ref", "cannot resolve $ref to " + target, where);
      return compile_location(it->second, where);
    }
    const std::string fragment = uri::percent_decode(raw_fragment);
    Location loc;
    if (auto it = ids_.find(no_fragment); it != ids_.end()) {
      loc = Location{it->second.doc, it->second.pointer + fragment};
    } else {
      if (!document(no_fragment, where)) return nullptr;
      if (auto again = ids_.find(no_fragment); again != ids_.end()) {
        loc = Location{again->second.doc, again->second.pointer + fragment};
      } else {
        loc = Location{no_fragment, fragment};
      }
    }
    return compile_location(loc, where);
  }

  const Node* compile_location(const Location& loc, const std::string& where) {
    const json* root = document(loc.doc, where);
    if (!root) return nullptr;
    auto [value, base] = navigate(loc.doc, *root, loc.pointer, where);
    if (!value) return nullptr;
    return compile_at(loc.doc, loc.pointer, base, *value);
  }

  // --- nodes -----------------------------------------------------------------------
  Node* compile_at(const std::string& doc, const std::string& ptr, std::string base,
                   const json& s) {
    if (error_) return nullptr;
    const std::string key = doc + "#" + ptr;
    if (auto it = compiled_.find(key); it != compiled_.end()) return it->second;
    if (g_.nodes.size() >= options_.max_schema_nodes) {
      return fail(
          "schema.too_large",
          "schema has more than " + std::to_string(options_.max_schema_nodes) + " subschemas", "");
    }
    Node& n = *g_.nodes.emplace_back(std::make_unique<Node>());
    compiled_[key] = &n;
    n.location = (doc == root_uri_ ? std::string() : doc) + "#" + ptr;
    const std::string where = n.location;

    if (s.is_boolean()) {
      n.is_boolean = true;
      n.boolean_value = s.get<bool>();
      return &n;
    }
    if (!s.is_object())
      return fail("schema.invalid", "a schema must be an object or a boolean", where);

    if (const auto* id = own_id(s)) {
      const auto resolved = uri::resolve(base, *id);
      if (uri::split_fragment(resolved).second.empty()) base = strip_empty_fragment(resolved);
    }
    if (auto it = s.find("$ref"); it != s.end()) {
      if (!it->is_string()) return fail("schema.invalid", "$ref must be a string", where + "/$ref");
      n.has_ref = true;
      pending_.push_back({&n, uri::resolve(base, it->get<std::string>()), where + "/$ref"});
      return &n;  // draft-07: siblings of $ref are ignored
    }

    auto child = [&](const std::string& suffix, const json& value) -> const Node* {
      if (!is_schema(value)) return fail("schema.invalid", "must be a schema", where + suffix);
      return compile_at(doc, ptr + suffix, base, value);
    };
    auto count = [&](const char* keyword) -> std::optional<std::uint64_t> {
      auto it = s.find(keyword);
      if (it == s.end()) return std::nullopt;
      auto v = as_count(*it);
      if (!v)
        return fail("schema.invalid", std::string(keyword) + " must be a non-negative integer",
                    where + "/" + keyword);
      return v;
    };
    auto number = [&](const char* keyword) -> std::optional<json> {
      auto it = s.find(keyword);
      if (it == s.end()) return std::nullopt;
      if (!it->is_number())
        return fail("schema.invalid", std::string(keyword) + " must be a number",
                    where + "/" + keyword);
      return *it;
    };
    auto string_list = [&](const json& v, const std::string& at) -> std::vector<std::string> {
      if (!v.is_array()) return fail("schema.invalid", "must be an array of strings", at);
      std::vector<std::string> out;
      for (const auto& e : v) {
        if (!e.is_string()) return fail("schema.invalid", "must be an array of strings", at);
        out.push_back(e.get<std::string>());
      }
      return out;
    };

    // -- any type
    if (auto it = s.find("type"); it != s.end()) compile_type(n, *it, where);
    if (error_) return nullptr;
    if (auto it = s.find("enum"); it != s.end()) {
      if (!it->is_array()) return fail("schema.invalid", "enum must be an array", where + "/enum");
      n.has_enum = true;
      n.enum_values.assign(it->begin(), it->end());
    }
    if (auto it = s.find("const"); it != s.end()) n.const_value = *it;
    // -- numbers
    n.minimum = number("minimum");
    n.maximum = number("maximum");
    n.exclusive_minimum = number("exclusiveMinimum");
    n.exclusive_maximum = number("exclusiveMaximum");
    n.multiple_of = number("multipleOf");
    if (error_) return nullptr;
    if (n.multiple_of && n.multiple_of->get<double>() <= 0) {
      return fail("schema.invalid", "multipleOf must be greater than 0", where + "/multipleOf");
    }
    // -- strings
    n.min_length = count("minLength");
    n.max_length = count("maxLength");
    if (auto it = s.find("pattern"); it != s.end()) {
      if (!it->is_string())
        return fail("schema.invalid", "pattern must be a string", where + "/pattern");
      n.pattern = compile_pattern(it->get<std::string>(), where + "/pattern");
    }
    if (auto it = s.find("format"); it != s.end()) {
      if (!it->is_string())
        return fail("schema.invalid", "format must be a string", where + "/format");
      if (options_.assert_formats) {
        n.format = it->get<std::string>();
        n.format_check = format_check(n.format);
      }
    }
    // -- arrays
    if (auto it = s.find("items"); it != s.end()) {
      if (it->is_array()) {
        n.items_is_tuple = true;
        for (std::size_t i = 0; i < it->size(); ++i) {
          n.items_tuple.push_back(child("/items/" + std::to_string(i), (*it)[i]));
        }
      } else {
        n.items = child("/items", *it);
      }
    }
    if (auto it = s.find("additionalItems"); it != s.end())
      n.additional_items = child("/additionalItems", *it);
    if (auto it = s.find("contains"); it != s.end()) n.contains = child("/contains", *it);
    n.min_items = count("minItems");
    n.max_items = count("maxItems");
    if (auto it = s.find("uniqueItems"); it != s.end()) {
      if (!it->is_boolean())
        return fail("schema.invalid", "uniqueItems must be a boolean", where + "/uniqueItems");
      n.unique_items = it->get<bool>();
    }
    // -- objects
    if (auto it = s.find("properties"); it != s.end()) {
      if (!it->is_object())
        return fail("schema.invalid", "properties must be an object", where + "/properties");
      for (auto& [name, value] : it->items()) {
        n.properties.emplace_back(name, child("/properties/" + uri::escape_token(name), value));
      }  // nlohmann objects iterate in key order, so `properties` is sorted
    }
    if (auto it = s.find("patternProperties"); it != s.end()) {
      if (!it->is_object())
        return fail("schema.invalid", "patternProperties must be an object",
                    where + "/patternProperties");
      for (auto& [name, value] : it->items()) {
        const std::string suffix = "/patternProperties/" + uri::escape_token(name);
        auto pattern = compile_pattern(name, where + suffix);
        if (!pattern) return nullptr;
        n.pattern_properties.emplace_back(std::move(*pattern), child(suffix, value));
      }
    }
    if (auto it = s.find("additionalProperties"); it != s.end()) {
      n.additional_properties = child("/additionalProperties", *it);
    }
    if (auto it = s.find("required"); it != s.end())
      n.required = string_list(*it, where + "/required");
    if (auto it = s.find("dependencies"); it != s.end()) {
      if (!it->is_object())
        return fail("schema.invalid", "dependencies must be an object", where + "/dependencies");
      for (auto& [name, value] : it->items()) {
        const std::string suffix = "/dependencies/" + uri::escape_token(name);
        if (value.is_array()) {
          n.dependency_lists.emplace_back(name, string_list(value, where + suffix));
        } else {
          n.dependency_schemas.emplace_back(name, child(suffix, value));
        }
      }
    }
    if (auto it = s.find("propertyNames"); it != s.end())
      n.property_names = child("/propertyNames", *it);
    n.min_properties = count("minProperties");
    n.max_properties = count("maxProperties");
    // -- combinators
    for (auto [keyword, target] : {std::pair{"allOf", &n.all_of}, std::pair{"anyOf", &n.any_of},
                                   std::pair{"oneOf", &n.one_of}}) {
      auto it = s.find(keyword);
      if (it == s.end()) continue;
      if (!it->is_array() || it->empty()) {
        return fail("schema.invalid", std::string(keyword) + " must be a non-empty array",
                    where + "/" + keyword);
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        target->push_back(child(std::string("/") + keyword + "/" + std::to_string(i), (*it)[i]));
      }
    }
    if (auto it = s.find("not"); it != s.end()) n.not_schema = child("/not", *it);
    if (auto it = s.find("if"); it != s.end()) {
      n.if_schema = child("/if", *it);
      if (auto t = s.find("then"); t != s.end()) n.then_schema = child("/then", *t);
      if (auto e = s.find("else"); e != s.end()) n.else_schema = child("/else", *e);
    }
    compile_vocabulary(n, s, where);
    if (error_) return nullptr;
    return &n;
  }

  void compile_type(Node& n, const json& t, const std::string& where) {
    auto bit = [&](const json& name) -> std::uint8_t {
      if (!name.is_string())
        return fail("schema.invalid", "type must be a string or an array of strings",
                    where + "/type");
      const auto& v = name.get_ref<const std::string&>();
      if (v == "null") return kNull;
      if (v == "boolean") return kBoolean;
      if (v == "object") return kObject;
      if (v == "array") return kArray;
      if (v == "number") return kNumber;
      if (v == "string") return kString;
      if (v == "integer") return kInteger;
      return fail("schema.invalid", "unknown type '" + v + "'", where + "/type");
    };
    if (t.is_array()) {
      if (t.empty()) {
        fail("schema.invalid", "type must not be an empty array", where + "/type");
        return;
      }
      for (const auto& e : t) n.types |= bit(e);
    } else {
      n.types = bit(t);
    }
  }

  // The personalization vocabulary (docs/personalization-schema.md).
  void compile_vocabulary(Node& n, const json& s, const std::string& where) {
    if (auto it = s.find("x-widget"); it != s.end()) {
      const bool known = it->is_string() && std::any_of(std::begin(kWidgets), std::end(kWidgets),
                                                        [&](const char* w) { return *it == w; });
      if (!known) {
        return (void)fail(
            "schema.vocabulary",
            "x-widget must be one of text, textarea, select, font, colour, number, checkbox, image",
            where + "/x-widget");
      }
    }
    if (auto it = s.find("x-order"); it != s.end() && !it->is_number()) {
      return (void)fail("schema.vocabulary", "x-order must be a number", where + "/x-order");
    }
    if (auto it = s.find("x-trim"); it != s.end() && !it->is_boolean()) {
      return (void)fail("schema.vocabulary", "x-trim must be a boolean", where + "/x-trim");
    }
    if (auto it = s.find("x-plain-punctuation"); it != s.end() && !it->is_boolean()) {
      return (void)fail("schema.vocabulary", "x-plain-punctuation must be a boolean",
                        where + "/x-plain-punctuation");
    }
    const std::pair<const char*, std::optional<std::uint64_t>*> grapheme_limits[] = {
        {"x-minGraphemes", &n.min_graphemes}, {"x-maxGraphemes", &n.max_graphemes}};
    for (const auto& [keyword, limit] : grapheme_limits) {
      auto it = s.find(keyword);
      if (it == s.end()) continue;
      *limit = as_count(*it);
      if (!*limit) {
        return (void)fail("schema.vocabulary",
                          std::string(keyword) + " must be a non-negative integer",
                          where + "/" + keyword);
      }
    }
    if (auto it = s.find("x-placeholder"); it != s.end() && !it->is_string()) {
      return (void)fail("schema.vocabulary", "x-placeholder must be a string",
                        where + "/x-placeholder");
    }
    if (auto it = s.find("x-messages"); it != s.end()) {
      bool strings = it->is_object();
      if (strings)
        for (const auto& message : *it) strings = strings && message.is_string();
      if (!strings) {
        return (void)fail("schema.vocabulary",
                          "x-messages must be an object of issue codes to strings",
                          where + "/x-messages");
      }
      for (auto m = it->begin(); m != it->end(); ++m)  // std::map order: sorted by code
        n.messages.emplace_back(m.key(), m->get<std::string>());
    }
    auto it = s.find("x-image");
    if (it == s.end()) return;
    if (!it->is_object())
      return (void)fail("schema.vocabulary", "x-image must be an object", where + "/x-image");
    static const std::set<std::string> known = {"accept",     "max_bytes",      "min_width",
                                                "min_height", "print_width_mm", "print_height_mm",
                                                "min_dpi"};
    for (auto& [k, v] : it->items()) {
      (void)v;
      if (!known.count(k))
        return (void)fail("schema.vocabulary", "unknown x-image keyword '" + k + "'",
                          where + "/x-image/" + k);
    }
    ImageRule rule;
    if (auto a = it->find("accept"); a != it->end()) {
      if (!a->is_array())
        return (void)fail("schema.vocabulary", "x-image.accept must be an array of MIME types",
                          where + "/x-image/accept");
      for (const auto& m : *a) {
        if (!m.is_string() || (m != "image/png" && m != "image/jpeg")) {
          return (void)fail("schema.vocabulary", "x-image.accept may list image/png and image/jpeg",
                            where + "/x-image/accept");
        }
        rule.accept.push_back(m.get<std::string>());
      }
    }
    rule.max_bytes = positive_number(*it, "max_bytes", where);
    rule.min_width = positive_number(*it, "min_width", where);
    rule.min_height = positive_number(*it, "min_height", where);
    rule.print_width_mm = positive_number(*it, "print_width_mm", where);
    rule.print_height_mm = positive_number(*it, "print_height_mm", where);
    rule.min_dpi = positive_number(*it, "min_dpi", where);
    if (error_) return;
    if (rule.min_dpi && !rule.print_width_mm && !rule.print_height_mm) {
      return (void)fail("schema.vocabulary",
                        "x-image.min_dpi needs print_width_mm or print_height_mm",
                        where + "/x-image/min_dpi");
    }
    if ((rule.print_width_mm && *rule.print_width_mm <= 0) ||
        (rule.print_height_mm && *rule.print_height_mm <= 0)) {
      return (void)fail("schema.vocabulary", "x-image print sizes must be greater than 0",
                        where + "/x-image");
    }
    n.image = std::move(rule);
  }

  std::optional<Regex> compile_pattern(const std::string& source, const std::string& where) {
    if (auto known = patterns_.find(source); known != patterns_.end()) return known->second;
    auto r = Regex::compile(source);
    if (!r) return fail("schema.pattern", "pattern '" + source + "': " + r.error().message, where);
    return std::move(r).value();
  }

  void check_ref_cycles() {
    for (const auto& node : g_.nodes) {
      const Node* cur = node.get();
      std::size_t hops = 0;
      while (cur->has_ref) {
        cur = cur->ref;
        if (++hops > g_.nodes.size()) {
          return (void)fail("schema.ref", "$ref cycle that never reaches a schema", node->location);
        }
      }
    }
  }

  struct PendingRef {
    Node* node;
    std::string target;
    std::string where;
  };

  Graph& g_;
  const ValidatorOptions& options_;
  const CompiledPatterns& patterns_;
  std::string root_uri_;
  std::map<std::string, const json*> documents_;
  std::vector<std::unique_ptr<json>> remotes_;
  std::map<std::string, Location> ids_;
  std::map<std::string, Node*> compiled_;
  std::vector<PendingRef> pending_;
  std::optional<Error> error_;
};

}  // namespace

Result<medusa::detail::SharedConst<Graph>> compile_graph(const json& schema,
                                                         const ValidatorOptions& options,
                                                         const CompiledPatterns& patterns) {
  Graph graph;
  graph.document = schema;
  graph.options = options;
  Compiler compiler(graph, graph.options, patterns);
  compiler.run();
  if (compiler.error()) return *compiler.error();
  for (const auto& n : graph.nodes) prepare_issues(*n);
  // Moved into its shared allocation: nodes point only at each other, each on the heap,
  // so no pointer refers to the Graph object itself.
  return medusa::detail::SharedConst<Graph>::make(std::move(graph));
}

}  // namespace medusa::schema::detail
