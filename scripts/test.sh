#!/usr/bin/env bash
# Runs every test of medusa-personalize:
#   1. the C++ core and its doctest suite built natively (warnings are errors), run by CTest
#   2. the same suite built by clang under AddressSanitizer + UndefinedBehaviorSanitizer
#      (two compilers' warnings; clang also builds it in about half g++'s time)
#   3. the same core and suite compiled to WebAssembly by Emscripten, run by CTest in Node
#   4. the validation reports of the whole JSON Schema Test Suite and the personalization
#      corpus, and the NFC and grapheme counts of the Unicode conformance texts, produced
#      by both builds, compared byte for byte
#   5. the npm package (web/src + the WebAssembly module) under node:test against the
#      mock backend, its TypeScript declarations under tsc, and the packed tarball
#      installed into a fresh project, used from Node and from a Vite build in Chromium;
#      then the browser demo, started as the README starts it, driven in headless
#      Chromium through the whole journey (screenshots in build/screenshots/)
#   6. a short bounded fuzzing pass (libFuzzer, clang + ASan + UBSan; scripts/fuzz.sh)
#   7. a real Medusa 2.21.2 with the plugin (medusa-plugin/) and the npm package installed
#      from their packed tarballs: the checkout CLI and print worker, the npm package's
#      flows, bypass attempts, uploads, hooks and idempotency (scripts/contract)
#   8. the plugin on Medusa's production shape (Redis event bus, workflow engine, locking
#      and cache; two servers and a worker behind nginx) under load, with the worker, the
#      print service, Redis and a server taken down meanwhile; the invariants checked
#      against the database and the print service's log (scripts/production)
set -euo pipefail
cd "$(dirname "$0")/.."

# phase <title>: prints the title and starts timing it (ending the phase before); the
# time of each phase is printed at the end, to see where CI's minutes go.
durations=()
phase_title="" phase_start=$SECONDS
phase() {
  [ -z "$phase_title" ] || durations+=("$(printf '%5d s  %s' $((SECONDS - phase_start)) "$phase_title")")
  phase_title=$1 phase_start=$SECONDS
  [ -z "$1" ] || echo "== $1"
}

phase "setup (Debian and npm packages)"
bash scripts/setup.sh

# Debian's emscripten needs Debian's acorn, which a non-Debian node does not find alone.
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

# build_and_test <preset> <label>: configure, build, run CTest, keep its output.
build_and_test() {
  phase "$2: build"
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j"$jobs"
  phase "$2: tests"
  ctest --preset "$1" | tee "$log_dir/$1.txt"
  grep -h "JSON-Schema-Test-Suite" "build/$1/Testing/Temporary/LastTest.log" | sed "s/^/$1: /" || true
}

build_and_test native-ci "native (g++, -Werror)"
build_and_test native-asan "native (clang++-14) under AddressSanitizer + UndefinedBehaviorSanitizer"
build_and_test wasm-release "WebAssembly (em++ $(em++ --version | head -1 | grep -o '[0-9]*\.[0-9]*\.[0-9]*' | head -1), Node $(node --version))"

phase "native and WebAssembly validation reports"
suite=tests/fixtures/json-schema-test-suite
corpus=tests/fixtures/personalization-corpus.json
unicode=tests/fixtures/unicode
build/native-ci/tests/tools/report_dump "$suite" "$corpus" "$unicode" >"$log_dir/native-reports.txt"
node build/wasm-release/tests/tools/report_dump.js "$suite" "$corpus" "$unicode" >"$log_dir/wasm-reports.txt"
cases=$(wc -l <"$log_dir/native-reports.txt")
if cmp -s "$log_dir/native-reports.txt" "$log_dir/wasm-reports.txt"; then
  echo "reports identical: $cases cases, sha256 $(sha256sum <"$log_dir/native-reports.txt" | cut -c1-16)"
  report_failed=0
else
  echo "reports DIFFER between native and WebAssembly:"
  diff "$log_dir/native-reports.txt" "$log_dir/wasm-reports.txt" | head -20 || true
  report_failed=1
fi

phase "npm package and browser demo: node:test against the mock backend, Chromium"
# One file at a time: the heap and browser tests must not compete for the two cores.
MEDUSA_DEMO_PRESET=native-ci node --expose-gc --test --test-concurrency=1 tests/js/*.test.mjs tests/browser/*.test.mjs | tee "$log_dir/js.txt" | grep -E "^(not )?ok |^# (pass|fail)" || true
js_passed=$(grep -o "^# pass [0-9]*" "$log_dir/js.txt" | grep -o "[0-9]*$" || echo 0)
js_failed=$(grep -o "^# fail [0-9]*" "$log_dir/js.txt" | grep -o "[0-9]*$" || echo 1)
[ "$js_failed" = 0 ] || grep -B2 -A30 "^not ok" "$log_dir/js.txt" | head -120 || true

phase "fuzzing: ${MEDUSA_FUZZ_SECONDS:-10} s per target from the seed corpus"
fuzz_passed=0
bash scripts/fuzz.sh "${MEDUSA_FUZZ_SECONDS:-10}" && fuzz_passed=1

# The same flow against a real Medusa 2.21.2 (PostgreSQL + npm packages from a lockfile;
# about 4 minutes cold). MEDUSA_SKIP_CONTRACT=1 skips it, e.g. without network access.
contract_passed=0 contract_failed=0
if [ "${MEDUSA_SKIP_CONTRACT:-0}" != 1 ]; then
  phase "contract test against a real Medusa 2.21.2 with the plugin"
  CONTRACT_PRESET=native-ci bash scripts/contract/run.sh 2>&1 | tee "$log_dir/contract.txt" || true
  contract_passed=$(grep -o "^contract: [0-9]* passed" "$log_dir/contract.txt" | grep -o "[0-9]*" || echo 0)
  contract_failed=$(grep -o "passed, [0-9]* failed" "$log_dir/contract.txt" | grep -o "[0-9]* failed" | grep -o "[0-9]*" || echo 1)
  [ "$contract_passed" != 0 ] || contract_failed=$((contract_failed > 0 ? contract_failed : 1))

  # The same plugin on Medusa's production shape (Redis, 2 servers + 1 worker behind
  # nginx), under load and faults; reuses the contract test's install and build.
  phase "production shape: Redis, two servers and a worker, under load and faults"
  CONTRACT_PRESET=native-ci bash scripts/production/run.sh 2>&1 | tee "$log_dir/production.txt" || true
  production_passed=$(grep -o "^production: [0-9]* invariants hold" "$log_dir/production.txt" | grep -o "[0-9]*" || echo 0)
  production_failed=$(grep -o "hold, [0-9]* failed" "$log_dir/production.txt" | grep -o "[0-9]* failed" | grep -o "[0-9]*" || echo 1)
  [ "$production_passed" != 0 ] || production_failed=$((production_failed > 0 ? production_failed : 1))
  contract_passed=$((contract_passed + production_passed)) contract_failed=$((contract_failed + production_failed))
fi

total() { grep -o 'out of [0-9]*' "$1" | grep -o '[0-9]*'; }
passed=$(( $(total "$log_dir/native-ci.txt") + $(total "$log_dir/native-asan.txt") + $(total "$log_dir/wasm-release.txt") + 1 - report_failed + js_passed + fuzz_passed + contract_passed ))
failed=$(( report_failed + js_failed + 1 - fuzz_passed + contract_failed ))
phase ""
echo "time per phase:"
printf '%s\n' "${durations[@]}"
echo "$passed passed, $failed failed"
exit "$failed"
