// Compiled schema graph (internal header): one Node per subschema, with pointers
// between nodes for children and resolved $refs (which may form cycles).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "medusa/regex.hpp"
#include "medusa/schema/validator.hpp"

namespace medusa::schema::detail {

enum TypeBit : std::uint8_t {
  kNull = 1,
  kBoolean = 2,
  kObject = 4,
  kArray = 8,
  kNumber = 16,
  kString = 32,
  kInteger = 64
};

/// `x-image`: print constraints on an uploaded image reference {url,width,height,mime,bytes}.
struct ImageRule {
  std::vector<std::string> accept;  ///< MIME types; empty = any
  std::optional<double> max_bytes;
  std::optional<double> min_width, min_height;            ///< pixels
  std::optional<double> print_width_mm, print_height_mm;  ///< printed size
  std::optional<double> min_dpi;
};

/// Keywords whose issue message and params depend on the schema alone.
enum class Fixed : std::uint8_t {
  type,
  enum_values,
  const_value,
  minimum,
  maximum,
  exclusive_minimum,
  exclusive_maximum,
  multiple_of,
  pattern,
  format
};

/// A prepared issue text: built once per schema, copied into each report that needs it.
struct FixedIssue {
  Fixed keyword;
  std::string message;
  json params;
  /// The issue as report text around its instance path (CompiledSchema::validate_text):
  /// `{"code":..,"instance_path":` and `,"message":..,"params":..,"schema_path":..}`.
  std::string text_head, text_tail;
};

struct Node {
  std::string location;  ///< "#/properties/a" (prefixed with the document URI if remote)

  bool is_boolean = false;
  bool boolean_value = true;

  const Node* ref = nullptr;  ///< draft-07: a $ref replaces every sibling keyword
  bool has_ref = false;

  std::uint8_t types = 0;  ///< TypeBit mask; 0 = no `type` keyword
  std::vector<json> enum_values;
  bool has_enum = false;
  std::optional<json> const_value;

  std::optional<json> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;
  std::optional<std::uint64_t> min_length, max_length;
  /// `x-minGraphemes`/`x-maxGraphemes`: length in grapheme clusters, as customers count.
  std::optional<std::uint64_t> min_graphemes, max_graphemes;
  std::optional<Regex> pattern;
  std::string format;
  bool (*format_check)(const std::string&) = nullptr;  ///< null: unknown format or none

  const Node* items = nullptr;           ///< items as one schema
  std::vector<const Node*> items_tuple;  ///< items as an array
  bool items_is_tuple = false;
  const Node* additional_items = nullptr;
  const Node* contains = nullptr;
  std::optional<std::uint64_t> min_items, max_items;
  bool unique_items = false;

  std::vector<std::pair<std::string, const Node*>> properties;  ///< sorted by name
  std::vector<std::pair<Regex, const Node*>> pattern_properties;
  const Node* additional_properties = nullptr;
  std::vector<std::string> required;
  std::vector<std::pair<std::string, std::vector<std::string>>> dependency_lists;
  std::vector<std::pair<std::string, const Node*>> dependency_schemas;
  const Node* property_names = nullptr;
  std::optional<std::uint64_t> min_properties, max_properties;

  std::vector<const Node*> all_of, any_of, one_of;
  const Node* not_schema = nullptr;
  const Node* if_schema = nullptr;
  const Node* then_schema = nullptr;
  const Node* else_schema = nullptr;

  std::optional<ImageRule> image;

  /// `x-messages`: the schema's own wording per issue code, sorted by code.
  std::vector<std::pair<std::string, std::string>> messages;

  /// Filled by prepare_issues once the node is compiled: formatting numbers and building
  /// JSON objects on every failure was most of the cost of validating an invalid value.
  std::vector<FixedIssue> fixed_issues;

  const FixedIssue& fixed(Fixed keyword) const {
    for (const auto& f : fixed_issues) {
      if (f.keyword == keyword) return f;
    }
    // Unreachable once prepare_issues ran: every keyword present on the node has one.
    static const FixedIssue none{Fixed::type, {}, json::object(), {}, {}};
    return none;
  }
};

struct Graph {
  json document;
  /// Each node allocated on its own: addresses stay stable while compiling. (A deque of
  /// nodes did too, with 2 KB more of module code for its block map.)
  std::vector<std::unique_ptr<Node>> nodes;
  const Node* root = nullptr;
  ValidatorOptions options;
};

/// Prepares the fixed issues of a compiled node; defined in evaluator.cpp.
void prepare_issues(Node& n);

/// Patterns already compiled, by source (the draft-07 check compiles every `pattern`
/// and `patternProperties` name to check its format; the compiler reuses them).
using CompiledPatterns = std::map<std::string, Regex>;

/// Builds the graph; defined in compiler.cpp.
Result<medusa::detail::SharedConst<Graph>> compile_graph(const json& schema,
                                                         const ValidatorOptions& options,
                                                         const CompiledPatterns& patterns = {});

}  // namespace medusa::schema::detail
