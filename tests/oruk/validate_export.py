#!/usr/bin/python3
"""Checks a built site's Open Referral UK API (openreferral/) against the UK
profile's own JSON Schemas, and against what DfE's "Connect families to
support" importer needs besides.

    validate_export.py SITE SCHEMAS          every file; exit 1 naming each error
    validate_export.py --self-test SITE SCHEMAS
        breaks a copy of a record on purpose in several ways and fails unless
        each is caught (a test of this test)

SCHEMAS is the folder of the profile's compiled schemas (service.json,
service_list.json). Uses Debian's python3-jsonschema (formats: uuid, email,
and uri with python3-rfc3987).
"""
import copy
import json
import pathlib
import sys

import jsonschema

UUID_KINDS = ("services", "taxonomies", "taxonomy_terms")


def validator(schema_dir, name):
    schema = json.loads((schema_dir / name).read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def dfe_errors(record):
    """What DfE's importer requires beyond the schema."""
    errors = []
    for key in ("minimum_age", "maximum_age"):
        if key in record and not (isinstance(record[key], int) and 0 <= record[key] <= 255):
            errors.append(f"{key}: {record[key]!r} is not a whole number from 0 to 255")
    for i, attribute in enumerate(record.get("attributes", [])):
        if not attribute.get("link_entity"):
            errors.append(f"attributes[{i}]: no link_entity")
        term = attribute.get("taxonomy_term", {})
        for key in ("code", "description", "name"):
            if not term.get(key):
                errors.append(f"attributes[{i}].taxonomy_term: no {key}")
    if "url" in record and not record["url"].startswith(("http://", "https://")):
        errors.append(f"url: {record['url']!r} is not absolute")
    return errors


def record_errors(record, full, listed):
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in full.iter_errors(record)]
    errors += [f"as a list record: {'/'.join(map(str, e.absolute_path))}: {e.message}"
               for e in listed.iter_errors(record)]
    return errors + dfe_errors(record)


def page_errors(page, what):
    errors = []
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"):
        if key not in page:
            errors.append(f"{what}: the page has no {key}")
    if page.get("total_items") != len(page.get("contents", [])):
        errors.append(f"{what}: total_items is not the number of items")
    return errors


def check_site(site, schema_dir):
    api = site / "openreferral"
    full, listed = validator(schema_dir, "service.json"), validator(schema_dir, "service_list.json")
    errors = []
    root = json.loads((api / "index.html").read_text())
    for key in ("version", "profile", "openapi_url"):
        if key not in root:
            errors.append(f"openreferral/index.html: no {key}")
    pages = {kind: json.loads((api / kind / "index.html").read_text()) for kind in UUID_KINDS}
    for kind, page in pages.items():
        errors += page_errors(page, f"openreferral/{kind}/index.html")
        ids = [item.get("id") for item in page.get("contents", [])]
        if len(set(ids)) != len(ids):
            errors.append(f"openreferral/{kind}/index.html: ids are not unique")
        files = sorted(p.name for p in (api / kind).iterdir() if p.name != "index.html")
        if files != sorted(ids):
            errors.append(f"openreferral/{kind}/: the files are not the page's items")
        for item in page.get("contents", []):
            one = api / kind / item["id"]
            if one.exists() and json.loads(one.read_text()) != item:
                errors.append(f"openreferral/{kind}/{item['id']}: not the page's item")
            if kind != "services" and not (item.get("name") and item.get("description")):
                errors.append(f"openreferral/{kind}/{item['id']}: no name or description")
    taxonomies = {t["id"] for t in pages["taxonomies"]["contents"]}
    for term in pages["taxonomy_terms"]["contents"]:
        if term.get("taxonomy_id") not in taxonomies or not term.get("code"):
            errors.append(f"openreferral/taxonomy_terms/{term['id']}: no code or no such taxonomy")
    for record in pages["services"]["contents"]:
        errors += [f"openreferral/services/{record.get('id')}: {e}" for e in record_errors(record, full, listed)]
    for path in [api / kind / "index.html" for kind in UUID_KINDS] + [api / "index.html"]:
        if any(c in path.read_text() for c in "<>&"):
            errors.append(f"{path.relative_to(site)}: '<', '>' or '&' unescaped in a file browsers read as HTML")
    return errors


def self_test(site, schema_dir):
    full, listed = validator(schema_dir, "service.json"), validator(schema_dir, "service_list.json")
    page = json.loads((site / "openreferral" / "services" / "index.html").read_text())
    record = page["contents"][0]
    assert not record_errors(record, full, listed), record_errors(record, full, listed)
    breakages = {
        "no name": lambda r: r.pop("name"),
        "an id that is no UUID": lambda r: r.update(id="camhs"),
        "an age of -1": lambda r: r.update(minimum_age=-1),
        "a relative url": lambda r: r.update(url="/services/camhs/"),
        "an email that is no address": lambda r: r.update(email="nobody"),
        "an organisation without description": lambda r: r.update(organization={"id": r["id"], "name": "X"}),
        "a term without code": lambda r: r["attributes"][0]["taxonomy_term"].pop("code"),
    }
    missed = []
    for what, breakage in breakages.items():
        broken = copy.deepcopy(record)
        breakage(broken)
        if not record_errors(broken, full, listed):
            missed.append(what)
    return [f"a record with {what} was not refused" for what in missed]


def main(args):
    test = args[:1] == ["--self-test"]
    if test:
        args = args[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site, schemas = pathlib.Path(args[0]), pathlib.Path(args[1])
    errors = self_test(site, schemas) if test else check_site(site, schemas)
    for e in errors:
        print(e)
    if not test:
        count = len(json.loads((site / "openreferral" / "services" / "index.html").read_text())["contents"])
        print(f"{count} records checked against {schemas}: {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
