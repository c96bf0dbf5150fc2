#include "medusa/text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "text/combining_class.hpp"
#include "text/unicode_runs.hpp"
#include "text/utf8.hpp"

namespace medusa::text {
namespace {

#include "text/unicode_text_tables.inc"

// Hangul syllables decompose and compose by arithmetic (Unicode §3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

// Both tables hold 21-bit code points packed three to a 64-bit word, sorted, so one
// binary search over integers serves each (and the module carries one sort and one
// search instead of one per record type).
constexpr unsigned kBits = 21;
constexpr std::uint64_t kMask = (1u << kBits) - 1;

constexpr std::uint64_t pack(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return a << (2 * kBits) | b << kBits | c;
}

struct Tables {
  std::vector<std::uint32_t> combining_classes;
  std::vector<std::uint64_t> decompositions;  // (code point, first, second or 0)
  std::vector<std::uint64_t> compositions;    // (first, second, composite)
};

const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    out.combining_classes =
        unpack_runs(kCombiningClassRunStarts, kCombiningClassRunValues, kCombiningClassRunCount);
    const Ranges excluded = unpack_ranges(kCompositionExclusions, 0, sizeof kCompositionExclusions);
    // Encoded by gen_unicode_tables.py as pairs and singletons, with zigzag deltas.
    const auto unzigzag = [](std::uint32_t n) -> std::int64_t {
      return (n & 1) ? -static_cast<std::int64_t>((n + 1) >> 1) : static_cast<std::int64_t>(n >> 1);
    };
    std::vector<char32_t> seconds;
    for (std::size_t at = 0; at < sizeof kDecompositionSeconds;)
      seconds.push_back(read_leb(kDecompositionSeconds, at));
    out.decompositions.reserve(kDecompositionPairCount + kDecompositionSingletonCount);
    char32_t code_point = 0;
    std::int64_t first = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < kDecompositionPairCount; ++i) {
      code_point += read_leb(kDecompositionPairs, at);
      first += unzigzag(read_leb(kDecompositionPairs, at));
      const char32_t second = seconds[kDecompositionPairs[at++]];
      out.decompositions.push_back(pack(code_point, static_cast<std::uint64_t>(first), second));
      // Full_Composition_Exclusion never recomposes (nor do singletons, below).
      if (find_range(excluded, code_point) < 0)
        out.compositions.push_back(pack(static_cast<std::uint64_t>(first), second, code_point));
    }
    code_point = 0, first = 0, at = 0;
    for (std::size_t i = 0; i < kDecompositionSingletonCount; ++i) {
      code_point += read_leb(kDecompositionSingletons, at);
      first += unzigzag(read_leb(kDecompositionSingletons, at));
      out.decompositions.push_back(pack(code_point, static_cast<std::uint64_t>(first), 0));
    }
    std::sort(out.decompositions.begin(), out.decompositions.end());
    std::sort(out.compositions.begin(), out.compositions.end());
    return out;
  }();
  return t;
}

// The entry of a sorted packed table whose first two (or first) fields are `key`, or 0.
std::uint64_t find_packed(const std::vector<std::uint64_t>& table, std::uint64_t key,
                          unsigned key_fields) {
  const unsigned shift = (3 - key_fields) * kBits;
  const auto it = std::lower_bound(table.begin(), table.end(), key << shift);
  return it != table.end() && (*it >> shift) == key ? *it : 0;
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
  const std::uint64_t d = find_packed(tables().decompositions, cp, 1);
  if (d == 0) {
    out.push_back(cp);
    return;
  }
  decompose(static_cast<char32_t>(d >> kBits & kMask), out);  // at most four levels deep
  if (const auto second = static_cast<char32_t>(d & kMask)) decompose(second, out);
}

// The primary composite of a pair, or 0.
char32_t compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
      second > kTBase && second < kTBase + kTCount)
    return first + (second - kTBase);
  return static_cast<char32_t>(
      find_packed(tables().compositions, std::uint64_t{first} << kBits | second, 2) & kMask);
}

}  // namespace

unsigned combining_class(char32_t cp) {
  return cp < 0x300 ? 0 : run_value(tables().combining_classes, cp);
}

std::string to_nfc(std::string_view s) {
  std::size_t i = 0;
  bool well_formed = true, below_marks = true;
  while (i < s.size() && below_marks) below_marks = decode_utf8(s, i, well_formed) < 0x300;
  if (below_marks && well_formed) return std::string(s);  // nothing below U+0300 changes

  std::vector<char32_t> points;
  points.reserve(s.size());
  for (i = 0; i < s.size();) decompose(decode_utf8(s, i, well_formed), points);
  if (!well_formed) return std::string(s);

  // Canonical ordering: each run of marks sorted by combining class, keeping their order
  // within a class. A sort of (class, position, code point) words, not an insertion sort:
  // a hostile run of 100,000 alternating marks stays O(n log n).
  // Class in the top 8 bits, position in the next 35 (any text the JSON input limits
  // allow), code point in the low 21.
  constexpr unsigned kClassShift = 56;
  std::vector<std::uint64_t> marks;  // class 0 for starters
  marks.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k)
    marks.push_back(std::uint64_t{combining_class(points[k])} << kClassShift |
                    std::uint64_t{k} << kBits | points[k]);
  const auto is_starter = [](std::uint64_t m) { return (m >> kClassShift) == 0; };
  for (auto run = marks.begin(); run != marks.end();) {
    run = std::find_if_not(run, marks.end(), is_starter);
    const auto end = std::find_if(run, marks.end(), is_starter);
    std::sort(run, end);
    run = end;
  }

  // Canonical composition: each mark joins the last starter unless a mark between them
  // has a class of zero or at least its own (it is "blocked").
  std::vector<char32_t> composed;
  composed.reserve(marks.size());
  std::size_t starter = 0;
  bool has_starter = false;
  unsigned last_class = 0;
  for (const std::uint64_t mark : marks) {
    const auto cc = static_cast<unsigned>(mark >> kClassShift);
    const auto cp = static_cast<char32_t>(mark & kMask);
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
