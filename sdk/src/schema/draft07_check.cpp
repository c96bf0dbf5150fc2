#include "schema/draft07_check.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>

#include "schema/formats.hpp"
#include "schema/uri.hpp"

namespace medusa::schema::detail {
namespace {

// What the meta-schema asks of each keyword's value. Keywords it does not list
// (and "default", "const") may hold anything.
enum class Rule {
  schema,  // "$ref": "#"
  string,
  uri,            // string, format "uri"
  uri_reference,  // string, format "uri-reference"
  regex,          // string, format "regex"
  boolean,
  array,  // "examples", "enum": any items
  number,
  positive_number,  // "multipleOf": exclusiveMinimum 0
  count,            // nonNegativeInteger
  items,            // a schema, or a non-empty array of schemas
  unique_strings,   // stringArray
  schema_map,       // an object whose values are schemas
  pattern_map,      // the same, and its names are regexes ("patternProperties")
  dependencies,     // an object of schemas or string arrays
  type,             // simpleTypes, or a non-empty array of unique simpleTypes
  schema_array,     // a non-empty array of schemas
};

struct KeywordRule {
  const char* keyword;
  Rule rule;
};

constexpr KeywordRule kRules[] = {
    {"$id", Rule::uri_reference},
    {"$schema", Rule::uri},
    {"$ref", Rule::uri_reference},
    {"$comment", Rule::string},
    {"title", Rule::string},
    {"description", Rule::string},
    {"readOnly", Rule::boolean},
    {"writeOnly", Rule::boolean},
    {"examples", Rule::array},
    {"multipleOf", Rule::positive_number},
    {"maximum", Rule::number},
    {"exclusiveMaximum", Rule::number},
    {"minimum", Rule::number},
    {"exclusiveMinimum", Rule::number},
    {"maxLength", Rule::count},
    {"minLength", Rule::count},
    {"pattern", Rule::regex},
    {"additionalItems", Rule::schema},
    {"items", Rule::items},
    {"maxItems", Rule::count},
    {"minItems", Rule::count},
    {"uniqueItems", Rule::boolean},
    {"contains", Rule::schema},
    {"maxProperties", Rule::count},
    {"minProperties", Rule::count},
    {"required", Rule::unique_strings},
    {"additionalProperties", Rule::schema},
    {"definitions", Rule::schema_map},
    {"properties", Rule::schema_map},
    {"patternProperties", Rule::pattern_map},
    {"dependencies", Rule::dependencies},
    {"propertyNames", Rule::schema},
    {"enum", Rule::array},
    {"type", Rule::type},
    {"format", Rule::string},
    {"contentMediaType", Rule::string},
    {"contentEncoding", Rule::string},
    {"if", Rule::schema},
    {"then", Rule::schema},
    {"else", Rule::schema},
    {"allOf", Rule::schema_array},
    {"anyOf", Rule::schema_array},
    {"oneOf", Rule::schema_array},
    {"not", Rule::schema},
};

constexpr const char* kSimpleTypes[] = {"array",  "boolean", "integer", "null",
                                        "number", "object",  "string"};

const KeywordRule* rule_for(const std::string& keyword) {
  for (const auto& r : kRules) {
    if (keyword == r.keyword) return &r;
  }
  return nullptr;
}

bool is_schema(const json& v) {
  return v.is_object() || v.is_boolean();
}

// "type": "integer" as the validator reads it: 2.0 is an integer.
bool is_count(const json& v) {
  if (v.is_number_unsigned()) return true;
  if (v.is_number_integer()) return v.get<std::int64_t>() >= 0;
  if (!v.is_number_float()) return false;
  const double d = v.get<double>();
  return std::isfinite(d) && std::floor(d) == d && d >= 0;
}

bool is_positive_number(const json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>() > 0;
  if (v.is_number_integer()) return v.get<std::int64_t>() > 0;
  return v.is_number_float() && v.get<double>() > 0;
}

bool is_simple_type(const json& v) {
  return v.is_string() && std::any_of(std::begin(kSimpleTypes), std::end(kSimpleTypes),
                                      [&](const char* t) { return v == t; });
}

// Strings only, none twice ("uniqueItems": true over strings). A std::set, as the
// compiler uses, rather than a sort of its own: fewer instantiations in the module.
bool is_unique_strings(const json& v) {
  if (!v.is_array()) return false;
  std::set<std::string> seen;
  for (const auto& e : v) {
    if (!e.is_string() || !seen.insert(e.get<std::string>()).second) return false;
  }
  return true;
}

bool is_type_value(const json& v) {
  if (is_simple_type(v)) return true;
  return v.is_array() && !v.empty() && std::all_of(v.begin(), v.end(), is_simple_type) &&
         is_unique_strings(v);
}

bool has_format(const json& v, const char* format) {
  return v.is_string() && format_check(format)(v.get_ref<const std::string&>());
}

class Checker {
 public:
  explicit Checker(CompiledPatterns& patterns) : patterns_(patterns) {}

  MetaschemaCheck result;

  void schema(const json& s) {
    if (s.is_boolean()) return;
    if (!s.is_object()) return problem("must be an object or a boolean");
    for (const auto& [keyword, value] : s.items()) {
      const KeywordRule* r = rule_for(keyword);
      if (!r) continue;
      const std::size_t mark = enter(keyword);
      keyword_value(r->rule, value);
      path_.resize(mark);
    }
  }

 private:
  void keyword_value(Rule rule, const json& v) {
    switch (rule) {
      case Rule::schema:
        return schema(v);
      case Rule::string:
        return expect(v.is_string(), "must be a string");
      case Rule::uri:
        return expect(has_format(v, "uri"), "must be an absolute URI");
      case Rule::uri_reference:
        return expect(has_format(v, "uri-reference"), "must be a URI reference");
      case Rule::regex:
        return expect(v.is_string() && is_regex(v.get_ref<const std::string&>()),
                      "must be a regular expression");
      case Rule::boolean:
        return expect(v.is_boolean(), "must be a boolean");
      case Rule::array:
        return expect(v.is_array(), "must be an array");
      case Rule::number:
        return expect(v.is_number(), "must be a number");
      case Rule::positive_number:
        return expect(is_positive_number(v), "must be a number greater than 0");
      case Rule::count:
        return expect(is_count(v), "must be a non-negative integer");
      case Rule::items:
        if (is_schema(v)) return schema(v);
        return schema_array(v, "must be a schema or a non-empty array of schemas");
      case Rule::unique_strings:
        return expect(is_unique_strings(v), "must be an array of unique strings");
      case Rule::schema_map:
      case Rule::pattern_map:
      case Rule::dependencies:
        return schema_map(rule, v);
      case Rule::type:
        return expect(is_type_value(v),
                      "must be one of array, boolean, integer, null, number, object, string, "
                      "or a non-empty array of them without repeats");
      case Rule::schema_array:
        return schema_array(v, "must be a non-empty array of schemas");
    }
  }

  void schema_array(const json& v, const char* message) {
    if (!v.is_array() || v.empty()) return problem(message);
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::size_t mark = enter(std::to_string(i));
      schema(v[i]);
      path_.resize(mark);
    }
  }

  void schema_map(Rule rule, const json& v) {
    if (!v.is_object()) return problem("must be an object");
    for (const auto& [name, value] : v.items()) {
      const std::size_t mark = enter(name);
      if (rule == Rule::pattern_map && !is_regex(name)) {
        problem("names a pattern that is not a regular expression");
      }
      if (rule == Rule::dependencies && value.is_array()) {
        expect(is_unique_strings(value), "must be an array of unique strings");
      } else if (rule == Rule::dependencies && !is_schema(value)) {
        problem("must be a schema or an array of unique strings");
      } else {
        schema(value);
      }
      path_.resize(mark);
    }
  }

  // Format "regex", keeping what compiles for the compiler.
  bool is_regex(const std::string& source) {
    if (patterns_.count(source)) return true;
    std::optional<Regex> compiled;
    const bool ok = is_regex_format(source, &compiled);
    if (compiled) patterns_.emplace(source, std::move(*compiled));
    return ok;
  }

  std::size_t enter(std::string_view token) {
    const std::size_t mark = path_.size();
    path_ += '/';
    path_ += uri::escape_token(token);
    return mark;
  }

  void expect(bool ok, const char* message) {
    if (!ok) problem(message);
  }

  void problem(const char* message) {
    if (result.count++ == 0) result.first = MetaschemaProblem{path_, message};
  }

  CompiledPatterns& patterns_;
  std::string path_;
};

}  // namespace

MetaschemaCheck check_draft07(const json& schema, CompiledPatterns& patterns) {
  Checker checker(patterns);
  checker.schema(schema);
  return std::move(checker.result);
}

}  // namespace medusa::schema::detail
