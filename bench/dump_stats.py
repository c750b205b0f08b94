"""What the flat adapter recovers from real dumps: the share of items per field.

Runs ``newsmeta.adapters.flat`` on the ``content`` of every item in
``../shared/corpora/newsapi/dumps.jsonl`` (the aggregator's cut dumps), grouped
by the corpus's ``_dump_kind`` label, and prints a Markdown table. This is
the adapter on its own; the NewsAPI adapter (``bench.newsapi_stats``) adds the
item's envelope on top.

    python -m bench.dump_stats [PATH]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

from newsmeta.adapters import flat
from newsmeta.records import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "newsapi" / "dumps.jsonl"

FIELDS = {
    "url": lambda a: a.url is not None,
    "title": lambda a: a.title is not None,
    "og_image": lambda a: a.og_image is not None,
    "publisher logo": lambda a: a.publisher is not None and a.publisher.logo is not None,
    "placeholders": lambda a: bool(a.placeholders),
    "truncation": lambda a: a.truncation is not None,
    "letters-stripped": lambda a: any(i.code == "letters-stripped" for i in a.issues),
    "unrecognised": lambda a: bool(a.unrecognised),
}


def stats(path: Path) -> tuple[dict[str, collections.Counter[str]], dict[str, int]]:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    totals: dict[str, int] = collections.Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        kind = item.get("_dump_kind", "?")
        totals[kind] += 1
        a: Article = flat.parse(item.get("content") or "")
        for name, test in FIELDS.items():
            counts[kind][name] += bool(test(a))
        counts[kind]["url = item url"] += a.url == item.get("url")
    return counts, totals


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    counts, totals = stats(path)
    names = [*FIELDS, "url = item url"]
    print("| kind | items | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for kind in sorted(totals, key=lambda k: -totals[k]):
        n = totals[kind]
        cells = [f"{100 * counts[kind][f] / n:.0f}%" for f in names]
        print(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
