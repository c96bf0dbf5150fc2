#!/usr/bin/env bash
# Runs the demo. Until the mock backend and the browser storefront exist, this builds
# the native example and validates a sample personalization with the C++ core.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j"$(nproc)" --target validate_personalization
exec build/native-release/demo/validate_personalization "$@"
