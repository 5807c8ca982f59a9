#!/usr/bin/env python3
"""Measures the preview server's latency from saving a service file to the
reload event, on a generated partnership (see generate.py).

    bench/preview_latency.py [--services 10000] [--edits 20]

Starts 'offergen serve' on a copy of the generated content, then edits
--edits different services one after another (a new summary each time,
written and closed as an editor saves) and times each from just before the
write to the arrival of the 'reload' event on an open /__offergen/events
stream. Prints every edit, the median and the worst, and the server's own
"Rebuilt N pages in M ms" lines. The server listens on 127.0.0.1 only.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from run import generate  # noqa: E402


def open_stream(port, since):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /__offergen/events?since={since} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    s.settimeout(30)
    buffer = b""
    while b"\r\n\r\n" not in buffer:  # the response's headers
        buffer += s.recv(4096)
    return s, buffer.split(b"\r\n\r\n", 1)[1]


def wait_reload(s, buffer):
    """Waits for the next reload event; returns (generation, what is left of the stream)."""
    while b"event: reload" not in buffer:
        chunk = s.recv(4096)
        if not chunk:
            raise RuntimeError("the stream closed before a reload event")
        buffer += chunk
    at = buffer.index(b"event: reload")
    while b"\n\n" not in buffer[at:]:
        buffer += s.recv(4096)
    end = buffer.index(b"\n\n", at) + 2
    return int(re.search(rb"data: (\d+)", buffer[at:end]).group(1)), buffer[end:]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--services", type=int, default=10000)
    p.add_argument("--edits", type=int, default=20)
    p.add_argument("--scratch", default=os.path.join(ROOT, "build", "bench"))
    p.add_argument("--offergen", default=os.path.join(ROOT, "build", "offergen"))
    args = p.parse_args()

    site = generate(args.services, args.scratch)
    content = os.path.join(site, "preview-content")
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(os.path.join(site, "offergen", "content"), content)
    server = subprocess.Popen([os.path.abspath(args.offergen), "serve", "--port", "0", "--content", content,
                               "--templates", os.path.join(ROOT, "templates"), "--today", "2026-11-22"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    port = None
    while port is None:
        line = server.stdout.readline()
        if not line:
            sys.exit("the server stopped:\n" + "".join(lines))
        lines.append(line)
        m = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    print(f"{args.services} services: {lines[-2].strip()}")

    services = sorted(os.listdir(os.path.join(content, "services")))
    step = max(1, len(services) // args.edits)
    times = []
    generation = 0
    try:
        for i in range(args.edits):
            name = services[(i * step) % len(services)]
            path = os.path.join(content, "services", name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"^summary: .*$", f'summary: "Edited {i} for the latency benchmark."', text, count=1,
                          flags=re.M)
            s, buffer = open_stream(port, generation)
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            # Documents printed in the background also reload the pages that
            # link to them (their sizes): those reloads are not this edit's.
            while True:
                generation, buffer = wait_reload(s, buffer)
                elapsed = (time.perf_counter() - start) * 1000
                rebuilt = server.stdout.readline().strip()
                if not rebuilt.startswith("Printed the documents"):
                    break
            s.close()
            all_areas = "localities: all" in text
            times.append(elapsed)
            print(f"  edit {i + 1:2}: {elapsed:6.1f} ms  {name}{' (all areas)' if all_areas else ''}: {rebuilt}")
    finally:
        server.send_signal(2)
        server.wait(timeout=30)
        shutil.rmtree(content, ignore_errors=True)
    print(f"save to reload event, {len(times)} edits: median {statistics.median(times):.1f} ms, "
          f"worst {max(times):.1f} ms")


if __name__ == "__main__":
    main()
