#!/usr/bin/env bash
# Builds the fuzz targets (build-fuzz/, clang with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer) and runs them one after another.
#
#   fuzz/run.sh [TARGET|all] [SECONDS] [libFuzzer options...]
#   fuzz/run.sh build
#
# TARGET is one of content, markdown, mustache, oruk, search, site_path
# (default all); SECONDS is how long each runs (default 60). Further options
# go to libFuzzer, e.g. -runs=10000000 (then SECONDS is the most it may take;
# give 0 for no limit) or -jobs=2. The committed seeds in fuzz/corpus/TARGET
# are read, never written: what a run finds goes to build-fuzz/corpus/TARGET,
# a crash or a sanitizer report to build-fuzz/artifacts/TARGET/ and the run
# fails (see docs/fuzzing.md for what to do with it). "build" builds every
# target and runs none.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(content markdown mustache oruk search site_path)
target=${1:-all}
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))

# The largest input worth trying, for each target: a content file, a page's
# Markdown, a template with partials, a feed, a document's text, a path.
max_len() {
  case $1 in
    content | oruk) echo 16384 ;;
    markdown) echo 8192 ;;
    mustache | search) echo 4096 ;;
    site_path) echo 512 ;;
  esac
}

if [ "$target" = all ] || [ "$target" = build ]; then
  selected=("${TARGETS[@]}")
elif [[ " ${TARGETS[*]} " == *" $target "* ]]; then
  selected=("$target")
else
  echo "fuzz/run.sh: no target '$target' (one of: ${TARGETS[*]}, all, build)" >&2
  exit 2
fi

if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DOFFERGEN_FUZZ=ON >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target "${selected[@]/#/fuzz_}"
if [ "$target" = build ]; then exit 0; fi

failed=()
for t in "${selected[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/artifacts/$t"
  options=(-max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
    -artifact_prefix="build-fuzz/artifacts/$t/")
  if [ "$seconds" != 0 ]; then options+=(-max_total_time="$seconds"); fi
  if [ -f "fuzz/dict/$t.dict" ]; then options+=(-dict="fuzz/dict/$t.dict"); fi
  echo "fuzz/run.sh: $t for ${seconds}s $*"
  if ! "build-fuzz/fuzz_$t" "${options[@]}" "$@" "build-fuzz/corpus/$t" "fuzz/corpus/$t" \
    >"build-fuzz/$t.log" 2>&1; then
    failed+=("$t")
    # What the target or the sanitizer said, without the stack.
    grep -v -E '^ +#[0-9]+ |^(INFO|#[0-9]+|NEW_FUNC)' "build-fuzz/$t.log" | tail -n 25 >&2
    # libFuzzer's -timeout counts wall time, so a run starved of the
    # processor by other work can stop on an input that is not slow.
    for input in $(grep -o "build-fuzz/artifacts/$t/timeout-[0-9a-f]*" "build-fuzz/$t.log" | sort -u); do
      if "build-fuzz/fuzz_$t" -timeout=10 "$input" >/dev/null 2>&1; then
        echo "fuzz/run.sh: $t: $input runs within the time limit alone;" \
          "the machine was busy, so this timeout is probably not a finding" >&2
      fi
    done
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "build-fuzz/$t.log" |
    sed "s/^/  $t /" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz/run.sh: found a problem in: ${failed[*]} (logs in build-fuzz/*.log, inputs in build-fuzz/artifacts/)" >&2
  exit 1
fi
