#include "medusa/text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "text/unicode_runs.hpp"
#include "text/utf8.hpp"

namespace medusa::text {
namespace {

#include "text/unicode_text_tables.inc"

// Hangul syllables decompose and compose by arithmetic (Unicode §3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

struct Decomposition {
  char32_t code_point, first, second;  // second is 0 for a singleton
};

struct Tables {
  std::vector<std::uint32_t> combining_classes;
  std::vector<Decomposition> decompositions;  // by code point
  std::vector<std::pair<std::uint64_t, char32_t>>
      compositions;  // (first << 21 | second) -> composite
};

const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    out.combining_classes =
        unpack_runs(kCombiningClassRunStarts, kCombiningClassRunValues, kCombiningClassRunCount);
    const Ranges excluded = unpack_ranges(kCompositionExclusions, 0, sizeof kCompositionExclusions);
    out.decompositions.reserve(kDecompositionCount);
    char32_t code_point = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < kDecompositionCount; ++i) {
      code_point += read_leb(kDecompositions, at);
      const char32_t first = read_leb(kDecompositions, at);
      const char32_t second = read_leb(kDecompositions, at);
      out.decompositions.push_back({code_point, first, second});
      // Singletons and Full_Composition_Exclusion never recompose.
      if (second != 0 && find_range(excluded, code_point) < 0)
        out.compositions.emplace_back(std::uint64_t{first} << 21 | second, code_point);
    }
    std::sort(out.compositions.begin(), out.compositions.end());
    return out;
  }();
  return t;
}

const Decomposition* decomposition_of(char32_t cp) {
  const auto& all = tables().decompositions;
  const auto it =
      std::lower_bound(all.begin(), all.end(), cp,
                       [](const Decomposition& d, char32_t c) { return d.code_point < c; });
  return it != all.end() && it->code_point == cp ? &*it : nullptr;
}

// Appends the full canonical decomposition of `cp`.
void decompose(char32_t cp, std::vector<char32_t>& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const Decomposition* d = decomposition_of(cp);
  if (d == nullptr) {
    out.push_back(cp);
    return;
  }
  decompose(d->first, out);  // at most four levels deep in the UCD
  if (d->second != 0) decompose(d->second, out);
}

// The primary composite of a pair, or 0.
char32_t compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount)
    return first + (second - kTBase);
  const auto& all = tables().compositions;
  const std::uint64_t key = std::uint64_t{first} << 21 | second;
  const auto it = std::lower_bound(all.begin(), all.end(), std::make_pair(key, char32_t{0}));
  return it != all.end() && it->first == key ? it->second : 0;
}

unsigned combining_class(char32_t cp) {
  return cp < 0x300 ? 0 : run_value(tables().combining_classes, cp);
}

}  // namespace

std::string to_nfc(std::string_view s) {
  std::size_t i = 0;
  bool well_formed = true, below_marks = true;
  while (i < s.size() && below_marks) below_marks = decode_utf8(s, i, well_formed) < 0x300;
  if (below_marks && well_formed) return std::string(s);  // nothing below U+0300 changes

  std::vector<char32_t> points;
  points.reserve(s.size());
  for (i = 0; i < s.size();) decompose(decode_utf8(s, i, well_formed), points);
  if (!well_formed) return std::string(s);

  // Canonical ordering: each run of marks sorted by combining class, stably (a sort, not
  // insertion: a hostile run of 100,000 alternating marks stays O(n log n)).
  std::vector<std::pair<unsigned, char32_t>> marks;  // (class, code point)
  marks.reserve(points.size());
  for (const char32_t cp : points) marks.emplace_back(combining_class(cp), cp);
  for (auto run = marks.begin(); run != marks.end();) {
    const auto is_mark = [](const std::pair<unsigned, char32_t>& m) { return m.first != 0; };
    run = std::find_if(run, marks.end(), is_mark);
    const auto end = std::find_if_not(run, marks.end(), is_mark);
    if (end - run > 1)
      std::stable_sort(run, end, [](const auto& a, const auto& b) { return a.first < b.first; });
    run = end;
  }

  // Canonical composition: each mark joins the last starter unless a mark between them
  // has a class of zero or at least its own (it is "blocked").
  std::vector<char32_t> composed;
  composed.reserve(marks.size());
  std::size_t starter = 0;
  bool has_starter = false;
  unsigned last_class = 0;
  for (const auto& [cc, cp] : marks) {
    if (has_starter) {
      const bool adjacent = starter + 1 == composed.size();
      if (adjacent || (last_class != 0 && last_class < cc)) {
        if (const char32_t c = compose(composed[starter], cp)) {
          composed[starter] = c;
          continue;
        }
      }
    }
    if (cc == 0) {
      starter = composed.size();
      has_starter = true;
    }
    composed.push_back(cp);
    last_class = cc;
  }

  std::string out;
  out.reserve(s.size());
  for (const char32_t cp : composed) append_utf8(out, cp);
  return out;
}

}  // namespace medusa::text
