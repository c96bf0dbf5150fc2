#!/usr/bin/env bash
# Starts or stops one part of the production shape (scripts/production/cluster.sh), for
# the load and fault run (bench/production/run.mjs), which sets the same environment.
#   bash scripts/production/ctl.sh up <part>
#   bash scripts/production/ctl.sh down <part> [signal]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${CONTRACT_WORK:-$root/build/contract}
source "$root/scripts/production/cluster.sh"
case ${1:-} in
  up) part_up "$2" ;;
  down) part_down "$2" "${3:-TERM}" ;;
  *) echo "usage: ctl.sh up|down <part> [signal]" >&2; exit 2 ;;
esac
