#!/usr/bin/env bash
# The round trip (issue 17, docs/import.md): each site's Open Referral UK
# export, imported into an empty partnership (the same site.yaml, figures.yaml
# and localities/, no services) and built again, gives the same records, ids
# included (compare_round_trip.py). The sites: the shipped content, the
# Wakefield example, the test site, and the test site with a service that has
# every field and the text the plain-text export finds hardest
# (tests/oruk/round-trip/). Then a test of the test: a second export that
# lost a service's opening times, or a record's id, must be refused.
#   round_trip.sh OFFERGEN SOURCE_DIR
set -euo pipefail
offergen=$1
source_dir=$2
python=/usr/bin/python3
compare=$source_dir/tests/oruk/compare_round_trip.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {  # CONTENT OUT
  if ! "$offergen" build --quiet --no-documents --content "$1" --templates "$source_dir/templates" --out "$2" \
    --today 2026-11-22 2>"$2.log"; then
    cat "$2.log" >&2
    return 1
  fi
}

round_trip() {  # CONTENT NAME
  local content=$1 out=$work/$2
  mkdir -p "$out/empty"
  build "$content" "$out/first"
  cp -r "$content/site.yaml" "$content/localities" "$out/empty/"
  if [ -f "$content/figures.yaml" ]; then cp "$content/figures.yaml" "$out/empty/"; fi
  "$offergen" import oruk "$out/first/openreferral/services/index.html" --into "$out/empty" >"$out/import.log"
  build "$out/empty" "$out/second"
  echo "== $2"
  "$python" "$compare" "$out/first" "$out/second"
}

cp -r "$source_dir/tests/sites/basic/content" "$work/every-field-content"
cp "$source_dir/tests/oruk/round-trip/services/"*.md "$work/every-field-content/services/"

round_trip "$source_dir/content" content
round_trip "$source_dir/examples/wakefield/content" wakefield
round_trip "$source_dir/tests/sites/basic/content" basic
round_trip "$work/every-field-content" every-field

# Every member the export writes was compared somewhere.
members=$("$python" "$compare" --members "$work"/*/first)
for member in name description url email status fees eligibility_description application_process minimum_age \
  maximum_age assured_date last_modified organization.name organization_id service_areas.name \
  service_at_locations.location.addresses.address_1 service_at_locations.location.addresses.postal_code \
  service_at_locations.location.accessibility.description contacts.email contacts.phones.number \
  schedules.description languages.name languages.code cost_options.option cost_options.amount \
  attributes.taxonomy_term.code; do
  if ! grep -qx "$member" <<<"$members"; then
    echo "no site's export has '$member', so the round trip does not test it" >&2
    exit 1
  fi
done

# The test of the test: the every-field service without its opening times
# (as if the import had dropped them), then with another id.
second=$work/every-field/second
broken() {  # PYTHON-STATEMENT on the record `r`
  "$python" - "$second" "$1" <<'PY'
import json, sys
site, change = sys.argv[1], sys.argv[2]
path = f"{site}/openreferral/services/index.html"
page = json.load(open(path, encoding="utf-8"))
for r in page["contents"]:
    if r["name"].startswith("Family hub drop-in"):
        old = r["id"]
        exec(change)
        json.dump(r, open(f"{site}/openreferral/services/{r['id']}", "w", encoding="utf-8"))
json.dump(page, open(path, "w", encoding="utf-8"))
PY
  if "$python" "$compare" "$work/every-field/first" "$second" 2>"$work/refused.txt"; then
    echo "the comparison passed a second export changed on purpose: $1" >&2
    exit 1
  fi
}
broken 'del r["schedules"]'
grep -q "\.schedules: lost" "$work/refused.txt"
broken 'r["id"] = "00000000-0000-8000-8000-000000000000"'
grep -q "did not come back" "$work/refused.txt"
echo "the comparison refused a lost field and a changed id"
