// The official JSON Schema Test Suite, draft7 (a current copy in
// tests/fixtures/json-schema-test-suite). Every required test must pass; optional ones (formats,
// ECMAScript regex, bignum, ...) are counted and reported. `$ref`s to http://localhost:1234/ load
// the suite's remotes/.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "medusa/schema/validator.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using medusa::json;
using medusa::schema::CompiledSchema;
using medusa::schema::ValidatorOptions;

namespace {

const std::string kSuite = MEDUSA_JSON_SCHEMA_SUITE;

ValidatorOptions suite_options() {
  ValidatorOptions options;
  options.load_remote = [](const std::string& uri) -> std::optional<json> {
    const std::string prefix = "http://localhost:1234/";
    if (uri.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string path = kSuite + "/remotes/" + uri.substr(prefix.size());
    if (!fs::exists(path)) return std::nullopt;
    return json::parse(test_support::read_file(path));
  };
  return options;
}

struct Tally {
  int passed = 0;
  int total = 0;
  std::vector<std::string> failures;
};

void run_file(const fs::path& file, Tally& tally) {
  const json groups = json::parse(test_support::read_file(file.string()));
  for (const auto& group : groups) {
    const auto compiled = CompiledSchema::compile(group["schema"], suite_options());
    for (const auto& test : group["tests"]) {
      ++tally.total;
      const bool expected = test["valid"].get<bool>();
      bool ok = false;
      std::string why;
      if (!compiled) {
        why = " (schema did not compile: " + compiled.error().describe() + ")";
      } else {
        const auto report = compiled->validate(test["data"]);
        const bool quick = compiled->is_valid(test["data"]);
        // The collecting and the short-circuit evaluation must always agree.
        CHECK_MESSAGE(report.valid() == quick, file.filename().string(), ": ",
                      group["description"].get<std::string>(), " / ",
                      test["description"].get<std::string>());
        // The direct writer gives exactly the DOM's text.
        CHECK(report.to_json_text() ==
              report.to_json().dump(-1, ' ', false, medusa::json::error_handler_t::replace));
        // Written while validating, the same bytes.
        CHECK(compiled->validate_text(test["data"]) == report.to_json_text());
        ok = report.valid() == expected;
      }
      if (ok) {
        ++tally.passed;
      } else {
        tally.failures.push_back(file.filename().string() + ": " +
                                 group["description"].get<std::string>() + " / " +
                                 test["description"].get<std::string>() + why);
      }
    }
  }
}

std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void print(const char* label, const Tally& t) {
  std::cout << "JSON-Schema-Test-Suite draft7 " << label << ": " << t.passed << "/" << t.total
            << " passed\n";
}

}  // namespace

TEST_SUITE("json_schema_suite") {
  TEST_CASE("draft7 required tests all pass") {
    Tally tally;
    const auto files = json_files(kSuite + "/tests/draft7");
    REQUIRE(files.size() >= 30);
    for (const auto& f : files) run_file(f, tally);
    print("required", tally);
    for (const auto& f : tally.failures) std::cout << "  FAILED " << f << "\n";
    CHECK(tally.total >= 400);
    CHECK(tally.failures.empty());
  }

  TEST_CASE("draft7 optional tests: every verdict as expected, the known gaps named") {
    // What the validator knowingly does not assert: draft-07 makes contentMediaType and
    // contentEncoding annotations. Any other failure, or one of these passing, fails the test.
    const std::set<std::string> known_gaps = {
        "content.json: validation of string-encoded content based on media type / an invalid JSON "
        "document",
        "content.json: validation of binary string-encoding / an invalid base64 string (% is not a "
        "valid character)",
        "content.json: validation of binary-encoded media type documents / a validly-encoded "
        "invalid JSON document",
        "content.json: validation of binary-encoded media type documents / an invalid base64 "
        "string that is valid JSON",
    };
    std::set<std::string> failures;
    Tally formats;
    for (const auto& f : json_files(kSuite + "/tests/draft7/optional/format")) run_file(f, formats);
    print("optional/format", formats);
    failures.insert(formats.failures.begin(), formats.failures.end());
    int total = formats.total;
    for (const auto& file : json_files(kSuite + "/tests/draft7/optional")) {
      Tally t;
      run_file(file, t);
      print(("optional/" + file.filename().string()).c_str(), t);
      failures.insert(t.failures.begin(), t.failures.end());
      total += t.total;
    }
    // Cases the validator does not pass, counted per test group: a draft-07 schema cannot
    // $ref a 2019-09 one (the validator knows draft-07 only).
    const std::map<std::string, int> open_families = {
        {"cross-draft.json: refs to future drafts are processed as future drafts", 2},
    };
    std::set<std::string> unexpected;
    std::map<std::string, int> open_counts;
    for (const auto& f : failures) {
      if (known_gaps.count(f)) continue;
      const std::string family = f.substr(0, f.find(" / "));
      if (open_families.count(family)) {
        ++open_counts[family];
      } else {
        unexpected.insert(f);
        std::cout << "  FAILED " << f << "\n";
      }
    }
    int open = 0;
    for (const auto& [family, count] : open_counts) open += count;
    std::cout << "JSON-Schema-Test-Suite draft7 optional: "
              << total - static_cast<int>(failures.size()) << "/" << total << " passed; " << open
              << " open cases in " << open_counts.size() << " groups\n";
    CHECK(total >= 140);
    CHECK(unexpected.empty());
    CHECK(open_counts == open_families);
    for (const auto& gap : known_gaps) CHECK_MESSAGE(failures.count(gap), "now passes: ", gap);
  }
}
