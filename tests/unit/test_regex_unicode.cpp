// \p{..} against the Unicode Character Database the tables were generated from: every
// range boundary of every shipped property, and the names ECMAScript accepts.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "medusa/regex.hpp"
#include "regex_support.hpp"
#include "ucd_files.hpp"

using medusa::Regex;

namespace {

bool is_surrogate(char32_t c) {
  return c >= 0xD800 && c <= 0xDFFF;  // not representable in UTF-8 text
}

// Checks that `pattern` (one \p{..}) holds at the first and last code point of each
// range and not just outside it, unless the neighbour is itself in the set.
void check_boundaries(const std::string& property,
                      const std::vector<std::pair<char32_t, char32_t>>& ranges) {
  auto compiled = Regex::compile("^\\p{" + property + "}$");
  REQUIRE_MESSAGE(compiled.ok(), property);
  auto inside = [&](char32_t c) {
    for (const auto& r : ranges)
      if (c >= r.first && c <= r.second) return true;
    return false;
  };
  std::size_t wrong = 0;
  for (const auto& [first, last] : ranges) {
    for (char32_t c : {first, last}) {
      if (!is_surrogate(c) && !compiled->search(ucd::utf8(c))) ++wrong;
    }
    for (char32_t c : {first - 1, last + 1}) {
      if (first == 0 && c == first - 1) continue;
      if (c > 0x10FFFF || is_surrogate(c) || inside(c)) continue;
      if (compiled->search(ucd::utf8(c))) ++wrong;
    }
  }
  CHECK_MESSAGE(wrong == 0, property, ": ", wrong, " wrong verdicts at range boundaries");
}

std::map<std::string, std::vector<std::pair<char32_t, char32_t>>> group(const std::string& file) {
  std::map<std::string, std::vector<std::pair<char32_t, char32_t>>> out;
  for (const auto& row : ucd::rows(file)) out[row.fields[0]].emplace_back(row.first, row.last);
  return out;
}

}  // namespace

TEST_SUITE("regex") {
  TEST_CASE("the property tables agree with the UCD files at every range boundary") {
    CHECK(std::string(medusa::regex_unicode_version()) == "17.0.0");
    for (const auto& [category, ranges] : group("GeneralCategory.txt"))
      check_boundaries("gc=" + category, ranges);
    for (const auto& [script, ranges] : group("Scripts.txt"))
      check_boundaries("Script=" + script, ranges);

    std::size_t shipped = 0, refused = 0;
    for (const auto& [property, ranges] : group("BinaryProperties.txt")) {
      if (error_code("\\p{" + property + "}") == "regex.unsupported") {
        ++refused;
        continue;
      }
      ++shipped;
      check_boundaries(property, ranges);
    }
    CHECK(shipped == 36);
    CHECK(refused == 14);
  }

  TEST_CASE("Script_Extensions: a listed code point has each listed script, others their Script") {
    std::map<std::string, std::string> long_name;  // Latn -> Latin
    for (const auto& line : ucd::lines("PropertyValueAliases.txt")) {
      auto f = ucd::split(line, ';');
      if (f[0] == "sc")
        for (std::size_t i = 1; i < f.size(); ++i) long_name[f[i]] = f[1];
    }
    std::size_t checked = 0;
    for (const auto& row : ucd::rows("ScriptExtensions.txt")) {
      for (const auto& script : ucd::split(row.fields[0], ' ')) {
        auto short_form = Regex::compile("^\\p{scx=" + script + "}$");
        auto long_form = Regex::compile("^\\p{Script_Extensions=" + long_name[script] + "}$");
        REQUIRE(short_form.ok());
        REQUIRE(long_form.ok());
        CHECK_MESSAGE(short_form->search(ucd::utf8(row.first)), script);
        CHECK_MESSAGE(long_form->search(ucd::utf8(row.last)), script);
        ++checked;
      }
      // U+0640 ARABIC TATWEEL is Common by Script, but its extensions do not list Common.
      if (row.first == 0x0640)
        CHECK_FALSE(Regex::compile("^\\p{scx=Zyyy}$")->search(ucd::utf8(0x640)));
    }
    CHECK(checked > 500);
    // Not listed: Script_Extensions is the Script.
    CHECK(Regex::compile("^\\p{scx=Latin}$")->search("a"));
    CHECK(Regex::compile("^\\p{sc=Zyyy}$")->search(ucd::utf8(0x640)));
    CHECK_FALSE(Regex::compile("^\\p{scx=Grek}$")->search("a"));
  }

  TEST_CASE("property names: every alias ECMAScript accepts, and nothing else") {
    for (const auto& line : ucd::lines("PropertyValueAliases.txt")) {
      auto f = ucd::split(line, ';');
      for (std::size_t i = 1; i < f.size(); ++i) {
        CAPTURE(line);
        if (f[0] == "sc") {
          CHECK(error_code("\\p{sc=" + f[i] + "}") == "ok");
          CHECK(error_code("\\P{Script_Extensions=" + f[i] + "}") == "ok");
          CHECK(error_code("\\p{" + f[i] + "}") != "ok");  // a script needs its key
        } else if (f[0] == "gc") {
          CHECK(error_code("\\p{" + f[i] + "}") == "ok");
          CHECK(error_code("[\\p{General_Category=" + f[i] + "}]") == "ok");
        } else {
          const auto code = error_code("\\p{" + f[i] + "}");
          CHECK((code == "ok" || code == "regex.unsupported"));
          CHECK(error_code("\\p{" + f[i] + "=Y}") == "regex.syntax");
        }
      }
    }
    for (const char* bad :
         {"\\p{Latin}", "\\p{Script=}", "\\p{=Latn}", "\\p{sc=latin}", "\\p{emoji}",
          "\\p{Script=Klingon}", "\\p{General_Category}", "\\p{gc=Emoji}", "\\p{Alphabetic=Yes}",
          "\\p{Is_Latin}", "\\p{}", "\\p{ASCII=Y}", "\\p{scx}", "\\p{ Emoji}"}) {
      const std::string pattern = bad;
      CAPTURE(pattern);
      CHECK(error_code(bad) == "regex.syntax");
    }
  }

  TEST_CASE("scripts, emoji and binary properties as schema authors use them") {
    const std::string latin_only = "^[\\p{Script=Latin}\\p{Zs}'.-]+$";
    CHECK(matches(latin_only, "Zoë O'Brien-Müller"));
    CHECK_FALSE(matches(latin_only, "Ἀθηνᾶ"));
    CHECK_FALSE(matches(latin_only, "Иван"));
    const std::string no_emoji = "^[^\\p{Extended_Pictographic}\\p{Emoji_Presentation}]*$";
    CHECK(matches(no_emoji, "Happy birthday, Zoë! 1 2 3 #"));
    CHECK_FALSE(matches(no_emoji, "Happy birthday \xF0\x9F\x8E\x82"));  // 🎂
    CHECK_FALSE(matches(no_emoji, "\xE2\x9D\xA4"));                     // ❤ (text style)
    CHECK(matches("^\\p{Emoji}+$", "#1"));  // keycap bases are Emoji, not Extended_Pictographic
    CHECK(matches("^\\p{EPres}$", "\xF0\x9F\x98\x80"));
    CHECK(matches("^\\p{Alpha}+$",
                  "\xC3\xA9t\xC3\xA9\xE2\x85\xA7"));  // été Ⅷ: Alphabetic includes Nl
    CHECK_FALSE(matches("^\\p{Alphabetic}$", "1"));
    CHECK(matches("^\\p{White_Space}$", "\xE3\x80\x80"));  // ideographic space
    CHECK(matches("^\\p{space}$", " "));
    CHECK(matches("^\\p{RI}{2}$", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"));  // 🇫🇷
    CHECK(matches("^\\P{Assigned}$", ucd::utf8(0x0378)));
    CHECK(error_code("\\p{Lowercase}") == "regex.unsupported");
    CHECK(error_code("\\p{ID_Start}") == "regex.unsupported");
  }
}
