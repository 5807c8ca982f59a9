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
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
# A few seconds of each fuzz target, in its own clang build (docs/fuzzing.md).
bash fuzz/run.sh all 5
