#!/usr/bin/env bash
# Kills the contract app's Medusa as a crash would (SIGKILL) and starts it again with the
# same environment. Called by tests/contract (CONTRACT_APP and MEDUSA_URL set by
# scripts/contract/run.sh). Usage: bash scripts/contract/restart-medusa.sh
set -euo pipefail
work=${CONTRACT_APP:?run through scripts/contract/run.sh}
medusa_port=${MEDUSA_URL##*:}
source "$(dirname "$0")/medusa-process.sh"
medusa_down KILL
medusa_up
