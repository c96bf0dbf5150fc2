#!/usr/bin/env bash
# Runs the demo: the mock Medusa backend with its seeded personalized catalogue on
# http://127.0.0.1:9000 (override with PORT=...), one personalized purchase through the
# checkout CLI (with a photo), and the print worker turning the order into print jobs.
# The backend then keeps serving until Ctrl-C; `--once` stops after the purchase.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

port=${PORT:-9000}
once=false
[ "${1:-}" = "--once" ] && once=true

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j"$(nproc)" --target medusa_mock checkout_cli print_worker validate_personalization
bin=build/native-release

jobs_dir=$(mktemp -d -t medusa-print-jobs-XXXXXX)
"$bin/tests/mock_backend/medusa_mock" --port "$port" >"$jobs_dir/mock.log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "publishable key" "$jobs_dir/mock.log" 2>/dev/null && curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  if ! kill -0 "$mock_pid" 2>/dev/null; then cat "$jobs_dir/mock.log"; exit 1; fi
  sleep 0.1
done
key=$(grep "publishable key" "$jobs_dir/mock.log" | cut -d' ' -f3)
url="http://127.0.0.1:$port"

echo "== mock Medusa backend on $url (publishable key $key; admin admin@example.com / supersecret)"
echo
echo "== a customer personalizes a shirt and checks out"
"$bin/demo/checkout_cli" --url "$url" --publishable-key "$key" --variant M --quantity 2 \
  --set "message=Happy birthday, Zoë!" --set font=Script --set colour=#c2185b \
  --image tests/fixtures/images/progressive-2400x3000.jpg --email zoe@example.com
echo
echo "== an invalid personalization is refused before anything is sent"
"$bin/demo/checkout_cli" --url "$url" --publishable-key "$key" --set "message=<b>hi</b>" --set font=Comic || true
echo
echo "== the print shop's worker turns placed orders into print jobs"
"$bin/demo/print_worker" --url "$url" --email admin@example.com --password supersecret --out "$jobs_dir/jobs"
find "$jobs_dir/jobs" -type f -name 'ordli_*' | sort
echo
if [ "$once" = true ]; then
  echo "demo done (print jobs in $jobs_dir/jobs)"
  exit 0
fi
echo "The backend keeps running on $url; press Ctrl-C to stop."
wait "$mock_pid"
