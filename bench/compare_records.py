"""Dump every record newsmeta makes from the fixtures and the development corpora,
and compare two such dumps: the before/after check of a restructuring step.

    python -m bench.compare_records dump OUT_DIR      # write OUT_DIR/<corpus>.jsonl
    python -m bench.compare_records diff BEFORE AFTER  # differences grouped by field

``dump`` parses every golden input under ``fixtures/`` (as ``tests/test_golden.py``
does), every page listed in a ``gold.jsonl`` of the unpacked HTML corpus (with its
URL, as ``bench.score`` does), every item of the NewsAPI ``dumps.jsonl`` and
``ordinary.jsonl``, and the first ``--pool`` items (10,000) of
``pool-sample-100k.jsonl.gz``. Each output line is ``{"id": ..., "record": ...}``,
the record being ``Article.to_dict()`` or ``{"error": "<class>: <message>"}``.

``diff`` reports, per corpus, how many records differ and which top-level keys
differ how often, with a few examples of each, so every difference can be
explained. The shared corpora are looked for in ``$NEWSMETA_SHARED``, then
``../shared`` beside the repository, then ``/work/shared``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def shared_dir() -> Path | None:
    for candidate in (
        os.environ.get("NEWSMETA_SHARED"),
        str(ROOT.parent / "shared"),
        "/work/shared",
    ):
        if candidate and Path(candidate, "corpora").is_dir():
            return Path(candidate)
    return None


def _record(fn: Any) -> dict[str, Any]:
    import newsmeta

    try:
        return dict(fn().to_dict())
    except newsmeta.NewsmetaError as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def fixtures() -> Iterator[tuple[str, dict[str, Any]]]:
    import newsmeta

    for expected in sorted(FIXTURES.rglob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        for path in sorted(expected.parent.glob(stem + ".*")):
            if path.name.endswith((".expected.json", ".options.json")):
                continue
            opts_path = path.with_name(stem + ".options.json")
            opts = json.loads(opts_path.read_text()) if opts_path.exists() else {}
            name = path.relative_to(FIXTURES).as_posix()
            data = path.read_bytes()
            yield name, _record(lambda d=data, n=name, o=opts: newsmeta.parse(d, input_name=n, **o))


def html_pages(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    import newsmeta

    unpack = shared / "corpora" / "unpack.sh"
    out = subprocess.run(["bash", str(unpack)], check=True, capture_output=True, text=True)
    folder = Path(out.stdout.strip().splitlines()[-1])
    for corpus in sorted(p.name for p in folder.iterdir() if (p / "gold.jsonl").exists()):
        for line in (folder / corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = folder / corpus / row["html"]
            if not path.exists():
                continue
            data = path.read_bytes()
            url = row.get("url") or None
            yield (
                f"{corpus}/{row['id']}",
                _record(lambda d=data, u=url: newsmeta.parse(d, format="html", url=u)),
            )


def _item_text(line: str) -> str:
    item = json.loads(line)
    return json.dumps({k: v for k, v in item.items() if not k.startswith("_")}, ensure_ascii=False)


def newsapi_items(path: Path, limit: int = 0) -> Iterator[tuple[str, dict[str, Any]]]:
    import newsmeta

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        for i, line in enumerate(fh):
            if limit and i >= limit:
                break
            if not line.strip():
                continue
            text = _item_text(line)
            yield f"{path.name}:{i + 1}", _record(lambda t=text: newsmeta.parse(t))


def dump(out: Path, pool: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sources: dict[str, Iterator[tuple[str, dict[str, Any]]]] = {"fixtures": fixtures()}
    shared = shared_dir()
    if shared is None:
        print("shared corpora absent: only the fixtures are dumped", file=sys.stderr)
    else:
        news = shared / "corpora" / "newsapi"
        sources["html"] = html_pages(shared)
        sources["dumps"] = newsapi_items(news / "dumps.jsonl")
        sources["ordinary"] = newsapi_items(news / "ordinary.jsonl")
        sources["pool"] = newsapi_items(news / "pool-sample-100k.jsonl.gz", pool)
    for name, rows in sources.items():
        n = 0
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for ident, record in rows:
                fh.write(json.dumps({"id": ident, "record": record}, ensure_ascii=False) + "\n")
                n += 1
        print(f"{name}: {n} records", file=sys.stderr)


def _load(path: Path) -> dict[str, dict[str, Any]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        row = json.loads(line)
        ident = row["id"]
        while ident in rows:  # a page listed twice in a gold file
            ident += "'"
        rows[ident] = row["record"]
    return rows


def _short(value: Any, width: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def _kind(key: str, a: Any, b: Any) -> str:
    """A finer name for a difference: issue severities that changed, by code."""
    if key != "issues" or not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
        return key
    changes = set()
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if {**x, "severity": None} != {**y, "severity": None}:
            return key
        changes.add(f"{x['code']} {x['severity']}→{y['severity']}")
    return f"issues: only severity ({', '.join(sorted(changes))})"


def diff(before: Path, after: Path, examples: int, key: str) -> int:
    total = 0
    for path in sorted(before.glob("*.jsonl")):
        old, new = _load(path), _load(after / path.name)
        changed = 0
        by_key: Counter[str] = Counter()
        shown: dict[str, list[str]] = defaultdict(list)
        for ident in sorted(set(old) | set(new)):
            a, b = old.get(ident), new.get(ident)
            if a == b:
                continue
            changed += 1
            if a is None or b is None:
                by_key["<record missing>"] += 1
                continue
            for k in sorted(set(a) | set(b)):
                if a.get(k) != b.get(k):
                    k = _kind(k, a.get(k), b.get(k))
                    by_key[k] += 1
                    if len(shown[k]) < examples and (not key or k == key):
                        shown[k].append(
                            f"    {ident}\n      - {_short(a.get(k))}\n      + {_short(b.get(k))}"
                        )
        total += changed
        print(f"## {path.stem}: {changed} of {len(old)} records differ")
        for k, n in by_key.most_common():
            print(f"  {k}: {n}")
            for s in shown.get(k, []):
                print(s)
    return 1 if total else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.compare_records", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write every record under OUT")
    d.add_argument("out", type=Path)
    d.add_argument("--pool", type=int, default=10_000, help="pool items to read (10,000)")
    c = sub.add_parser("diff", help="compare two dumps; exit 1 if they differ")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--examples", type=int, default=3)
    c.add_argument("--key", default="", help="only show examples for this top-level key")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out, args.pool)
        return 0
    return diff(args.before, args.after, args.examples, args.key)


if __name__ == "__main__":
    raise SystemExit(main())
