#!/usr/bin/env bash
# Runs every benchmark and writes bench/RESULTS.md (see bench/README.md): builds the
# native benchmark programs (release) and the WebAssembly module first. Not a test: it
# asserts nothing about time. `bash scripts/bench.sh --quick` takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j"$(nproc)" --target validator_bench mock_load_bench medusa_mock
bash scripts/build-wasm.sh
node scripts/bundle-demo.mjs
node bench/run.mjs "$@"
node bench/storefront.mjs "$@"
