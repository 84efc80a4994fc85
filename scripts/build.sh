#!/usr/bin/env bash
# Builds the npm package into pkg/ (installing any missing tool first):
# wasm-pack compiles the Rust core and writes the JS glue, then
# scripts/build-pkg.mjs assembles pkg/ from it and pkg-template/.
#
#   bash scripts/build.sh          # release build
#   npm pack ./pkg                 # then: the tarball
#
# wasm-pack runs once, with --target web: ES module glue with initSync and
# an async init. build-pkg.mjs makes that glue a factory (createGlue) for
# every entry, and a CommonJS copy of it for Node's require and import, so
# that every runtime instantiates the one compiled module the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt from the binaryen npm package

echo "==> wasm-pack build (web)"
wasm-pack --log-level warn build --release --target web --out-dir target/wasm-pack/web --no-pack --no-typescript \
  -- --features wasm-bindings
node scripts/build-pkg.mjs
