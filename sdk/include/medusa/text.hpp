// Unicode text as customers see it: NFC normalization (UAX #15) and extended grapheme
// clusters (UAX #29), from tables generated from the Unicode Character Database 17.0
// (scripts/unicode/gen_unicode_tables.py), the version of current browsers' ICU.
//
// The metadata builder puts every text value in NFC before it validates and stamps it,
// so "é" typed as one code point or as "e" + U+0301 makes the same line item; the
// `x-minGraphemes`/`x-maxGraphemes` keywords count grapheme clusters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace medusa::text {

/// `s` in Normalization Form C: canonical decomposition, canonical ordering of combining
/// marks, canonical composition (Hangul syllables included), as
/// `String.prototype.normalize("NFC")` gives it. Text made only of code points below
/// U+0300 (ASCII, Latin-1) comes back as is without the tables being read; ill-formed
/// UTF-8 comes back unchanged. Linear-logarithmic in the worst case (a long run of marks).
std::string to_nfc(std::string_view s);

/// Number of extended grapheme clusters in UTF-8 `s`, what a customer counts as
/// characters, as `Intl.Segmenter` with `granularity: "grapheme"` counts them: UAX #29's
/// rules, the Indic conjunct rule GB9c included. "🇫🇷", "👨‍👩‍👧", "e\u0301" and
/// "क्ष" are one each; "\r\n" is one. Ill-formed bytes count as U+FFFD, one cluster each.
std::size_t count_graphemes(std::string_view s);

}  // namespace medusa::text
