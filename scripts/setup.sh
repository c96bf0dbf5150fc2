#!/usr/bin/env bash
# Installs what building and testing medusa-personalize needs on a fresh Debian 12
# machine, and nothing that is already there:
#   Debian packages: cmake, g++, make, pkg-config, curl, emscripten (em++ 3.1.6),
#                    clang-14 and libclang-rt-14-dev (the sanitizer and fuzzing builds),
#                    nlohmann-json3-dev, doctest-dev, libcpp-httplib-dev, libssl-dev,
#                    openssl (test certificates),
#                    chromium (browser tests, driven by playwright-core),
#                    valgrind (the validator's instruction ceiling, a test)
#                    (and nodejs/npm only if no `node` is on the PATH)
#   npm packages:    exactly those of package-lock.json (npm ci), into ./node_modules
# Extra Debian packages may be named as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config curl emscripten clang-14 libclang-rt-14-dev nlohmann-json3-dev
          doctest-dev libcpp-httplib-dev libssl-dev openssl chromium valgrind "$@")
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
else
  echo "setup: Debian packages already installed (${packages[*]})"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "setup: installing npm packages from package-lock.json (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  mkdir -p node_modules && touch node_modules
else
  echo "setup: npm packages up to date"
fi
