// Type-strict equality of JSON values, for comparing our parser with nlohmann's (used by
// the unit tests and the fuzz_json target; no test framework here).
#pragma once

#include <cstddef>

#include "medusa/json_input.hpp"

namespace test_support {

/// Equal values of equal types all the way down (nlohmann's == takes 1 == 1u == 1.0).
inline bool same_json(const medusa::json& a, const medusa::json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      if (i.key() != j.key() || !same_json(i.value(), j.value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!same_json(a[k], b[k])) return false;
    return true;
  }
  return a == b;
}

}  // namespace test_support
