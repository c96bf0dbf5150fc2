#!/usr/bin/env bash
# Contract test against a real Medusa 2.21.2 (npm packages pinned by app/package-lock.json,
# Debian's PostgreSQL) with the plugin (medusa-plugin/, built by `medusa plugin:build`)
# and the npm package installed from their packed tarballs, as users install them.
# Seeded by replaying the Admin calls recorded in tests/fixtures/medusa-v2-traces
# (001-020); then the native checkout CLI (with a photo uploaded to the plugin's route)
# and the print worker, then the npm package's flows and the bypass attempts
# (tests/contract/*.test.mjs). About 5-7 minutes cold. Usage: bash scripts/contract/run.sh
# The programs come from the native-release build, or from the build preset named by
# CONTRACT_PRESET (scripts/test.sh passes native-ci, which it has built already).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/contract/start-medusa.sh

echo "== checkout CLI against the real server"
preset=${CONTRACT_PRESET:-native-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target checkout_cli print_worker >/dev/null
bin=build/$preset/demo
"$bin/checkout_cli" --url "$url" --publishable-key "$key" --quantity 2 --set "message=Happy birthday, Anna!" \
  --set font=Script --image tests/fixtures/images/progressive-2400x3000.jpg --email anna@example.com | tee "$work/cli.log"
grep -q "uploaded tests/fixtures/images/progressive-2400x3000.jpg (2400x3000) -> $url/personalization/uploads/" "$work/cli.log"
if "$bin/checkout_cli" --url "$url" --publishable-key "$key" --set font=Serif --set "message=$(printf 'x%.0s' $(seq 1 50))"; then
  echo "contract: an over-long message was accepted"; exit 1
fi

echo "== print worker against the real server (polling the Admin API)"
jobs=$(mktemp -d)
out=$("$bin/print_worker" --url "$url" --email admin@example.com --password supersecret --out "$jobs" --location "$location")
echo "$out"
echo "$out" | grep -q "1 new print job(s), 0 already printed, 0 rejected, fulfillment created"
again=$("$bin/print_worker" --url "$url" --email admin@example.com --password supersecret --out "$jobs" --location "$location")
echo "$again"
echo "$again" | grep -q "no new orders"
test "$(find "$jobs" -name 'ordli_*.json' | wc -l)" -eq 1
test "$(find "$jobs" -name 'ordli_*.jpg' | wc -l)" -eq 1  # the photo, downloaded from the plugin's route

echo "== the npm package, plain fetch and the print worker against the plugin (tests/contract)"
export PRINT_WORKER_BIN="$PWD/$bin/print_worker" LOCATION_ID="$location"
node --test --test-concurrency=1 tests/contract/*.test.mjs | tee "$work/node-tests.txt" | grep -E "^(not )?ok |^# (pass|fail)" || true
node_failed=$(grep -o "^# fail [0-9]*" "$work/node-tests.txt" | grep -o "[0-9]*$" || echo 1)
node_passed=$(grep -o "^# pass [0-9]*" "$work/node-tests.txt" | grep -o "[0-9]*$" || echo 0)
if [ "$node_failed" != 0 ]; then
  grep -B2 -A40 "^not ok" "$work/node-tests.txt" | head -150
  echo "contract: $((2 + node_passed)) passed, $node_failed failed"
  exit 1
fi
echo "contract: $((2 + node_passed)) passed, 0 failed"
