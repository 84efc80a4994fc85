#!/usr/bin/env bash
# Runs the fuzz targets (cargo fuzz / libFuzzer) for a given time each.
#
#   bash scripts/fuzz.sh              # every target, 60 s each
#   bash scripts/fuzz.sh 600          # every target, 10 minutes each
#   bash scripts/fuzz.sh 30 parse_text signature
#
# Each run grows a scratch corpus in fuzz/corpus/<target> (gitignored; the
# first corpus directory, the one libFuzzer writes to) from read-only seeds:
# the minimized finds committed in fuzz/seeds/<target>/, and the fixture
# corpus itself, never copied: tests/fixtures for parse_text and
# parse_bytes, and for events the fixtures behind the byte that picks their
# event, which tests/fuzz_seeds.rs writes to target/fuzz-seeds/events (after
# replaying every seed). A crash leaves its input in fuzz/artifacts/<target>/
# and fails the run: minimize it
# (`cargo fuzz tmin --fuzz-dir fuzz <target> <file>`), fix the bug, and add
# the minimized input to fuzz/seeds/<target>/ so it stays a regression test
# (tests/fuzz_seeds.rs replays every seed and every fixture in `cargo test`).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
# The events target's seeds from the fixtures (before RUSTC_BOOTSTRAP and the
# fuzz target directory below, so the test build is the usual one).
rm -rf target/fuzz-seeds/events
FUZZ_EVENT_SEEDS="$PWD/target/fuzz-seeds/events" cargo test --quiet --test fuzz_seeds >/dev/null

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
  mkdir -p "fuzz/corpus/$target"
  corpora=("fuzz/corpus/$target")
  if [ -d "fuzz/seeds/$target" ]; then corpora+=("fuzz/seeds/$target"); fi
  case "$target" in
    parse_text | parse_bytes) corpora+=(tests/fixtures) ;;
    events) corpora+=(target/fuzz-seeds/events) ;;
  esac
  echo "==> fuzz $target for ${seconds}s from ${corpora[*]}"
  log="target/fuzz-logs/$target.log"
  if ! cargo fuzz run --fuzz-dir fuzz "$target" "${corpora[@]}" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz $target failed: the input is in fuzz/artifacts/$target/ (full log: $log)" >&2
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$log" | tr '\n' ' '
  echo
done
echo "fuzzing found nothing new"
