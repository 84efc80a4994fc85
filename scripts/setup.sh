#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there:
# the wasm32 target, pinned wasm-pack and wasm-bindgen-cli (the CLI's version
# must equal the wasm-bindgen crate's in Cargo.lock), and the npm dev
# dependencies, among them binaryen, whose wasm-opt wasm-pack would otherwise
# try to download.
#
#   bash scripts/setup.sh            # build tools only
#   bash scripts/setup.sh --browser  # also Chromium and ChromeDriver (Debian)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
: "${WASM_BINDGEN_VERSION:?Cargo.lock names no wasm-bindgen version}"

step() { printf '\n==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION\$"; then
  step "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked first, for reproducibility; a registry mirror that lacks one of
  # the locked versions makes it fail, and the unlocked resolve still works.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  step "installing Chromium and ChromeDriver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
