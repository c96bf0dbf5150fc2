// Helpers shared by the test files: fixture paths and file reading.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "medusa/json_input.hpp"

namespace test_support {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string fixture(const std::string& relative) {
  return std::string(MEDUSA_TEST_FIXTURES) + "/" + relative;
}

inline medusa::json parse(const std::string& text) { return medusa::json::parse(text); }

}  // namespace test_support
