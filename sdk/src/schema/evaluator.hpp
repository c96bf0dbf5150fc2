// Instance evaluation over a compiled schema graph (internal header).
#pragma once

#include <string>

#include "schema/graph.hpp"

namespace medusa::schema::detail {

class Evaluator {
 public:
  /// `report` null = boolean mode (stop at the first failure).
  Evaluator(const Graph& graph, Report* report);

  /// Evaluates from the root; true when valid.
  bool run(const json& instance);

 private:
  bool collecting() const { return report_ != nullptr && !quiet_; }
  bool eval(const Node& n, const json& v);
  bool eval_node(const Node& n, const json& v);
  bool eval_array(const Node& n, const json& v);
  bool eval_object(const Node& n, const json& v);
  bool eval_image(const Node& n, const json& v);
  /// Evaluates in boolean mode (branches of anyOf/oneOf/not/if/contains/propertyNames).
  bool quietly(const Node& n, const json& v);
  /// Evaluates a child value, with `token` appended to the instance path.
  bool at(const std::string& token, const Node& n, const json& v);
  void issue(const Node& n, const char* keyword, const char* code, std::string message,
             json params = json::object(), const std::string* child = nullptr);
  /// The prepared issue of a keyword whose text depends on the schema alone.
  void issue(const Node& n, const char* keyword, const char* code, Fixed fixed);
  void abort(const Node& n, const char* code, std::string message);

  const Graph& g_;
  Report* report_;
  bool quiet_ = false;
  bool aborted_ = false;
  std::size_t depth_ = 0;
  std::size_t steps_ = 0;
  std::string path_;
};

}  // namespace medusa::schema::detail
