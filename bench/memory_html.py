"""Memory over a batch of HTML pages: does the process grow after warm-up?

    python -m bench.memory_html                       # 10,000 real pages, then 50,000 small ones
    python -m bench.memory_html --pages 2000 --small 10000   # a quicker look
    python -m bench.memory_html --corpus /path/to/html        # the pages elsewhere

Three runs in one process, each sampling the resident set every ``--every``
pages: current RSS (``/proc/self/statm``), peak RSS (``getrusage``) and the
number of objects the garbage collector tracks (a leak in Python code shows
there; one in C code, such as a Lexbor tree never freed, only in RSS):

1. **Real pages**: ``newsmeta.parse(bytes, format="html", url=...)`` on the
   development pages (the 1,799 listed by the ``gold.jsonl`` files, as
   ``bench.score`` loads them), cycled until ``--pages`` records were made.
   Each page is read from disk when its turn comes and the record dropped,
   as a batch that writes records out would. The figure that matters is the
   growth from ``--warm`` pages to the end: the first pass over the pages
   fills the bounded caches (authors, dates) and the allocator's arenas.
   Current RSS swings by 10-15 MiB with the pages just parsed (the
   allocator keeps what a large page freed); ``--every 1799`` samples at the
   same place in each pass over the pages, which is the fair comparison.
2. **Small pages**: ``--small`` generated pages of about 1 KB, each with its
   own title, author, date and URL, so the caches see new keys throughout.
3. **Trees only**: the development page with the most tags parsed by the tree layer
   (``_html.dom.parse``) ``--trees`` times, nothing else; a tree that is not
   freed would add the page's tree (megabytes) each time.

The pages are ``$NEWSMETA_CORPORA_HTML``, else ``$NEWSMETA_CORPORA/html``, else
``~/.cache/newsmeta-corpora/html`` (``../shared/corpora/unpack.sh`` puts them
there); when they are absent the script says so, skips the real-page runs and
still runs the small pages. Numbers are MiB.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import newsmeta
from bench._common import machine
from bench.score import load_pages
from newsmeta.adapters._html import dom

_PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


def rss_now() -> float:
    """Current resident set, MiB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE / MIB


def rss_peak() -> float:
    """Peak resident set of this process so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("NEWSMETA_CORPORA_HTML"):
        return Path(os.environ["NEWSMETA_CORPORA_HTML"])
    base = Path(os.environ.get("NEWSMETA_CORPORA", Path.home() / ".cache" / "newsmeta-corpora"))
    return base / "html"


def small_page(i: int) -> bytes:
    """A small article page of its own: title, author, date and URL differ by ``i``."""
    day = 1 + i % 28
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Story number {i} about town</title>"
        f'<meta property="og:title" content="Story number {i} about town">'
        f'<meta name="description" content="What happened in town, part {i}.">'
        f'<meta property="article:published_time" content="2024-03-{day:02d}T08:{i % 60:02d}:00Z">'
        f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Story {i}",'
        f'"author":{{"@type":"Person","name":"Writer {i}"}}}}</script></head>'
        f'<body><article><h1>Story number {i} about town</h1><p class="byline">By Writer {i}</p>'
        f"<p>{'Words of the story go here. ' * 8}</p>"
        f'<a rel="tag" href="/tag/t{i % 500}">t{i % 500}</a></article></body></html>'
    ).encode()


def sample(
    label: str,
    inputs: Iterator[tuple[bytes, str | None]],
    total: int,
    every: int,
    parse: Callable[[bytes, str | None], object],
) -> list[tuple[int, float, float, int]]:
    """Parse ``total`` inputs, sampling (count, RSS, peak RSS, gc objects) every ``every``."""
    rows = [(0, rss_now(), rss_peak(), len(gc.get_objects()))]
    start = time.process_time()
    for n, (data, url) in enumerate(itertools.islice(inputs, total), 1):
        parse(data, url)
        if n % every == 0 or n == total:
            rows.append((n, rss_now(), rss_peak(), len(gc.get_objects())))
    took = time.process_time() - start
    print(f"\n## {label}: {total:,} inputs, {took:.1f} CPU s")
    print("| inputs | RSS MiB | peak RSS MiB | gc objects |")
    print("|---:|---:|---:|---:|")
    for n, now, peak, objs in rows:
        print(f"| {n:,} | {now:.1f} | {peak:.1f} | {objs:,} |")
    return rows


def verdict(rows: list[tuple[int, float, float, int]], warm: int) -> str:
    """Growth from the first sample at or past ``warm`` inputs to the last."""
    after = [r for r in rows if r[0] >= warm]
    if len(after) < 2:
        return "too few samples after warm-up"
    first, last = after[0], after[-1]
    grew = last[1] - first[1]
    flat = grew <= max(4.0, 0.03 * first[1])
    return (
        f"RSS {first[1]:.1f} MiB at {first[0]:,} -> {last[1]:.1f} MiB at {last[0]:,}"
        f" ({grew:+.1f} MiB; peak {first[2]:.1f} -> {last[2]:.1f} MiB;"
        f" gc objects {first[3]:,} -> {last[3]:,}):"
        f" {'flat' if flat else 'GROWS'}"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.memory_html", description=__doc__.split("\n")[0]
    )
    p.add_argument("--corpus", help="the unpacked development pages (folder with gold.jsonl files)")
    p.add_argument("--pages", type=int, default=10_000, help="real pages to parse (cycled)")
    p.add_argument("--warm", type=int, default=2_000, help="pages counted as warm-up")
    p.add_argument("--small", type=int, default=50_000, help="small generated pages to parse")
    p.add_argument("--trees", type=int, default=5_000, help="parses of the largest page's tree")
    p.add_argument("--every", type=int, default=1_000, help="pages between samples")
    args = p.parse_args(argv)
    print(f"# memory over a batch of HTML pages ({machine()}, newsmeta {newsmeta.__version__})")

    folder = corpus_dir(args.corpus)
    pages = load_pages(folder) if folder.exists() else []
    verdicts: list[str] = []
    if not pages:
        print(
            f"\nskipped the real pages: the development pages are absent ({folder});"
            " ../shared/corpora/unpack.sh unpacks them",
            file=sys.stderr,
        )
    else:
        codes: Counter[str] = Counter()
        errors: Counter[str] = Counter()

        def real(data: bytes, url: str | None) -> None:
            try:
                article = newsmeta.parse(data, format="html", url=url)
            except newsmeta.NewsmetaError as exc:
                errors[type(exc).__name__] += 1
                return
            codes.update({i.code for i in article.issues})

        def cycle() -> Iterator[tuple[bytes, str | None]]:
            for page in itertools.cycle(pages):
                yield page["path"].read_bytes(), page["url"]

        print(f"\n{len(pages):,} development pages from {folder}")
        rows = sample("real pages, cycled", cycle(), args.pages, args.every, real)
        verdicts.append(f"real pages: {verdict(rows, args.warm)}")
        print(f"issues per record kind, over all {args.pages:,} records: {dict(codes)}")
        if errors:
            print(f"errors: {dict(errors)}")

    def small(data: bytes, url: str | None) -> None:
        newsmeta.parse(data, format="html", url=url)

    if args.small:
        smalls = ((small_page(i), f"https://example.com/news/{i}.html") for i in itertools.count())
        rows = sample("small pages, each its own", smalls, args.small, args.every * 5, small)
        verdicts.append(f"small pages: {verdict(rows, args.small // 5)}")

    if pages and args.trees:
        largest = max(pages, key=lambda pg: pg["path"].read_bytes().count(b"<"))
        data = largest["path"].read_bytes()
        print(
            f"\nthe page with the most tags: {largest['id']}, {len(data):,} bytes,"
            f" {data.count(b'<'):,} '<'"
        )

        def tree(data: bytes, url: str | None) -> None:
            _ = dom.parse(data).root  # the tree is made, then dropped

        trees = itertools.repeat((data, None))
        rows = sample("trees only (dom.parse)", trees, args.trees, max(1, args.trees // 10), tree)
        verdicts.append(f"trees only: {verdict(rows, args.trees // 5)}")

    print("\n## verdict (flat: current RSS grows at most 4 MiB or 3% after warm-up)")
    for line in verdicts:
        print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
