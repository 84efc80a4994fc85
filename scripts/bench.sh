#!/usr/bin/env bash
# The benchmark of issue 5: periskope-events against JSON.parse and the
# JavaScript validators (ajv, TypeBox, zod 4, valibot), with the targets.
# Installs benches/' pinned npm dependencies (benches/package-lock.json),
# builds pkg/ with scripts/build.sh if it is missing, then runs.
#
#   bash scripts/bench.sh            # full run (about 2 minutes on 2 cores)
#   bash scripts/bench.sh --smoke    # every figure with tiny counts, a few seconds;
#                                    # fails only on a crash or a normalizer mismatch
#
# Writes target/bench/results.json (results-smoke.json with --smoke).
# Other options: --out FILE, --only sample,ticket50,message,ticket1mb,
# --skip child,startup,scaling,memory,worst, --body FILE (your own webhook
# body, measured beside ours; repeatable). See benches/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

need_build=0
[ -f pkg/package.json ] || need_build=1
compgen -G "pkg/*.wasm" >/dev/null || compgen -G "pkg/node/*.wasm" >/dev/null || need_build=1
if [ "$need_build" = 1 ]; then
  echo "==> pkg/ is missing: building it (scripts/build.sh)" >&2
  bash scripts/build.sh >&2
fi

if [ ! -f benches/node_modules/.package-lock.json ] || [ benches/package-lock.json -nt benches/node_modules/.package-lock.json ]; then
  echo "==> installing the bench's npm dependencies (benches/package-lock.json)" >&2
  (cd benches && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

exec node benches/run.js "$@"
