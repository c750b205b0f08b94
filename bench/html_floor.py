"""What reading a page's metadata sources costs at all, beside lxml's parse.

    python -m bench.html_floor              # three rounds over the corpus (about a minute)
    python -m bench.html_floor --limit 300

Issue 3 asks for newsmeta's HTML parse in at most 1.5x ``lxml.html.fromstring``
on the same pages. This script measures, over the ``bench.score`` corpus, in
one process, CPU time, best of the rounds, each tool paying for its own frees
(``bench.score._settle``):

- ``lxml``: ``lxml.html.fromstring`` (the floor of the target);
- *read the sources*: the least any reader of these sources does: parse with
  libxml2, visit every element newsmeta's meta walk visits (``meta``,
  ``link``, ``title``, ``base``, ``time``, ``a``, ``script``, ``h1``, ``h2``, ``article``, ``main``) reading its
  attributes into Python, and ``orjson.loads`` every JSON-LD script. No
  value is normalised, resolved or kept;
- ``newsmeta.parse(..., format="html")``;
- *the records alone*: every page's finished record built again from its
  ready values (``bench._common.record_builder``).

The gap between the first two is what touching the sources costs before any
work on their values; with the records it is the floor for this output.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

import lxml.html
import orjson
from lxml import etree

import newsmeta
from bench._common import record_builder
from bench.score import _settle, corpus_dir, load_pages
from newsmeta.adapters import html as html_adapter


def read_sources(data: bytes, parser: etree.HTMLParser) -> None:
    """Parse, visit the indexed elements with their attributes, load JSON-LD."""
    root = etree.fromstring(data, parser)
    if root is None:
        return
    for el in root.iter(*html_adapter._INDEX_TAGS):
        if el.tag == "script":
            if "ld+json" in (el.get("type") or ""):
                with contextlib.suppress(orjson.JSONDecodeError):
                    orjson.loads(el.text or "")
            continue
        with contextlib.suppress(ValueError):  # an attribute libxml2 kept with no name
            el.items()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args()
    pages = load_pages(corpus_dir(args.corpus))[: args.limit]
    data = [(p["path"].read_bytes(), p["url"]) for p in pages]
    parser = etree.HTMLParser(recover=True, collect_ids=False)

    def parse_newsmeta(page: bytes, url: str | None) -> None:
        with contextlib.suppress(newsmeta.NewsmetaError):
            newsmeta.parse(page, url=url, format="html")

    tools: dict[str, Callable[[bytes, str | None], object]] = {
        "lxml.html.fromstring": lambda page, _url: lxml.html.fromstring(page),
        "read the sources": lambda page, _url: read_sources(page, parser),
        "newsmeta.parse": parse_newsmeta,
    }
    builders = []
    for page, url in data:
        with contextlib.suppress(newsmeta.NewsmetaError):
            builders.append(record_builder(newsmeta.parse(page, url=url, format="html")))

    def total(fn: Callable[[bytes, str | None], object]) -> float:
        spent = 0.0
        for page, url in data:
            t0 = time.process_time()
            fn(page, url)
            _settle()
            spent += time.process_time() - t0
        return spent

    best = dict.fromkeys(tools, float("inf"))
    for _ in range(args.rounds):
        for name, fn in tools.items():
            best[name] = min(best[name], total(fn))
    t0 = time.process_time()
    for build in builders:
        build()
    records = time.process_time() - t0

    floor = best["lxml.html.fromstring"]
    print(f"# html_floor: {len(data)} pages, best of {args.rounds} rounds, CPU")
    for name, secs in best.items():
        print(f"{name:24s} {secs:7.2f} s  {secs / floor:5.2f}x lxml")
    print(f"{'the records alone':24s} {records:7.2f} s  {records / floor:5.2f}x lxml")
    left = 1.5 - (best["read the sources"] + records) / floor
    print(f"left by the 1.5x target for all work on the values: {left:.2f}x lxml")


if __name__ == "__main__":
    main()
