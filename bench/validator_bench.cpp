// Native validator throughput on the personalization schema of the benchmark issue:
// message with pattern and length, font enum, colour pattern, size range, image object
// with pixel minimums. Reports ops/s as the median of several timed rounds, for a valid
// and an invalid payload (every issue collected), with an object in and with JSON text
// in. A benchmark, not a test: it asserts nothing about time.
//
//   build/native-release/bench/validator_bench [rounds] [--json]
//   build/native-release/bench/validator_bench --count N valid|invalid
// The second form only validates N times (no timing): run it under callgrind twice with
// different N to get instructions per validation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "medusa/personalize.hpp"

using medusa::json;
using Clock = std::chrono::steady_clock;

namespace {

const char* kSchema = R"({
  "type": "object",
  "required": ["message", "font", "colour", "size", "photo"],
  "additionalProperties": false,
  "properties": {
    "message": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[\\p{L}\\p{N} ,.!?'-]+$"},
    "font": {"enum": ["Serif", "Script", "Mono", "Sans"]},
    "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
    "size": {"type": "number", "minimum": 5, "maximum": 30},
    "photo": {"type": "object", "required": ["url", "width", "height"],
              "properties": {"url": {"type": "string", "format": "uri"},
                             "width": {"type": "integer", "minimum": 1200},
                             "height": {"type": "integer", "minimum": 1200}}}
  }
})";
const char* kValid =
    R"({"message":"Happy birthday, Zoë!","font":"Script","colour":"#aa0033","size":12.5,
  "photo":{"url":"https://img.example.test/a.jpg","width":2400,"height":3000}})";
const char* kInvalid = R"({"message":"<b>Hi</b>","font":"Comic","colour":"red","size":99,
  "photo":{"url":"not a uri","width":100,"height":"tall"},"extra":1})";

// Median ops/s over `rounds` rounds of about 100 ms each.
double ops_per_second(int rounds, const std::function<void()>& op) {
  std::size_t batch = 1;
  for (auto start = Clock::now(); Clock::now() - start < std::chrono::milliseconds(20);
       batch *= 2) {
    for (std::size_t i = 0; i < batch; ++i) op();
  }
  std::vector<double> rates;
  for (int r = 0; r < rounds; ++r) {
    const auto start = Clock::now();
    std::size_t done = 0;
    while (Clock::now() - start < std::chrono::milliseconds(100)) {
      for (std::size_t i = 0; i < batch; ++i) op();
      done += batch;
    }
    rates.push_back(static_cast<double>(done) /
                    std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto schema = medusa::schema::CompiledSchema::compile(json::parse(kSchema));
  if (!schema) {
    std::fprintf(stderr, "%s\n", schema.error().describe().c_str());
    return 1;
  }
  const json valid = json::parse(kValid), invalid = json::parse(kInvalid);
  volatile bool sink = false;
  if (args.size() == 3 && args[0] == "--count") {
    const long n = std::atol(args[1].c_str());
    const json& data = args[2] == "invalid" ? invalid : valid;
    for (long i = 0; i < n; ++i) sink = schema->validate(data).valid();
    return 0;
  }
  const int rounds = !args.empty() && args[0] != "--json" ? std::max(1, std::atoi(args[0].c_str())) : 7;
  const bool as_json = std::find(args.begin(), args.end(), "--json") != args.end();
  if (!as_json)
    std::printf("issues in the invalid payload: %zu\n%-40s %14s\n",
                schema->validate(invalid).issues.size(), "case (median of rounds)", "ops/s");
  json rows = json::object();
  auto row = [&](const char* name, const std::function<void()>& op) {
    const double rate = ops_per_second(rounds, op);
    if (as_json)
      rows[name] = rate;
    else
      std::printf("%-40s %14.0f\n", name, rate);
  };
  row("valid, object in, is_valid", [&] { sink = schema->is_valid(valid); });
  row("valid, object in, full report", [&] { sink = schema->validate(valid).valid(); });
  row("invalid, object in, full report", [&] { sink = schema->validate(invalid).valid(); });
  row("valid, JSON text in, full report",
      [&] { sink = schema->validate(*medusa::parse_json(kValid)).valid(); });
  row("invalid, JSON text in, full report",
      [&] { sink = schema->validate(*medusa::parse_json(kInvalid)).valid(); });
  auto regex = medusa::Regex::compile("^[\\p{L}\\p{N} ,.!?'-]+$");
  row("pattern alone (40 characters)",
      [&] { sink = regex->search("Happy birthday, Zoë! Many happy returns."); });
  (void)sink;
  if (as_json) std::printf("%s\n", rows.dump().c_str());
  return 0;
}
