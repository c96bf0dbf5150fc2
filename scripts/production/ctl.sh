#!/usr/bin/env bash
# Starts or stops one part of the production shape (scripts/production/cluster.sh): for
# the load and fault run (tests/production/run.mjs), which passes the environment, or by
# hand beside scripts/production/start.sh, which leaves it in build/production/env.
#   bash scripts/production/ctl.sh up <part>
#   bash scripts/production/ctl.sh down <part> [signal]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${CONTRACT_WORK:-$root/build/contract}
source "$root/scripts/production/cluster.sh"
if [ -z "${DATABASE_URL:-}" ] && [ -f "$prod/env" ]; then source "$prod/env"; fi
case ${1:-} in
  up) part_up "$2" ;;
  down) part_down "$2" "${3:-TERM}" ;;
  *) echo "usage: ctl.sh up|down <part> [signal]" >&2; exit 2 ;;
esac
