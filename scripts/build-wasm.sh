#!/usr/bin/env bash
# Builds the npm package's WebAssembly module and its entry point (web/src bundled) into
# web/dist/ (em++ from Debian's emscripten; scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release -j"$(nproc)" --target medusa_personalize_wasm medusa_personalize_js
