#!/usr/bin/env bash
# Runs the demo: the mock Medusa backend with its seeded personalized catalogue, serving
# the browser storefront and the staff view from the same origin, on
# http://127.0.0.1:9000 (PORT=... to change it; PORT=0 picks a free port). Prints the
# URLs and serves until Ctrl-C.
#
#   --cli   also runs the native programs against it: a personalized purchase through the
#           checkout CLI (with a photo), a refused invalid personalization, and the print
#           worker turning the order into print jobs and a fulfilment
#   --once  with --cli: stop after that instead of serving
#   --medusa  the same storefront against a real Medusa 2.21.2 with the plugin instead of
#             the mock (PostgreSQL and Medusa installed and seeded as the contract test
#             does; Medusa on MEDUSA_PORT, default 9100, behind the page's origin), with
#             the Medusa Admin and the native print worker receiving the print jobs. The
#             demo's own staff view is mock-only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

port=${PORT:-9000}
cli=false
once=false
medusa=false
for arg in "$@"; do
  case "$arg" in
    --cli) cli=true ;;
    --once) once=true ;;
    --medusa) medusa=true ;;
    *) echo "usage: bash scripts/demo.sh [--cli [--once]] [--medusa]" >&2; exit 2 ;;
  esac
done

if [ "$medusa" = true ]; then
  [ "$cli" = false ] || { echo "--cli runs against the mock; the contract test runs it against Medusa" >&2; exit 2; }
  bash scripts/build-wasm.sh >/dev/null
  node scripts/bundle-demo.mjs
  preset=${MEDUSA_DEMO_PRESET:-native-release}
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)" --target print_worker >/dev/null
  MEDUSA_PORT=${MEDUSA_PORT:-9100}
  source scripts/contract/start-medusa.sh
  # The print service: the native worker receives the plugin's signed print jobs, writes
  # them and fulfils the items through the Admin API.
  jobs_dir="$work/print-jobs"
  "build/$preset/demo/print_worker" --url "$url" --email admin@example.com --password supersecret \
    --out "$jobs_dir" --listen "$PRINT_PORT" --location "$location" --webhook-secret "$PRINT_WEBHOOK_SECRET" \
    >"$work/print-worker.log" 2>&1 &
  worker_pid=$!
  trap 'kill "$worker_pid" 2>/dev/null || true; medusa_down' EXIT
  echo
  echo "   storefront:    http://127.0.0.1:$port/demo/   (Medusa with the plugin at $url)"
  echo "   Medusa Admin:  http://localhost:$MEDUSA_PORT/app   (admin@example.com / supersecret)"
  echo "   print jobs:    $jobs_dir   (the print worker's log: $work/print-worker.log)"
  echo
  node scripts/demo-server.mjs "$port" "$url" "$key"
  exit 0
fi

echo "== building the mock backend (native) and the WebAssembly module"
targets=(medusa_mock)
[ "$cli" = true ] && targets+=(checkout_cli print_worker)
# MEDUSA_DEMO_PRESET lets the test command reuse the build it has already made.
preset=${MEDUSA_DEMO_PRESET:-native-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target "${targets[@]}" >/dev/null
bash scripts/build-wasm.sh >/dev/null
node scripts/bundle-demo.mjs
bin=build/$preset

work=$(mktemp -d -t medusa-personalize-demo-XXXXXX)
"$bin/tests/mock_backend/medusa_mock" --port "$port" --static web >"$work/mock.log" 2>&1 &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "publishable key" "$work/mock.log" 2>/dev/null && break
  if ! kill -0 "$mock_pid" 2>/dev/null; then cat "$work/mock.log"; exit 1; fi
  sleep 0.1
done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/mock.log" | head -1)
key=$(grep "publishable key" "$work/mock.log" | cut -d' ' -f3)

echo
echo "   storefront:  $url/demo/"
echo "   staff view:  $url/demo/staff.html   (admin@example.com / supersecret)"
echo "   backend:     $url  (publishable key $key)"
echo

if [ "$cli" = true ]; then
  echo "== a customer personalizes a shirt and checks out (checkout CLI)"
  "$bin/demo/checkout_cli" --url "$url" --publishable-key "$key" --variant M --quantity 2 \
    --set "message=Happy birthday, Zoë!" --set font=Script --set colour=#c2185b \
    --image tests/fixtures/images/progressive-2400x3000.jpg --email zoe@example.com
  echo
  echo "== an invalid personalization is refused before anything is sent"
  "$bin/demo/checkout_cli" --url "$url" --publishable-key "$key" --set "message=<b>hi</b>" --set font=Comic || true
  echo
  echo "== the print shop's worker turns placed orders into print jobs"
  "$bin/demo/print_worker" --url "$url" --email admin@example.com --password supersecret --out "$work/jobs"
  find "$work/jobs" -type f -name 'ordli_*' | sort
  echo
  if [ "$once" = true ]; then
    echo "demo done (print jobs in $work/jobs)"
    exit 0
  fi
fi
echo "Serving until Ctrl-C."
wait "$mock_pid"
