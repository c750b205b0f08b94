"""``newsmeta spark`` on ``local[2]`` against one process, on the 100k NewsAPI pool.

    python bench/bench_spark.py            # 3 rounds; --repeats N, --pool PATH, --files N

The pool is split once into ``--files`` gzipped JSON Lines files (so that two
tasks run at once; Spark runs one task per file). Each round runs, in
alternation and each in a fresh process:

- **one process**: ``newsmeta parse DIR --output one.parquet`` (one core);
- **spark**: a fresh Python process that starts a ``local[2]`` session (the
  JVM's start-up), then runs :func:`newsmeta.spark.write` on DIR twice: the
  first job pays for the Python workers' start, the second finds them up.

Reported per round: wall seconds of the one-process run; the Spark process's
wall seconds with start-up included (process start to the end of the first
job), the session start alone, the first job and the second job (start-up
excluded); items per second and per core. Speed-ups are one process's
seconds over Spark's, per round, as a range. The machine's load (``uptime``)
is printed before and after: the other engineers' runs share its two cores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import POOL

#: The Spark side, run in a fresh interpreter so the JVM's start-up is measured.
SPARK_JOB = r"""
import json, os, sys, time
t0 = float(sys.argv[3])
os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
from pyspark.sql import SparkSession
from newsmeta import spark as ns
s = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
     .config("spark.ui.showConsoleProgress", "false").getOrCreate())
s.sparkContext.setLogLevel("ERROR")
tick = os.sysconf("SC_CLK_TCK")
def cpu():
    # This process, the JVM and its Python workers: every process under this one
    # (utime + stime, and the children each has reaped), from /proc.
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                f = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            procs[int(d)] = (int(f[1]), sum(int(x) for x in f[11:15]) / tick)
    mine, todo = 0.0, [os.getpid()]
    while todo:
        p = todo.pop()
        mine += procs.get(p, (0, 0.0))[1]
        todo += [c for c, (pp, _) in procs.items() if pp == p]
    return mine
t1, u1 = time.time(), cpu()
c1 = ns.write(s, [sys.argv[1]], sys.argv[2] + "/a")
t2, u2 = time.time(), cpu()
c2 = ns.write(s, [sys.argv[1]], sys.argv[2] + "/b")
t3, u3 = time.time(), cpu()
s.stop()
print(json.dumps({"startup": t1 - t0, "first": t2 - t1, "second": t3 - t2,
                  "cpu_startup": u1, "cpu_first": u2 - u1, "cpu_second": u3 - u2,
                  "records": [c1.records, c2.records], "errors": [c1.errors, c2.errors]}))
"""


def split(pool: Path, out: Path, files: int) -> int:
    """Split the pool into ``files`` gzipped JSON Lines files of equal line counts."""
    with gzip.open(pool, "rb") as fh:
        lines = fh.readlines()
    out.mkdir(parents=True, exist_ok=True)
    per = -(-len(lines) // files)
    for i in range(files):
        chunk = lines[i * per : (i + 1) * per]
        with gzip.open(out / f"pool-{i:02d}.jsonl.gz", "wb", compresslevel=6) as fh:
            fh.writelines(chunk)
    return len(lines)


def _children_cpu() -> float:
    """CPU seconds of the waited-for child processes so far (a JVM's Python workers included)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def one_process(data: Path, work: Path) -> tuple[float, float]:
    target = work / "one.parquet"
    cpu = _children_cpu()
    t = time.time()
    subprocess.run(
        [sys.executable, "-m", "newsmeta", "parse", str(data), "--output", str(target), "-q"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    took = time.time() - t
    cpu = _children_cpu() - cpu
    if not target.exists():
        raise SystemExit("newsmeta parse wrote no output")
    target.unlink()
    return took, cpu


def spark(data: Path, work: Path) -> dict[str, float]:
    out = work / "spark"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    t = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", SPARK_JOB, str(data), str(out), repr(t)],
        check=True,
        capture_output=True,
        text=True,
    )
    total = time.time() - t
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    shutil.rmtree(out, ignore_errors=True)
    got["with_startup"] = got["startup"] + got["first"]
    got["process"] = total
    return got


def _range(xs: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(min(xs))}–{fmt.format(max(xs))}" if len(xs) > 1 else fmt.format(xs[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pool", type=Path, default=POOL)
    ap.add_argument("--files", type=int, default=8, help="files the pool is split into")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if not args.pool.exists():
        raise SystemExit(f"{args.pool}: absent (pass --pool PATH)")
    print(
        "uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    )
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        work = Path(tmp)
        data = work / "pool"
        n = split(args.pool, data, args.files)
        print(f"{n:,} items in {args.files} files")
        rows = []
        cpus: list[tuple[float, float]] = []
        for r in range(args.repeats):
            one, one_cpu = one_process(data, work)
            sp = spark(data, work)
            rows.append((one, sp))
            cpus.append((one_cpu, sp["cpu_second"]))
            print(
                f"round {r + 1}: one process {one:.1f} s ({n / one:,.0f}/s, CPU {one_cpu:.1f} s)"
                f" | spark: CPU s start-up {sp['cpu_startup']:.1f}, first job {sp['cpu_first']:.1f},"
                f" second job {sp['cpu_second']:.1f}; session"
                f" {sp['startup']:.1f} s, first job {sp['first']:.1f} s, second job"
                f" {sp['second']:.1f} s, start-up + first {sp['with_startup']:.1f} s"
                f" | records {sp['records']}",
                flush=True,
            )
    ones = [o for o, _ in rows]
    warm = [o / s["second"] for o, s in rows]
    first = [o / s["first"] for o, s in rows]
    cold = [o / s["with_startup"] for o, s in rows]
    print()
    print(f"one process: {_range([n / o for o in ones], '{:,.0f}')} items/s (1 core)")
    print(
        f"spark local[2], session up: second job {_range([n / s['second'] for _, s in rows], '{:,.0f}')}"
        f" items/s = {_range([n / s['second'] / 2 for _, s in rows], '{:,.0f}')} per core;"
        f" first job {_range([n / s['first'] for _, s in rows], '{:,.0f}')} items/s"
    )
    print(
        f"speed-up once the session is up: {_range(warm)}x (second job), {_range(first)}x (first job)"
    )
    print(f"speed-up with the JVM's start-up: {_range(cold)}x (target >= 1.15x)")
    # CPU, not wall: what the second job would take on two cores nobody else
    # uses (its CPU spread evenly over both; wall >= CPU / 2).
    bound = [o / (c / 2) for o, c in cpus]
    print(
        f"CPU per item: one process {_range([o / n * 1e6 for o, _ in cpus], '{:.0f}')} µs;"
        f" spark second job {_range([c / n * 1e6 for _, c in cpus], '{:.0f}')} µs (all processes);"
        f" on two free cores at best {_range(bound)}x once up"
    )
    print(
        "uptime after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    )


if __name__ == "__main__":
    main()
