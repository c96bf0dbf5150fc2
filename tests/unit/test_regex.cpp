// The linear-time ECMAScript regex engine behind `pattern` and `patternProperties`.
#include <doctest/doctest.h>

#include <string>

#include "medusa/regex.hpp"
#include "regex_support.hpp"

using medusa::Regex;

TEST_SUITE("regex") {
  TEST_CASE("search is unanchored unless ^ and $ say so") {
    CHECK(matches("abc", "xxabcxx"));
    CHECK_FALSE(matches("^abc", "xabc"));
    CHECK(matches("^abc$", "abc"));
    CHECK_FALSE(matches("^abc$", "abc\n"));  // $ does not match before a trailing newline
    CHECK(matches("", "anything"));
  }

  TEST_CASE("quantifiers, alternation and groups") {
    CHECK(matches("^a{2,3}$", "aaa"));
    CHECK_FALSE(matches("^a{2,3}$", "aaaa"));
    CHECK(matches("^a{2,}$", "aaaaaa"));
    CHECK(matches("^(ab|cd)+$", "abcdab"));
    CHECK_FALSE(matches("^(ab|cd)+$", "abc"));
    CHECK(matches("^colou?r$", "color"));
    CHECK(matches("^(?:x|y)*?z$", "xyxz"));
    CHECK(matches("^(?<word>[a-z]+)-\\d+$", "shirt-42"));
    CHECK(matches("^x\\{,2\\}$", "x{,2}"));  // u mode: literal braces are escaped
  }

  TEST_CASE("classes and escapes") {
    CHECK(matches("^[A-Za-z0-9 ]+$", "Happy 40th"));
    CHECK_FALSE(matches("^[A-Za-z0-9 ]+$", "Happy 40th!"));
    CHECK(matches("^[^0-9]+$", "abc"));
    CHECK_FALSE(matches("^[^0-9]+$", "a1"));
    CHECK(matches("^#[0-9a-fA-F]{6}$", "#FFaa00"));
    CHECK_FALSE(matches("^\\d\\D\\w\\W\\s\\S$", "1a__\tx"));
    CHECK(matches("^\\d\\D\\w\\W\\s\\S$", "1a_-\tx"));
    CHECK(matches("^[\\d\\s-]+$", "12 34-5"));
    CHECK(matches("^[\\D]+$", "abc"));
    CHECK(matches("^\\x41\\u0042\\u{43}$", "ABC"));
    CHECK(matches("^\\uD83D\\uDE00$", "\xF0\x9F\x98\x80"));  // surrogate pair escapes
    CHECK(matches("^\\cJ$", "\n"));
    CHECK(matches("^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\\\$", ".*+?()[]{}|/\\"));
    CHECK(matches("^[\\b]$", "\b"));
    CHECK(matches("^.$", "\xE2\x9D\xA4"));  // one code point, not three bytes
    CHECK_FALSE(matches("^.$", "\n"));
    CHECK(matches("^[^]$", "\n"));
    CHECK_FALSE(matches("[]", "a"));
  }

  TEST_CASE("\\s is Unicode white space, \\d and \\w stay ASCII") {
    CHECK(matches("^\\s$", "\xC2\xA0"));        // U+00A0
    CHECK(matches("^\\s$", "\xE3\x80\x80"));    // U+3000
    CHECK(matches("^\\s$", "\xEF\xBB\xBF"));    // U+FEFF
    CHECK_FALSE(matches("^\\d$", "\xD9\xA3"));  // Arabic-Indic three
    CHECK_FALSE(matches("^\\w$", "\xC3\xA9"));  // é
  }

  TEST_CASE("word boundaries") {
    CHECK(matches("\\bcat\\b", "a cat sat"));
    CHECK_FALSE(matches("\\bcat\\b", "concatenate"));
    CHECK(matches("\\Bcat\\B", "concatenate"));
  }

  TEST_CASE("Unicode property escapes express names with accents") {
    const std::string name = "^[\\p{L}\\p{M}' -]+$";
    CHECK(matches(name, "Zoë O'Brien-Müller"));
    CHECK(matches(name, "Ἀθηνᾶ"));
    CHECK(matches(name, "渡辺"));
    CHECK_FALSE(matches(name, "R2D2"));
    CHECK(matches("^\\p{Lu}\\p{Ll}+$", "Émile"));
    CHECK_FALSE(matches("^\\p{Lu}\\p{Ll}+$", "émile"));
    CHECK(matches("^\\p{N}+$", "42\xD9\xA3\xE2\x85\xA7"));  // 4 2 ٣ Ⅷ
    CHECK(matches("^\\p{Nd}+$", "0123"));
    CHECK(matches("^\\P{L}+$", "123 !"));
    CHECK(matches("^[^\\p{L}]+$", "123"));
    CHECK(matches("^\\p{gc=Sc}$", "\xE2\x82\xAC"));  // €
    CHECK(matches("^\\p{General_Category=Decimal_Number}$", "7"));
    CHECK(matches("^\\p{ASCII}+$", "abc~"));
    CHECK_FALSE(matches("^\\p{ASCII}+$", "é"));
    CHECK(matches("^\\p{Any}$", "\xF0\x9F\x98\x80"));
    CHECK(std::string(medusa::regex_unicode_version()).size() >= 4);
  }

  TEST_CASE("catastrophic patterns answer in linear time") {
    // A backtracking engine takes ~2^100000 steps here; the Pike VM one pass.
    std::string input(100'000, 'a');
    input += '!';
    CHECK_FALSE(matches("^(a+)+$", input));
    CHECK_FALSE(matches("^(a|a)*$", input));
    CHECK_FALSE(matches("^(a*)*b$", input));
    CHECK(matches("(a+)+!", input));
    CHECK_FALSE(matches("^(\\w+\\s?)*$", input));
    // Look-arounds too: one marking pass per body.
    CHECK_FALSE(matches("^(?=(a+)+$)", input));
    CHECK(matches("(?<=(a+)+)!", input));
    CHECK_FALSE(matches("^(?:(?!(a|a)*!).)*$", input));
    CHECK(matches("(?=(?:(?=a*!)a)*!)", input));
  }

  TEST_CASE("look-ahead and look-behind, as personalization schemas use them") {
    const std::string has_letter = "^(?=.*\\p{L}).{1,20}$";
    CHECK(matches(has_letter, "Zoë 2024"));
    CHECK_FALSE(matches(has_letter, "2024 !!"));
    const std::string no_edge_space = "^(?!\\s)(?!.*\\s$).+$";
    CHECK(matches(no_edge_space, "Happy day"));
    CHECK_FALSE(matches(no_edge_space, " Happy day"));
    CHECK_FALSE(matches(no_edge_space, "Happy day "));
    const std::string no_word = "^(?!.*\\b(?:damn|hell)\\b).*$";
    CHECK(matches(no_word, "hello there, shell"));
    CHECK_FALSE(matches(no_word, "oh hell no"));
    CHECK(matches("(?<=\\$)\\d+", "cost $42"));
    CHECK_FALSE(matches("(?<=\\$)\\d+", "cost 42"));
    CHECK(matches("(?<!\\$)\\b\\d+", "cost 42"));
    CHECK_FALSE(matches("(?<!\\$)\\b\\d+", "cost $42"));
    // Several look-aheads at one position: two digits and a capital, 6 or more long.
    const std::string rule = "^(?=(?:.*\\d){2})(?=.*[A-Z]).{6,}$";
    CHECK(matches(rule, "Abc1d2"));
    CHECK_FALSE(matches(rule, "abc1d2"));
    CHECK_FALSE(matches(rule, "Abcdef1"));
    // Nested, and with anchors and boundaries inside the body.
    CHECK(matches("(?<=(?=a)ab)c", "abc"));
    CHECK_FALSE(matches("(?<=(?=a)ab)c", "xbc"));
    CHECK(matches("(?<=^a*)b", "aaab"));
    CHECK_FALSE(matches("(?<=^a*)b", "acb"));
    CHECK(matches("^(?:(?!ab).)*$", "xaxb"));
    CHECK_FALSE(matches("^(?:(?!ab).)*$", "xabx"));
    CHECK(matches("a(?=$)", "ba"));
    CHECK(matches("(?<=\\b)x(?=\\b)", "a x b"));
    CHECK_FALSE(matches("(?<=\\b)x(?=\\b)", "axb"));
    // Empty bodies hold everywhere; negated empty bodies nowhere.
    CHECK(matches("(?=)a(?<=)", "a"));
    CHECK_FALSE(matches("(?!)", "a"));
    CHECK_FALSE(matches("(?<!)", ""));
    // Code points, not bytes: the body steps over whole characters in both directions.
    CHECK(matches("(?<=é)🎉(?=ü)", "é🎉ü"));
    CHECK_FALSE(matches("(?<=e)🎉", "é🎉"));
  }

  TEST_CASE("long inputs and nested empty loops do not recurse or hang") {
    const std::string big(1'000'000, 'x');
    CHECK(matches("^x*$", big));
    CHECK(matches("^(x*)*$", big));
    CHECK(matches("^(?:(?:x?)*)*$", big));
  }

  TEST_CASE("invalid UTF-8 in the text is read as U+FFFD, never out of bounds") {
    CHECK(matches("^.$", "\xFF"));
    CHECK(matches("^\\uFFFD\\uFFFD$", "\xE2\x9D"));  // truncated sequence: one replacement per byte
    CHECK(matches("^a.b$",
                  "a\xC0"
                  "b"));
  }

  TEST_CASE("unsupported features are clear errors, not crashes") {
    CHECK(error_code("(a)\\1") == "regex.unsupported");
    CHECK(error_code("(?<n>a)\\k<n>") == "regex.unsupported");
    CHECK(error_code("\\p{Lowercase}") == "regex.unsupported");  // valid, table not shipped
    // Unsupported only when the rest is valid: an invalid pattern is invalid first.
    CHECK(error_code("(a)\\1") == "regex.unsupported");
    CHECK(error_code("\\1(a)") == "regex.unsupported");
    CHECK(error_code("(a)\\1[z-a]") == "regex.syntax");
    CHECK(error_code("(a)\\2") == "regex.syntax");  // no group 2
    CHECK(error_code("(?<x>a)\\k<y>") == "regex.syntax");
    CHECK(error_code("\\p{Lowercase}(") == "regex.syntax");
  }

  TEST_CASE("syntax errors are reported with an offset") {
    for (const char* bad :
         {"(", ")", "[a", "a**", "*a", "+", "?", "a{3,2}", "\\", "[z-a]", "\\a", "\\c", "\\c1",
          "\\x4", "\\u12", "\\u{110000}", "(?x)", "(?<>a)", "^*", "\\b+", "[\\d-z]", "\\p{L",
          "\\pL", "(?=a)*", "(?<=a)+", "(?!a){2}", "(?<!a)?", "(?=a", "(?<=a",
          // u mode has none of Annex B's leniency:
          "]", "}", "{", "a{", "a{1", "a{,2}", "\\,", "\\-", "\\ ", "\\00", "\\01", "\\8", "\\k",
          "\\k<a>", "(?<a>.)(?<a>.)", "(?<1a>.)", "(?<\xF0\x9F\x8E\x89>.)", "[\\B]", "[\\c1]"}) {
      CAPTURE(bad);
      auto r = Regex::compile(bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == "regex.syntax");
      CHECK(r.error().message.find(" at offset ") != std::string::npos);
      CHECK(r.error().kind == medusa::ErrorKind::invalid_pattern);
    }
  }

  TEST_CASE("size limits: long patterns, huge repetitions, deep nesting") {
    CHECK(error_code(std::string(5000, 'a')) == "regex.too_complex");
    CHECK(error_code("(a{1000}){1000}") == "regex.too_complex");
    CHECK(error_code("a{100000000}") == "regex.too_complex");
    CHECK(error_code(std::string(65, '(') + std::string(65, ')')) == "regex.too_complex");
    CHECK(error_code(std::string(64, '(') + std::string(64, ')')) == "ok");
    CHECK(error_code("[\xFF]") == "ok");  // invalid UTF-8 in a pattern is one U+FFFD
  }

  TEST_CASE("a compiled pattern is reusable and copyable") {
    auto r = Regex::compile("^[a-z]+$");
    REQUIRE(r.ok());
    Regex copy = *r;
    CHECK(copy.search("abc"));
    CHECK_FALSE(copy.search("ABC"));
    CHECK(copy.source() == "^[a-z]+$");
  }

  // `^tests[test{m,n}]$` patterns take a one-pass fast path; `P|P` means the same and
  // goes through the VM. Both must agree on every text.
  TEST_CASE("the anchored fast path agrees with the VM") {
    const std::vector<std::string> patterns = {
        "^[a-c]+$",   "^[a-c]*$",      "^#[0-9a-fA-F]{6}$", "^x[ab]{2,4}$", "^[\\p{L} ,.!-]+$",
        "^.{1,3}$",   "^ab$",          "^[^a]+$",           "^\\d{0,2}$",   "^[\\p{Lu}]$",
        "^é.[\\s]?$", "^[\\w\\D]{3,}$"};
    const std::vector<std::string> alphabet = {
        "a", "b", "c",    "x",   "#", "0", "F", " ", ".", "é", "Ж", "\n", "\xE2\x80\xA8",
        "😀", "A", "\xFF", "\xC3"};  // invalid UTF-8: U+FFFD
    unsigned seed = 7;
    auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    for (const auto& pattern : patterns) {
      CAPTURE(pattern);
      auto fast = Regex::compile(pattern);
      auto slow = Regex::compile(pattern + "|" + pattern);
      REQUIRE(fast.ok());
      REQUIRE(slow.ok());
      for (int i = 0; i < 3000; ++i) {
        std::string text;
        for (unsigned n = next() % 9; n > 0; --n) text += alphabet[next() % alphabet.size()];
        CAPTURE(text);
        CHECK(fast->search(text) == slow->search(text));
      }
    }
  }
}
