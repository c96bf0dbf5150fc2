#include "schema/idna.hpp"

#include <cstdint>
#include <vector>

#include "regex/unicode_properties.hpp"
#include "text/combining_class.hpp"
#include "text/unicode_runs.hpp"
#include "text/utf8.hpp"

namespace medusa::schema::idna {
namespace {

#include "schema/idna_tables.inc"

using Label = std::u32string;

// ---- Punycode (RFC 3492 §5, §6) ----

constexpr std::uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 0x80;
constexpr std::uint32_t kMaxInt = 0xFFFFFFFFu;

std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

std::uint32_t threshold(std::uint32_t k, std::uint32_t bias) {
  return k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
}

int digit_value(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '0' && c <= '9') return c - '0' + 26;
  return -1;
}

char digit_char(std::uint32_t d) {
  return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

}  // namespace

std::optional<std::u32string> punycode_decode(std::string_view in) {
  std::u32string out;
  const auto delimiter = in.rfind('-');
  std::size_t at = 0;
  if (delimiter != std::string_view::npos) {
    for (std::size_t k = 0; k < delimiter; ++k) {
      if (static_cast<unsigned char>(in[k]) >= 0x80) return std::nullopt;
      out += static_cast<char32_t>(in[k]);
    }
    at = delimiter + 1;
  }
  std::uint32_t n = kInitialN, i = 0, bias = kInitialBias;
  while (at < in.size()) {
    const std::uint32_t old_i = i;
    std::uint32_t w = 1;
    for (std::uint32_t k = kBase;; k += kBase) {
      if (at >= in.size()) return std::nullopt;
      const int d = digit_value(in[at++]);
      if (d < 0) return std::nullopt;
      const auto digit = static_cast<std::uint32_t>(d);
      if (digit > (kMaxInt - i) / w) return std::nullopt;
      i += digit * w;
      const std::uint32_t t = threshold(k, bias);
      if (digit < t) break;
      if (w > kMaxInt / (kBase - t)) return std::nullopt;
      w *= kBase - t;
    }
    const auto points = static_cast<std::uint32_t>(out.size() + 1);
    bias = adapt(i - old_i, points, old_i == 0);
    if (i / points > kMaxInt - n) return std::nullopt;
    n += i / points;
    i %= points;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return std::nullopt;
    out.insert(out.begin() + i, static_cast<char32_t>(n));
    ++i;
  }
  return out;
}

std::optional<std::string> punycode_encode(const std::u32string& points) {
  std::string out;
  for (const char32_t c : points)
    if (c < 0x80) out += static_cast<char>(c);
  const auto basic = static_cast<std::uint32_t>(out.size());
  std::uint32_t handled = basic;
  if (basic > 0) out += '-';
  std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  while (handled < points.size()) {
    std::uint32_t m = kMaxInt;
    for (const char32_t c : points)
      if (c >= n && c < m) m = c;
    if (m - n > (kMaxInt - delta) / (handled + 1)) return std::nullopt;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const char32_t c : points) {
      if (c < n && ++delta == 0) return std::nullopt;
      if (c != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = kBase;; k += kBase) {
        const std::uint32_t t = threshold(k, bias);
        if (q < t) break;
        out += digit_char(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      out += digit_char(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

namespace {

// ---- Unicode data ----

enum Bidi : unsigned { kOtherBidi, L, R, AL, AN, EN, ES, CS, ET, ON, BN, NSM };
enum Joining : unsigned { kDefaultJoining, D, JL, JR, T, C, U };  // numbered as in the generator

const std::vector<std::uint32_t>& bidi_runs() {
  static const auto runs = text::unpack_runs(kBidiRunStarts, kBidiRunValues, kBidiRunCount);
  return runs;
}
const std::vector<std::uint32_t>& joining_runs() {
  static const auto runs =
      text::unpack_runs(kJoiningRunStarts, kJoiningRunValues, kJoiningRunCount);
  return runs;
}
const text::Ranges& unstable_ranges() {
  static const auto ranges = text::unpack_ranges(kUnstableRanges, 0, sizeof kUnstableRanges);
  return ranges;
}

// General_Category indices (regex::general_category; GC_NAMES in the generator).
enum Category : unsigned {
  Cn = 0,
  Lu = 1,
  Ll = 2,
  Lm = 4,
  Lo = 5,
  Mn = 6,
  Mc = 7,
  Me = 8,
  Nd = 9,
  Cf = 27
};

unsigned bidi(char32_t cp) {
  return text::run_value(bidi_runs(), cp);
}

unsigned joining(char32_t cp) {
  const unsigned stored = text::run_value(joining_runs(), cp);
  if (stored != kDefaultJoining) return stored;
  const unsigned gc = regex::general_category(cp);
  return gc == Mn || gc == Me || gc == Cf ? T : U;
}

// The shipped \p{..} sets the rules read, looked up by name once.
struct Sets {
  regex::PropertySet ignorable, white_space, noncharacter, greek, hebrew, hiragana, katakana, han;
};

const Sets& sets() {
  static const Sets s = [] {
    const auto set = [](const char* name) { return regex::lookup_property(name).set; };
    return Sets{set("Default_Ignorable_Code_Point"),
                set("White_Space"),
                set("Noncharacter_Code_Point"),
                set("sc=Greek"),
                set("sc=Hebrew"),
                set("sc=Hiragana"),
                set("sc=Katakana"),
                set("sc=Han")};
  }();
  return s;
}

bool has(const regex::PropertySet& set, char32_t cp) {
  return regex::has_property(set, cp);
}

// ---- RFC 5892: the derived property of a code point, and the context rules ----

enum class Status { pvalid, contextj, contexto, disallowed };

Status derived_property(char32_t cp) {
  switch (cp) {  // §2.6 Exceptions
    case 0x00DF:
    case 0x03C2:
    case 0x06FD:
    case 0x06FE:
    case 0x0F0B:
    case 0x3007:
      return Status::pvalid;
    case 0x00B7:
    case 0x0375:
    case 0x05F3:
    case 0x05F4:
    case 0x30FB:
      return Status::contexto;
    case 0x0640:
    case 0x07FA:
    case 0x302E:
    case 0x302F:
    case 0x3031:
    case 0x3032:
    case 0x3033:
    case 0x3034:
    case 0x3035:
    case 0x303B:
      return Status::disallowed;
    default:
      break;
  }
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) return Status::contexto;
  const unsigned gc = regex::general_category(cp);
  if (gc == Cn) return Status::disallowed;  // Unassigned
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-') return Status::pvalid;
  if (cp == 0x200C || cp == 0x200D) return Status::contextj;
  if (text::find_range(unstable_ranges(), cp) >= 0) return Status::disallowed;
  if (has(sets().ignorable, cp) || has(sets().white_space, cp) || has(sets().noncharacter, cp))
    return Status::disallowed;
  if ((cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0x1D100 && cp <= 0x1D24F))
    return Status::disallowed;  // IgnorableBlocks
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
      (cp >= 0xD7B0 && cp <= 0xD7FF))
    return Status::disallowed;  // OldHangulJamo
  const bool letter_digit =
      gc == Ll || gc == Lu || gc == Lo || gc == Nd || gc == Lm || gc == Mn || gc == Mc;
  return letter_digit ? Status::pvalid : Status::disallowed;
}

constexpr unsigned kVirama = 9;

// Appendix A: the rule of the CONTEXTJ or CONTEXTO code point at `i`.
bool context_holds(const Label& label, std::size_t i) {
  const char32_t cp = label[i];
  const char32_t before = i > 0 ? label[i - 1] : 0, after = i + 1 < label.size() ? label[i + 1] : 0;
  switch (cp) {
    case 0x200D:  // ZERO WIDTH JOINER
      return i > 0 && text::combining_class(before) == kVirama;
    case 0x200C: {  // ZERO WIDTH NON-JOINER
      if (i > 0 && text::combining_class(before) == kVirama) return true;
      // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
      std::size_t k = i;
      while (k > 0 && joining(label[k - 1]) == T) --k;
      if (k == 0 || (joining(label[k - 1]) != JL && joining(label[k - 1]) != D)) return false;
      k = i + 1;
      while (k < label.size() && joining(label[k]) == T) ++k;
      return k < label.size() && (joining(label[k]) == JR || joining(label[k]) == D);
    }
    case 0x00B7:  // MIDDLE DOT, between two l
      return before == 'l' && after == 'l';
    case 0x0375:  // GREEK LOWER NUMERAL SIGN (KERAIA), before Greek
      return after != 0 && has(sets().greek, after);
    case 0x05F3:  // HEBREW PUNCTUATION GERESH, after Hebrew
    case 0x05F4:  // HEBREW PUNCTUATION GERSHAYIM
      return before != 0 && has(sets().hebrew, before);
    case 0x30FB:  // KATAKANA MIDDLE DOT, with Hiragana, Katakana or Han in the label
      for (const char32_t c : label)
        if (has(sets().hiragana, c) || has(sets().katakana, c) || has(sets().han, c)) return true;
      return false;
    default:
      break;
  }
  // ARABIC-INDIC DIGITS and EXTENDED ARABIC-INDIC DIGITS are not mixed.
  const bool extended = cp >= 0x06F0;
  for (const char32_t c : label) {
    if (extended ? (c >= 0x0660 && c <= 0x0669) : (c >= 0x06F0 && c <= 0x06F9)) return false;
  }
  return true;
}

bool valid_u_label(const Label& label) {
  if (label.empty() || label.front() == '-' || label.back() == '-') return false;
  if (label.size() >= 4 && label[2] == '-' && label[3] == '-') return false;
  const unsigned first = regex::general_category(label.front());
  if (first == Mn || first == Mc || first == Me) return false;
  for (std::size_t i = 0; i < label.size(); ++i) {
    switch (derived_property(label[i])) {
      case Status::pvalid:
        break;
      case Status::contextj:
      case Status::contexto:
        if (!context_holds(label, i)) return false;
        break;
      case Status::disallowed:
        return false;
    }
  }
  return true;
}

bool is_rtl(const Label& label) {
  for (const char32_t c : label) {
    const unsigned b = bidi(c);
    if (b == R || b == AL || b == AN) return true;
  }
  return false;
}

// RFC 5893 §2, rules 1 to 6.
bool bidi_rule(const Label& label) {
  const unsigned first = bidi(label.front());
  const bool rtl = first == R || first == AL;
  if (!rtl && first != L) return false;
  bool has_en = false, has_an = false;
  unsigned last = kOtherBidi;
  for (const char32_t c : label) {
    const unsigned b = bidi(c);
    const bool allowed = rtl ? (b == R || b == AL || b == AN || b == EN || b == ES || b == CS ||
                                b == ET || b == ON || b == BN || b == NSM)
                             : (b == L || b == EN || b == ES || b == CS || b == ET || b == ON ||
                                b == BN || b == NSM);
    if (!allowed) return false;
    has_en = has_en || b == EN;
    has_an = has_an || b == AN;
    if (b != NSM) last = b;
  }
  if (rtl) return (last == R || last == AL || last == EN || last == AN) && !(has_en && has_an);
  return last == L || last == EN;
}

bool is_ascii_ldh(const Label& label) {
  if (label.empty() || label.front() == '-' || label.back() == '-') return false;
  for (const char32_t c : label) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool is_separator(char32_t c, bool unicode) {
  return c == '.' || (unicode && (c == 0x3002 || c == 0xFF0E || c == 0xFF61));
}

}  // namespace

bool valid_host_name(std::string_view name, bool unicode) {
  std::vector<Label> labels(1);
  bool well_formed = true;
  for (std::size_t i = 0; i < name.size();) {
    const char32_t c = text::decode_utf8(name, i, well_formed);
    if (!unicode && c >= 0x80) return false;
    if (is_separator(c, unicode))
      labels.emplace_back();
    else
      labels.back() += c;
  }
  if (!well_formed || name.empty()) return false;

  std::size_t total = labels.size() - 1;  // the dots
  std::vector<Label> decoded;             // each label as code points, for the Bidi rule
  bool bidi_domain = false;
  for (const Label& label : labels) {
    // Every code point takes at least one octet of the A-label: a longer label is refused
    // before any work that grows with its length squared (Punycode).
    if (label.empty() || label.size() > 63) return false;
    bool ascii = true;
    for (const char32_t c : label) ascii = ascii && c < 0x80;
    std::size_t octets = label.size();
    Label text = label;
    if (ascii && label.size() >= 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' &&
        label[2] == '-' && label[3] == '-') {
      // An A-label: valid Punycode of a U-label with a non-ASCII character, which encodes
      // back to the same letters.
      std::string encoded;
      for (std::size_t k = 4; k < label.size(); ++k)
        encoded +=
            static_cast<char>(label[k] >= 'A' && label[k] <= 'Z' ? label[k] | 0x20 : label[k]);
      const auto points = punycode_decode(encoded);
      if (!points || !valid_u_label(*points)) return false;
      bool has_non_ascii = false;
      for (const char32_t c : *points) has_non_ascii = has_non_ascii || c >= 0x80;
      const auto again = punycode_encode(*points);
      if (!has_non_ascii || !again || *again != encoded) return false;
      text = *points;
    } else if (ascii) {
      if (!is_ascii_ldh(label)) return false;
    } else {
      if (label.size() > 59) return false;  // "xn--" and at least an octet per code point
      const auto encoded = punycode_encode(label);
      if (!encoded || !valid_u_label(label)) return false;
      octets = 4 + encoded->size();
    }
    if (octets > 63) return false;
    total += octets;
    bidi_domain = bidi_domain || is_rtl(text);
    decoded.push_back(std::move(text));
  }
  if (total > 253) return false;
  if (bidi_domain) {
    for (const Label& label : decoded)
      if (!bidi_rule(label)) return false;
  }
  return true;
}

}  // namespace medusa::schema::idna
