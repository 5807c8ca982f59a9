#!/usr/bin/python3
"""A client of a built site's Open Referral UK API on a plain static host.

    walk_api.py SITE

Serves SITE with `python3 -m http.server` on 127.0.0.1 and follows the ORUK
OpenAPI paths from the API's base, /openreferral: GET / (version, profile,
openapi_url), GET /services (the page of services) and GET /services/{id}
for every service on it, GET /taxonomies and /taxonomy_terms and each of
their items by id. Exit 1 naming what a client could not find.
"""
import json
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # follows /services -> /services/
        return json.loads(response.read())


def walk(base):
    problems, fetched = [], 0
    root = get(base + "/")
    for key in ("version", "profile", "openapi_url"):
        if key not in root:
            problems.append(f"GET /: no {key}")
    for kind in ("services", "taxonomies", "taxonomy_terms"):
        page = get(f"{base}/{kind}")
        fetched += 1
        if page.get("total_items") != len(page.get("contents", [])) or page.get("total_pages") != 1:
            problems.append(f"GET /{kind}: the page does not hold all {page.get('total_items')} items")
        for item in page.get("contents", []):
            one = get(f"{base}/{kind}/{item['id']}")
            fetched += 1
            if one != item:
                problems.append(f"GET /{kind}/{item['id']}: not the item the list gives")
        if kind == "services" and not page.get("contents"):
            problems.append("GET /services: no services")
    return problems, fetched


def main(args):
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", args[0]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/openreferral"
        for _ in range(100):
            try:
                get(base + "/")
                break
            except OSError:
                time.sleep(0.1)
        problems, fetched = walk(base)
    finally:
        server.terminate()
        server.wait()
    for p in problems:
        print(p)
    print(f"{fetched} resources fetched from {args[0]} on a static host: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
