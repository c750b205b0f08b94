"""Parquet output: what writing records to Parquet adds to parsing them.

    python -m bench.bench_parquet                  # 20,000 pool items, 400 HTML pages, 5 rounds
    python -m bench.bench_parquet --memory-items 100000   # RSS rows: 25,000 vs 100,000 items
    python -m bench.bench_parquet --skip-sizes     # without the batch / row-group sweep
    python -m bench.bench_parquet --shared /work/shared   # when ../shared is elsewhere

Three parts, each on real inputs: the first ``--items`` items of the 100k
NewsAPI pool sample (``../shared/corpora/newsapi/pool-sample-100k.jsonl.gz``)
and the first ``--pages`` HTML pages of the development corpora
(``../shared/corpora/unpack.sh``).

1. **Overhead** (in this process, CPU time, inputs in memory). Each round
   runs, in an order that alternates from round to round: ``parse`` of every
   input; ``parse`` + ``write_parquet`` (records streamed from a generator,
   as ``newsmeta parse --output out.parquet`` does); ``parse`` + ``to_json``
   written to a JSON Lines file (for reference); and ``write_parquet`` alone
   over the records already parsed. Reported per round and as ranges:
   ``(parse+parquet - parse) / parse`` and ``parquet alone / parse`` (the
   second is the steadier: one timing, not a difference of two). Target
   (issue 16): Parquet adds at most 10 % to a parse.
2. **Batch and row-group sizes** (``--skip-sizes`` to leave out): for each
   pair, a fresh process loads the parsed pool records (pickled once) and
   writes them; CPU seconds per 10,000 records, peak RSS the write added
   over the loaded records (``ru_maxrss`` before and after), file size and
   row groups. Best of three.
3. **Memory is bounded**: ``parse`` + ``write_parquet`` streamed from the
   gzipped pool in a fresh process, over a quarter of ``--items`` and over
   all of them: peak RSS should not grow with the input.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import newsmeta
from bench._common import POOL, machine
from newsmeta.arrow import BATCH_SIZE, ROW_GROUP_SIZE, write_parquet
from newsmeta.errors import NewsmetaError

Input = tuple[bytes, "str | None", str]  # data, url, format


def pool_inputs(pool: Path, n: int) -> list[Input]:
    out: list[Input] = []
    with gzip.open(pool, "rb") as fh:
        for line in fh:
            if line.strip():
                out.append((line, None, "newsapi"))
                if len(out) >= n:
                    break
    return out


def html_inputs(unpack: Path, n: int) -> list[Input]:
    folder = Path(
        subprocess.run(["bash", str(unpack)], check=True, capture_output=True, text=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    out: list[Input] = []
    for corpus in ("trafilatura", "htmldate", "mozilla-readability", "newspaper4k"):
        gold = folder / corpus / "gold.jsonl"
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = folder / corpus / row["html"]
            if path.exists():
                out.append((path.read_bytes(), row.get("url"), "html"))
            if len(out) >= n:
                return out
    return out


def parsed(inputs: Iterable[Input]) -> Iterator[newsmeta.Article]:
    for data, url, fmt in inputs:
        try:
            yield newsmeta.parse(data, format=fmt, url=url)
        except NewsmetaError:  # noqa: PERF203 - an input that is refused is left out of every row
            continue


def cpu(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def overhead(name: str, inputs: list[Input], rounds: int, tmp: Path) -> None:
    out_pq, out_jl = tmp / "o.parquet", tmp / "o.jsonl"

    def parse_only() -> float:
        return cpu(lambda: sum(1 for _ in parsed(inputs)))

    def parse_parquet() -> float:
        return cpu(lambda: write_parquet(parsed(inputs), out_pq))

    def parse_jsonl() -> float:
        def run() -> None:
            with open(out_jl, "wb") as fh:
                for a in parsed(inputs):
                    fh.write(a.to_json().encode() + b"\n")

        return cpu(run)

    def parquet_alone() -> float:
        # The records are parsed untimed, and dropped before the next row: the
        # streamed rows must not run with thousands of records held (the
        # collector's full passes would walk them all, a cost no real run has).
        records = [list(parsed(inputs))]
        secs = cpu(lambda: write_parquet(records[0], out_pq))
        records.clear()
        gc.collect()
        return secs

    steps: dict[str, Callable[[], float]] = {
        "parse": parse_only,
        "parse+parquet": parse_parquet,
        "parse+jsonl": parse_jsonl,
        "parquet alone": parquet_alone,
    }
    print(f"\n## {name}: {len(inputs):,} inputs, {rounds} rounds (CPU seconds)")
    print(f"{'round':>5} " + " ".join(f"{k:>14}" for k in steps) + "   added  alone/parse")
    added, alone = [], []
    for r in range(rounds):
        order = list(steps) if r % 2 == 0 else list(reversed(steps))
        t = {k: steps[k]() for k in order}
        added.append((t["parse+parquet"] - t["parse"]) / t["parse"])
        alone.append(t["parquet alone"] / t["parse"])
        print(
            f"{r + 1:>5} "
            + " ".join(f"{t[k]:>13.3f}s" for k in steps)
            + f"  {added[-1]:+6.1%}  {alone[-1]:6.1%}"
        )
    size = out_pq.stat().st_size
    print(
        f"parquet added to a parse: {min(added):+.1%} to {max(added):+.1%}"
        f" (median {statistics.median(added):+.1%}); parquet alone / parse:"
        f" {min(alone):.1%} to {max(alone):.1%} (median {statistics.median(alone):.1%});"
        f" file {size / 1e6:.1f} MB, JSON Lines {out_jl.stat().st_size / 1e6:.1f} MB"
    )


STREAM_RUN = """
import gzip, itertools, resource, sys, time
import newsmeta
from newsmeta.arrow import write_parquet
from newsmeta.errors import NewsmetaError
pool, out, n, batch, group = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def records():
    with gzip.open(pool, "rb") as fh:
        for line in itertools.islice((l for l in fh if l.strip()), n):
            try:
                yield newsmeta.parse(line, format="newsapi")
            except NewsmetaError:
                pass
t = time.process_time()
if batch:
    written = write_parquet(records(), out, batch_size=batch, row_group_size=group)
else:  # parse only
    written = sum(1 for _ in records())
secs = time.process_time() - t
try:  # this process's own high-water mark (ru_maxrss keeps the parent's across fork and exec)
    with open("/proc/self/status") as status:
        rss = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(written, secs, rss)
"""


def stream(pool: Path, out: Path, n: int, batch: int, group: int) -> tuple[int, float, int]:
    """A fresh process parsing the first ``n`` pool items and writing them
    (``batch`` 0: parsing only): records, CPU seconds, peak RSS in KiB."""
    res = subprocess.run(
        [sys.executable, "-c", STREAM_RUN, str(pool), str(out), str(n), str(batch), str(group)],
        check=True,
        capture_output=True,
        text=True,
    )
    written, secs, rss = res.stdout.split()
    return int(written), float(secs), int(rss)


def sizes(pool: Path, items: int, rounds: int, tmp: Path) -> None:
    configs = [(0, 0), (256, 20_000), (2_000, 5_000), (2_000, 20_000), (2_000, 50_000)]
    configs = list(dict.fromkeys([*configs, (BATCH_SIZE, ROW_GROUP_SIZE)]))
    print(
        f"\n## batch and row-group sizes: parse + write_parquet of {items:,} pool items, streamed,"
        f" each in a fresh process; {rounds} rounds in alternating order"
    )
    got: dict[tuple[int, int], list[tuple[float, int]]] = {c: [] for c in configs}
    for r in range(rounds):
        for c in configs if r % 2 == 0 else list(reversed(configs)):
            _n, secs, rss = stream(pool, tmp / "s.parquet", items, *c)
            got[c].append((secs, rss))
    base = statistics.median(s for s, _ in got[(0, 0)])
    print(f"{'batch':>7} {'row group':>9} {'cpu s':>14} {'vs parse':>16} {'peak RSS MB':>12}")
    for (batch, group), runs in got.items():
        secs = [s for s, _ in runs]
        label = ("parse only", "") if not batch else (f"{batch:,}", f"{group:,}")
        added = [x / base - 1 for x in secs]
        print(
            f"{label[0]:>7} {label[1]:>9} {min(secs):6.2f}-{max(secs):6.2f}"
            f" {min(added):+7.1%}-{max(added):+7.1%} {max(r for _, r in runs) / 1024:12.0f}"
        )


def memory(pool: Path, items: int, tmp: Path) -> None:
    print("\n## peak RSS of parse + write_parquet streamed from the gzipped pool (fresh process)")
    for n in (items // 4, items):
        written, _secs, rss = stream(pool, tmp / "m.parquet", n, BATCH_SIZE, ROW_GROUP_SIZE)
        print(f"{n:>8,} items: {written:>8,} records, peak RSS {rss / 1024:.0f} MB")


CLI_RUN = [sys.executable, "-m", "newsmeta", "parse", "--input-format", "newsapi"]


def cli(pool: Path, items: int, rounds: int, tmp: Path) -> None:
    """``newsmeta parse`` on the command line: ``--jsonl`` to /dev/null against
    ``--output out.parquet``, wall clock, alternating."""
    src = tmp / "items.jsonl"
    with gzip.open(pool, "rb") as fh, open(src, "wb") as dst:
        for line in itertools.islice((x for x in fh if x.strip()), items):
            dst.write(line)
    rows = {
        "--jsonl > /dev/null": [*CLI_RUN, str(src), "--jsonl"],
        "--output out.parquet": [*CLI_RUN, str(src), "--output", str(tmp / "c.parquet")],
        "--output out.jsonl": [*CLI_RUN, str(src), "--output", str(tmp / "c.jsonl")],
    }
    times: dict[str, list[float]] = {k: [] for k in rows}
    for r in range(rounds):
        for k in rows if r % 2 == 0 else list(reversed(rows)):
            t = time.perf_counter()
            subprocess.run(
                rows[k], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            times[k].append(time.perf_counter() - t)
    print(f"\n## newsmeta parse over {items:,} pool items (wall clock, {rounds} rounds)")
    base = times["--jsonl > /dev/null"]
    for k, v in times.items():
        ratio = [a / b for a, b in zip(v, base, strict=True)]
        print(
            f"{k:>22}: {min(v):6.2f}-{max(v):6.2f} s;"
            f" vs --jsonl {min(ratio):.3f}-{max(ratio):.3f} (median {statistics.median(ratio):.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--items", type=int, default=20_000)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--skip-sizes", action="store_true")
    ap.add_argument(
        "--memory-items", type=int, default=None, help="items for the RSS rows (default --items)"
    )
    ap.add_argument("--shared", type=Path, default=POOL.parents[2], help="the shared folder")
    args = ap.parse_args(argv)
    pool = args.shared / "corpora" / "newsapi" / POOL.name
    unpack = args.shared / "corpora" / "unpack.sh"
    if not pool.exists():
        print(f"the pool sample is absent: {pool} (pass --shared)", file=sys.stderr)
        return 2
    print(f"# bench_parquet: {machine()}; batch {BATCH_SIZE:,}, row group {ROW_GROUP_SIZE:,}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        inputs = pool_inputs(pool, args.items)
        overhead("NewsAPI pool", inputs, args.rounds, tmp)
        pages = html_inputs(unpack, args.pages)
        overhead("HTML pages", pages, args.rounds, tmp)
        del pages
        del inputs
        cli(pool, args.items, args.rounds, tmp)
        if not args.skip_sizes:
            sizes(pool, args.items, 3, tmp)
        memory(pool, args.memory_items or args.items, tmp)
    print(f"\n(finished, load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
