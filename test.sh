#!/usr/bin/env bash
# Installs what is missing, builds offergen with its tests under AddressSanitizer
# and UndefinedBehaviorSanitizer with warnings as errors, runs every test, then
# runs each fuzz target for a few seconds.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dependencies.sh

install_missing_packages "${OFFERGEN_BUILD_PACKAGES[@]}" "${OFFERGEN_TEST_PACKAGES[@]}"
install_browser_test_packages

cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug \
  -DOFFERGEN_TESTS=ON -DOFFERGEN_SANITIZE=ON -DOFFERGEN_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"

# The fuzz targets' own clang build (docs/fuzzing.md) runs beside the tests in
# the idle scheduling class: it takes only the processor time they leave, most
# of it while the browser tests wait for chromium, and never delays them.
mkdir -p build-fuzz
idle=(chrt --idle 0)
"${idle[@]}" true 2>/dev/null || idle=(nice -n 19)
# A process group of its own (job control), so that a failed ctest can stop
# it whole; not a session of its own, which the kernel would schedule as an
# equal of this one (autogroups), whatever its class.
set -m
"${idle[@]}" bash fuzz/run.sh build </dev/null >build-fuzz/build.log 2>&1 &
fuzz_build=$!
set +m
trap 'kill -- -"$fuzz_build" 2>/dev/null || true' EXIT

ctest --test-dir build-test --output-on-failure -j"$(nproc)"

if ! wait "$fuzz_build"; then
  cat build-fuzz/build.log >&2
  exit 1
fi
trap - EXIT
# A few seconds of each fuzz target.
bash fuzz/run.sh all 5
