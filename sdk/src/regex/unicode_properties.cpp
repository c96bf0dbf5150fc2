#include "regex/unicode_properties.hpp"

#include "text/unicode_runs.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace medusa::regex {
namespace {

#include "regex/unicode_property_tables.inc"

// Index order matches GC_NAMES in scripts/unicode/gen_unicode_tables.py.
enum : unsigned {
  Cn,
  Lu,
  Ll,
  Lt,
  Lm,
  Lo,
  Mn,
  Mc,
  Me,
  Nd,
  Nl,
  No,
  Pc,
  Pd,
  Ps,
  Pe,
  Pi,
  Pf,
  Po,
  Sm,
  Sc,
  Sk,
  So,
  Zs,
  Zl,
  Zp,
  Cc,
  Cf,
  Cs,
  Co
};

constexpr CategoryMask bit(unsigned c) {
  return CategoryMask{1} << c;
}

struct NamedMask {
  std::string_view short_name;
  std::string_view long_name;
  CategoryMask mask;
};

constexpr CategoryMask kLetters = bit(Lu) | bit(Ll) | bit(Lt) | bit(Lm) | bit(Lo);
constexpr CategoryMask kAll = (CategoryMask{1} << 30) - 1;

constexpr NamedMask kNames[] = {
    {"L", "Letter", kLetters},
    {"LC", "Cased_Letter", bit(Lu) | bit(Ll) | bit(Lt)},
    {"Lu", "Uppercase_Letter", bit(Lu)},
    {"Ll", "Lowercase_Letter", bit(Ll)},
    {"Lt", "Titlecase_Letter", bit(Lt)},
    {"Lm", "Modifier_Letter", bit(Lm)},
    {"Lo", "Other_Letter", bit(Lo)},
    {"M", "Mark", bit(Mn) | bit(Mc) | bit(Me)},
    {"Mn", "Nonspacing_Mark", bit(Mn)},
    {"Mc", "Spacing_Mark", bit(Mc)},
    {"Me", "Enclosing_Mark", bit(Me)},
    {"N", "Number", bit(Nd) | bit(Nl) | bit(No)},
    {"Nd", "Decimal_Number", bit(Nd)},
    {"Nl", "Letter_Number", bit(Nl)},
    {"No", "Other_Number", bit(No)},
    {"P", "Punctuation", bit(Pc) | bit(Pd) | bit(Ps) | bit(Pe) | bit(Pi) | bit(Pf) | bit(Po)},
    {"Pc", "Connector_Punctuation", bit(Pc)},
    {"Pd", "Dash_Punctuation", bit(Pd)},
    {"Ps", "Open_Punctuation", bit(Ps)},
    {"Pe", "Close_Punctuation", bit(Pe)},
    {"Pi", "Initial_Punctuation", bit(Pi)},
    {"Pf", "Final_Punctuation", bit(Pf)},
    {"Po", "Other_Punctuation", bit(Po)},
    {"S", "Symbol", bit(Sm) | bit(Sc) | bit(Sk) | bit(So)},
    {"Sm", "Math_Symbol", bit(Sm)},
    {"Sc", "Currency_Symbol", bit(Sc)},
    {"Sk", "Modifier_Symbol", bit(Sk)},
    {"So", "Other_Symbol", bit(So)},
    {"Z", "Separator", bit(Zs) | bit(Zl) | bit(Zp)},
    {"Zs", "Space_Separator", bit(Zs)},
    {"Zl", "Line_Separator", bit(Zl)},
    {"Zp", "Paragraph_Separator", bit(Zp)},
    {"C", "Other", bit(Cc) | bit(Cf) | bit(Cs) | bit(Co) | bit(Cn)},
    {"Cc", "Control", bit(Cc)},
    {"Cf", "Format", bit(Cf)},
    {"Cs", "Surrogate", bit(Cs)},
    {"Co", "Private_Use", bit(Co)},
    {"Cn", "Unassigned", bit(Cn)},
};

// ECMAScript also accepts these aliases of General_Category values.
constexpr NamedMask kAliases[] = {
    {"digit", "", bit(Nd)},
    {"punct", "", bit(Pc) | bit(Pd) | bit(Ps) | bit(Pe) | bit(Pi) | bit(Pf) | bit(Po)},
    {"Combining_Mark", "", bit(Mn) | bit(Mc) | bit(Me)},
    {"cntrl", "", bit(Cc)},
};

std::optional<CategoryMask> category_value(std::string_view name) {
  for (const auto& n : kNames) {
    if (name == n.short_name || name == n.long_name) return n.mask;
  }
  for (const auto& n : kAliases) {
    if (name == n.short_name) return n.mask;
  }
  return std::nullopt;
}

}  // namespace

const char* unicode_table_version() noexcept {
  return MEDUSA_UNICODE_VERSION;
}

namespace {

using text::find_range;
using text::Ranges;
using text::run_value;
using text::unpack_ranges;
using text::unpack_runs;

// Each table is unpacked on its first use (a pattern that uses no \p{Script=..} never
// pays for the script table).
const std::vector<std::uint32_t>& category_runs() {
  static const auto runs = unpack_runs(kCategoryRunStarts, kCategoryRunValues, kCategoryRunCount);
  return runs;
}
const std::vector<std::uint32_t>& script_runs() {
  static const auto runs = unpack_runs(kScriptRunStarts, kScriptRunValues, kScriptRunCount);
  return runs;
}
const Ranges& script_extension_ranges() {
  static const auto ranges =
      unpack_ranges(kScriptExtensionRanges, 0, sizeof kScriptExtensionRanges);
  return ranges;
}
const std::vector<Ranges>& binary_ranges() {
  static const auto all = [] {
    std::vector<Ranges> out;
    for (std::size_t i = 0; i + 1 < std::size(kBinaryOffsets); ++i)
      out.push_back(unpack_ranges(kBinaryRanges, kBinaryOffsets[i], kBinaryOffsets[i + 1]));
    return out;
  }();
  return all;
}

// Where each set starts in kScriptExtensionSets (a count, then that many scripts).
const std::vector<std::uint16_t>& script_extension_set_starts() {
  static const auto starts = [] {
    std::vector<std::uint16_t> out;
    for (std::size_t at = 0; at < sizeof kScriptExtensionSets; at += 1 + kScriptExtensionSets[at])
      out.push_back(static_cast<std::uint16_t>(at));
    return out;
  }();
  return starts;
}

bool has_script_extension(std::uint16_t script, char32_t cp) {
  const long range = find_range(script_extension_ranges(), cp);
  if (range < 0) return run_value(script_runs(), cp) == script;
  const std::size_t at = script_extension_set_starts()[kScriptExtensionRangeSets[range]];
  const unsigned count = kScriptExtensionSets[at];
  for (unsigned i = 1; i <= count; ++i)
    if (kScriptExtensionSets[at + i] == script) return true;
  return false;
}

// The line of `names` (lines of space-separated names) that lists `name`, or -1.
long find_name(std::string_view names, std::string_view name) {
  if (name.empty()) return -1;
  long line = 0;
  std::size_t at = 0;
  while (at < names.size()) {
    const std::size_t end = names.find_first_of(" \n", at);
    if (names.substr(at, end - at) == name) return line;
    if (names[end] == '\n') ++line;
    at = end + 1;
  }
  return -1;
}

PropertyLookup found(PropertySet::Kind kind, CategoryMask mask, std::uint16_t index = 0) {
  PropertySet set;
  set.kind = kind;
  set.mask = mask;
  set.index = index;
  return {PropertyLookup::Status::found, set};
}

}  // namespace

unsigned general_category(char32_t cp) noexcept {
  if (cp > 0x10FFFF) return Cn;
  return run_value(category_runs(), cp);
}

bool has_property(const PropertySet& property, char32_t cp) noexcept {
  switch (property.kind) {
    case PropertySet::Kind::category:
      return ((property.mask >> general_category(cp)) & 1u) != 0;
    case PropertySet::Kind::ascii:
      return cp < 0x80;
    case PropertySet::Kind::script:
      return cp <= 0x10FFFF && run_value(script_runs(), cp) == property.index;
    case PropertySet::Kind::script_extensions:
      return cp <= 0x10FFFF && has_script_extension(property.index, cp);
    case PropertySet::Kind::binary:
      return find_range(binary_ranges()[property.index], cp) >= 0;
  }
  return false;
}

PropertyLookup lookup_property(std::string_view name) noexcept {
  using Kind = PropertySet::Kind;
  const auto equals = name.find('=');
  if (equals != std::string_view::npos) {
    const auto key = name.substr(0, equals);
    const auto value = name.substr(equals + 1);
    if (key == "General_Category" || key == "gc") {
      if (auto mask = category_value(value)) return found(Kind::category, *mask);
    } else if (key == "Script" || key == "sc" || key == "Script_Extensions" || key == "scx") {
      const long script = find_name(kScriptNames, value);
      if (script >= 0) {
        const bool extensions = key == "Script_Extensions" || key == "scx";
        return found(extensions ? Kind::script_extensions : Kind::script, 0,
                     static_cast<std::uint16_t>(script));
      }
    }
    return {};
  }
  if (name == "Any") return found(Kind::category, kAll);
  if (name == "Assigned") return found(Kind::category, kAll & ~bit(Cn));
  if (name == "ASCII") return found(Kind::ascii, 0);
  if (auto mask = category_value(name)) return found(Kind::category, *mask);
  const long binary = find_name(kBinaryNames, name);
  if (binary >= 0) return found(Kind::binary, 0, static_cast<std::uint16_t>(binary));
  if (find_name(kRefusedBinaryNames, name) >= 0) return {PropertyLookup::Status::unsupported, {}};
  return {};
}

}  // namespace medusa::regex
