"""Who pays for freeing a parsed tree: the tool that freed it, or the next one?

    python -m bench.deferred_free            # three rounds over the corpus (a few minutes)
    python -m bench.deferred_free --rounds 1 --limit 300

``lxml.html.fromstring`` frees its tree before it returns, but glibc's
``malloc`` defers part of that work: the thousands of small blocks libxml2
freed wait in the allocator's fast bins until the next allocation of about
1 KiB or more, which first merges them all. In ``bench.score`` that next
allocation was the next tool's (tools run one after the other on each page),
so each tool was charged for the tree of the tool before it, and the first
tool of a page (``lxml`` in a full run) for nothing; newsmeta comes right
after ``lxml``. ``bench.score`` now ends each tool's clock after one such
allocation (``_settle``), so each tool pays for its own tree.

This script runs ``lxml`` and newsmeta interleaved page by page over the
``bench.score`` corpus, CPU time, and after each of them times one 4 KiB
allocation: what that costs is the deferred part of the tool's own free.
It prints the ratio newsmeta / lxml as ``bench.score`` charged it before
(each tool paying for the one before) and with each tool paying for its own
tree, as it charges now.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

from bench.score import _settle, corpus_dir, load_pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)

    import lxml.html

    import newsmeta

    pages = load_pages(corpus_dir(args.corpus))
    if args.limit:
        pages = pages[: args.limit]
    data = [(p["path"].read_bytes(), p["url"]) for p in pages]

    def run_lxml(page: bytes, url: str | None) -> None:
        lxml.html.fromstring(page)

    def run_newsmeta(page: bytes, url: str | None) -> None:
        with contextlib.suppress(newsmeta.NewsmetaError):
            newsmeta.parse(page, url=url, format="html")

    clock = time.process_time
    tools: tuple[tuple[str, Callable[[bytes, str | None], None]], ...] = (
        ("lxml", run_lxml),
        ("newsmeta", run_newsmeta),
    )
    for rnd in range(1, args.rounds + 1):
        run = dict.fromkeys(("lxml", "newsmeta"), 0.0)
        deferred = dict.fromkeys(("lxml", "newsmeta"), 0.0)
        for page, url in data:
            _settle()  # the page starts clean, as after bench.score's read of the next file
            for name, fn in tools:
                t0 = clock()
                fn(page, url)
                t1 = clock()
                _settle()
                t2 = clock()
                run[name] += t1 - t0
                deferred[name] += t2 - t1
        # bench.score's order: lxml, then newsmeta, whose first large allocation
        # merges lxml's freed blocks; newsmeta's own go to the tool after it.
        as_charged = (run["newsmeta"] + deferred["lxml"]) / run["lxml"]
        own = (run["newsmeta"] + deferred["newsmeta"]) / (run["lxml"] + deferred["lxml"])
        print(
            f"round {rnd}: lxml {run['lxml']:.2f}s + deferred free {deferred['lxml']:.3f}s;"
            f" newsmeta {run['newsmeta']:.2f}s + deferred free {deferred['newsmeta']:.3f}s;"
            f" newsmeta/lxml as bench.score charges it {as_charged:.2f}x,"
            f" each paying its own free {own:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
