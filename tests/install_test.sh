#!/bin/bash
# An installed offergen (cmake --install into a temporary prefix) builds a
# site, PDFs included, from a folder without templates/: it finds its
# templates relative to its own folder. A --templates folder that does not
# exist is still a usage error, never replaced by them.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

BUILD_DIR=$1
SOURCE_DIR=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

"${CMAKE:-cmake}" --install "$BUILD_DIR" --prefix "$TMP/prefix" >/dev/null
mkdir "$TMP/work"
cd "$TMP/work"

"$TMP/prefix/bin/offergen" build --quiet --today 2026-11-22 --content "$SOURCE_DIR/tests/sites/basic/content" --out site
test -f site/index.html
pdfs=(site/downloads/*.pdf)
test -f "${pdfs[0]}"
test -f "$TMP/prefix/share/man/man1/offergen.1.gz" || test -f "$TMP/prefix/share/man/man1/offergen.1"

status=0
"$TMP/prefix/bin/offergen" build --today 2026-11-22 --content "$SOURCE_DIR/tests/sites/basic/content" \
  --templates /nonexistent --out site2 2>"$TMP/err" || status=$?
if [ "$status" -ne 2 ] || ! grep -q "the templates folder '/nonexistent' does not exist" "$TMP/err"; then
  echo "--templates /nonexistent: exit $status, expected 2 and the usage error" >&2
  cat "$TMP/err" >&2
  exit 1
fi
echo "installed offergen built $(find site -type f | wc -l) files, ${#pdfs[@]} PDFs"
