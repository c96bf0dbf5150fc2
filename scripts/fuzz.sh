#!/usr/bin/env bash
# Builds the libFuzzer targets (clang++-14 with ASan + UBSan, preset "fuzz") and runs each
# for a bounded time from the seed corpus (scripts/fuzz_corpus.mjs), keeping what they
# find in build/fuzz/corpus/<target>. A crash stops the run and leaves its input in
# build/fuzz/findings/<target>/; once fixed, copy it to tests/fuzz/regressions/<target>/.
#
#   bash scripts/fuzz.sh [seconds per target, default 60] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_json fuzz_schema fuzz_regex fuzz_responses fuzz_image fuzz_mock_requests fuzz_text)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null
node scripts/fuzz_corpus.mjs build/fuzz/seeds >/dev/null

for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  findings=build/fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  inputs=("$corpus" build/fuzz/seeds/"$target")
  [ -d tests/fuzz/regressions/"$target" ] && inputs+=(tests/fuzz/regressions/"$target")
  echo "== $target: $seconds s"
  # -timeout: any input taking over 10 s is a finding (every engine here is linear).
  build/fuzz/tests/fuzz/"$target" "${inputs[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" | tail -6 || true
  if [ -n "$(find "$findings" -type f)" ]; then
    echo "$target: FINDINGS in $findings"
    exit 1
  fi
done
