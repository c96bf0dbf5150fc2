// Instance evaluation over a compiled schema graph (internal header).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/graph.hpp"
#include "schema/report_text.hpp"

namespace medusa::schema::detail {

class Evaluator {
 public:
  /// `report` null = boolean mode (stop at the first failure).
  Evaluator(const Graph& graph, Report* report);
  /// Collects every issue as report text (the bytes Report::to_json_text() would write).
  Evaluator(const Graph& graph, ReportText& text);

  /// Evaluates from the root; true when valid.
  bool run(const json& instance);

 private:
  bool collecting() const { return (report_ != nullptr || text_ != nullptr) && !quiet_; }
  std::size_t issue_count() const { return report_ ? report_->issues.size() : text_->size(); }
  /// False, with the report marked truncated, once it holds ValidatorOptions::max_issues.
  bool has_room();
  bool eval(const Node& n, const json& v);
  bool eval_node(const Node& n, const json& v);
  bool eval_array(const Node& n, const json& v);
  bool eval_object(const Node& n, const json& v);
  bool eval_image(const Node& n, const json& v);
  /// Evaluates in boolean mode (branches of anyOf/oneOf/not/if/contains/propertyNames).
  bool quietly(const Node& n, const json& v);
  /// Evaluates a member or item, with its key or index appended to the instance path.
  bool at(const std::string& key, const Node& n, const json& v);
  bool at(std::size_t index, const Node& n, const json& v);
  void issue(const Node& n, const char* keyword, const char* code, std::string message,
             json params = json::object(), const std::string* child = nullptr);
  /// The prepared issue of a keyword whose text depends on the schema alone.
  void issue(const Node& n, Fixed fixed);
  /// A length or count beyond its limit: "<words><limit><unit>", params {limit, actual}.
  /// Out of line: six keywords share it.
  [[gnu::noinline]] void count_issue(const Node& n, const char* keyword, const char* code,
                                     const char* words, std::uint64_t limit, const char* unit,
                                     std::uint64_t actual);
  /// The names of a pair of string length limits: keywords and issue codes.
  struct LengthNames {
    const char *min_keyword, *min_code, *max_keyword, *max_code;
  };
  /// minLength/maxLength or x-minGraphemes/x-maxGraphemes on a string of `length`: false
  /// when a limit is broken (its issues recorded when collecting).
  bool check_length(const Node& n, std::uint64_t length, const std::optional<std::uint64_t>& min,
                    const std::optional<std::uint64_t>& max, const LengthNames& names);
  void abort(const Node& n, const char* code, std::string message);
  // Built out of line and for size: these run only when a value fails or a limit is hit,
  // and inlined into the evaluator each was a few hundred bytes of module.
  [[gnu::noinline, gnu::cold]] void issue_text(const Node& n, const char* keyword, const char* code,
                                               const char* message);
  [[gnu::noinline, gnu::cold]] void property_issue(const Node& n, const char* keyword,
                                                   const char* code, const char* message,
                                                   const std::string& property);
  [[gnu::noinline, gnu::cold]] void type_issue(const Node& n, const json& v);
  [[gnu::noinline, gnu::cold]] void one_of_issue(const Node& n, std::size_t matches);
  [[gnu::noinline, gnu::cold]] void unique_items_issue(const Node& n, std::size_t first,
                                                       std::size_t second);
  [[gnu::noinline, gnu::cold]] void additional_items_issue(const Node& n, std::size_t index);
  [[gnu::noinline, gnu::cold]] void dependency_issue(const Node& n, const std::string& name,
                                                     const std::string& other);
  [[gnu::noinline, gnu::cold]] void abort_steps(const Node& n);
  [[gnu::noinline, gnu::cold]] void abort_depth(const Node& n);

  const Graph& g_;
  Report* report_ = nullptr;
  ReportText* text_ = nullptr;
  bool quiet_ = false;
  bool aborted_ = false;
  std::size_t depth_ = 0;
  std::size_t steps_ = 0;
  /// The instance path as steps, written out only for an issue: most evaluations
  /// report nothing, and building the text per member was a tenth of a validation.
  struct PathStep {
    const std::string* key;  ///< null for an array index
    std::size_t index;
  };
  std::vector<PathStep> path_;
  /// The nodes being evaluated that carry `x-messages`, outermost first.
  std::vector<const Node*> worded_;
  /// The schema's wording for an issue `code` raised at `n`: the `x-messages` of the
  /// missing property `child` (required, dependencies), else of the innermost node being
  /// evaluated that words it; null when none does.
  const std::string* wording(const Node& n, const char* code, const std::string* child) const;
  std::string instance_path(const std::string* child = nullptr) const;
};

}  // namespace medusa::schema::detail
