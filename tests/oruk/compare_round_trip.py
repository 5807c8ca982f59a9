#!/usr/bin/env python3
"""Compares two Open Referral UK exports record by record: the first built
from a partnership's content, the second from that export imported into an
empty partnership. They must hold the same records, ids included, member for
member, with one exception the import makes on purpose (docs/import.md,
"Round trip"): an email at a reserved or placeholder domain (example.org,
.invalid, noreply@ ...) is left out, so it is left out of the first export
before comparing, and must be absent from the second.

    compare_round_trip.py FIRST_SITE SECOND_SITE
    compare_round_trip.py --members SITE...   # the members the sites' records use, for coverage

Exit 0 when they are equal; else 1, naming each difference by record and path.
"""
import copy
import json
import sys


def records(site):
    with open(f"{site}/openreferral/services/index.html", encoding="utf-8") as f:
        page = json.load(f)
    out = {}
    for record in page["contents"]:
        with open(f"{site}/openreferral/services/{record['id']}", encoding="utf-8") as f:
            if json.load(f) != record:
                sys.exit(f"{site}: the record file {record['id']} is not the list's record")
        out[record["id"]] = record
    return out


def placeholder(email):
    """What the import takes for a placeholder (import/record_checks.cpp)."""
    lower = email.lower()
    domain = lower.rpartition("@")[2]
    return (domain.endswith((".invalid", ".example", ".test", ".localhost"))
            or domain in ("example.com", "example.org", "example.net") or "noemail" in domain
            or lower.startswith(("noreply@", "no-reply@")))


def expected(record):
    """The record as it comes back: without placeholder emails."""
    r = copy.deepcopy(record)
    if placeholder(r.get("email", "@")):
        del r["email"]
    contacts = []
    for c in r.get("contacts", []):
        if placeholder(c.get("email", "@")):
            c.pop("email", None)
        if "email" in c or c.get("phones"):  # the export writes a contact only with one of them
            contacts.append(c)
    if "contacts" in r:
        r["contacts"] = contacts
        if not contacts:
            del r["contacts"]
    return r


def differences(a, b, path):
    if type(a) is not type(b):
        return [f"{path}: {json.dumps(a, ensure_ascii=False)} became {json.dumps(b, ensure_ascii=False)}"]
    if isinstance(a, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            if key not in b:
                out.append(f"{path}.{key}: lost ({json.dumps(a[key], ensure_ascii=False)[:200]})")
            elif key not in a:
                out.append(f"{path}.{key}: added ({json.dumps(b[key], ensure_ascii=False)[:200]})")
            else:
                out += differences(a[key], b[key], f"{path}.{key}")
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items became {len(b)}: {json.dumps(a, ensure_ascii=False)[:300]} became "
                    f"{json.dumps(b, ensure_ascii=False)[:300]}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {json.dumps(a, ensure_ascii=False)} became {json.dumps(b, ensure_ascii=False)}"]


def members(record, prefix=""):
    for key, value in record.items():
        yield prefix + key
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                yield from members(item, prefix + key + ".")


def main(argv):
    if argv[1:2] == ["--members"]:
        found = set()
        for site in argv[2:]:
            for record in records(site).values():
                found.update(members(record))
        print("\n".join(sorted(found)))
        return 0
    first, second = records(argv[1]), records(argv[2])
    problems = [f"record {i} ('{first[i]['name']}') did not come back" for i in sorted(set(first) - set(second))]
    problems += [f"record {i} ('{second[i]['name']}') is new" for i in sorted(set(second) - set(first))]
    for i in sorted(set(first) & set(second)):
        problems += differences(expected(first[i]), second[i], f"'{first[i]['name']}' ({i})")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(first)} records came back the same, ids included")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
