"""Ingest: ``newsmeta parse --jsonl`` over the 100k NewsAPI pool sample, end to end.

    python -m bench.bench_ingest                 # all 100,000 items; a few minutes
    python -m bench.bench_ingest --items 20000   # a quicker run on the first 20,000

Every row runs in a fresh process, writing to /dev/null, timed on the wall
clock, in the same run:

- *floor*: read the .gz, split lines, ``orjson.loads`` each item and
  ``orjson.dumps`` it back (what any JSON Lines pipeline does at least);
- ``newsmeta parse --jsonl FILE`` (one process) and ``--jobs 2``;
- peak RSS of the newsmeta run (``ru_maxrss`` from ``wait4``; with ``--jobs``
  the largest of the parent and its workers) over the first 10,000 items and
  over all of them, to show memory does not grow with the input.

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
from pathlib import Path

from bench._common import POOL, machine

FLOOR = """
import gzip, sys, orjson
out = open(sys.argv[2], "wb")
with gzip.open(sys.argv[1], "rb") as fh:
    for line in fh:
        if line.strip():
            out.write(orjson.dumps(orjson.loads(line)) + b"\\n")
"""


def run(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and exit status of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{argv} failed ({code}): {err[-2000:]}")
    return secs, usage.ru_maxrss, code


def subset(n: int, folder: Path) -> Path:
    path = folder / f"pool-{n}.jsonl.gz"
    with gzip.open(POOL, "rb") as src, gzip.open(path, "wb", compresslevel=6) as dst:
        dst.writelines(itertools.islice(src, n))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=None, help="use only the first N items")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not POOL.exists():
        sys.exit(f"{POOL} is missing")
    py = sys.executable
    newsmeta = [py, "-m", "newsmeta", "parse", "--jsonl"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = subset(10_000, folder)
        data = subset(args.items, folder) if args.items else POOL
        with gzip.open(POOL, "rb") as fh:
            n = args.items or sum(1 for line in fh if line.strip())
        floor_script = folder / "floor.py"
        floor_script.write_text(FLOOR)

        print(f"# bench_ingest: {machine()}; {n:,} items from {POOL.name}")
        floor_s, floor_rss, _ = run([py, str(floor_script), str(data), os.devnull])
        one_s, one_rss, one_code = run([*newsmeta, str(data)])
        jobs_s, jobs_rss, _ = run([*newsmeta, "--jobs", str(args.jobs), str(data)])
        small_s, small_rss, _ = run([*newsmeta, str(small)])
        load = os.getloadavg()[0]

    floor_rate, one_rate, jobs_rate = n / floor_s, n / one_s, n / jobs_s
    print(f"{'what':44s} {'items/s':>9s} {'seconds':>8s} {'peak RSS':>10s}")
    print(f"{'floor: gunzip, orjson.loads, orjson.dumps':44s} {floor_rate:9,.0f} {floor_s:8.1f} {floor_rss / 1024:8.0f} MB")
    print(f"{'newsmeta parse --jsonl':44s} {one_rate:9,.0f} {one_s:8.1f} {one_rss / 1024:8.0f} MB")
    print(f"{f'newsmeta parse --jsonl --jobs {args.jobs}':44s} {jobs_rate:9,.0f} {jobs_s:8.1f} {jobs_rss / 1024:8.0f} MB")
    print(f"{'newsmeta parse --jsonl, first 10,000 items':44s} {10_000 / small_s:9,.0f} {small_s:8.1f} {small_rss / 1024:8.0f} MB")
    print()
    print(f"one process / floor:      {one_rate / floor_rate:.3f}  (target >= 0.25)")
    print(f"--jobs {args.jobs} / one process:  {jobs_rate / one_rate:.2f}   (target >= 1.7)")
    print(f"peak RSS {n:,} vs 10,000 items: {one_rss / 1024:.0f} MB vs {small_rss / 1024:.0f} MB")
    print(f"exit status of the one-process run: {one_code}; load average at the end {load:.1f}")


if __name__ == "__main__":
    main()
