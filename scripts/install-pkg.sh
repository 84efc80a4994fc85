#!/usr/bin/env bash
# Packs pkg/ with `npm pack` and installs the tarball where the JS tests find
# it (tests/js/node_modules/periskope-events), as a user's `npm install` would:
# the package has no dependencies, so unpacking the tarball is installing it.
# The tests then see exactly what a user gets: the packed files and the
# exports map, not the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/npm
rm -f target/npm/periskope-events-*.tgz
tarball=$(cd target/npm && npm pack ../../pkg --silent --pack-destination . 2>/dev/null | tail -n 1)
dest=tests/js/node_modules/periskope-events
rm -rf "$dest" && mkdir -p "$dest"
tar -xzf "target/npm/$tarball" -C "$dest" --strip-components=1
echo "installed target/npm/$tarball into $dest"
