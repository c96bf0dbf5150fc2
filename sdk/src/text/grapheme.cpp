#include "medusa/text.hpp"

#include <cstdint>
#include <vector>

#include "text/unicode_runs.hpp"
#include "text/utf8.hpp"

namespace medusa::text {
namespace {

#include "text/unicode_text_tables.inc"

// Grapheme_Cluster_Break values, numbered as GCB in gen_unicode_tables.py.
enum Break : unsigned {
  Other,
  CR,
  LF,
  Control,
  Extend,
  ZWJ,
  Regional_Indicator,
  Prepend,
  SpacingMark,
  L,
  V,
  T,
  LV,
  LVT
};

// Indic_Conjunct_Break values.
enum Conjunct : unsigned { NoConjunct, Consonant, ConjunctExtend, Linker };

struct Properties {
  unsigned gcb;
  unsigned incb;
  bool pictographic;
};

// Unpacked on first use: a schema without a grapheme limit never pays for it.
const std::vector<std::uint32_t>& grapheme_runs() {
  static const auto runs = unpack_runs(kGraphemeRunStarts, kGraphemeRunValues, kGraphemeRunCount);
  return runs;
}

Properties properties_of(char32_t cp) {
  const unsigned v = run_value(grapheme_runs(), cp);
  unsigned gcb = v & 0x0F;
  if (gcb == LV && (cp - 0xAC00) % 28 != 0) gcb = LVT;  // the table stores syllables as LV
  return {gcb, (v >> 4) & 3, ((v >> 6) & 1) != 0};
}

bool is_control(unsigned gcb) {
  return gcb == Control || gcb == CR || gcb == LF;
}

// What the rules need to remember of the text before a boundary.
struct Context {
  Properties previous{};
  unsigned regional_indicators = 0;  // consecutive RIs ending at `previous` (GB12, GB13)
  enum : unsigned char { none, pictograph, pictograph_zwj } emoji = none;                    // GB11
  enum : unsigned char { no_conjunct, consonant, consonant_linker } conjunct = no_conjunct;  // GB9c
};

// UAX #29's rules GB3 to GB999, in their order: is there a boundary before `next`?
bool is_boundary(const Context& c, const Properties& next) {
  const unsigned prev = c.previous.gcb, gcb = next.gcb;
  if (prev == CR && gcb == LF) return false;                                            // GB3
  if (is_control(prev) || is_control(gcb)) return true;                                 // GB4, GB5
  if (prev == L && (gcb == L || gcb == V || gcb == LV || gcb == LVT)) return false;     // GB6
  if ((prev == LV || prev == V) && (gcb == V || gcb == T)) return false;                // GB7
  if ((prev == LVT || prev == T) && gcb == T) return false;                             // GB8
  if (gcb == Extend || gcb == ZWJ || gcb == SpacingMark) return false;                  // GB9, GB9a
  if (prev == Prepend) return false;                                                    // GB9b
  if (next.incb == Consonant && c.conjunct == Context::consonant_linker) return false;  // GB9c
  if (prev == ZWJ && next.pictographic && c.emoji == Context::pictograph_zwj) return false;  // GB11
  if (prev == Regional_Indicator && gcb == Regional_Indicator)
    return c.regional_indicators % 2 == 0;  // GB12, GB13: pairs
  return true;                              // GB999
}

void advance(Context& c, const Properties& p) {
  c.regional_indicators = p.gcb == Regional_Indicator ? c.regional_indicators + 1 : 0;
  if (p.pictographic)
    c.emoji = Context::pictograph;
  else if (c.emoji == Context::pictograph && p.gcb == ZWJ)
    c.emoji = Context::pictograph_zwj;
  else if (!(c.emoji == Context::pictograph && p.gcb == Extend))
    c.emoji = Context::none;
  if (p.incb == Consonant)
    c.conjunct = Context::consonant;
  else if (c.conjunct != Context::no_conjunct && p.incb == Linker)
    c.conjunct = Context::consonant_linker;
  else if (p.incb != ConjunctExtend)
    c.conjunct = Context::no_conjunct;
  c.previous = p;
}

}  // namespace

std::size_t count_graphemes(std::string_view s) {
  std::size_t ascii_end = 0, count = 0;
  // Printable ASCII and LF: every character is a cluster (CR before LF is not).
  while (ascii_end < s.size() && static_cast<unsigned char>(s[ascii_end]) < 0x80 &&
         s[ascii_end] != '\r')
    ++ascii_end;
  if (ascii_end == s.size()) return s.size();
  // The last ASCII character may join what follows (a combining mark): rescan it.
  std::size_t i = ascii_end == 0 ? 0 : ascii_end - 1;
  count = i;
  Context context;
  bool first = true;
  while (i < s.size()) {
    const Properties p = properties_of(decode_utf8(s, i));
    if (first || is_boundary(context, p)) ++count;
    first = false;
    advance(context, p);
  }
  return count;
}

}  // namespace medusa::text
