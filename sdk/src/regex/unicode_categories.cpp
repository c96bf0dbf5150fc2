#include "regex/unicode_categories.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

namespace medusa::regex {
namespace {

#include "regex/unicode_category_table.inc"

// Index order matches scripts/gen_unicode_categories.py.
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

// The runs unpacked once, each (first code point << 5) | category, for binary search.
const std::vector<std::uint32_t>& category_runs() {
  static const std::vector<std::uint32_t> runs = [] {
    std::vector<std::uint32_t> out;
    out.reserve(kRunCount);
    std::uint32_t start = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < kRunCount; ++i) {
      std::uint32_t delta = 0;
      for (unsigned shift = 0;; shift += 7) {
        const std::uint8_t byte = kRunStarts[at++];
        delta |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
      }
      start += delta;
      out.push_back((start << 5) | kRunCategories[i]);
    }
    return out;
  }();
  return runs;
}

}  // namespace

unsigned general_category(char32_t cp) noexcept {
  if (cp > 0x10FFFF) return Cn;
  const std::vector<std::uint32_t>& runs = category_runs();
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 5) | 31u;
  // Last run whose start is <= cp.
  const auto it = std::upper_bound(runs.begin(), runs.end(), key);
  return it == runs.begin() ? Cn : (*(it - 1) & 31u);
}

std::optional<PropertySet> lookup_property(std::string_view name) noexcept {
  for (std::string_view prefix : {"General_Category=", "gc="}) {
    if (name.substr(0, prefix.size()) == prefix) {
      auto mask = category_value(name.substr(prefix.size()));
      if (!mask) return std::nullopt;
      return PropertySet{*mask, false};
    }
  }
  if (name == "Any") return PropertySet{kAll, false};
  if (name == "Assigned") return PropertySet{kAll & ~bit(Cn), false};
  if (name == "ASCII") return PropertySet{0, true};
  auto mask = category_value(name);
  if (!mask) return std::nullopt;
  return PropertySet{*mask, false};
}

}  // namespace medusa::regex
