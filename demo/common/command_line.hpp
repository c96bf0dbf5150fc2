// Reading `--flag value` arguments, shared by the example programs and the mock server.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace medusa::demo {

class CommandLine {
 public:
  CommandLine(int argc, char** argv) : args_(argv + 1, argv + argc) {}

  /// Moves to the next argument; false when there is none left.
  bool next(std::string& flag) {
    if (position_ >= args_.size()) return false;
    flag = args_[position_++];
    return true;
  }

  /// The value following `flag`; exits with status 2 when it is missing.
  std::string value(const std::string& flag) {
    if (position_ >= args_.size()) {
      std::cerr << "missing value after " << flag << "\n";
      std::exit(2);
    }
    return args_[position_++];
  }

 private:
  std::vector<std::string> args_;
  std::size_t position_ = 0;
};

}  // namespace medusa::demo
