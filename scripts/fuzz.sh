#!/usr/bin/env bash
# Runs the fuzz targets (cargo fuzz / libFuzzer) for a given time each.
#
#   bash scripts/fuzz.sh              # every target, 60 s each
#   bash scripts/fuzz.sh 600          # every target, 10 minutes each
#   bash scripts/fuzz.sh 30 parse_text signature
#
# Each run starts from the committed seeds (fuzz/seeds/<target>: the test
# fixtures plus minimized finds) and grows a scratch corpus in
# fuzz/corpus/<target> (gitignored). A crash leaves its input in
# fuzz/artifacts/<target>/ and fails the run: minimize it
# (`cargo fuzz tmin --fuzz-dir fuzz <target> <file>`), fix the bug, and add
# the minimized input to fuzz/seeds/<target>/ so it stays a regression test
# (tests/fuzz_seeds.rs replays every seed in `cargo test`).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
# cargo fuzz passes nightly-only flags (-Zsanitizer=address); the machine has
# only the stable toolchain, which accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="$PWD/target/fuzz"

seconds=${1:-60}
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz); fi

# -timeout=5: no input of at most -max_len bytes (the `repeated` target
# expands its fragment to megabytes) should take more than milliseconds, so
# a run over five seconds is a super-linear path, reported as a crash.
cargo fuzz build --fuzz-dir fuzz
mkdir -p target/fuzz-logs
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
  echo "==> fuzz $target for ${seconds}s"
  log="target/fuzz-logs/$target.log"
  if ! cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz $target failed: the input is in fuzz/artifacts/$target/ (full log: $log)" >&2
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$log" | tr '\n' ' '
  echo
done
echo "fuzzing found nothing new"
