#!/usr/bin/env bash
# Reproduces the benchmark figures: builds offergen (Release), installs Debian's
# Hugo if it is missing and Eleventy 3 from bench/eleventy's lockfile (npm ci;
# Debian's Node.js and npm if they are missing), then times the three on
# generated partnerships of 1,000, 10,000 and 100,000 services (bench/run.py;
# Hugo and Eleventy up to 10,000) and the preview server's save-to-reload
# latency on 10,000 (bench/preview_latency.py).
# Options go to bench/run.py, for example: bench/run.sh --sizes 1000,10000 --runs 5
# Everything it writes is under build/bench/ and bench/eleventy/node_modules/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh

install_missing_packages "${OFFERGEN_BUILD_PACKAGES[@]}" hugo python3 time
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  install_missing_packages nodejs npm
fi
(cd bench/eleventy && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOFFERGEN_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

python3 bench/run.py "$@"
echo
python3 bench/preview_latency.py --services 10000 --edits 20
