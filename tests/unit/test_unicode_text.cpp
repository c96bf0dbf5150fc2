// NFC and grapheme clusters against the Unicode conformance tests (tests/fixtures/unicode,
// each case confirmed for Unicode 17.0 by Node's ICU when it was extracted), plus the
// cases a personalization form meets and hostile input.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "medusa/text.hpp"
#include "ucd_files.hpp"

using medusa::text::count_graphemes;
using medusa::text::to_nfc;

namespace {

std::vector<std::string> fixture_lines(const std::string& name) {
  std::ifstream in(std::string(MEDUSA_TEST_FIXTURES) + "/unicode/" + name);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

std::string utf8(const std::u32string& points) {
  std::string out;
  for (const char32_t cp : points) out += ucd::utf8(cp);
  return out;
}

// "0044 0307" -> UTF-8 of U+0044 U+0307
std::string from_hex(const std::string& list) {
  std::u32string points;
  for (const auto& h : ucd::split(ucd::trim(list), ' '))
    if (!h.empty()) points += static_cast<char32_t>(std::stoul(h, nullptr, 16));
  return utf8(points);
}

}  // namespace

TEST_SUITE("text") {
  TEST_CASE("NFC: every case of NormalizationTest.txt") {
    const auto cases = fixture_lines("NormalizationTest.txt");
    REQUIRE(cases.size() > 19000);
    std::size_t failures = 0;
    for (const auto& line : cases) {
      const auto fields = ucd::split(line, ';');
      const std::string source = from_hex(fields[0]), nfc = from_hex(fields[1]);
      const std::string got = to_nfc(source);
      if (got != nfc || to_nfc(nfc) != nfc) {
        if (++failures <= 10) FAIL_CHECK(line);
      }
    }
    CHECK(failures == 0);
  }

  TEST_CASE("NFC: what a form sends") {
    CHECK(to_nfc("") == "");
    CHECK(to_nfc("Happy birthday, Zoë!") == "Happy birthday, Zoë!");
    CHECK(to_nfc("Zoe\xCC\x88") == "Zo\xC3\xAB");                             // e + U+0308 -> ë
    CHECK(to_nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "\xED\x95\x9C");  // ᄒ ᅡ ᆫ -> 한
    CHECK(to_nfc("\xEF\xA8\x80") != "\xEF\xA8\x80");  // U+FA00, a CJK compatibility singleton
    CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");      // ANGSTROM SIGN -> Å
    // Marks out of order are sorted by class: dot below (220) before dot above (230).
    CHECK(to_nfc("q\xCC\x87\xCC\xA3") == "q\xCC\xA3\xCC\x87");
    // Ill-formed UTF-8 is not this function's to repair: returned as it came.
    CHECK(to_nfc("e\xCC\x81\xFF") == "e\xCC\x81\xFF");
  }

  TEST_CASE("NFC: a hostile run of marks is sorted, not quadratic, and composes") {
    std::u32string points = U"a";
    for (int i = 0; i < 100000; ++i) points += i % 2 ? U'\u0323' : U'\u0301';  // classes 220, 230
    const std::string out = to_nfc(utf8(points));
    // The first dot below joins nothing (ạ is a+0323: U+1EA1), then 49,999 dots below,
    // then the acute accents, which the starter cannot take any more.
    std::u32string expected = U"\u1EA1";
    expected += std::u32string(49999, U'\u0323');
    expected += std::u32string(50000, U'\u0301');
    CHECK(out == utf8(expected));
  }

  TEST_CASE("graphemes: every case of GraphemeBreakTest.txt") {
    const auto cases = fixture_lines("GraphemeBreakTest.txt");
    REQUIRE(cases.size() > 1000);
    std::size_t failures = 0;
    for (const auto& line : cases) {
      // Tokens: "÷" (a boundary), "×" (none) and code points in hex.
      std::string text, cluster;
      std::size_t clusters = 0;
      bool ok = true;
      for (const auto& token : ucd::split(line, ' ')) {
        if (token == "\xC3\xB7") {  // ÷
          if (cluster.empty()) continue;
          ok = ok && count_graphemes(cluster) == 1;
          text += cluster;
          cluster.clear();
          ++clusters;
        } else if (token != "\xC3\x97") {  // not ×
          cluster += from_hex(token);
        }
      }
      if (!ok || count_graphemes(text) != clusters) {
        if (++failures <= 10) FAIL_CHECK(line);
      }
    }
    CHECK(failures == 0);
  }

  TEST_CASE("graphemes: what customers count as one character") {
    CHECK(count_graphemes("") == 0);
    CHECK(count_graphemes("Happy 40th, Sam") == 15);
    CHECK(count_graphemes("line one\r\nline two") == 17);             // CR LF is one
    CHECK(count_graphemes("Zoe\xCC\x88") == 3);                       // e + U+0308
    CHECK(count_graphemes("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7") == 1);  // 🇫🇷
    CHECK(count_graphemes("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xAB") == 2);  // 🇫🇷🇫
    CHECK(count_graphemes(
              "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7") ==
          1);                                                             // 👨‍👩‍👧
    CHECK(count_graphemes("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD") == 1);      // 👍🏽
    CHECK(count_graphemes("\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7") == 1);  // क्ष (GB9c)
    CHECK(count_graphemes("\xED\x95\x9C\xEA\xB8\x80") == 2);              // 한글
    CHECK(count_graphemes("a\xFF"
                          "b") == 3);  // an ill-formed byte is one U+FFFD
  }
}
