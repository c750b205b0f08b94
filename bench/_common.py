"""Shared helpers for the benchmark scripts: timing, cache control, reporting.

Every script measures newsmeta and its floor *in the same run*, so the ratio
holds even when the machine is busy (the absolute numbers do not).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import html
import os
import platform
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import attrs

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "fixtures" / "dumps" / "sputnik-seed-001.txt"
POOL = SHARED / "corpora" / "newsapi" / "pool-sample-100k.jsonl.gz"
DUMPS = SHARED / "corpora" / "newsapi" / "dumps.jsonl"

#: Typographic quotes and dashes folded to ASCII: a page's <h1> and its
#: og:title often differ only in these, and the gold follows either.
_TYPOGRAPHY = str.maketrans(
    {c: "'" for c in "‘’‚‛′"} | {c: '"' for c in "“”„‟″«»"} | {c: "-" for c in "–—‒―"}
)


def norm_text(value: object) -> str | None:
    """Text as the scoring compares it: NFKC, entities decoded (some gold files
    keep ``&#8220;``), typographic quotes and dashes folded, case-folded, spaces
    collapsed; ``None`` for no text. (The bench's own, not the library's
    ``fold_title``: the scorer does not borrow from what it scores.)"""
    if not isinstance(value, str):
        return None
    folded = unicodedata.normalize("NFKC", html.unescape(value)).translate(_TYPOGRAPHY)
    text = " ".join(folded.casefold().split())
    return text or None


def rate(fn: Callable[[], object], n: int, repeats: int = 5) -> float:
    """Best-of-``repeats`` calls per CPU second of ``fn`` over ``n`` calls each.

    CPU time of this (single-threaded) process, so "per second on one core"
    holds even when other work shares the machine.
    """
    best = 0.0
    for _ in range(repeats):
        t = time.process_time()
        for _ in range(n):
            fn()
        best = max(best, n / max(time.process_time() - t, 1e-9))
    return best


def newsmeta_caches() -> list[functools._lru_cache_wrapper]:  # type: ignore[type-arg]
    """Every ``functools`` cache in newsmeta's modules."""
    found = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("newsmeta") or mod is None:
            continue
        for obj in vars(mod).values():
            if isinstance(obj, functools._lru_cache_wrapper) and obj not in found:
                found.append(obj)
    return found


def clear_caches(caches: list[functools._lru_cache_wrapper] | None = None) -> None:  # type: ignore[type-arg]
    """Empty every newsmeta cache. A timed loop passes the list it found once:
    finding them walks every module and is no part of parsing."""
    for cache in newsmeta_caches() if caches is None else caches:
        cache.cache_clear()


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"python {platform.python_version()} on {platform.machine()},"
        f" {os.cpu_count()} cores, load average {load:.1f} at start"
    )


def record_builder(record: T) -> Callable[[], T]:
    """A function that builds ``record`` again from its ready values: one Python
    expression calling every record class, compiled once, leaves as constants."""
    consts: dict[str, object] = {}
    classes: dict[str, type] = {}

    def const(value: object) -> str:
        name = f"c{len(consts)}"
        consts[name] = value
        return name

    def expr(value: object) -> str:
        t = type(value)
        if attrs.has(t):
            classes[t.__name__] = t
            args = ", ".join(f"{a.name}={expr(getattr(value, a.name))}" for a in attrs.fields(t))
            return f"{t.__name__}({args})"
        if t is tuple:
            items = [expr(v) for v in value]  # type: ignore[attr-defined]
            return f"({', '.join(items)}{',' if len(items) == 1 else ''})"
        if t is dict:
            pairs = ", ".join(f"{const(k)}: {expr(v)}" for k, v in value.items())  # type: ignore[attr-defined]
            return f"{{{pairs}}}"
        if value is None or isinstance(value, (str, int, float, enum.Enum, dt.date)):
            return const(value)
        raise TypeError(f"unexpected {t.__name__} in a record")

    source = f"lambda: {expr(record)}"
    build = eval(compile(source, "<record>", "eval"), {**consts, **classes})
    assert build() == record, "the rebuilt record differs"
    return build  # type: ignore[no-any-return]
