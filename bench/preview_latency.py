#!/usr/bin/env python3
"""Measures the preview server's latency from saving a service file to the
reload event, and to the edited page, on a generated partnership (see
generate.py).

    bench/preview_latency.py [--services 10000] [--edits 20] [--idle-edits 3]

Starts 'offergen serve' on a copy of the generated content, then edits
--edits different services one after another (a new summary each time,
written and closed as an editor saves) and times each from just before the
write to the arrival of the 'reload' event on an open /__offergen/events
stream, and then to the arrival of the service's page with the new summary,
fetched as the browser showing it would once told to reload. Prints every
edit, the medians and the worst, and the server's own "Rebuilt N pages in
M ms" lines. The server listens on 127.0.0.1 only.

Then --idle-edits more edits, each of a service that works in every area
(the most pages an edit of one service rebuilds) and each made once the
server has sat idle: it has printed the documents the edits before left
stale, which takes about a minute at 10,000 services, and used no CPU for
two seconds. An author who saves now and then meets the server so, with
its memory no longer in the processor's caches; edits in quick succession
keep it warm. These edits also fetch the A to Z list after the service's
page, and time its arrival.
"""

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
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


def fetch(port, path):
    """GETs `path` as a browser reloading it would; returns the body."""
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        s.settimeout(30)
        chunks = []
        while chunk := s.recv(1 << 16):
            chunks.append(chunk)
    return b"".join(chunks).split(b"\r\n\r\n", 1)[1]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--services", type=int, default=10000)
    p.add_argument("--edits", type=int, default=20)
    p.add_argument("--idle-edits", type=int, default=3)
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
    # The server's output, line by line, as it comes (None when it ends).
    output = queue.Queue()

    def read_output():
        for line in server.stdout:
            output.put(line)
        output.put(None)

    threading.Thread(target=read_output, daemon=True).start()
    lines = []
    port = None
    while port is None:
        line = output.get()
        if not line:
            sys.exit("the server stopped:\n" + "".join(lines))
        lines.append(line)
        m = re.search(r"Serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    print(f"{args.services} services: {lines[-2].strip()}")

    services = sorted(os.listdir(os.path.join(content, "services")))
    step = max(1, len(services) // args.edits)
    generation = 0

    # Each reload the server sends goes with one line of its output: "Rebuilt
    # ...", or "Printed the documents ..." after a document printed in the
    # background changed pages. `consumed` counts the lines read, so that the
    # line of an edit is known by its number: the reload with that number is
    # the edit's (an earlier one is the printer's). The server counts from 1.
    consumed = 1
    notices = ("Built ", "Rebuilt ", "Printed the documents", "The content has errors")

    def next_notice(wait=True):
        """The next notice line, or None when there is none yet and not `wait`."""
        nonlocal consumed
        while True:
            try:
                line = output.get(block=wait)
            except queue.Empty:
                return None
            if line is None:
                raise RuntimeError("the server stopped")
            if line.startswith(notices):
                consumed += 1
                return line.strip()

    def sync_generation():
        """Catches up with the reloads the printer caused since the last edit:
        its line comes before its reload, so every reload sent has its line."""
        nonlocal generation
        while next_notice(wait=False):
            pass
        generation = max(generation, consumed)

    def edit(i, name, lists=False):
        """Saves a new summary for `name`; returns (ms to the reload event, ms to the service's page,
        ms to the A to Z list when `lists`, the server's line, all areas?)."""
        nonlocal generation
        sync_generation()
        path = os.path.join(content, "services", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        summary = f"Edited {i} for the latency benchmark."
        text = re.sub(r"^summary: .*$", f'summary: "{summary}"', text, count=1, flags=re.M)
        service_page = f"/services/{name[:-len('.md')]}/"
        s, buffer = open_stream(port, generation)
        start = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

        def reloaded():
            """Waits for the next reload, then fetches the pages at once, as a browser showing them would."""
            nonlocal generation, buffer
            generation, buffer = wait_reload(s, buffer)
            elapsed = (time.perf_counter() - start) * 1000
            fetched = [(fetch(port, service_page), (time.perf_counter() - start) * 1000)]
            if lists:
                fetched.append((fetch(port, "/services/"), (time.perf_counter() - start) * 1000))
            return elapsed, fetched

        elapsed, fetched = reloaded()
        s.close()
        while True:  # the edit's line, after any of the printer's
            rebuilt = next_notice()
            if not rebuilt.startswith("Printed the documents"):
                break
        if generation < consumed:
            # That reload was the printer's: wait for the edit's.
            s, buffer = open_stream(port, generation)
            while generation < consumed:
                elapsed, fetched = reloaded()
            s.close()
        for body, _ in fetched:
            if summary.encode() not in body:
                raise RuntimeError(f"a page was served without the edit ({summary!r})")
        page = fetched[0][1]
        listed = fetched[1][1] if lists else None
        return elapsed, page, listed, rebuilt, "localities: all" in text

    def cpu_ticks():
        with open(f"/proc/{server.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def wait_idle(limit=300):
        """Waits until the server has used no CPU for two seconds; returns the seconds waited."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            before = cpu_ticks()
            time.sleep(2)
            if cpu_ticks() == before:
                break
        return time.monotonic() - start

    times, pages, idle_times, idle_pages, idle_lists = [], [], [], [], []
    try:
        edited = set()
        for i in range(args.edits):
            name = services[(i * step) % len(services)]
            edited.add(name)
            elapsed, page, _, rebuilt, all_areas = edit(i, name)
            times.append(elapsed)
            pages.append(page)
            print(f"  edit {i + 1:2}: {elapsed:6.1f} ms, page {page:6.1f} ms  {name}"
                  f"{' (all areas)' if all_areas else ''}: {rebuilt}")
        if args.idle_edits > 0:
            everywhere = []
            for name in services:
                if name in edited:
                    continue
                with open(os.path.join(content, "services", name), encoding="utf-8") as f:
                    if re.search(r"^localities: all\s*$", f.read(), flags=re.M):
                        everywhere.append(name)
            print(f"Edits of a service in every area, each once the server is idle:")
            for k, name in enumerate(everywhere[:args.idle_edits]):
                waited = wait_idle()
                elapsed, page, listed, rebuilt, _ = edit(args.edits + k, name, lists=True)
                idle_times.append(elapsed)
                idle_pages.append(page)
                idle_lists.append(listed)
                print(f"  idle edit {k + 1}: {elapsed:6.1f} ms, page {page:6.1f} ms, A to Z {listed:6.1f} ms  {name}"
                      f" (after {waited:.0f} s): {rebuilt}")
    finally:
        server.send_signal(2)
        server.wait(timeout=30)
        shutil.rmtree(content, ignore_errors=True)
    def summary(what, values):
        return f"{what}: median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms"

    print(f"{len(times)} edits:")
    print("  " + summary("save to reload event", times))
    print("  " + summary("save to the service's page", pages))
    if idle_times:
        print(f"{len(idle_times)} edits of a service in every area on an idle server:")
        print("  " + summary("save to reload event", idle_times))
        print("  " + summary("save to the service's page", idle_pages))
        print("  " + summary("save to the A to Z list", idle_lists))


if __name__ == "__main__":
    main()
