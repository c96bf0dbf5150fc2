// Reads the extracted Unicode Character Database files in scripts/unicode/ucd/, the input
// the SDK's Unicode tables are generated from, so tests can check the tables against it.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ucd {

struct Row {
  char32_t first = 0, last = 0;
  std::vector<std::string> fields;  ///< the fields after the code points, trimmed
};

inline std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

inline std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, sep);) out.push_back(trim(f));
  return out;
}

/// Lines of `file` without comments and blank lines.
inline std::vector<std::string> lines(const std::string& file) {
  std::ifstream in(std::string(MEDUSA_UNICODE_DATA) + "/" + file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

/// `first..last ; value ; ...` rows.
inline std::vector<Row> rows(const std::string& file) {
  std::vector<Row> out;
  for (const auto& line : lines(file)) {
    auto fields = split(line, ';');
    Row row;
    const auto dots = fields[0].find("..");
    row.first = static_cast<char32_t>(std::stoul(fields[0].substr(0, dots), nullptr, 16));
    row.last = dots == std::string::npos
                   ? row.first
                   : static_cast<char32_t>(std::stoul(fields[0].substr(dots + 2), nullptr, 16));
    row.fields.assign(fields.begin() + 1, fields.end());
    out.push_back(std::move(row));
  }
  return out;
}

/// A code point as UTF-8.
inline std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace ucd
