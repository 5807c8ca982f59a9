#!/usr/bin/env python3
"""Times how fast offergen refuses bad input (bench/README.md, "Refusing bad
input"): for each kind of input past a limit, a file of about 10 MB (and, for
content, one of about 1 MB, under the file limit, so that the check for that
kind runs rather than the limit on size), `offergen check` or `offergen import
oruk` on it, with its wall time, peak memory and first line of output.

    python3 bench/limits.py [--offergen build/offergen] [--scratch DIR]

Content cases go into a copy of tests/sites/basic/content; feeds are imported
into a copy of tests/sites/import-target/content. Anything over a second is
marked SLOW and makes the script exit 1.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1 << 20
FRONT = "---\nname: Bad input\nsummary: A service for timing.\ncategories: [parenting]\nlevels: [1]\n" \
        "localities: all\naccess: [self-referral]\nlast_reviewed: 2026-01-10\n---\n\n"


def fill(unit, size):
    """`unit` repeated to about `size` bytes."""
    return unit * max(1, size // len(unit))


def staircase(size, step, text):
    """Lines of `text`, each indented `step` more than the one before, to about `size` bytes."""
    lines, total = [], 0
    while total < size:
        lines.append(step * len(lines) + text)
        total += len(lines[-1])
    return "".join(lines)


def nested_mappings(size):
    """Block mappings one inside another, each a column deeper: as deep as fits in `size`."""
    lines = staircase(size, " ", "k:\n")
    return lines + " " * lines.count("\n") + "k: x\n"


def indented_lists(size):
    """Markdown list items, each indented two columns more than the one before."""
    return staircase(size, "  ", "- item\n")


def glossary_mistakes(size):
    """As many glossary terms as fit under the limits, each with an unknown key and a block of Markdown."""
    terms, total = ["terms:\n"], 0
    while total < size and len(terms) < 10_000:
        term = f"  - term: Term {len(terms)}\n    definiton: x\n    definition: |\n      Words.\n"
        terms.append(term)
        total += len(term)
    return "".join(terms)


def content_cases(size):
    """(name, path in content/, text) for content `size` bytes or so."""
    return [
        ("service of many paragraphs", "services/big.md", FRONT + fill("Some words about the service.\n\n", size)),
        ("one long line", "services/long-line.md", FRONT + fill("word ", size) + "\n"),
        ("YAML block mappings, deep", "glossary.yaml", nested_mappings(size)),
        ("YAML flow lists, deep", "glossary.yaml", "a:\n" + fill("[" * 10_000 + "\n", size)),
        ("YAML list, long", "glossary.yaml", fill("- x\n", size)),
        ("YAML mapping, long", "glossary.yaml", "".join(f"k{i}: 1\n" for i in range(size // 10))),
        ("glossary, a mistake in every term", "glossary.yaml", glossary_mistakes(size)),
        ("Markdown block quotes, deep", "services/quotes.md", FRONT + fill(">" * 10_000 + "\n", size)),
        ("Markdown lists, indented", "services/lists.md", FRONT + indented_lists(size)),
        ("Markdown brackets", "services/brackets.md", FRONT + fill("[" * 10_000 + "\n", size)),
        ("Markdown emphasis", "services/emphasis.md", FRONT + fill("*a " * 3_000 + "\n", size)),
    ]


def feed_cases(size):
    record = '{"id": "1", "name": "Deep", "description": "%s"}'
    return [
        ("JSON lists, deep", "[" * size),
        ("JSON list, long", "[" + fill("0,", size) + "0]"),
        ("JSON lists, long", "[" + ",".join(["[" + ",".join(["0"] * 99_999) + "]"] * (size // 200_000)) + "]"),
        ("HTML description, deep", "[" + record % fill("<div>", size) + "]"),
        ("HTML description, long", "[" + record % fill("<p>words and words</p>", size) + "]"),
        ("description, long text", "[" + record % fill("words and words. ", size) + "]"),
    ]


def run(args):
    """Runs `args` under /usr/bin/time (whose peak memory is offergen's own,
    not that of this script, which a fork would share); returns (exit code,
    wall seconds, peak RSS in MB, the first error or skipped record printed,
    else the first line)."""
    with tempfile.NamedTemporaryFile("r") as usage:
        start = time.monotonic()
        proc = subprocess.run(["/usr/bin/time", "-o", usage.name, "-f", "%M"] + args, capture_output=True, cwd=ROOT)
        wall = time.monotonic() - start
        rss_kb = int(usage.read().split()[-1])
    lines = [line for line in (proc.stdout + proc.stderr).decode("utf-8", "replace").split("\n") if line.strip()]
    errors = [line for line in lines if ": error: " in line or line.startswith("skipped")]
    return proc.returncode, wall, rss_kb / 1024, (errors or lines or [""])[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offergen", default=os.path.join(ROOT, "build", "offergen"))
    parser.add_argument("--scratch", default=None, help="where to write the inputs (default: a temporary folder)")
    parser.add_argument("--size", type=float, default=10, help="MB of each large input (default 10)")
    opts = parser.parse_args()
    scratch = opts.scratch or tempfile.mkdtemp(prefix="offergen-limits-")
    rows, slow = [], False

    def record(name, size, result):
        nonlocal slow
        code, wall, rss, first = result
        mark = " SLOW" if wall > 1 else ""
        slow = slow or wall > 1
        rows.append(f"| {name} | {size / MB:.1f} MB | {code} | {wall:.2f} s{mark} | {rss:.0f} MB | `{first[:110]}` |")
        print(rows[-1], flush=True)

    print("| input | size | exit | wall | peak RSS | first line of output |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for size in (int(opts.size * MB), 1_000_000):
        for name, path, text in content_cases(size):
            content = os.path.join(scratch, "content")
            shutil.rmtree(content, ignore_errors=True)
            shutil.copytree(os.path.join(ROOT, "tests", "sites", "basic", "content"), content)
            with open(os.path.join(content, path), "w", encoding="utf-8") as f:
                f.write(text)
            record(name, len(text), run([opts.offergen, "check", "--content", content, "--today", "2026-11-22"]))
    for name, text in feed_cases(int(opts.size * MB)):
        content = os.path.join(scratch, "import")
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "tests", "sites", "import-target", "content"), content)
        feed = os.path.join(scratch, "feed.json")
        with open(feed, "w", encoding="utf-8") as f:
            f.write(text)
        record(name, len(text), run([opts.offergen, "import", "oruk", feed, "--into", content]))
    if not opts.scratch:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
