#!/usr/bin/env bash
# The Medusa plugin's server-side cost (bench/plugin.mjs): starts Medusa 2.21.2 with the
# plugin as the contract test does (scripts/contract/start-medusa.sh), and a second
# process of the same app on the same database without it (MEDUSA_PERSONALIZE_PLUGIN=off),
# then measures both side by side. Writes its section of bench/RESULTS.md.
#   bash bench/plugin.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
# Print jobs are recorded, not sent: no print service runs during the benchmark.
export MEDUSA_PERSONALIZE_OPTIONS=${MEDUSA_PERSONALIZE_OPTIONS:-'{"uploads":{"maxBytes":2097152}}'}
source scripts/contract/start-medusa.sh

without_port=$((medusa_port + 1))
without_url="http://127.0.0.1:$without_port"
(cd "$work" && MEDUSA_PERSONALIZE_PLUGIN=off setsid npx medusa start --port "$without_port" >medusa-without.log 2>&1) &
without_pid=$!
trap 'medusa_down; kill -- -"$without_pid" 2>/dev/null || pkill -f "medusa start --port $without_port" || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$without_url/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "$without_url/health" >/dev/null || { echo "the second Medusa did not start"; tail -40 "$work/medusa-without.log"; exit 1; }
if curl -sI "$without_url/store/regions" -H "x-publishable-api-key: $key" | grep -qi idempotency-key-support; then
  echo "the second Medusa runs the plugin: it must not"; exit 1
fi
node bench/plugin.mjs "$url" "$without_url" "$key" "$region" "$work" "$@"
