"""Ingest: ``newsmeta parse --jsonl`` over the 100k NewsAPI pool sample, end to end.

    python -m bench.bench_ingest                 # all 100,000 items; a few minutes
    python -m bench.bench_ingest --items 20000   # a quicker run on the first 20,000
    python -m bench.bench_ingest --validate      # add a row for newsmeta validate

Every row runs in a fresh process, writing to /dev/null, timed on the wall
clock, in the same run:

- *floor*: read the .gz, split lines, ``orjson.loads`` each item and
  ``orjson.dumps`` it back (what any JSON Lines pipeline does at least);
- ``newsmeta parse --jsonl FILE`` (one process) and ``--jobs 2``;
- what two busy processes get out of the machine at that moment: two
  independent one-process runs started together (no shared work, nothing to
  hand over). Two busy cores slow each other (shared cache, the hypervisor)
  by an amount that varies from run to run, so ``--jobs 2`` is shown beside
  it as well as against 2x (a reference, not a bound: the pair also reads and
  decompresses the input twice);
- peak RSS of the newsmeta run (``ru_maxrss`` from ``wait4``; with ``--jobs``
  the largest of the parent and its workers) over the first 10,000 items and
  over all of them, to show memory does not grow with the input.

Last, in this process, the CPU per item of the first 3,000 items, best of
three passes: the floor's ``orjson.loads`` + ``orjson.dumps``; each item's
finished record built again from ready values (``record_builder``: the cost
of the output contract alone, nothing recognised), and that record's
``to_json``; and newsmeta's ``parse`` + ``to_json``. They show how much of the
per-item budget the target leaves for parsing.

Targets (issue 5): one process at least 1/4 of the floor's rate; ``--jobs 2``
at least 1.7x one process. Other work on the machine slows every row; the
load average is printed so a reader can judge.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import orjson

import newsmeta
from bench._common import POOL, machine, record_builder

FLOOR = """
import gzip, sys, orjson
out = open(sys.argv[2], "wb")
with gzip.open(sys.argv[1], "rb") as fh:
    for line in fh:
        if line.strip():
            out.write(orjson.dumps(orjson.loads(line)) + b"\\n")
"""


class Run(NamedTuple):
    wall: float
    """Seconds on the wall clock."""
    cpu: float
    """User + system CPU seconds of the process and the workers it waited for."""
    rss: int
    """Peak resident set size in KiB (the largest of the process and its workers)."""
    code: int


def _wait(argv: list[str], proc: subprocess.Popen[bytes], start: float) -> Run:
    """Wait for ``proc``: its wall seconds since ``start``, CPU, peak RSS and exit
    status; a status other than 0 or 1 (all parsed / some failed) stops the bench."""
    _pid, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    err = ""
    if proc.stderr is not None:
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{argv} failed ({code}): {err[-2000:]}")
    return Run(secs, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code)


def run(argv: list[str]) -> Run:
    """Wall and CPU seconds, peak RSS and exit status of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return _wait(argv, proc, start)


def run_pair(argv: list[str]) -> tuple[Run, Run, float]:
    """Two copies of a command started together: each one's run and the wall
    time until both have finished. (Their stderr is discarded: a pipe neither
    is reading from could fill while the other is waited for.)"""
    start = time.perf_counter()
    procs = [
        subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(2)
    ]
    first, second = (_wait(argv, proc, start) for proc in procs)
    return first, second, time.perf_counter() - start


def subset(n: int, folder: Path) -> Path:
    path = folder / f"pool-{n}.jsonl.gz"
    with gzip.open(POOL, "rb") as src, gzip.open(path, "wb", compresslevel=6) as dst:
        dst.writelines(itertools.islice(src, n))
    return path


def per_item(count: int = 3000) -> dict[str, float]:
    """CPU µs per item, best of three passes, of the floor's work, the finished
    records built from ready values, with ``to_json``, and newsmeta's parse."""
    with gzip.open(POOL, "rb") as fh:
        lines = [line for line in itertools.islice(fh, count) if line.strip()]
    records = [newsmeta.parse(line, format="newsapi") for line in lines]
    builders = [record_builder(r) for r in records]

    def best(fn: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        return min(times) / len(lines) * 1e6

    def floor() -> None:
        for line in lines:
            orjson.dumps(orjson.loads(line))

    def built() -> None:
        for b in builders:
            b()

    def built_json() -> None:
        for b in builders:
            b().to_json()

    def parsed() -> None:
        for line in lines:
            newsmeta.parse(line, format="newsapi").to_json()

    # Each pass keeps nothing: a list of 3,000 records would make the
    # collector walk a growing heap and time the collector instead.
    return {
        "floor: orjson.loads + orjson.dumps": best(floor),
        "the record alone, built": best(built),
        "the record alone, built + to_json": best(built_json),
        "newsmeta.parse + to_json": best(parsed),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=None, help="use only the first N items")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--validate", action="store_true", help="also time newsmeta validate --format jsonl"
    )
    args = ap.parse_args()
    if not POOL.exists():
        sys.exit(f"{POOL} is missing")
    py = sys.executable
    newsmeta = [py, "-m", "newsmeta", "parse", "--jsonl"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small_path = subset(10_000, folder)
        data = subset(args.items, folder) if args.items else POOL
        with gzip.open(POOL, "rb") as fh:
            n = args.items or sum(1 for line in fh if line.strip())
        floor_script = folder / "floor.py"
        floor_script.write_text(FLOOR)

        print(f"# bench_ingest: {machine()}; {n:,} items from {POOL.name}")
        floor = run([py, str(floor_script), str(data), os.devnull])
        one = run([*newsmeta, str(data)])
        jobs = run([*newsmeta, "--jobs", str(args.jobs), str(data)])
        small = run([*newsmeta, str(small_path)])
        pair = run_pair([*newsmeta, str(data)]) if args.jobs == 2 else None
        checked = None
        if args.validate:
            checked = run([py, "-m", "newsmeta", "validate", "--format", "jsonl", str(data)])
        load = os.getloadavg()[0]

    def row(label: str, r: Run, items: int) -> None:
        print(
            f"{label:44s} {items / r.wall:9,.0f} {r.wall:8.1f} {r.cpu:8.1f} {r.rss / 1024:7.0f} MB"
        )

    print(f"{'what':44s} {'items/s':>9s} {'wall s':>8s} {'CPU s':>8s} {'peak RSS':>10s}")
    row("floor: gunzip, orjson.loads, orjson.dumps", floor, n)
    row("newsmeta parse --jsonl", one, n)
    row(f"newsmeta parse --jsonl --jobs {args.jobs}", jobs, n)
    row("newsmeta parse --jsonl, first 10,000 items", small, 10_000)
    if pair is not None:
        row("two one-process runs at once: the first", pair[0], n)
        row("  and the second", pair[1], n)
    if checked is not None:
        row("newsmeta validate --format jsonl", checked, n)
    print()
    print(f"one process / floor (wall):    {floor.wall / one.wall:.3f}  (target >= 0.25)")
    print(f"one process / floor (CPU):     {floor.cpu / one.cpu:.3f}  (less hurt by other load)")
    print(f"--jobs {args.jobs} / one process (wall): {one.wall / jobs.wall:.2f}   (target >= 1.7)")
    if pair is not None:
        ceiling = 2 * one.wall / pair[2]
        print(
            f"two runs at once / one run (wall, items per second): {ceiling:.2f}"
            f"   (what two independent processes got from the machine; each used"
            f" {(pair[0].cpu + pair[1].cpu) / 2 / one.cpu - 1:+.0%} CPU)"
        )
        print(f"--jobs 2 / that:               {one.wall / jobs.wall / ceiling:.2f}")
    overhead = jobs.cpu / one.cpu - 1
    print(
        f"CPU per item with --jobs {args.jobs}: {overhead:+.0%} vs one process; on {args.jobs} idle"
        f" cores that bounds the speed-up near {args.jobs / (1 + overhead):.2f}x (an estimate)"
    )
    print(f"peak RSS {n:,} vs 10,000 items: {one.rss / 1024:.0f} MB vs {small.rss / 1024:.0f} MB")
    print(f"exit status of the one-process run: {one.code}; load average at the end {load:.1f}")
    print()
    costs = per_item()
    print("in this process, CPU µs per item (first 3,000 items, best of 3):")
    for label, us in costs.items():
        print(f"  {label:40s} {us:7.1f}")
    budget = costs["floor: orjson.loads + orjson.dumps"] / 0.25
    print(f"  at 1/4 of the floor's rate, one item may take {budget:.1f} µs in all")


if __name__ == "__main__":
    main()
