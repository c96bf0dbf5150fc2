#!/usr/bin/env bash
# The plugin on Medusa's production shape, on one machine: Debian's PostgreSQL, Redis
# and nginx; Medusa 2.21.2 with the Redis event bus, workflow engine, locking and cache;
# two server processes and one worker process (scripts/production/cluster.sh) behind
# nginx; the native print worker as the print service. Then load, faults and the
# invariants (tests/production/run.mjs). Reuses the contract test's install
# (build/contract) and native build.
#   bash scripts/production/run.sh            short version (about 5 minutes; in the test command)
#   bash scripts/production/run.sh --long     long version; writes its figures into bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/production/prepare.sh
CONTRACT_APP=$work node tests/production/run.mjs "$@"
