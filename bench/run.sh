#!/usr/bin/env bash
# Reproduces the benchmark figures: builds offergen (Release), installs Debian's
# Hugo if it is missing, then times both on generated partnerships of 1,000,
# 10,000 and 100,000 services (bench/run.py; Hugo up to 10,000) and the preview
# server's save-to-reload latency on 10,000 (bench/preview_latency.py).
# Options go to bench/run.py, for example: bench/run.sh --sizes 1000,10000 --runs 5
# Everything it writes is under build/bench/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dependencies.sh

install_missing_packages "${OFFERGEN_BUILD_PACKAGES[@]}" hugo python3 time
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

python3 bench/run.py "$@"
echo
python3 bench/preview_latency.py --services 10000 --edits 20
