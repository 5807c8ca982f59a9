#!/usr/bin/env python3
"""Times offergen against Hugo and Eleventy on generated partnerships (see generate.py).

    bench/run.py [--sizes 1000,10000,100000] [--runs 3] [--rebuilds 3] [--hugo-max 10000]
                 [--eleventy-max 10000] [--documents-max 10000] [--scratch build/bench]
                 [--offergen build/offergen]

For each size N it generates the offergen content and the equivalent Hugo
and Eleventy sites once (kept under --scratch, git-ignored), then runs
'offergen build', 'hugo' and Eleventy 3 (node on bench/eleventy's
node_modules/@11ty/eleventy/cmd.cjs, installed by 'npm ci' there)
alternately, --runs times each, under /usr/bin/time -v, and prints the
median wall time, CPU time (user + system) and peak memory of each, the
ratios offergen/Hugo and offergen/Eleventy, and how many HTML pages each
tool's first run wrote. Neither makes PDFs, so these builds are
'offergen build --no-documents'; the printable documents (a directory per
area, five pathway guides, the plan on a page) are timed on their own: one
build with them per size up to --documents-max, compared with the same build
without. Hugo is skipped above --hugo-max services and Eleventy above
--eleventy-max (they take minutes and gigabytes there), and either when it
is not installed. Then each tool rebuilds, --rebuilds times, into a folder
that holds its earlier builds, as someone editing the content does: Hugo and
Eleventy write over their output folder, and offergen over the build before
last (the "rebuild" rows). Every other run writes to a fresh folder, and the
outputs are removed only at the end: deleting tens of thousands of files
slows down the creation of files for minutes afterwards on an ext4 disk
without a journal (such as this machine's), whose allocator passes over
every inode freed in the last 60 to 360 seconds, one at a time. So a run
first waits until --settle seconds (default 360) have passed since the last
run removed its outputs (noted in --scratch/last-cleanup); removing big
folders yourself just before a run has the same effect, and this script
cannot see it. Each timed run starts after sync(), so that no run spends
its cores on writing back an earlier run's output (the kernel writes dirty
pages back from 30 seconds after they were made, on the same two cores the
tools run on, whichever run that falls in); --no-sync leaves it out. And
each timed run starts with its tool's executable and input in memory
(for Eleventy: node, its packages and the site's folder):
this machine pages out files nobody has read for a few seconds, so the
tool that ran second would otherwise read its input from the disk again
after every run of the other (offergen's content, idle through Hugo's
seven seconds, was; Hugo's, idle through offergen's one, mostly was not).
All tools are treated alike; --cold leaves it out, and then the figures
include reading the input from the disk.

--hold-memory GB controls one more thing, and only when asked. This
machine is a virtual machine, and memory it has not touched for a while
costs a fault in the host, microseconds a page, when it is touched again:
its kernel hands the memory it frees back to the host once a gigabyte of it
is waiting ("free page reporting", /sys/module/page_reporting/parameters/
max_waiting_mib), and memory left idle is taken back too. A run that needs
little new memory (offergen at 10,000 services: 150 MB of heap and 200 MB
of files) mostly gets pages used moments before; one that needs a lot
(offergen at 100,000: 1.2 GB and 2.1 GB) pays for most of it, so its time
grows faster than its work. With --hold-memory the bench raises that limit
to all of memory for its duration (and restores it after), and just before
each timed run touches up to GB gigabytes, never more than the free memory
less one, and frees them, so that each run of every tool starts with
backed memory. It is a diagnosis of this machine, not a figure to quote:
on the disk the file system's own costs remain (see bench/README.md).
The growth lines at the end show user and system CPU apart, since only the
system share carries the machine's costs.
"""

import argparse
import ctypes
import hashlib
import mmap
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ELEVENTY_DIR = os.path.join(HERE, "eleventy")  # package.json and the lockfile; bench/run.sh runs npm ci there
ELEVENTY_CMD = os.path.join(ELEVENTY_DIR, "node_modules", "@11ty", "eleventy", "cmd.cjs")


def cleanup_stamp(scratch):
    return os.path.join(scratch, "last-cleanup")


def note_cleanup(scratch):
    os.sync()
    with open(cleanup_stamp(scratch), "w") as f:
        f.write(f"{time.time():.0f}\n")


def filesystem_type(path):
    """The type of the filesystem `path` is on ("ext4", "tmpfs"), from /proc/mounts."""
    path = os.path.realpath(path)
    best, kind = "", "unknown"
    try:
        for line in open("/proc/mounts"):
            fields = line.split()
            mount = fields[1]
            if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best):
                best, kind = mount, fields[2]
    except OSError:
        pass
    return kind


def settle(scratch, seconds):
    """Waits until `seconds` have passed since the last run's outputs were removed (not on tmpfs)."""
    if filesystem_type(scratch) == "tmpfs":
        return
    try:
        since = time.time() - float(open(cleanup_stamp(scratch)).read())
    except (OSError, ValueError):
        return
    if since < seconds:
        wait = seconds - since
        print(f"waiting {wait:.0f} s: the disk is still slow to make files after the last run removed its outputs",
              flush=True)
        time.sleep(wait)


def generate(n, scratch):
    site = os.path.join(scratch, f"n{n}")
    stamp = os.path.join(site, "generated-by")
    with open(os.path.join(HERE, "generate.py"), "rb") as f:
        version = hashlib.sha256(f.read()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read() == version:
        return site
    if os.path.exists(site):
        shutil.rmtree(site, ignore_errors=True)
        note_cleanup(scratch)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(n), site], check=True)
    with open(stamp, "w") as f:
        f.write(version)
    return site


SYNC = True
WARM = True
HOLD_GB = 0.0
PAGE_REPORTING = "/sys/module/page_reporting/parameters/max_waiting_mib"


def hold_memory():
    """Raises the kernel's limit on freed memory kept back from the host; returns the old limit to restore."""
    try:
        with open(PAGE_REPORTING) as f:
            old = f.read().strip()
        total_mib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
        with open(PAGE_REPORTING, "w") as f:
            f.write(str(total_mib))
        return old
    except OSError as e:
        sys.exit(f"--hold-memory: cannot set {PAGE_REPORTING} ({e.strerror}): this kernel does not hand freed "
                 "memory back that way, or this user may not change it")


def release_memory(old):
    with open(PAGE_REPORTING, "w") as f:
        f.write(old)


def free_memory():
    with open("/proc/meminfo") as f:
        return int(re.search(r"^MemFree:\s+(\d+) kB", f.read(), re.M).group(1)) << 10


def touch_memory(size):
    """Touches `size` bytes of new memory at once and frees them: backed pages for the runs to use."""
    if size <= 0:
        return
    area = mmap.mmap(-1, size)
    view = ctypes.c_char.from_buffer(area)
    ctypes.memset(ctypes.addressof(view), 1, size)
    del view
    area.close()


def warm(paths):
    """Reads every file under `paths` (files or folders), so that they are in memory."""
    for path in paths:
        files = [path] if os.path.isfile(path) else \
            [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs]
        for f in files:
            try:
                with open(f, "rb") as fh:
                    while fh.read(1 << 20):
                        pass
            except OSError:
                pass


def timed(command, cwd, inputs=()):
    """Runs `command` under /usr/bin/time -v; returns (wall s, cpu s, peak MB, stdout+stderr, (user s, system s))."""
    if SYNC:
        os.sync()  # earlier runs' output is on the disk before this one starts
    if HOLD_GB:
        touch_memory(max(0, min(int(HOLD_GB * (1 << 30)), free_memory() - (1 << 30))))
    if WARM:
        warm([shutil.which(command[0]) or command[0]] + [os.path.join(cwd, i) for i in inputs])
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    err = result.stderr

    def field(name):
        return re.search(re.escape(name) + r": (.*)", err).group(1).strip()

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, user + system, peak, result.stdout + err, (user, system)


def offergen_timings(text):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([0-9.]+) ms\b", text, re.M)}


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--hugo-max", type=int, default=10000)
    p.add_argument("--eleventy-max", type=int, default=10000)
    p.add_argument("--documents-max", type=int, default=10000)
    p.add_argument("--scratch", default=os.path.join(ROOT, "build", "bench"))
    p.add_argument("--offergen", default=os.path.join(ROOT, "build", "offergen"))
    p.add_argument("--floor", default=os.path.join(ROOT, "build", "bench", "floor_bench"),
                   help="the floor (bench/floor_bench.cpp, built with -DOFFERGEN_BENCH=ON); skipped when missing")
    p.add_argument("--rebuilds", type=int, default=3,
                   help="timed rebuilds of each tool into a folder that holds its earlier builds (0: none)")
    p.add_argument("--settle", type=float, default=360,
                   help="seconds to leave between removing outputs and timing builds (0: do not wait)")
    p.add_argument("--no-sync", dest="sync", action="store_false",
                   help="do not sync() before each timed run (see above)")
    p.add_argument("--cold", dest="warm", action="store_false",
                   help="do not read each tool's executable and input into memory before its run (see above)")
    p.add_argument("--hold-memory", type=float, default=0, metavar="GB",
                   help="keep the memory the machine frees from the host, and touch up to GB gigabytes just before "
                        "each timed run (see above; 4 covers 100,000 services)")
    args = p.parse_args()
    global SYNC, WARM, HOLD_GB
    SYNC = args.sync
    WARM = args.warm
    HOLD_GB = args.hold_memory
    held = hold_memory() if HOLD_GB else None
    try:
        run(args)
    finally:
        if held is not None:
            release_memory(held)


def competitors(args):
    """The tools offergen is timed against, as they are installed: name -> a dict of label, version, max (the most
    services it is run on), command (for an output folder), cwd (under the site's folder) and inputs (to warm)."""
    tools = {}
    hugo = shutil.which("hugo")
    if hugo:
        version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
        tools["hugo"] = dict(label="Hugo", version=version, max=args.hugo_max, cwd="", inputs=["hugo"],
                             command=lambda out: [hugo, "--quiet", "-s", "hugo", "-d", out])
    node = shutil.which("node")
    if node and os.path.exists(ELEVENTY_CMD):
        # Eleventy runs in the site's eleventy/ folder, where it finds eleventy.config.cjs; node loads its packages
        # from bench/eleventy/node_modules, next to cmd.cjs. (Run from bench/eleventy with --input and --config
        # pointing at a folder outside the repository, Eleventy 3 ignores the services' directory data file.)
        version = subprocess.run([node, ELEVENTY_CMD, "--version"], capture_output=True, text=True).stdout.strip()
        node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        tools["eleventy"] = dict(label="Eleventy", version=f"Eleventy {version} on Node.js {node_version}",
                                 max=args.eleventy_max, cwd="eleventy",
                                 inputs=[".", os.path.join(ELEVENTY_DIR, "node_modules")],
                                 command=lambda out: [node, ELEVENTY_CMD, "--quiet", f"--output={out}"])
    return tools


def html_files(folder):
    return sum(1 for _, _, fs in os.walk(folder) for f in fs if f.endswith(".html"))


def run(args):
    sizes = [int(s) for s in args.sizes.split(",")]
    offergen = os.path.abspath(args.offergen)
    templates = os.path.join(ROOT, "templates")
    os.makedirs(args.scratch, exist_ok=True)
    others = competitors(args)
    print(f"offergen: {offergen}; hugo: {others['hugo']['version'] if 'hugo' in others else 'not installed'}; "
          f"eleventy: {others['eleventy']['version'] if 'eleventy' in others else 'not installed (npm ci in bench/eleventy)'}")
    print(f"machine: {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}; "
          f"outputs on {filesystem_type(args.scratch)}; " +
          (f"freed memory held, up to {HOLD_GB:g} GB touched before each run" if HOLD_GB
           else "memory as the machine gives it"))

    rows = []
    outputs = []
    documents = []
    pages = []
    for n in sizes:
        site = generate(n, args.scratch)
        settle(args.scratch, args.settle)
        active = [name for name, tool in others.items() if n <= tool["max"]]
        runs = {"offergen": [], **{name: [] for name in active}}
        first = {}  # tool -> the output folder of its first run, whose pages are counted
        stages = []
        for r in range(args.runs):
            stamp = f"{int(time.time() * 1000)}-{r}"
            out = os.path.join(site, f"out-offergen-{stamp}")
            outputs.append(out)
            first.setdefault("offergen", out)
            wall, cpu, peak, text, split = timed([offergen, "build", "--quiet", "--timings", "--no-documents",
                                                  "--content", "offergen/content", "--templates", templates, "--out",
                                                  out, "--today", "2026-11-22"],
                                                 site, inputs=["offergen/content", templates])
            runs["offergen"].append((wall, cpu, peak, *split))
            stages.append(offergen_timings(text))
            for name in active:
                tool = others[name]
                tout = os.path.join(site, f"out-{name}-{stamp}")
                outputs.append(tout)
                first.setdefault(name, tout)
                result = timed(tool["command"](tout), os.path.join(site, tool["cwd"]), inputs=tool["inputs"])
                runs[name].append((*result[:3], *result[4]))
            print(f"  N={n} run {r + 1}: offergen {wall:.2f} s" +
                  "".join(f", {name} {runs[name][-1][0]:.2f} s" for name in active), flush=True)
        if first:
            counts = {tool: html_files(folder) for tool, folder in first.items()}
            pages.append((n, counts))
            print(f"  N={n} HTML pages: " + ", ".join(f"{tool} {count}" for tool, count in counts.items()), flush=True)
        # Rebuilds: each tool builds again and again into one folder, as an
        # editor does. Hugo and Eleventy write over their output folder;
        # offergen swaps a new site in and writes the next build over the one
        # before last, so it takes two builds before the first timed one.
        if args.rebuilds > 0:
            now = int(time.time() * 1000)
            outs = {tool: os.path.join(site, f"out-{tool}-rebuild-{now}") for tool in ["offergen", *active]}
            outputs.extend(outs.values())
            outputs.append(os.path.join(site, "." + os.path.basename(outs["offergen"]) + ".offergen-previous"))
            commands = {"offergen": ([offergen, "build", "--quiet", "--no-documents", "--content", "offergen/content",
                                      "--templates", templates, "--out", outs["offergen"], "--today", "2026-11-22"],
                                     site, ["offergen/content", templates])}
            for name in active:
                tool = others[name]
                commands[name] = (tool["command"](outs[name]), os.path.join(site, tool["cwd"]), tool["inputs"])
            tools = ["offergen", *active]
            for tool in tools:
                runs[tool + " rebuild"] = []
                for _ in range(2):
                    timed(commands[tool][0], commands[tool][1], inputs=commands[tool][2])
            for r in range(args.rebuilds):
                for tool in tools:
                    rebuilt = timed(commands[tool][0], commands[tool][1], inputs=commands[tool][2])
                    runs[tool + " rebuild"].append((*rebuilt[:3], *rebuilt[4]))
                print(f"  N={n} rebuild {r + 1}: " +
                      ", ".join(f"{tool} {runs[tool + ' rebuild'][-1][0]:.2f} s" for tool in tools), flush=True)
        # The floor: yaml-cpp, cmark-gfm and the writes alone, on every core.
        if os.path.exists(args.floor):
            runs["floor"] = []
            for r in range(args.runs):
                out = os.path.join(site, f"out-floor-{int(time.time() * 1000)}-{r}")
                outputs.append(out)
                floor = timed([os.path.abspath(args.floor), "offergen/content", out], site, inputs=["offergen/content"])
                runs["floor"].append((*floor[:3], *floor[4]))
            ratio = median([x[0] for x in runs["offergen"]]) / median([x[0] for x in runs["floor"]])
            print(f"  N={n} floor {median([x[0] for x in runs['floor']]):.2f} s: offergen takes {ratio:.2f} times "
                  "as long", flush=True)
        for tool in ("offergen", *others, "floor", "offergen rebuild", *(name + " rebuild" for name in others)):
            if runs.get(tool):
                rows.append((n, tool, *(median([x[i] for x in runs[tool]]) for i in range(5))))
        # The stages of the offergen run with the median wall time.
        middle = sorted(range(len(stages)), key=lambda i: runs["offergen"][i][0])[len(stages) // 2]
        print(f"  N={n} offergen stages (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in stages[middle].items()))
        if n <= args.documents_max:
            out = os.path.join(site, f"out-documents-{int(time.time() * 1000)}")
            outputs.append(out)
            wall, cpu, peak, text, _ = timed([offergen, "build", "--timings", "--content", "offergen/content",
                                              "--templates", templates, "--out", out, "--today", "2026-11-22"], site)
            built = re.search(r"Built (\d+) pages and (\d+) documents", text)
            pdf_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(out, "downloads"))
                            for f in fs)
            pages_only = median([x[1] for x in runs["offergen"]])
            documents.append((n, int(built.group(2)), pdf_bytes / 1e6, wall, cpu, cpu - pages_only, peak))

    # (size, tool) -> (wall, CPU, memory, user CPU, system CPU), the medians.
    medians = {(r[0], r[1]): r[2:] for r in rows}
    # A group of ratio columns for each tool that ran: offergen/Hugo, offergen/Eleventy.
    compared = [name for name in others if any(r[1] == name for r in rows)]
    print()
    print((f"{'':>9} {'':<16} {'':>8} {'':>8} {'':>8}" +
           "".join(f"   {'offergen/' + others[name]['label']:<20}" for name in compared)).rstrip())
    print(f"{'services':>9} {'tool':<16} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}" +
          "".join(f"   {'wall':>6} {'CPU':>6} {'memory':>6}" for _ in compared))
    for n, tool, w, c, m, _, _ in rows:
        ratios, times = "", []
        if tool.startswith("offergen"):
            for name in compared:
                other = tool.replace("offergen", name)
                if (n, other) in medians:
                    ow, oc, om = medians[(n, other)][:3]
                    ratios += f"   {w / ow:6.3f} {c / oc:6.3f} {m / om:6.3f}"
                    times.append(f"{others[name]['label']}/offergen {ow / w:.1f}x wall, {om / m:.1f}x memory")
                else:
                    ratios += f"   {'':>20}"
        print(f"{n:>9} {tool:<16} {w:8.2f} {c:8.2f} {m:8.1f}{ratios.rstrip()}" +
              (f"   ({'; '.join(times)})" if times else ""))
    if pages:
        print()
        print("HTML pages written (first run of each):")
        for n, counts in pages:
            print(f"  {n:>9} services: " + ", ".join(f"{tool} {count}" for tool, count in counts.items()))
    # How each tool's cost grows from one size to the next, against the growth
    # in services: wall, CPU, user CPU (the tool's own work), system CPU (the
    # kernel's, which carries the machine's cost of new memory) and memory.
    growth = [(a, b, tool) for tool in ("offergen", "offergen rebuild", "hugo", "hugo rebuild", "eleventy",
                                        "eleventy rebuild")
              for a, b in zip(sizes, sizes[1:]) if (a, tool) in medians and (b, tool) in medians]
    if growth:
        print()
        print("Growth from one size to the next (services grow by the first figure):")
        for a, b, tool in growth:
            x, y = medians[(a, tool)], medians[(b, tool)]
            g = [y[i] / x[i] if x[i] else float("nan") for i in range(5)]
            print(f"  {tool:<16} {a:>7} -> {b:>7} ({b / a:g}x): wall {g[0]:.1f}x, CPU {g[1]:.1f}x "
                  f"(user {g[3]:.1f}x, system {g[4]:.1f}x), memory {g[2]:.1f}x")
    if documents:
        print()
        print("The same builds with the printable documents (one run each):")
        print(f"{'services':>9} {'PDFs':>5} {'PDF MB':>7} {'wall s':>8} {'CPU s':>8} {'CPU for PDFs':>13} {'peak MB':>8}")
        for n, count, mb, wall, cpu, extra, peak in documents:
            print(f"{n:>9} {count:>5} {mb:7.1f} {wall:8.2f} {cpu:8.2f} {extra:13.2f} {peak:8.1f}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")

    for out in outputs:
        shutil.rmtree(out, ignore_errors=True)
    note_cleanup(args.scratch)


if __name__ == "__main__":
    main()
