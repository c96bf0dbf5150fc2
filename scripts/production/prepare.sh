# Sourced by scripts/production/run.sh and start.sh, from the repository's root: installs
# what the production shape needs (Debian's Redis, nginx, PostgreSQL; Medusa 2.21.2 with
# the plugin, as the contract test installs it, into build/contract), starts Redis and
# nginx, migrates a fresh database medusa_production and copies it to
# medusa_production_base (the baseline without the plugin), and builds the print worker.
# Leaves: root, work, the parts' functions (scripts/production/cluster.sh, all stopped on
# exit), PLUGIN_DATABASE_URL, BASELINE_DATABASE_URL, PRINT_WORKER_BIN exported.
root=$PWD
work=${CONTRACT_WORK:-$root/build/contract}
export PRODUCTION_PORT=${PRODUCTION_PORT:-9100} REDIS_PORT=${REDIS_PORT:-6390} PRINT_PORT=${PRINT_PORT:-9111}
export PRODUCTION_WORK=${PRODUCTION_WORK:-$root/build/production}

missing=()
for p in redis-server nginx-light postgresql; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "production: installing ${missing[*]}"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
# Debian starts its own Redis and nginx on their default ports; ours run on their own.

source scripts/production/cluster.sh
trap cluster_down EXIT
cluster_down
rm -rf "$prod/print" "$prod/redis" "$prod/logs" "$prod/env" && mkdir -p "$prod/print" "$prod/redis" "$prod/logs"
echo "== Redis on $REDIS_URL"
part_up redis

echo "== Medusa 2.21.2 with the plugin, installed as the contract test installs it"
export MEDUSA_ADMIN=off MEDUSA_DATABASE=medusa_production MEDUSA_PORT=$PRODUCTION_PORT
source scripts/contract/install-medusa.sh
# The baseline's database: the same migrated one, copied (no connection is open now).
su postgres -c "dropdb --if-exists medusa_production_base && createdb -O medusa -T medusa_production medusa_production_base"
export PLUGIN_DATABASE_URL=postgres://medusa:medusa@127.0.0.1:5432/medusa_production
export BASELINE_DATABASE_URL=postgres://medusa:medusa@127.0.0.1:5432/medusa_production_base

preset=${CONTRACT_PRESET:-native-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" --target print_worker >/dev/null
export PRINT_WORKER_BIN=$root/build/$preset/demo/print_worker

echo "== nginx on http://127.0.0.1:$PRODUCTION_PORT (round-robin over two servers)"
part_up proxy
