#!/usr/bin/env bash
# Builds the npm package into pkg/ (installing any missing tool first):
# wasm-pack compiles the Rust core and writes the JS glue, then
# scripts/build-pkg.mjs assembles pkg/ from it and pkg-template/.
#
#   bash scripts/build.sh          # release build
#   npm pack ./pkg                 # then: the tarball
#
# wasm-pack's targets are exclusive, so it runs once per target we need:
#   nodejs  CommonJS glue that loads the .wasm synchronously (Node require and import)
#   web     ES module glue with initSync and an async init (browsers, Workers,
#           Vercel Edge, Deno)
# The second run reuses the first one's cargo build (cargo has nothing to
# recompile); only wasm-bindgen and wasm-opt run again. Both write the same
# .wasm, which build-pkg.mjs checks and ships once.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt from the binaryen npm package

for target in nodejs web; do
  echo "==> wasm-pack build ($target)"
  wasm-pack --log-level warn build --release --target "$target" --out-dir "target/wasm-pack/$target" --no-pack --no-typescript \
    -- --features wasm-bindings
done
node scripts/build-pkg.mjs
