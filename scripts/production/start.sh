#!/usr/bin/env bash
# Starts the production shape with the plugin and leaves it running until Ctrl-C (for a
# look around, or your own load): Redis, two Medusa server processes and a worker behind
# nginx on http://127.0.0.1:9100, seeded (traces 001-020, the T-shirt's schema and
# stock), and the native print worker receiving the print jobs on 9111.
#   bash scripts/production/start.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/production/prepare.sh
export DATABASE_URL=$PLUGIN_DATABASE_URL
echo "== two Medusa servers and a worker"
pids=()
for part in server1 server2 worker; do part_up "$part" & pids+=($!); done
for pid in "${pids[@]}"; do wait "$pid"; done
seed=$(python3 scripts/contract/seed.py "http://127.0.0.1:$PRODUCTION_PORT")
json() { echo "$seed" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
export LOCATION_ID=$(json location_id)
MEDUSA_URL="http://127.0.0.1:$PRODUCTION_PORT" PUBLISHABLE_KEY=$(json publishable_key) REGION_ID=$(json region_id) \
  CONTRACT_APP=$work node tests/production/seed-shop.mjs >/dev/null
part_up print
# For scripts/production/ctl.sh from another shell: the environment the parts started with.
export -p | grep -E ' (DATABASE_URL|REDIS_URL|MEDUSA_[A-Z_]*|PRINT_[A-Z_]*|LOCATION_ID|PRODUCTION_[A-Z]*|REDIS_PORT)=' >"$prod/env"
cat <<INFO
The production shape is up (logs in $prod/logs, print jobs in $prod/print):
  Store and Admin API  http://127.0.0.1:$PRODUCTION_PORT   (nginx -> :$((PRODUCTION_PORT + 1)), :$((PRODUCTION_PORT + 2)))
  publishable key      $(json publishable_key)
  admin                admin@example.com / supersecret
  one part down/up     bash scripts/production/ctl.sh down worker KILL; bash scripts/production/ctl.sh up worker
Ctrl-C stops everything.
INFO
sleep infinity &
sleeper=$!
trap 'kill "$sleeper" 2>/dev/null; exit 0' INT TERM  # then the EXIT trap stops every part
wait "$sleeper"
