#!/usr/bin/env bash
# Runs every test, installing whatever is missing first (see scripts/setup.sh).
#
#   bash scripts/test.sh
#
# 1. Rust, natively: formatting, clippy, unit + fixture + doc tests, docs.
# 2. Rust inside wasm, in Node: wasm-pack test --node.
# 3. The npm package: built, packed, installed the way a user installs it,
#    linted as published (publint, attw, npm publish --dry-run), then the
#    shared JS cases through require and import, the CLI, and tsc (node16
#    and bundler resolution, the official SDK types against ours).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (warnings are errors), with and without the optional features"
cargo clippy --all-targets --all-features --quiet -- -D warnings
cargo clippy --all-targets --quiet -- -D warnings

step "cargo test (native core, fixtures, doc tests, the serde feature)"
cargo test --quiet --all-features

step "the examples build and the Rust webhook receiver answers itself; the core for wasm32 without wasm-bindings exports nothing of ours"
cargo build --quiet --examples --all-features
cargo run --quiet --example webhook_server --features serde -- --self-test
# A crate outside the workspace that depends on this one by path, as a user's does.
CARGO_TARGET_DIR=target/scratch cargo run --quiet --manifest-path tests/scratch-crate/Cargo.toml
cargo build --quiet --lib --target wasm32-unknown-unknown
node scripts/wasm-exports.mjs target/wasm32-unknown-unknown/debug/periskope_events.wasm

step "cargo publish --dry-run (the crate packages and builds as crates.io would)"
cargo publish --dry-run --quiet --allow-dirty

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

step "wasm-pack test --node"
wasm-pack --log-level warn test --node -- --features wasm-bindings

step "build the npm package"
bash scripts/build.sh

step "pack it and install the tarball for the JS tests"
bash scripts/install-pkg.sh

step "publish-ready: publint and attw on the packed tarball, npm publish --dry-run"
tarball=$(ls target/npm/periskope-events-*.tgz)
publint run "$tarball" --strict
# The .wasm subpath is a file for bundlers and loaders, not a module with types.
attw "$tarball" --exclude-entrypoints ./periskope_events_bg.wasm --format ascii
(cd pkg && npm publish --dry-run --ignore-scripts 2>&1 | tail -n 3)

step "node --test (shared cases via require and import, CLI, every SDK-declared field in our models)"
node --test tests/js/

step "tsc: the SDK's types fit ours; node16 and bundler resolution; our declarations"
for config in node16 bundler declarations; do
  tsc -p "tests/js/types/tsconfig.$config.json"
  echo "tsc $config: ok"
done

step "every runtime: Chromium, workerd, Deno, Vercel Edge, bundlers, the playground"
bash scripts/test-runtimes.sh

step "fuzz every target briefly from the committed seeds (crashes fail the run)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

step "benchmark, smoke mode, with a body of one's own (seconds; never a timing assertion)"
bash scripts/bench.sh --smoke --body benches/bodies/realistic-ticket.json

printf '\nall tests passed\n'
