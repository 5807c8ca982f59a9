#!/usr/bin/env bash
# The Open Referral UK export of every site we ship or test, checked against
# the UK profile's JSON Schemas (tests/data/oruk/uk-profile-3.0) and walked by
# a client on a plain static host; and a test of the checker: records broken
# on purpose must be refused.
#   check_export.sh OFFERGEN SOURCE_DIR
set -euo pipefail
offergen=$1
source_dir=$2
schemas=$source_dir/tests/data/oruk/uk-profile-3.0
# Debian's Python, which has python3-jsonschema (scripts/dependencies.sh).
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for site in content tests/sites/basic/content examples/wakefield/content; do
  out=$work/$(echo "$site" | tr / _)
  "$offergen" build --quiet --no-documents --content "$source_dir/$site" --templates "$source_dir/templates" \
    --out "$out" --today 2026-11-22 2>/dev/null
  echo "== $site"
  "$python" "$source_dir/tests/oruk/validate_export.py" "$out" "$schemas"
  "$python" "$source_dir/tests/oruk/walk_api.py" "$out"
done

basic=$work/tests_sites_basic_content
"$python" "$source_dir/tests/oruk/validate_export.py" --self-test "$basic" "$schemas"
# A record file that is not the list's record must be found.
one=$(ls "$basic/openreferral/services" | grep -v index.html | head -1)
sed -i 's/"name":"[^"]*"/"name":"Changed"/' "$basic/openreferral/services/$one"
if "$python" "$source_dir/tests/oruk/validate_export.py" "$basic" "$schemas" >/dev/null; then
  echo "a record file changed on purpose was not found" >&2
  exit 1
fi
echo "the checker refused every record broken on purpose"
