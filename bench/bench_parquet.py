"""Parquet output: what writing records to Parquet adds to parsing them.

    python -m bench.bench_parquet                  # 20,000 pool items, 400 HTML pages, 5 rounds
    python -m bench.bench_parquet --items 100000   # the whole pool (RSS rows: 25,000 vs 100,000)
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
import gzip
import json
import os
import pickle
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
    records = list(parsed(inputs))
    out_pq, out_jl = tmp / "o.parquet", tmp / "o.jsonl"

    def parse_only() -> None:
        for _ in parsed(inputs):
            pass

    def parse_parquet() -> None:
        write_parquet(parsed(inputs), out_pq)

    def parse_jsonl() -> None:
        with open(out_jl, "wb") as fh:
            for a in parsed(inputs):
                fh.write(a.to_json().encode() + b"\n")

    def parquet_alone() -> None:
        write_parquet(records, out_pq)

    steps = {
        "parse": parse_only,
        "parse+parquet": parse_parquet,
        "parse+jsonl": parse_jsonl,
        "parquet alone": parquet_alone,
    }
    print(f"\n## {name}: {len(inputs):,} inputs, {len(records):,} records, {rounds} rounds")
    print(f"{'round':>5} " + " ".join(f"{k:>14}" for k in steps) + "   added  alone/parse")
    added, alone = [], []
    for r in range(rounds):
        order = list(steps) if r % 2 == 0 else list(reversed(steps))
        t = {k: cpu(steps[k]) for k in order}
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


SIZE_RUN = """
import pickle, resource, sys, time
from newsmeta.arrow import write_parquet
import pyarrow.parquet as pq
records = pickle.load(open(sys.argv[1], "rb"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.process_time()
write_parquet(records, sys.argv[2], batch_size=int(sys.argv[3]), row_group_size=int(sys.argv[4]))
secs = time.process_time() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(secs, after - before, pq.ParquetFile(sys.argv[2]).num_row_groups)
"""


def sizes(inputs: list[Input], tmp: Path) -> None:
    records = list(parsed(inputs))
    pickled = tmp / "records.pickle"
    with open(pickled, "wb") as fh:
        pickle.dump(records, fh)
    out = tmp / "s.parquet"
    pairs = [(b, ROW_GROUP_SIZE) for b in (200, 500, 2_000, 5_000, 20_000)]
    pairs += [(BATCH_SIZE, g) for g in (2_000, 5_000, 50_000, 100_000)]
    print(f"\n## batch and row-group sizes: {len(records):,} pool records, best of 3")
    print(f"{'batch':>7} {'row group':>9} {'cpu s/10k':>10} {'+RSS MB':>8} {'MB':>6} {'groups':>6}")
    for batch, group in pairs:
        runs = []
        for _ in range(3):
            res = subprocess.run(
                [sys.executable, "-c", SIZE_RUN, str(pickled), str(out), str(batch), str(group)],
                check=True,
                capture_output=True,
                text=True,
            )
            secs, rss, groups = res.stdout.split()
            runs.append((float(secs), int(rss), int(groups)))
        secs = min(r[0] for r in runs)
        rss = min(r[1] for r in runs)
        print(
            f"{batch:>7,} {group:>9,} {secs * 10_000 / len(records):>10.3f}"
            f" {rss / 1024:>8.1f} {out.stat().st_size / 1e6:>6.1f} {runs[0][2]:>6}"
        )


STREAM_RUN = """
import gzip, itertools, resource, sys
import newsmeta
from newsmeta.arrow import write_parquet
from newsmeta.errors import NewsmetaError
def records(n):
    with gzip.open(sys.argv[1], "rb") as fh:
        for line in itertools.islice((l for l in fh if l.strip()), n):
            try:
                yield newsmeta.parse(line, format="newsapi")
            except NewsmetaError:
                pass
n = write_parquet(records(int(sys.argv[3])), sys.argv[2])
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory(pool: Path, items: int, tmp: Path) -> None:
    print("\n## peak RSS of parse + write_parquet streamed from the gzipped pool (fresh process)")
    for n in (items // 4, items):
        res = subprocess.run(
            [sys.executable, "-c", STREAM_RUN, str(pool), str(tmp / "m.parquet"), str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
        written, rss = res.stdout.split()
        print(f"{n:>8,} items: {int(written):>8,} records, peak RSS {int(rss) / 1024:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--items", type=int, default=20_000)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--skip-sizes", action="store_true")
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
        if not args.skip_sizes:
            sizes(inputs, tmp)
        del inputs
        memory(pool, args.items, tmp)
    print(f"\n(finished, load average {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
