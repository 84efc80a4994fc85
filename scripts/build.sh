#!/usr/bin/env bash
# Builds the npm package into pkg/ (installing any missing tool first):
# wasm-pack compiles the Rust core and writes the JS glue, then
# scripts/build-pkg.mjs assembles pkg/ from it and pkg-template/.
#
#   bash scripts/build.sh          # release build
#   npm pack ./pkg                 # then: the tarball
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt from the binaryen npm package

echo "==> wasm-pack build (nodejs)"
wasm-pack --log-level warn build --release --target nodejs --out-dir target/wasm-pack/nodejs --no-pack --no-typescript
node scripts/build-pkg.mjs
