#!/usr/bin/env bash
# Installs what is missing, builds offergen, and generates site/ from content/.
# Any options are passed to 'offergen build', for example: ./build.sh --strict
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dependencies.sh

install_missing_packages "${OFFERGEN_BUILD_PACKAGES[@]}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

./build/offergen build "$@"
echo "The website is in $(pwd)/site/"
echo "To preview it while you edit content/: ./build/offergen serve, then open http://127.0.0.1:8080/"
echo "To look at site/ itself: python3 -m http.server -d site 8000, then open http://127.0.0.1:8000/"
