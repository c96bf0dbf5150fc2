// Whole numbers written as JSON integers (2.0 -> 2), so equal values print and compare
// the same wherever they came from (internal header).
#pragma once

#include <cmath>
#include <cstdint>

#include "medusa/json_input.hpp"

namespace medusa {

/// `d` as a JSON integer when it is whole (and exactly representable), else as is.
inline json whole_number(double d) {
  if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
    return static_cast<std::int64_t>(d);
  return d;
}

/// A floating-point JSON number that is whole becomes an integer; anything else is unchanged.
inline json whole_number(const json& v) {
  return v.is_number_float() ? whole_number(v.get<double>()) : v;
}

}  // namespace medusa
