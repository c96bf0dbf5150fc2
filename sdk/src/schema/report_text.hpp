// A validation report as compact JSON text (internal header): what
// Report::to_json_text() and CompiledSchema::validate_text() write, byte for byte
// Report::to_json().dump() (keys sorted, nlohmann's escaping, invalid UTF-8 replaced).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "json/text.hpp"

namespace medusa::schema::detail {

class ReportText {
 public:
  explicit ReportText(std::size_t capacity = 512);

  /// Issues written so far.
  std::size_t size() const { return count_; }
  void mark_truncated() { truncated_ = true; }

  /// One issue object: {"code","instance_path","message","params","schema_path"}.
  void add(std::string_view code, std::string_view instance_path, std::string_view message,
           const json& params, std::string_view schema_path);
  /// An issue's text before and after its instance path, for add_prepared: issues whose
  /// other fields depend on the schema alone are written once per schema.
  static std::pair<std::string, std::string> prepare(std::string_view code,
                                                     std::string_view message, const json& params,
                                                     std::string_view schema_path);
  /// One issue from prepared text around its instance path.
  void add_prepared(std::string_view head, std::string_view instance_path, std::string_view tail);

  /// The whole report; the object is spent.
  std::string finish();

 private:
  JsonTextWriter& next_issue() {
    if (count_++) out_.raw(',');
    return out_;
  }

  JsonTextWriter out_;
  std::size_t count_ = 0;
  bool truncated_ = false;
};

}  // namespace medusa::schema::detail
