"""What newsmeta recovers from real NewsAPI items, per kind of item.

    python -m bench.newsapi_stats                 # dumps.jsonl and ordinary.jsonl
    python -m bench.newsapi_stats --pool          # also the 100,000-item pool sample
    python -m bench.newsapi_stats --corpus DIR    # another copy of the corpus

Reads ``../shared/corpora/newsapi/`` (beside the repository). The corpus's own
annotations (keys starting with ``_``: ``_dump_kind``, ``_source``, …) are
taken off each item before parsing and used only to group the results:
``dumps.jsonl`` by ``_dump_kind``, ``ordinary.jsonl`` as ``ordinary``.

For each group it prints, as Markdown tables, the share of items with each
field recovered, with each issue code, and how many items could not be parsed
(an exception of any kind counts, and must stay at zero). For
``xpath_placeholder`` items it also checks the url, both placeholders and the
truncation count against the raw ``content`` (the same check as
``tests/test_newsapi_corpus.py``). Output goes to stdout; paste it into
``docs/evaluation.md`` ("NewsAPI items").
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsmeta
from newsmeta.adapters import newsapi

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "newsapi"

FIELDS: tuple[tuple[str, Any], ...] = (
    ("url", lambda a: a.url),
    ("title", lambda a: a.title),
    ("description", lambda a: a.description),
    ("published", lambda a: a.published),
    ("og_image", lambda a: a.og_image),
    ("images", lambda a: a.images),
    ("body", lambda a: a.body),
    ("authors", lambda a: a.authors),
    ("publisher.name", lambda a: a.publisher and a.publisher.name),
    ("publisher.logo", lambda a: a.publisher and a.publisher.logo),
    ("placeholders", lambda a: a.placeholders),
    ("truncation", lambda a: a.truncation),
)

_COMPLETE = re.compile(r"/html/head/meta\[@name='(og:[a-z]+)'\]/@content")
_CUT = re.compile(r"/html/head/meta\[@name='(og:[a-z]+)'\]")
_MARKER = re.compile(r"… \[\+(\d+) chars\]\Z")


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                yield line


def _xpath_right(item: dict[str, Any], a: newsmeta.Article) -> bool:
    content = item.get("content") or ""
    m = _MARKER.search(content)
    if m is None:
        return False
    want: set[tuple[str, bool]] = set()
    lines = re.split(r"\r\n|\r|\n", content[: m.start()])
    for i, line in enumerate(lines):
        if (full := _COMPLETE.fullmatch(line)) is not None:
            want.add((full[1], False))
        elif i == len(lines) - 1 and (cut := _CUT.match(line)) is not None:
            want.add((cut[1], True))
    got = {(p.field or "", p.truncated) for p in a.placeholders}
    return (
        a.url == item.get("url")
        and got == want
        and a.truncation is not None
        and a.truncation.missing_chars == int(m[1])
    )


class Group:
    def __init__(self) -> None:
        self.items = 0
        self.failed: list[str] = []
        self.fields: Counter[str] = Counter()
        self.issues: Counter[str] = Counter()
        self.xpath_right = 0
        self.dumps = 0


def run(paths: list[tuple[Path, str | None]]) -> tuple[dict[str, Group], float, int]:
    groups: dict[str, Group] = defaultdict(Group)
    start = time.perf_counter()
    total = 0
    for path, label in paths:
        for no, line in enumerate(_lines(path), 1):
            total += 1
            raw = json.loads(line)
            kind = label or str(raw.get("_dump_kind", "?"))
            item = {k: v for k, v in raw.items() if not str(k).startswith("_")}
            g = groups[kind]
            g.items += 1
            try:
                (result,) = newsmeta.parse_many(json.dumps(item), input_name=f"{path.name}#{no}")
                a = result.unwrap()
            except Exception as exc:  # any failure counts against us
                g.failed.append(f"{path.name}#{no}: {type(exc).__name__}: {exc}")
                continue
            for name, get in FIELDS:
                if get(a):
                    g.fields[name] += 1
            content = item.get("content")
            url = item.get("url")
            if isinstance(content, str) and newsapi.is_dump(
                content, url if isinstance(url, str) else None
            ):
                g.dumps += 1
            for code in {i.code for i in a.issues}:
                g.issues[code] += 1
            if kind == "xpath_placeholder" and _xpath_right(raw, a):
                g.xpath_right += 1
    return groups, time.perf_counter() - start, total


def _pct(n: int, d: int) -> str:
    if not d:
        return "-"
    share = 100 * n / d
    if 0 < share < 0.1:
        return f"<0.1% ({n})"
    return f"{share:.1f}%" if 0 < share < 1 else f"{share:.0f}%"


def report(groups: dict[str, Group], secs: float, total: int) -> str:
    names = sorted(groups, key=lambda k: (-groups[k].items, k))
    out = [
        f"{total:,} items in {secs:.1f} s ({total / secs:,.0f} items/s, one core);"
        f" failed: {sum(len(g.failed) for g in groups.values())}",
        "",
        "Fields recovered (share of items):",
        "",
        "| field | " + " | ".join(f"{n} ({groups[n].items})" for n in names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for name, _get in FIELDS:
        row = [_pct(groups[n].fields[name], groups[n].items) for n in names]
        out.append(f"| {name} | " + " | ".join(row) + " |")
    row = [_pct(groups[n].dumps, groups[n].items) for n in names]
    out.append("| *content read as a dump* | " + " | ".join(row) + " |")
    codes = sorted({c for g in groups.values() for c in g.issues})
    out += [
        "",
        "Issue codes (share of items with at least one):",
        "",
        "| issue | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for code in codes:
        row = [_pct(groups[n].issues[code], groups[n].items) for n in names]
        out.append(f"| `{code}` | " + " | ".join(row) + " |")
    if "xpath_placeholder" in groups:
        g = groups["xpath_placeholder"]
        out += [
            "",
            f"xpath_placeholder: url, placeholders and truncation count right in"
            f" {g.xpath_right}/{g.items} items.",
        ]
    for n in names:
        for line in groups[n].failed[:20]:
            out.append(f"FAILED {line}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pool", action="store_true", help="also the 100k pool sample (slow)")
    args = ap.parse_args(argv)
    dumps, ordinary = args.corpus / "dumps.jsonl", args.corpus / "ordinary.jsonl"
    if not dumps.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    groups, secs, total = run([(dumps, None), (ordinary, "ordinary")])
    print(report(groups, secs, total))
    if args.pool:
        pool = args.corpus / "pool-sample-100k.jsonl.gz"
        groups, secs, total = run([(pool, "pool")])
        print("\nPool sample (pool-sample-100k.jsonl.gz):\n")
        print(report(groups, secs, total))
    failed = sum(len(g.failed) for g in groups.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
