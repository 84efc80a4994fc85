#!/usr/bin/env bash
# Runs the package in every runtime it supports, each running the same
# shared cases (tests/js/cases.mjs, plus the Standard Schema cases of
# tests/runtimes/lib/schema-cases.mjs), installing whatever is missing first:
# Chromium and ChromeDriver (scripts/setup.sh --browser) and the npm packages
# of tests/runtimes/ (its package-lock.json).
#
#   bash scripts/test-runtimes.sh
#
# 1. The Rust wasm suite in headless Chromium: wasm-pack test --headless --chrome.
# 2. The packed tarball, installed with npm into tests/runtimes/ (a user's
#    project) and used from:
#    - Node: tests/js's require and import hosts, the Standard Schema cases,
#      tsc (node16, bundler, bundler with a Worker's conditions), and what
#      `npm pack` puts in the tarball;
#    - Cloudflare Workers: real workerd through Miniflare, a Hono app with a
#      webhook route and @hono/standard-validator routes;
#    - Deno, with no permission flag;
#    - Vercel's Edge runtime, WebAssembly compilation from bytes disabled;
#    - Chromium: a page built by Vite, the same on Vite's dev server, and
#      with no bundler at all;
#    - the www-example/ playground, driven by Playwright (screenshots in
#      test-output/).
#
# pkg/ is built first only when it is missing or older than its sources, so
# that scripts/test.sh, which has just built it, does not build it twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

if [ ! -f pkg/package.json ] ||
  [ -n "$(find src pkg-template scripts/build.sh scripts/build-pkg.mjs Cargo.toml Cargo.lock -newer pkg/package.json -print -quit)" ]; then
  step "build the package (pkg/ is missing or older than its sources)"
  bash scripts/build.sh
fi

step "wasm-pack test --headless --chrome (the wasm suite in Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack --log-level warn test --headless --chrome -- --features wasm-bindings --test wasm_browser

if [ ! -f tests/runtimes/node_modules/.package-lock.json ] ||
  [ tests/runtimes/package-lock.json -nt tests/runtimes/node_modules/.package-lock.json ]; then
  step "install the runtimes' npm packages (tests/runtimes/package-lock.json)"
  (cd tests/runtimes && npm ci --no-audit --no-fund)
fi

step "pack pkg/ and npm install the tarball into tests/runtimes/"
mkdir -p target/npm
rm -f target/npm/periskope-events-*.tgz
tarball=$(cd target/npm && npm pack ../../pkg --silent 2>/dev/null | tail -n 1)
# A fresh copy of this build every time (package.test.mjs checks that it is).
rm -rf tests/runtimes/node_modules/periskope-events
(cd tests/runtimes && npm install --no-save --no-audit --no-fund --prefer-offline "../../target/npm/$tarball" >/dev/null)
echo "installed target/npm/$tarball"

step "fixtures as a module, for the runtimes without a file system"
node tests/runtimes/lib/generate.mjs

step "Node: tests/js's require and import hosts, against the npm-installed tarball"
hosts=tests/runtimes/.generated/node-hosts
rm -rf "$hosts" && mkdir -p "$hosts"
cp tests/js/cases.mjs tests/js/node-cjs.test.cjs tests/js/node-esm.test.mjs "$hosts/"
cp tests/runtimes/.generated/fixtures.mjs "$hosts/fixtures.mjs"
node --test --test-timeout=120000 "$hosts"/node-cjs.test.cjs "$hosts"/node-esm.test.mjs

step "every runtime (node --test tests/runtimes/*.test.mjs)"
node --test --test-concurrency=1 --test-timeout=300000 tests/runtimes/*.test.mjs

printf '\nruntime tests passed\n'
