"""Coverage-guided fuzzing of one adapter with atheris, in one command.

    pip install -e ".[fuzz]"
    python -m fuzz.run --adapter flat --seconds 600
    python -m fuzz.run --adapter all --seconds 300      # each adapter in turn

Strategy: the corpus for an adapter starts from the golden fixtures of every
format (``fixtures/**``; a dump is a fine seed for the HTML adapter too) and,
for HTML, pages from the shared development corpus when it is unpacked; it
grows in ``fuzz/corpus/<adapter>/`` (not in git) across runs. libFuzzer runs in
a child process; a crash or a hang (``--timeout`` seconds on one input) stops
it and leaves the input in ``fuzz/artifacts/``. The summary line (inputs
tried, coverage, crashes) is printed and appended to ``fuzz/runs.jsonl``, which
``docs/reliability.md`` quotes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
HERE = Path(__file__).resolve().parent
CORPORA = Path(os.environ.get("NEWSMETA_CORPORA", Path.home() / ".cache" / "newsmeta-corpora"))

#: How many shared-corpus pages seed the HTML corpus (the rest only slow it down).
HTML_SEEDS = 60
#: Largest seed or generated input, in bytes.
MAX_LEN = 64 * 1024


def _adapters() -> list[str]:
    from newsmeta.adapters import ADAPTERS

    return list(ADAPTERS)


def seed(adapter: str, corpus: Path) -> int:
    """Copy the fixtures (and for HTML a few real pages) into the corpus; returns the count."""
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = [
        p
        for p in sorted(FIXTURES.rglob("*"))
        if p.is_file()
        and ".expected." not in p.name
        and ".options." not in p.name
        and p.suffix in {".txt", ".json", ".jsonl", ".html", ".htm"}
    ]
    if adapter == "html":
        pages = sorted((CORPORA / "html").rglob("*.html")) if (CORPORA / "html").exists() else []
        seeds += pages[:: max(1, len(pages) // HTML_SEEDS)][:HTML_SEEDS]
    n = 0
    for p in seeds:
        data = p.read_bytes()[:MAX_LEN]
        for mode in (0, 3):  # raw bytes to the adapter, and through detection
            blob = bytes([mode]) + data
            name = hashlib.sha1(blob).hexdigest()
            target = corpus / name
            if not target.exists():
                target.write_bytes(blob)
                n += 1
    return n


_STAT = re.compile(r"stat::(\w+):\s*(\d+)")
_COV = re.compile(r"#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+)")


def run_one(adapter: str, seconds: int, timeout: int, rss_mb: int) -> dict[str, object]:
    corpus = HERE / "corpus" / adapter
    artifacts = HERE / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    logs = HERE / "logs"
    logs.mkdir(exist_ok=True)
    seeded = seed(adapter, corpus)
    before = set(artifacts.iterdir())
    log = logs / f"{adapter}-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}.log"
    cmd = [
        sys.executable,
        "-m",
        "fuzz.target",
        "--adapter",
        adapter,
        str(corpus),
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        f"-rss_limit_mb={rss_mb}",
        f"-max_len={MAX_LEN}",
        f"-artifact_prefix={artifacts}/{adapter}-",
        "-print_final_stats=1",
    ]
    start = time.monotonic()
    with log.open("w") as fh:
        proc = subprocess.run(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, check=False)
    elapsed = time.monotonic() - start
    text = log.read_text(errors="replace")
    stats = {k: int(v) for k, v in _STAT.findall(text)}
    cov = _COV.findall(text)
    new = sorted(str(p.relative_to(ROOT)) for p in set(artifacts.iterdir()) - before)
    summary: dict[str, object] = {
        "adapter": adapter,
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(elapsed),
        "inputs_tried": stats.get("number_of_executed_units", int(cov[-1][0]) if cov else 0),
        "execs_per_sec": stats.get("average_exec_per_sec"),
        "coverage_edges": int(cov[-1][1]) if cov else None,
        "features": int(cov[-1][2]) if cov else None,
        "corpus_size": sum(1 for _ in corpus.iterdir()),
        "seeded": seeded,
        "peak_rss_mb": stats.get("peak_rss_mb"),
        "exit_code": proc.returncode,
        "crashes": new,
        "log": str(log.relative_to(ROOT)),
    }
    with (HERE / "runs.jsonl").open("a") as fh:
        fh.write(json.dumps(summary) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m fuzz.run", description=__doc__.split("\n")[0])
    p.add_argument("--adapter", required=True, help="an adapter name, or 'all'")
    p.add_argument("--seconds", type=int, default=600, help="run time per adapter")
    p.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    p.add_argument("--rss-mb", type=int, default=3072, help="memory limit of the fuzzer")
    p.add_argument("--reset", action="store_true", help="start from the seeds again")
    args = p.parse_args(argv)
    names = _adapters() if args.adapter == "all" else [args.adapter]
    failed = False
    for name in names:
        if name not in _adapters():
            p.error(f"unknown adapter {name!r}; known: {', '.join(_adapters())}")
        if args.reset:
            shutil.rmtree(HERE / "corpus" / name, ignore_errors=True)
        s = run_one(name, args.seconds, args.timeout, args.rss_mb)
        print(json.dumps(s))
        failed |= bool(s["crashes"]) or s["exit_code"] not in (0,)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
