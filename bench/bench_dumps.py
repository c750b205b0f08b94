"""Dumps per second: in-process ``newsmeta.parse`` of the seed 001 dump on one core.

    python -m bench.bench_dumps            # prints a table; takes about 30 s

Compared in the same run against a floor: decode the bytes, split them into
lines and ``orjson.dumps`` a dict of the non-blank lines (the least any
line-based parser does). Target (issue 5): at least 10,000 dumps/s.

Two newsmeta numbers are printed: *warm* (the same dump again and again, as
the target is stated; newsmeta's small per-line caches then hold every line)
and *cold* (every cache cleared before each parse, so nothing is remembered
from the previous dump). A real ingest run sits between the two: trailer lines
(contact, author, locale, image sizes, placeholders) repeat across a
publisher's dumps, titles and bodies do not. The *corpus* row parses the
1,063 distinct dump items of ``dumps.jsonl`` (their ``content``), cold.

A second floor, *the record alone*, builds seed 001's finished record again
from its ready values: every record object (``Article``, each ``Provenance``
and ``Location``, ``Issue``, ``Image``...) constructed as the resolver does,
with nothing recognised, compared or resolved. It is what the output contract
(every value with its raw text and location, every line accounted for)
costs in CPython before any parsing; the rate newsmeta reaches can never be
above it.
"""

from __future__ import annotations

import contextlib
import re

import orjson

import newsmeta
from bench._common import (
    DUMPS,
    SEED,
    clear_caches,
    machine,
    newsmeta_caches,
    rate,
    record_builder,
)

TARGET = 10_000
_NL = re.compile(r"\r\n|\n|\r")


def floor(data: bytes) -> bytes:
    text = data.decode("utf-8")
    lines = {str(n): s for n, s in enumerate(_NL.split(text), 1) if s.strip()}
    return orjson.dumps(lines)


def main() -> None:
    data = SEED.read_bytes()
    newsmeta.parse(data)  # import everything, warm the caches
    n = 2000
    floor_rate = rate(lambda: floor(data), n * 10)
    record_only = rate(record_builder(newsmeta.parse(data)), n * 5)
    warm = rate(lambda: newsmeta.parse(data), n)

    caches = newsmeta_caches()  # found once: the search is no part of a parse

    def cold_parse() -> None:
        clear_caches(caches)
        newsmeta.parse(data)

    cold = rate(cold_parse, n // 2)
    with_json = rate(lambda: newsmeta.parse(data).to_json(), n)

    items = (
        [orjson.loads(line).get("content") or "" for line in DUMPS.open("rb")]
        if DUMPS.exists()
        else []
    )
    items = [c for c in items if c.strip()]
    corpus = 0.0
    if items:

        def corpus_pass() -> None:
            clear_caches(caches)
            for c in items:
                with contextlib.suppress(newsmeta.NewsmetaError):
                    newsmeta.parse(c, format="flat")

        corpus = rate(corpus_pass, 1, repeats=3) * len(items)

    print(f"# bench_dumps: {machine()}; {len(newsmeta_caches())} newsmeta caches")
    print(f"{'what':40s} {'per s':>10s} {'vs floor':>9s} {'vs target':>9s}")
    rows = [
        ("floor: decode, split, orjson.dumps", floor_rate),
        ("floor: seed 001's record alone, built", record_only),
        ("newsmeta.parse(seed 001), warm", warm),
        ("newsmeta.parse(seed 001), cold caches", cold),
        ("newsmeta.parse(seed 001).to_json(), warm", with_json),
    ]
    if items:
        rows.append((f"dumps.jsonl content ({len(items)} items), cold", corpus))
    for label, r in rows:
        print(f"{label:40s} {r:10,.0f} {r / floor_rate:9.4f} {r / TARGET:9.2f}")


if __name__ == "__main__":
    main()
