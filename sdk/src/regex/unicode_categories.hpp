// Unicode General_Category lookup for `\p{..}` (internal header).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace medusa::regex {

/// A set of General_Category values as a bit mask (bit i = category index i).
using CategoryMask = std::uint32_t;

/// The Unicode version the General_Category table was generated from.
const char* unicode_table_version() noexcept;

/// Index (0..29) of the General_Category of `cp`; 0 is Cn (unassigned).
unsigned general_category(char32_t cp) noexcept;

/// Mask for a property name as written inside `\p{..}`: a General_Category short or long
/// name ("L", "Letter", "Nd", "Decimal_Number"), optionally prefixed by "gc=" or
/// "General_Category=", or "Any", "ASCII" (returned as nullopt with ascii=true), "Assigned".
struct PropertySet {
  CategoryMask mask = 0;
  bool ascii = false;  ///< U+0000..U+007F, not a category set
};
std::optional<PropertySet> lookup_property(std::string_view name) noexcept;

}  // namespace medusa::regex
