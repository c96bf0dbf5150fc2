// Evaluates an instance against a compiled graph, collecting every issue.
//
// In collecting mode each keyword is checked even after a failure; sub-evaluations whose
// own issues are not part of the report (anyOf/oneOf/not/if/contains branches) run in
// boolean mode, which stops at the first failure. A step budget and a depth limit bound
// the work on hostile schemas (exponential combinators, $ref cycles).
#include "schema/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "built_for_size.hpp"
#include "json/compare.hpp"
#include "json/decimal_multiple.hpp"
#include "json/numbers.hpp"
#include "medusa/json_output.hpp"
#include "medusa/text.hpp"
#include "sort_indices.hpp"
#include "text/utf8.hpp"

namespace medusa::schema::detail {
namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float: {
      const double d = v.get<double>();
      return std::floor(d) == d && std::isfinite(d) ? "integer" : "number";
    }
    default:
      return "unknown";
  }
}

bool has_type(std::uint8_t mask, const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return mask & kNull;
    case json::value_t::boolean:
      return mask & kBoolean;
    case json::value_t::object:
      return mask & kObject;
    case json::value_t::array:
      return mask & kArray;
    case json::value_t::string:
      return mask & kString;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return mask & (kNumber | kInteger);
    case json::value_t::number_float: {
      if (mask & kNumber) return true;
      const double d = v.get<double>();
      return (mask & kInteger) && std::isfinite(d) && std::floor(d) == d;
    }
    default:
      return false;
  }
}

std::string type_list(std::uint8_t mask) {
  static const std::pair<std::uint8_t, const char*> names[] = {
      {kString, "string"}, {kNumber, "number"}, {kInteger, "integer"}, {kBoolean, "boolean"},
      {kObject, "object"}, {kArray, "array"},   {kNull, "null"}};
  std::string out;
  for (const auto& [bit, name] : names) {
    if (!(mask & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

json type_array(std::uint8_t mask) {
  json out = json::array();
  static const std::pair<std::uint8_t, const char*> names[] = {
      {kString, "string"}, {kNumber, "number"}, {kInteger, "integer"}, {kBoolean, "boolean"},
      {kObject, "object"}, {kArray, "array"},   {kNull, "null"}};
  for (const auto& [bit, name] : names) {
    if (mask & bit) out.push_back(name);
  }
  return out;
}

// Array items by value, equal ones by index: sorted so, the first equal neighbours are the
// pair a stable sort finds. Called through sorted_indices, never inlined: each inlined use
// of json's ordering is a switch over every pair of types, and a sort compares at a dozen
// sites.
bool item_less(const void* context, std::size_t a, std::size_t b) {
  const auto& items = *static_cast<const json::array_t*>(context);
  const int c = json_compare(items[a], items[b]);
  return c < 0 || (c == 0 && a < b);
}

bool is_multiple(const json& value, const json& divisor) {
  // Integers exactly, whatever their signs and widths (is_number_integer holds for
  // int64 and uint64 both); otherwise the decimals as written, exactly.
  if (value.is_number_integer() && divisor.is_number_integer())
    return integer_multiple(value, divisor);
  return decimal_multiple(value, divisor);
}

std::string format_dpi(double dpi) {
  return std::to_string(static_cast<long long>(std::floor(dpi)));
}

json params_of(const char* key, json value) {
  json params = json::object();
  params[key] = std::move(value);
  return params;
}

// Appends `token` to a JSON Pointer (~ -> ~0, / -> ~1), plain runs appended whole: this
// runs for every member, and in WebAssembly a string call per character is slow.
void append_pointer_token(std::string& path, const std::string& token) {
  path += '/';
  std::size_t plain = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~' && token[i] != '/') continue;
    path.append(token, plain, i - plain);
    path += token[i] == '~' ? "~0" : "~1";
    plain = i + 1;
  }
  path.append(token, plain, token.size() - plain);
}

struct FixedName {
  const char* keyword;
  const char* code;
};

const FixedName& name_of(Fixed fixed) {
  static const FixedName names[] = {{"type", "type"},
                                    {"enum", "enum"},
                                    {"const", "const"},
                                    {"minimum", "minimum"},
                                    {"maximum", "maximum"},
                                    {"exclusiveMinimum", "exclusive_minimum"},
                                    {"exclusiveMaximum", "exclusive_maximum"},
                                    {"multipleOf", "multiple_of"},
                                    {"pattern", "pattern"},
                                    {"format", "format"}};
  return names[static_cast<int>(fixed)];
}

std::string schema_path_of(const Node& n, const char* keyword) {
  const std::size_t keyword_size = std::strlen(keyword);
  std::string path;
  path.reserve(n.location.size() + keyword_size + 1);
  path = n.location;
  if (keyword_size) path.append(1, '/').append(keyword, keyword_size);
  return path;
}

}  // namespace

// Run once per node when a schema is compiled.
MEDUSA_BUILT_FOR_SIZE_BEGIN
void prepare_issues(Node& n) {
  auto add = [&](Fixed keyword, std::string message, json params) {
    const FixedName& name = name_of(keyword);
    auto [head, tail] =
        ReportText::prepare(name.code, message, params, schema_path_of(n, name.keyword));
    n.fixed_issues.push_back(FixedIssue{keyword, std::move(message), std::move(params),
                                        std::move(head), std::move(tail)});
  };
  if (n.types) {
    add(Fixed::type, "must be " + type_list(n.types), params_of("expected", type_array(n.types)));
  }
  if (n.has_enum) {
    add(Fixed::enum_values, "must be one of the allowed values",
        params_of("allowed", n.enum_values));
  }
  if (n.const_value) {
    add(Fixed::const_value, "must be equal to " + to_json_text(whole_number(*n.const_value)),
        params_of("expected", *n.const_value));
  }
  auto bound = [&](Fixed keyword, const std::optional<json>& value, const char* words,
                   const char* key) {
    if (value) add(keyword, words + to_json_text(whole_number(*value)), params_of(key, *value));
  };
  bound(Fixed::minimum, n.minimum, "must be >= ", "limit");
  bound(Fixed::maximum, n.maximum, "must be <= ", "limit");
  bound(Fixed::exclusive_minimum, n.exclusive_minimum, "must be > ", "limit");
  bound(Fixed::exclusive_maximum, n.exclusive_maximum, "must be < ", "limit");
  bound(Fixed::multiple_of, n.multiple_of, "must be a multiple of ", "divisor");
  if (n.pattern) {
    add(Fixed::pattern, "must match the pattern " + n.pattern->source(),
        params_of("pattern", n.pattern->source()));
  }
  if (!n.format.empty()) {
    add(Fixed::format, "must be a valid " + n.format, params_of("format", n.format));
  }
}

MEDUSA_BUILT_FOR_SIZE_END

Evaluator::Evaluator(const Graph& graph, Report* report) : g_(graph), report_(report) {}

Evaluator::Evaluator(const Graph& graph, ReportText& text) : g_(graph), text_(&text) {}

bool Evaluator::run(const json& instance) {
  // Values built in memory bypass parse_json's depth limit; refuse them here, before
  // any recursive comparison could exhaust the stack.
  if (json_depth(instance) > g_.options.max_instance_depth) {
    abort(*g_.root, "limit_depth",
          "value nested deeper than " + std::to_string(g_.options.max_instance_depth) + " levels");
    return false;
  }
  path_.reserve(16);
  const bool ok = eval(*g_.root, instance);
  return ok && !aborted_;
}

void Evaluator::issue(const Node& n, Fixed fixed) {
  if (!collecting() || aborted_ || !has_room()) return;
  const FixedIssue& f = n.fixed(fixed);
  if (text_ && worded_.empty()) {
    text_->add_prepared(f.text_head, instance_path(), f.text_tail);
    return;
  }
  const FixedName& name = name_of(fixed);
  issue(n, name.keyword, name.code, f.message, f.params);
}

bool Evaluator::has_room() {
  if (issue_count() < g_.options.max_issues) return true;
  if (report_) report_->truncated = true;
  if (text_) text_->mark_truncated();
  return false;
}

MEDUSA_BUILT_FOR_SIZE_BEGIN
void Evaluator::issue(const Node& n, const char* keyword, const char* code, std::string message,
                      json params, const std::string* child) {
  if (!collecting() || aborted_ || !has_room()) return;
  std::string instance_path = this->instance_path(child);
  if (!worded_.empty() || child) {
    if (const std::string* worded = wording(n, code, child)) message = *worded;
  }
  if (text_) {
    text_->add(code, instance_path, message, params, schema_path_of(n, keyword));
    return;
  }
  auto& issues = report_->issues;
  if (issues.empty()) issues.reserve(8);
  issues.push_back(Issue{std::move(instance_path), schema_path_of(n, keyword), code,
                         std::move(message), std::move(params)});
}

const std::string* Evaluator::wording(const Node& n, const char* code,
                                      const std::string* child) const {
  auto find = [code](const Node& node) -> const std::string* {
    for (const auto& [worded_code, text] : node.messages) {
      if (worded_code == code) return &text;
    }
    return nullptr;
  };
  if (child) {
    for (const auto& [name, property] : n.properties) {
      if (name != *child) continue;
      if (const std::string* text = find(*property)) return text;
    }
  }
  for (auto it = worded_.rbegin(); it != worded_.rend(); ++it) {
    if (const std::string* text = find(**it)) return text;
  }
  return nullptr;
}

void Evaluator::count_issue(const Node& n, const char* keyword, const char* code, const char* words,
                            std::uint64_t limit, const char* unit, std::uint64_t actual) {
  issue(n, keyword, code, words + std::to_string(limit) + unit,
        {{"limit", limit}, {"actual", actual}});
}

bool Evaluator::check_length(const Node& n, std::uint64_t length,
                             const std::optional<std::uint64_t>& min,
                             const std::optional<std::uint64_t>& max, const LengthNames& names) {
  bool within = true;
  if (min && length < *min) {
    if (!collecting()) return false;  // the verdict is known
    count_issue(n, names.min_keyword, names.min_code, "must be at least ", *min, " characters",
                length);
    if (aborted_) return false;
    within = false;
  }
  if (max && length > *max) {
    if (collecting())
      count_issue(n, names.max_keyword, names.max_code, "must be at most ", *max, " characters",
                  length);
    within = false;
  }
  return within;
}

void Evaluator::abort(const Node& n, const char* code, std::string message) {
  if (aborted_) return;
  aborted_ = true;
  if ((!report_ && !text_) || issue_count() >= g_.options.max_issues) return;
  if (text_) {
    text_->add(code, instance_path(), message, json::object(), n.location);
  } else if (report_) {
    report_->issues.push_back(
        Issue{instance_path(), n.location, code, std::move(message), json::object()});
  }
}

void Evaluator::issue_text(const Node& n, const char* keyword, const char* code,
                           const char* message) {
  issue(n, keyword, code, message);
}

void Evaluator::property_issue(const Node& n, const char* keyword, const char* code,
                               const char* message, const std::string& property) {
  issue(n, keyword, code, message, params_of("property", property), &property);
}

void Evaluator::type_issue(const Node& n, const json& v) {
  const FixedIssue& f = n.fixed(Fixed::type);
  json params = f.params;
  params["actual"] = type_name(v);
  issue(n, "type", "type", f.message, std::move(params));
}

void Evaluator::one_of_issue(const Node& n, std::size_t matches) {
  issue(n, "oneOf", "one_of",
        matches == 0 ? "must match exactly one of the allowed forms (matches none)"
                     : "must match exactly one of the allowed forms (matches several)",
        {{"matches", matches}});
}

void Evaluator::unique_items_issue(const Node& n, std::size_t first, std::size_t second) {
  issue(n, "uniqueItems", "unique_items",
        "must not contain duplicates (items " + std::to_string(first) + " and " +
            std::to_string(second) + " are equal)",
        {{"first", first}, {"second", second}});
}

void Evaluator::additional_items_issue(const Node& n, std::size_t index) {
  const std::string token = std::to_string(index);
  issue(n, "additionalItems", "additional_items",
        "must have at most " + std::to_string(n.items_tuple.size()) + " items",
        params_of("limit", n.items_tuple.size()), &token);
}

void Evaluator::dependency_issue(const Node& n, const std::string& name, const std::string& other) {
  issue(n, "dependencies", "dependencies", "is required when '" + name + "' is present",
        {{"property", other}, {"because", name}}, &other);
}

void Evaluator::abort_steps(const Node& n) {
  abort(n, "limit_steps",
        "validation stopped after " + std::to_string(g_.options.max_steps) + " schema evaluations");
}

void Evaluator::abort_depth(const Node& n) {
  abort(n, "limit_depth",
        "schema evaluation nested deeper than " + std::to_string(g_.options.max_eval_depth) +
            " levels (a $ref cycle?)");
}
MEDUSA_BUILT_FOR_SIZE_END

bool Evaluator::quietly(const Node& n, const json& v) {
  const bool saved = quiet_;
  quiet_ = true;
  const bool ok = eval(n, v);
  quiet_ = saved;
  return ok;
}

bool Evaluator::at(const std::string& key, const Node& n, const json& v) {
  path_.push_back(PathStep{&key, 0});
  const bool ok = eval(n, v);
  path_.pop_back();
  return ok;
}

bool Evaluator::at(std::size_t index, const Node& n, const json& v) {
  path_.push_back(PathStep{nullptr, index});
  const bool ok = eval(n, v);
  path_.pop_back();
  return ok;
}

std::string Evaluator::instance_path(const std::string* child) const {
  std::string path;
  for (const PathStep& step : path_) {
    if (step.key) {
      append_pointer_token(path, *step.key);
    } else {
      path += '/';
      path += std::to_string(step.index);
    }
  }
  if (child) append_pointer_token(path, *child);
  return path;
}

bool Evaluator::eval(const Node& n, const json& v) {
  if (aborted_) return false;
  if (++steps_ > g_.options.max_steps) {
    abort_steps(n);
    return false;
  }
  if (depth_ >= g_.options.max_eval_depth) {
    abort_depth(n);
    return false;
  }
  ++depth_;
  const bool worded = !n.messages.empty();
  if (worded) worded_.push_back(&n);
  const bool ok = eval_node(n, v);
  if (worded) worded_.pop_back();
  --depth_;
  return ok && !aborted_;
}

bool Evaluator::eval_node(const Node& n, const json& v) {
  if (n.is_boolean) {
    if (!n.boolean_value) issue_text(n, "", "false_schema", "no value is allowed here");
    return n.boolean_value;
  }
  if (n.has_ref) return eval(*n.ref, v);

  bool valid = true;
  // Records a failure; returns true when evaluation of this node should stop.
  auto failed = [&]() {
    valid = false;
    return !collecting() || aborted_;
  };

  if (n.types && !has_type(n.types, v)) {
    if (collecting()) type_issue(n, v);
    if (failed()) return false;
  }
  if (n.has_enum && std::none_of(n.enum_values.begin(), n.enum_values.end(),
                                 [&v](const json& allowed) { return json_equal(allowed, v); })) {
    issue(n, Fixed::enum_values);
    if (failed()) return false;
  }
  if (n.const_value && !json_equal(*n.const_value, v)) {
    issue(n, Fixed::const_value);
    if (failed()) return false;
  }

  if (v.is_number()) {
    if (n.minimum && compare_numbers(v, *n.minimum) < 0) {
      issue(n, Fixed::minimum);
      if (failed()) return false;
    }
    if (n.maximum && compare_numbers(v, *n.maximum) > 0) {
      issue(n, Fixed::maximum);
      if (failed()) return false;
    }
    if (n.exclusive_minimum && compare_numbers(v, *n.exclusive_minimum) <= 0) {
      issue(n, Fixed::exclusive_minimum);
      if (failed()) return false;
    }
    if (n.exclusive_maximum && compare_numbers(v, *n.exclusive_maximum) >= 0) {
      issue(n, Fixed::exclusive_maximum);
      if (failed()) return false;
    }
    if (n.multiple_of && !is_multiple(v, *n.multiple_of)) {
      issue(n, Fixed::multiple_of);
      if (failed()) return false;
    }
  } else if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    static constexpr LengthNames kCodePoints{"minLength", "min_length", "maxLength", "max_length"};
    static constexpr LengthNames kGraphemes{"x-minGraphemes", "min_graphemes", "x-maxGraphemes",
                                            "max_graphemes"};
    if ((n.min_length || n.max_length) &&
        !check_length(n, text::count_code_points(s), n.min_length, n.max_length, kCodePoints) &&
        failed())
      return false;
    if ((n.min_graphemes || n.max_graphemes) &&
        !check_length(n, text::count_graphemes(s), n.min_graphemes, n.max_graphemes, kGraphemes) &&
        failed())
      return false;
    if (n.pattern && !n.pattern->search(s)) {
      issue(n, Fixed::pattern);
      if (failed()) return false;
    }
    if (n.format_check && !n.format_check(s)) {
      issue(n, Fixed::format);
      if (failed()) return false;
    }
  } else if (v.is_array()) {
    if (!eval_array(n, v) && failed()) return false;
  } else if (v.is_object()) {
    if (!eval_object(n, v) && failed()) return false;
  }

  // Combinators.
  for (const Node* sub : n.all_of) {
    if (!eval(*sub, v) && failed()) return false;
  }
  if (!n.any_of.empty()) {
    const bool any = std::any_of(n.any_of.begin(), n.any_of.end(),
                                 [&](const Node* sub) { return quietly(*sub, v); });
    if (!any) {
      if (collecting())
        issue_text(n, "anyOf", "any_of", "must match at least one of the allowed forms");
      if (failed()) return false;
    }
  }
  if (!n.one_of.empty()) {
    std::size_t matches = 0;
    for (const Node* sub : n.one_of) {
      if (quietly(*sub, v) && ++matches > 1) break;
      if (aborted_) return false;
    }
    if (matches != 1) {
      if (collecting()) one_of_issue(n, matches);
      if (failed()) return false;
    }
  }
  if (n.not_schema && quietly(*n.not_schema, v)) {
    if (collecting()) issue_text(n, "not", "not", "must not match the excluded form");
    if (failed()) return false;
  }
  if (n.if_schema) {
    const Node* branch = quietly(*n.if_schema, v) ? n.then_schema : n.else_schema;
    if (branch && !eval(*branch, v) && failed()) return false;
  }
  if (n.image && !eval_image(n, v) && failed()) return false;
  return valid;
}

bool Evaluator::eval_array(const Node& n, const json& v) {
  bool valid = true;
  auto failed = [&]() {
    valid = false;
    return !collecting() || aborted_;
  };
  // The container itself: json's own iterators and accessors dispatch on the value's
  // type at every step.
  const json::array_t& items = *v.get_ptr<const json::array_t*>();
  const std::size_t size = items.size();
  if (n.min_items && size < *n.min_items) {
    if (collecting())
      count_issue(n, "minItems", "min_items", "must have at least ", *n.min_items, " items", size);
    if (failed()) return false;
  }
  if (n.max_items && size > *n.max_items) {
    if (collecting())
      count_issue(n, "maxItems", "max_items", "must have at most ", *n.max_items, " items", size);
    if (failed()) return false;
  }
  if (n.unique_items && size > 1) {
    // Sort views of the items: O(n log n) instead of comparing every pair.
    const std::vector<std::size_t> order = medusa::detail::sorted_indices(size, item_less, &items);
    for (std::size_t i = 1; i < size; ++i) {
      if (json_equal(items[order[i - 1]], items[order[i]])) {
        const auto first = std::min(order[i - 1], order[i]);
        const auto second = std::max(order[i - 1], order[i]);
        if (collecting()) unique_items_issue(n, first, second);
        if (failed()) return false;
        break;
      }
    }
  }
  if (n.items) {
    for (std::size_t i = 0; i < size; ++i) {
      if (!at(i, *n.items, items[i]) && failed()) return false;
    }
  } else if (n.items_is_tuple) {
    for (std::size_t i = 0; i < size; ++i) {
      if (i < n.items_tuple.size()) {
        if (!at(i, *n.items_tuple[i], items[i]) && failed()) return false;
      } else if (n.additional_items) {
        if (n.additional_items->is_boolean && !n.additional_items->boolean_value) {
          if (collecting()) additional_items_issue(n, i);
          if (failed()) return false;
          break;
        }
        if (!at(i, *n.additional_items, items[i]) && failed()) return false;
      }
    }
  }
  if (n.contains) {
    bool found = false;
    for (std::size_t i = 0; i < size && !found; ++i) found = quietly(*n.contains, items[i]);
    if (aborted_) return false;
    if (!found) {
      if (collecting())
        issue_text(n, "contains", "contains", "must contain at least one matching item");
      if (failed()) return false;
    }
  }
  return valid;
}

bool Evaluator::eval_object(const Node& n, const json& v) {
  bool valid = true;
  auto failed = [&]() {
    valid = false;
    return !collecting() || aborted_;
  };
  const json::object_t& members = *v.get_ptr<const json::object_t*>();
  const std::size_t size = members.size();
  if (n.min_properties && size < *n.min_properties) {
    if (collecting())
      count_issue(n, "minProperties", "min_properties", "must have at least ", *n.min_properties,
                  " properties", size);
    if (failed()) return false;
  }
  if (n.max_properties && size > *n.max_properties) {
    if (collecting())
      count_issue(n, "maxProperties", "max_properties", "must have at most ", *n.max_properties,
                  " properties", size);
    if (failed()) return false;
  }
  for (const auto& name : n.required) {
    if (!members.count(name)) {
      if (collecting()) property_issue(n, "required", "required", "is required", name);
      if (failed()) return false;
    }
  }
  for (const auto& [name, needs] : n.dependency_lists) {
    if (!members.count(name)) continue;
    for (const auto& other : needs) {
      if (!members.count(other)) {
        if (collecting()) dependency_issue(n, name, other);
        if (failed()) return false;
      }
    }
  }
  for (const auto& [name, schema] : n.dependency_schemas) {
    if (members.count(name) && !eval(*schema, v) && failed()) return false;
  }
  // The instance's members and `properties` are both sorted by name (nlohmann objects
  // iterate in key order): one merged walk instead of a binary search per member.
  auto next_property = n.properties.begin();
  const auto properties_end = n.properties.end();
  for (const auto& [key, value] : members) {
    if (n.property_names) {
      const json name(key);
      if (!quietly(*n.property_names, name)) {
        if (aborted_) return false;
        if (collecting())
          property_issue(n, "propertyNames", "property_names", "is not an allowed property name",
                         key);
        if (failed()) return false;
      }
    }
    bool matched = false;
    int order = 1;  // of the next property's name against the key: one comparison per step
    while (next_property != properties_end && (order = next_property->first.compare(key)) < 0)
      ++next_property;
    if (next_property != properties_end && order == 0) {
      const auto prop = next_property++;
      matched = true;
      if (!at(key, *prop->second, value) && failed()) return false;
    }
    for (const auto& [regex, schema] : n.pattern_properties) {
      if (!regex.search(key)) continue;
      matched = true;
      if (!at(key, *schema, value) && failed()) return false;
    }
    if (!matched && n.additional_properties) {
      if (n.additional_properties->is_boolean && !n.additional_properties->boolean_value) {
        if (collecting())
          property_issue(n, "additionalProperties", "additional_properties",
                         "is not an allowed property", key);
        if (failed()) return false;
      } else if (!at(key, *n.additional_properties, value) && failed()) {
        return false;
      }
    }
  }
  return valid;
}

// One image reference per image field, with five issues worded in full: built for size
// (8.0 -> 3.4 KB of WebAssembly; a schema of one image field validates 2-4% slower).
MEDUSA_BUILT_FOR_SIZE_BEGIN
bool Evaluator::eval_image(const Node& n, const json& v) {
  const ImageRule& rule = *n.image;
  if (!v.is_object()) return true;  // `type` reports non-objects
  auto positive_integer = [&](const char* key) {
    auto it = v.find(key);
    return it != v.end() && it->is_number_integer() && it->get<std::int64_t>() > 0;
  };
  auto non_empty_string = [&](const char* key) {
    auto it = v.find(key);
    return it != v.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
  };
  std::vector<std::string> missing;
  if (!non_empty_string("url")) missing.emplace_back("url");
  if (!non_empty_string("mime")) missing.emplace_back("mime");
  if (!positive_integer("width")) missing.emplace_back("width");
  if (!positive_integer("height")) missing.emplace_back("height");
  if (!positive_integer("bytes")) missing.emplace_back("bytes");
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    if (collecting())
      issue(n, "x-image", "image_reference",
            "must be an uploaded image reference {url, width, height, mime, bytes} (missing or "
            "invalid: " +
                list + ")",
            {{"fields", missing}});
    return false;
  }
  bool valid = true;
  auto failed = [&]() {
    valid = false;
    return !collecting();
  };
  const auto& mime = v["mime"].get_ref<const std::string&>();
  const auto width = v["width"].get<double>();
  const auto height = v["height"].get<double>();
  const auto bytes = v["bytes"].get<double>();
  if (!rule.accept.empty() &&
      std::find(rule.accept.begin(), rule.accept.end(), mime) == rule.accept.end()) {
    std::string list;
    for (const auto& a : rule.accept) list += (list.empty() ? "" : ", ") + a;
    if (collecting())
      issue(n, "x-image/accept", "image_type", "must be an image of type " + list,
            {{"accept", rule.accept}, {"actual", mime}});
    if (failed()) return false;
  }
  if (rule.max_bytes && bytes > *rule.max_bytes) {
    if (collecting())
      issue(n, "x-image/max_bytes", "image_too_large",
            "must be at most " + to_json_text(whole_number(*rule.max_bytes)) + " bytes",
            {{"limit", whole_number(*rule.max_bytes)}, {"actual", v["bytes"]}});
    if (failed()) return false;
  }
  const bool narrow = rule.min_width && width < *rule.min_width;
  const bool short_ = rule.min_height && height < *rule.min_height;
  if (narrow || short_) {
    if (collecting())
      issue(n, narrow ? "x-image/min_width" : "x-image/min_height", "image_min_pixels",
            "must be at least " + to_json_text(whole_number(rule.min_width.value_or(0))) + "x" +
                to_json_text(whole_number(rule.min_height.value_or(0))) + " pixels",
            {{"min_width", whole_number(rule.min_width.value_or(0))},
             {"min_height", whole_number(rule.min_height.value_or(0))},
             {"width", v["width"]},
             {"height", v["height"]}});
    if (failed()) return false;
  }
  if (rule.min_dpi) {
    // Effective resolution at the printed size; the weaker axis decides.
    double dpi = 1e300;
    if (rule.print_width_mm) dpi = std::min(dpi, width / (*rule.print_width_mm / 25.4));
    if (rule.print_height_mm) dpi = std::min(dpi, height / (*rule.print_height_mm / 25.4));
    if (dpi < *rule.min_dpi) {
      if (collecting())
        issue(n, "x-image/min_dpi", "image_min_dpi",
              "would print at " + format_dpi(dpi) + " dpi, below the minimum of " +
                  to_json_text(whole_number(*rule.min_dpi)) + " dpi",
              {{"dpi", static_cast<long long>(std::floor(dpi))},
               {"min_dpi", whole_number(*rule.min_dpi)}});
      if (failed()) return false;
    }
  }
  return valid;
}
MEDUSA_BUILT_FOR_SIZE_END

}  // namespace medusa::schema::detail
