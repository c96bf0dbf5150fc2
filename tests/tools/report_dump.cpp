// Prints the validation report of every case of a corpus, one line per case, so the
// native and the WebAssembly builds can be compared byte for byte (scripts/test.sh).
//
// Corpus: every test of the JSON Schema Test Suite draft7 (required and optional) plus
// tests/fixtures/personalization-corpus.json, and, given the Unicode fixtures folder
// (tests/fixtures/unicode), the NFC and grapheme count of every text of its conformance
// tests. Usage: report_dump <suite dir> <corpus> [<unicode fixtures>].
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "medusa/personalize.hpp"
#include "medusa/text.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
namespace text = medusa::text;
using medusa::json;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void dump_groups(const std::string& label, const json& groups,
                 const medusa::schema::ValidatorOptions& options) {
  for (const auto& group : groups) {
    const auto compiled = medusa::schema::CompiledSchema::compile(group["schema"], options);
    for (const auto& test : group["tests"]) {
      std::cout << label << " | " << group["description"].get<std::string>() << " | "
                << test["description"].get<std::string>() << " | ";
      if (!compiled) {
        std::cout << "schema error " << compiled.error().describe() << "\n";
      } else {
        std::cout << compiled->validate(test["data"]).to_json().dump() << "\n";
      }
    }
  }
}

// Each line of a UCD conformance file, with what the SDK makes of its text: the NFC of the
// source (NormalizationTest) or the number of grapheme clusters (GraphemeBreakTest).
void dump_unicode(const fs::path& dir) {
  const auto code_points = [](const std::string& hex_list) {
    std::string out;
    std::istringstream in(hex_list);
    for (std::string h; in >> h;) {
      if (!std::isxdigit(static_cast<unsigned char>(h[0]))) continue;  // ÷ and ×
      text::append_utf8(out, static_cast<char32_t>(std::stoul(h, nullptr, 16)));
    }
    return out;
  };
  const auto hex = [](const std::string& bytes) {
    std::ostringstream out;
    for (const unsigned char c : bytes) out << std::hex << static_cast<int>(c) << ' ';
    return out.str();
  };
  std::ifstream normalization(dir / "NormalizationTest.txt");
  for (std::string line; std::getline(normalization, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::cout << "nfc | " << line << " | "
              << hex(medusa::text::to_nfc(code_points(line.substr(0, line.find(';'))))) << "\n";
  }
  std::ifstream graphemes(dir / "GraphemeBreakTest.txt");
  for (std::string line; std::getline(graphemes, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::cout << "graphemes | " << line << " | " << medusa::text::count_graphemes(code_points(line))
              << "\n";
  }
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: report_dump <json-schema-test-suite dir> <personalization corpus> "
                 "[<unicode fixtures dir>]\n";
    return 2;
  }
  const fs::path suite = argv[1];
  medusa::schema::ValidatorOptions options;
  options.load_remote = [&](const std::string& uri) -> std::optional<json> {
    const std::string prefix = "http://localhost:1234/";
    if (uri.rfind(prefix, 0) != 0) return std::nullopt;
    const fs::path path = suite / "remotes" / uri.substr(prefix.size());
    if (!fs::exists(path)) return std::nullopt;
    return json::parse(read(path));
  };
  std::size_t files = 0;
  for (const auto& file : files_under(suite / "tests" / "draft7")) {
    dump_groups(fs::relative(file, suite).string(), json::parse(read(file)), options);
    ++files;
  }
  dump_groups("personalization", json::parse(read(argv[2])), options);
  if (argc == 4) dump_unicode(argv[3]);
  std::cerr << "report_dump: " << files << " suite files and the personalization corpus\n";
  return 0;
}
