"""WARC input: its cost over parsing the same pages as files, the readers, and memory.

    python -m bench.bench_warc [CORPUS_HTML_DIR] [--pages N] [--rounds R]

Builds a WARC (gzip per record, with warcio) from the development HTML pages
(``../shared/corpora/unpack.sh`` prints their folder; the script says so and
stops when they are absent), then, in one run, alternating the things
compared and repeating each ``--rounds`` times:

1. **WARC vs files**: ``newsmeta.parse_warc(crawl.warc.gz)`` against reading
   the same pages from files and calling ``newsmeta.parse(bytes, url=...,
   content_type=...)`` on each, in one process (the library's batch path). CPU
   seconds; the ratio is WARC / files (target: at most 1.15).
2. **FastWARC vs warcio**: iterating the records and reading every payload.
3. **Memory**: peak RSS of a child process running ``parse_warc`` over the WARC
   and over a WARC four times its size (the same pages, four times).

Reports each measure's range over the rounds (min..max), never one number.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parent.parent
UNPACK = ROOT.parent / "shared" / "corpora" / "unpack.sh"


def corpus_dir(arg: str | None) -> Path | None:
    if arg:
        return Path(arg)
    if not UNPACK.exists():
        return None
    out = subprocess.run(["bash", str(UNPACK)], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def pages(folder: Path, n: int) -> list[tuple[str, bytes]]:
    """(URL, bytes) of up to ``n`` pages, in a fixed order."""
    files = sorted(p for p in folder.rglob("*.htm*") if p.is_file())[:n]
    return [
        (f"https://bench.example/{quote(p.relative_to(folder).as_posix())}", p.read_bytes())
        for p in files
    ]


def write_warc(path: Path, items: list[tuple[str, bytes]], copies: int = 1) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        w = WARCWriter(f, gzip=True)
        for copy in range(copies):
            for url, body in items:
                http = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                    protocol="HTTP/1.1",
                )
                rec = w.create_warc_record(
                    f"{url}?copy={copy}" if copy else url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                )
                w.write_record(rec)


def time_warc(path: Path) -> float:
    import newsmeta

    t = time.process_time()
    n = sum(1 for r in newsmeta.parse_warc(path) if r.ok)
    assert n > 0
    return time.process_time() - t


def time_files(folder: Path) -> float:
    import newsmeta

    t = time.process_time()
    for p in sorted(folder.iterdir()):
        url = unquote(p.name)
        with contextlib.suppress(newsmeta.NewsmetaError):
            newsmeta.parse(p.read_bytes(), url=url, content_type="text/html")
    return time.process_time() - t


def time_fastwarc(path: Path) -> float:
    from fastwarc.warc import ArchiveIterator

    t = time.process_time()
    with path.open("rb") as f:
        for rec in ArchiveIterator(f, parse_http=False):
            rec.reader.read()
    return time.process_time() - t


def time_warcio(path: Path) -> float:
    from warcio.archiveiterator import ArchiveIterator

    t = time.process_time()
    with path.open("rb") as f:
        for rec in ArchiveIterator(f):
            rec.content_stream().read()
    return time.process_time() - t


_RSS = """
import resource, sys, newsmeta
n = sum(1 for r in newsmeta.parse_warc(sys.argv[1]) if r.ok)
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_kib(path: Path) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-c", _RSS, str(path)], check=True, capture_output=True, text=True
    )
    n, rss = out.stdout.split()
    return int(n), int(rss)


def span(values: list[float], fmt: str = "{:.2f}") -> str:
    """min..max (median)."""
    mid = sorted(values)[len(values) // 2]
    return f"{fmt.format(min(values))}..{fmt.format(max(values))} (median {fmt.format(mid)})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    folder = corpus_dir(args.corpus)
    if folder is None or not folder.exists():
        print("bench_warc: the development HTML pages are absent (../shared/corpora); skipped")
        return 0
    items = pages(folder, args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        warc = tmpd / "crawl.warc.gz"
        warc4 = tmpd / "crawl4.warc.gz"
        write_warc(warc, items)
        write_warc(warc4, items, copies=4)
        files = tmpd / "files"
        files.mkdir()
        for url, body in items:
            (files / quote(url, safe="")).write_bytes(body)
        size = sum(len(b) for _, b in items)
        print(
            f"{len(items)} pages, {size / 1e6:.1f} MB of HTML; "
            f"WARC {warc.stat().st_size / 1e6:.1f} MB, 4x WARC {warc4.stat().st_size / 1e6:.1f} MB"
        )
        time_warc(warc)  # warm up imports and caches once, for both sides
        time_files(files)
        w_s, f_s, ratio, fw, wi, wratio = [], [], [], [], [], []
        for i in range(args.rounds):
            if i % 2:  # alternate which goes first, against drift in the machine's load
                b = time_warc(warc)
                a = time_files(files)
            else:
                a = time_files(files)
                b = time_warc(warc)
            f_s.append(a)
            w_s.append(b)
            ratio.append(b / a)
            c = time_fastwarc(warc)
            d = time_warcio(warc)
            fw.append(c)
            wi.append(d)
            wratio.append(d / c)
        rss1, rss4 = [], []
        for _ in range(max(2, args.rounds // 2)):
            n1, r1 = peak_rss_kib(warc)
            n4, r4 = peak_rss_kib(warc4)
            assert n4 == 4 * n1, (n1, n4)
            rss1.append(r1 / 1024)
            rss4.append(r4 / 1024)
        report = {
            "pages": len(items),
            "files_cpu_s": span(f_s),
            "warc_cpu_s": span(w_s),
            "warc_over_files": span(ratio),
            "fastwarc_read_s": span(fw, "{:.3f}"),
            "warcio_read_s": span(wi, "{:.3f}"),
            "warcio_over_fastwarc": span(wratio, "{:.1f}"),
            "peak_rss_mib_1x": span(rss1, "{:.0f}"),
            "peak_rss_mib_4x": span(rss4, "{:.0f}"),
        }
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
