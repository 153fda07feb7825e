#!/usr/bin/env bash
# Bounded fuzz smoke run: every cargo-fuzz target in fuzz/ for FUZZ_SECONDS each, on stable
# Rust (no sanitizer: `-s none`), with debug assertions and overflow checks on (`-a`).
# Fails if any target crashes (panic, failed assertion, timeout, RSS over the limit) and then
# prints the crashing input in hex and how to replay it.
#
# Works from a clean clone: installs cargo-fuzz from crates.io if `cargo fuzz` is missing, and
# needs no committed corpus (fuzz/seeds/ holds a few hand-written inputs; the corpus libFuzzer
# grows goes to fuzz/corpus/, which is ignored, and is reused by later runs on the machine).
#
# Environment:
#   FUZZ_SECONDS   time per target (default 20)
#   FUZZ_TARGETS   space-separated targets (default: all, from `cargo fuzz list`)
#   FUZZ_RSS_MB    libFuzzer -rss_limit_mb (default 512)
#   FUZZ_ARGS      extra libFuzzer flags, e.g. "-seed=1" or "-runs=100000" (default none)
#   CARGO_FUZZ_VERSION  cargo-fuzz to install when missing (default 0.13.2)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${FUZZ_SECONDS:-20}"
rss_mb="${FUZZ_RSS_MB:-512}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The same flags for build and run, so `cargo fuzz run` reuses the build.
build_flags=(-s none -a)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  start=$SECONDS
  # Pinned: a newer cargo-fuzz may need a newer toolchain than the machine's.
  cargo install cargo-fuzz --locked --version "${CARGO_FUZZ_VERSION:-0.13.2}"
  echo "cargo-fuzz installed in $((SECONDS - start)) s"
fi
cargo fuzz --version

echo "== building fuzz targets"
start=$SECONDS
cargo fuzz build "${build_flags[@]}"
echo "built in $((SECONDS - start)) s"

if [[ -n "${FUZZ_TARGETS:-}" ]]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  mapfile -t targets < <(cargo fuzz list)
fi

logs="target/smoke-logs"
mkdir -p "$logs"
failed=()
summary=()
for target in "${targets[@]}"; do
  echo "== fuzzing $target for ${seconds} s"
  corpus=("corpus/$target")
  mkdir -p "corpus/$target"
  [[ -d "seeds/$target" ]] && corpus+=("seeds/$target")
  libfuzzer=(
    "-max_total_time=$seconds"
    "-rss_limit_mb=$rss_mb"
    # Only enforced under a sanitizer (malloc hooks); kept for runs with one.
    "-malloc_limit_mb=256"
    "-timeout=10"
    "-max_len=4096"
    "-print_final_stats=1"
  )
  [[ -f "dict/$target.dict" ]] && libfuzzer+=("-dict=dict/$target.dict")
  [[ "$target" != callback_verify && -f dict/json.dict ]] && libfuzzer+=("-dict=dict/json.dict")
  # shellcheck disable=SC2206 # FUZZ_ARGS is a list of flags on purpose.
  libfuzzer+=(${FUZZ_ARGS:-})

  log="$logs/$target.log"
  status=0
  cargo fuzz run "${build_flags[@]}" "$target" "${corpus[@]}" -- "${libfuzzer[@]}" >"$log" 2>&1 ||
    status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [[ -z "$execs" ]]; then
    execs=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$log" | tail -n 1)
  fi
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || true
  if [[ $status -eq 0 ]]; then
    echo "$target: ok, ${execs:-?} executions, peak RSS ${rss:-?} MB"
    summary+=("$target ok ${execs:-?}")
  else
    echo "$target: FAILED (exit $status) after ${execs:-?} executions; log $PWD/$log"
    grep -E -A12 "panicked at|ERROR: libFuzzer|==[0-9]+== ERROR" "$log" | head -n 40 || true
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    if [[ -n "$artifact" && -f "$artifact" ]]; then
      echo "crashing input ($artifact), hex:"
      od -An -v -tx1 "$artifact" | tr -d ' \n'
      echo
      echo "replay: (cd fuzz && cargo fuzz run ${build_flags[*]} $target $artifact)"
    fi
    failed+=("$target")
    summary+=("$target FAILED ${execs:-?}")
  fi
done

echo "== fuzz smoke summary (${seconds} s per target)"
for line in "${summary[@]}"; do
  read -r name verdict count <<<"$line"
  printf '  %-20s %-7s %s executions\n' "$name" "$verdict" "$count"
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz smoke: ${#failed[@]} target(s) failed: ${failed[*]}"
  exit 1
fi
echo "fuzz smoke: ${#targets[@]} targets, no crash"
