// Prints the validation report of every case of a corpus, one line per case, so the
// native and the WebAssembly builds can be compared byte for byte (scripts/test.sh).
//
// Corpus: every test of the JSON Schema Test Suite draft7 (required and optional) plus
// tests/fixtures/personalization-corpus.json. Usage: report_dump <suite dir> <corpus>.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "medusa/personalize.hpp"

namespace fs = std::filesystem;
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
  if (argc != 3) {
    std::cerr << "usage: report_dump <json-schema-test-suite dir> <personalization corpus>\n";
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
  std::cerr << "report_dump: " << files << " suite files and the personalization corpus\n";
  return 0;
}
