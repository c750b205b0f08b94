"""Score newsmeta and its peers on the html-dev corpus, in one run.

    python -m bench.score                   # everything (a few minutes, one core)
    python -m bench.score --limit 200       # a quick look while iterating
    python -m bench.score --tools newsmeta,lxml --verbose

Unpacks the corpus with ``../shared/corpora/unpack.sh`` (or reads
``$NEWSMETA_CORPORA``/``--corpus``). Every tool sees the same pages: their
bytes, and the page URL where the corpus gives one. Peers run offline:
newspaper4k with ``fetch_images=False`` and the HTML handed in, htmldate with
``original_date=True`` (the publication date), extruct with its JSON-LD,
microdata and OpenGraph syntaxes plus the few lines of mapping a user writes.

Per-field accuracy is the share of pages with a gold value where the tool's
value matches it: normalised exact match for title and description (NFKC,
entities decoded, typographic quotes and dashes folded, case-folded, white
space collapsed), the calendar day for dates, set match
for authors and tags, URL match (scheme and ``www.`` ignored) for images,
the primary subtag for language. A tool that returns nothing is wrong.
Times are CPU time of this one process (the machine is shared), summed over
the pages, with the tools interleaved page by page, and as multiples of
``lxml.html.fromstring`` on the same bytes; each tool's modules are imported
before the clock starts, and each tool's clock stops only after one 4 KiB
allocation, which makes glibc finish freeing what the tool freed (it defers
merging thousands of small freed blocks to the next allocation of 1 KiB or
more, which would otherwise be the next tool's: ``bench/deferred_free.py``).
Needs the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench._common import norm_text
from bench.misses import classify

ROOT = Path(__file__).resolve().parent.parent
UNPACK = ROOT.parent / "shared" / "corpora" / "unpack.sh"
FIELDS = ("title", "description", "date", "authors", "tags", "image", "language")
TOOLS = ("lxml", "selectolax", "newsmeta", "trafilatura", "newspaper4k", "htmldate", "extruct")
#: Bare parsers: the floors the extractors' times are measured against.
FLOORS = ("lxml", "selectolax")

Result = dict[str, Any]
#: Pages listed per field and direction by --before.
SHOW_MOVED = 25


#: An allocation large enough that glibc merges the small blocks freed before it.
_SETTLE_BYTES = 4096


def _settle() -> None:
    """Make the allocator finish the frees it deferred (see the module's docstring)."""
    block = bytearray(_SETTLE_BYTES)
    del block


# --------------------------------------------------------------------------- corpus


def corpus_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    out = subprocess.run(["bash", str(UNPACK)], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def _day(value: object) -> str | None:
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def _list(value: object, sep: str | None = None) -> list[str] | None:
    if isinstance(value, str):
        items = value.split(sep) if sep else [value]
    elif isinstance(value, list):
        items = [v for v in value if isinstance(v, str)]
    else:
        return None
    items = [i.strip() for i in items if i and i.strip()]
    return items or None


def load_pages(folder: Path) -> list[dict[str, Any]]:
    """Pages with their gold values, re-keyed to our field names."""
    pages = []
    for corpus in ("trafilatura", "htmldate", "mozilla-readability", "newspaper4k"):
        gold_file = folder / corpus / "gold.jsonl"
        if not gold_file.exists():
            continue
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = folder / corpus / row["html"]
            if not path.exists():
                continue
            g = row.get("gold") or {}
            gold: dict[str, Any] = {}
            if corpus == "trafilatura":
                gold = {
                    "title": g.get("title") or None,
                    "description": g.get("description") or None,
                    "date": _day(g.get("date")),
                    "authors": _list(g.get("author"), ";"),
                    "tags": _list(g.get("tags")),
                }
            elif corpus == "htmldate":
                gold = {"date": _day(g.get("date_published"))}
            elif corpus == "mozilla-readability":
                byline = g.get("byline")
                gold = {
                    "title": g.get("title") or None,
                    "description": g.get("excerpt") or None,
                    "date": _day(g.get("publishedTime")),
                    "authors": [re.sub(r"(?i)^by\s+", "", byline).strip()] if byline else None,
                    "language": g.get("lang") or None,
                }
            elif corpus == "newspaper4k":
                gold = {
                    "title": g.get("title") or None,
                    "description": g.get("meta_description") or None,
                    "date": _day(g.get("publish_date")),
                    "authors": _list(g.get("authors")),
                    "tags": _list(g.get("tags")),
                    "image": g.get("meta_img") or g.get("top_image") or None,
                    "language": g.get("meta_lang") or None,
                }
            gold = {k: v for k, v in gold.items() if v}
            if gold:
                pages.append(
                    {
                        "id": f"{corpus}/{row['id']}",
                        "url": row.get("url"),
                        "path": path,
                        "gold": gold,
                    }
                )
    return pages


# --------------------------------------------------------------------------- normalising


def norm_day(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _day(value.strip())
    return None


def norm_set(values: object) -> frozenset[str] | None:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple, set, frozenset)):
        return None
    out = frozenset(t for t in (norm_text(v) for v in values) if t)
    return out or None


def norm_url(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    u = value.strip()
    u = re.sub(r"^https?://(www\.)?", "", u, flags=re.I)
    return u.rstrip("/")


def norm_lang(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip().lower())[0] or None


NORM: dict[str, Callable[[object], object]] = {
    "title": norm_text,
    "description": norm_text,
    "date": norm_day,
    "authors": norm_set,
    "tags": norm_set,
    "image": norm_url,
    "language": norm_lang,
}


# --------------------------------------------------------------------------- tools


def run_lxml(data: bytes, url: str | None) -> Result:
    import lxml.html

    lxml.html.fromstring(data)
    return {}


def run_selectolax(data: bytes, url: str | None) -> Result:
    """Lexbor's parse of the bytes, the encoding detected (the HTML engine issue's floor)."""
    from selectolax.lexbor import LexborHTMLParser

    LexborHTMLParser(data, encoding=True)
    return {}


def run_newsmeta(data: bytes, url: str | None) -> Result:
    import newsmeta

    try:
        a = newsmeta.parse(data, url=url, format="html")
    except newsmeta.NewsmetaError:
        return {}
    tags = a.tags or a.keywords
    return {
        "title": a.title,
        "description": a.description,
        # The article's day: the day the publisher files it under (the URL's
        # day, a date-only value) when known, else the published datetime's
        # day in its own offset.
        "date": a.date or a.published,
        "authors": [p.name for p in a.authors],
        "tags": list(tags),
        "image": a.og_image,
        "language": a.language,
    }


def run_trafilatura(data: bytes, url: str | None) -> Result:
    from trafilatura import extract_metadata, load_html

    tree = load_html(data)
    if tree is None:
        return {}
    d = extract_metadata(tree, default_url=url)
    return {
        "title": d.title,
        "description": d.description,
        "date": d.date,
        "authors": [a for a in (d.author or "").split(";") if a.strip()],
        "tags": d.tags,
        "image": d.image,
        "language": getattr(d, "language", None),
    }


def run_newspaper(data: bytes, url: str | None) -> Result:
    import newspaper

    art = newspaper.Article(url or "http://example.com/", fetch_images=False, language=None)
    art.download(input_html=data.decode("utf-8", "replace"))
    art.parse()
    return {
        "title": art.title,
        "description": art.meta_description,
        "date": art.publish_date,
        "authors": list(art.authors or ()),
        "tags": list(art.tags or ()) or [k for k in (art.meta_keywords or ()) if k],
        "image": art.meta_img or art.top_image,
        "language": art.meta_lang,
    }


def run_htmldate(data: bytes, url: str | None) -> Result:
    from htmldate import find_date

    return {"date": find_date(data, url=url, original_date=True)}


def _first(v: object) -> object:
    if isinstance(v, list):
        return v[0] if v else None
    return v


def run_extruct(data: bytes, url: str | None) -> Result:
    """extruct plus the mapping code a user writes around it."""
    import extruct

    text = data.decode("utf-8", "replace")
    try:
        d = extruct.extract(
            text, base_url=url, syntaxes=["json-ld", "microdata", "opengraph"], uniform=True
        )
    except Exception:
        return {}
    art: dict[str, Any] = {}
    for item in d.get("json-ld", []) + d.get("microdata", []):
        items = item.get("@graph", [item]) if isinstance(item, dict) else []
        for it in items:
            t = it.get("@type") if isinstance(it, dict) else None
            ts = t if isinstance(t, list) else [t]
            if any(isinstance(x, str) and ("Article" in x or "Posting" in x) for x in ts):
                art = it
                break
        if art:
            break
    og: dict[str, Any] = d.get("opengraph", [{}])[0] if d.get("opengraph") else {}
    authors = []
    for a in art.get("author", []) if isinstance(art.get("author"), list) else [art.get("author")]:
        if isinstance(a, dict) and isinstance(a.get("name"), str):
            authors.append(a["name"])
        elif isinstance(a, str):
            authors.append(a)
    kw = art.get("keywords") or og.get("article:tag")
    tags = kw.split(",") if isinstance(kw, str) else kw
    img = _first(art.get("image"))
    if isinstance(img, dict):
        img = img.get("url")
    return {
        "title": _first(art.get("headline")) or og.get("og:title"),
        "description": art.get("description") or og.get("og:description"),
        "date": art.get("datePublished") or og.get("article:published_time"),
        "authors": authors,
        "tags": tags,
        "image": og.get("og:image") or img,
        "language": art.get("inLanguage") or og.get("og:locale"),
    }


RUNNERS: dict[str, Callable[[bytes, str | None], Result]] = {
    "lxml": run_lxml,
    "selectolax": run_selectolax,
    "newsmeta": run_newsmeta,
    "trafilatura": run_trafilatura,
    "newspaper4k": run_newspaper,
    "htmldate": run_htmldate,
    "extruct": run_extruct,
}
#: The module each tool's runner imports: imported before the clock starts,
#: so no tool's total includes its one-time import (newsmeta's is 0.2 s).
IMPORTS: dict[str, str] = {
    "lxml": "lxml.html",
    "selectolax": "selectolax.lexbor",
    "newsmeta": "newsmeta",
    "trafilatura": "trafilatura",
    "newspaper4k": "newspaper",
    "htmldate": "htmldate",
    "extruct": "extruct",
}
#: Fields each peer extracts (a peer is compared only on these).
EXTRACTS: dict[str, tuple[str, ...]] = {
    "newsmeta": FIELDS,
    "trafilatura": ("title", "description", "date", "authors", "tags", "image"),
    "newspaper4k": FIELDS,
    "htmldate": ("date",),
    "extruct": FIELDS,
}


# --------------------------------------------------------------------------- scoring


def score(pages: list[dict[str, Any]], tools: list[str], verbose: bool) -> dict[str, Any]:
    """Run every tool on every page, interleaved page by page, timing CPU time.

    CPU time of this process (``time.process_time``), not wall-clock: the
    machine is shared, and other processes' load must not count. Interleaving
    gives every tool the same cache and memory conditions.
    """
    times = dict.fromkeys(tools, 0.0)
    hits: dict[str, dict[str, int]] = {t: dict.fromkeys(FIELDS, 0) for t in tools}
    totals = dict.fromkeys(FIELDS, 0)
    misses: dict[str, list[str]] = {}
    classes: dict[str, dict[str, str]] = {f: {} for f in FIELDS}  # field -> page -> class
    crashes = dict.fromkeys(tools, 0)
    for p in pages:
        for f in p["gold"]:
            if f in totals:
                totals[f] += 1
    for tool in tools:
        with contextlib.suppress(ImportError):  # else its runner fails on every page, and says so
            importlib.import_module(IMPORTS[tool])
    clock = time.process_time
    for n, p in enumerate(pages, 1):
        data = p["path"].read_bytes()
        for tool in tools:
            t0 = clock()
            try:
                got = RUNNERS[tool](data, p["url"])
            except Exception as exc:  # a peer's crash counts as no answer
                got = {}
                crashes[tool] += 1
                if verbose:
                    print(f"  {tool} crashed on {p['id']}: {type(exc).__name__}", file=sys.stderr)
            _settle()  # the tool's own freeing finished on its own clock
            times[tool] += clock() - t0
            if tool in FLOORS:
                continue
            for f, gold in p["gold"].items():
                want = NORM[f](gold)
                if want is not None and want == NORM[f](got.get(f)):
                    hits[tool][f] += 1
                elif tool == "newsmeta":
                    kind = classify(f, gold, got.get(f), data)
                    classes[f][p["id"]] = kind
                    if verbose:
                        misses.setdefault(f, []).append(
                            f"{p['id']} [{kind}]: gold={gold!r} got={got.get(f)!r}"
                        )
        if n % 200 == 0:
            print(f"  {n}/{len(pages)} pages", file=sys.stderr)
    for tool in tools:
        extra = f" ({crashes[tool]} crashes)" if crashes[tool] else ""
        print(f"  {tool}: {times[tool]:.2f}s CPU{extra}", file=sys.stderr)
    return {
        "hits": hits,
        "totals": totals,
        "times": times,
        "misses": misses,
        "classes": classes,
        "n": len(pages),
    }


def class_table(res: dict[str, Any], before: dict[str, dict[str, str]] | None) -> str:
    """newsmeta's misses by class, per field (with a saved run: before -> now)."""
    from collections import Counter

    head = "| class of miss | pages |" if before is None else "| class of miss | before | now |"
    lines = [head, "|---|---:|" if before is None else "|---|---:|---:|"]
    for f in FIELDS:
        now = Counter(res["classes"][f].values())
        old = Counter((before or {}).get(f, {}).values())
        for kind in sorted(set(now) | set(old), key=lambda k: (-now[k], -old[k], k)):
            if before is None:
                lines.append(f"| {kind} | {now[kind]} |")
            else:
                lines.append(f"| {kind} | {old[kind]} | {now[kind]} |")
    return "\n".join(lines)


def table(res: dict[str, Any], tools: list[str]) -> str:
    peers = [t for t in tools if t not in (*FLOORS, "newsmeta")]
    hits, totals, times = res["hits"], res["totals"], res["times"]
    cols = [t for t in tools if t not in FLOORS]
    lines = [
        "| field | pages with gold | " + " | ".join(cols) + " | newsmeta beats best peer? |",
        "|---|---|" + "---|" * len(cols) + "---|",
    ]
    for f in FIELDS:
        n = totals[f]
        if not n:
            continue
        cells = []
        for t in cols:
            if f not in EXTRACTS[t]:
                cells.append("–")
            else:
                cells.append(f"{100 * hits[t][f] / n:.1f}% ({hits[t][f]})")
        best = max((hits[t][f] for t in peers if f in EXTRACTS[t]), default=0)
        verdict = ""
        if "newsmeta" in tools and peers:
            ours = hits["newsmeta"][f]
            verdict = "yes" if ours > best else ("tie" if ours == best else "**no**")
        lines.append(f"| {f} | {n} | " + " | ".join(cells) + f" | {verdict} |")
    base, lexbor = times.get("lxml"), times.get("selectolax")
    lines.append("")
    lines.append("| tool | total CPU time (s) | × lxml parse | × selectolax (Lexbor) parse |")
    lines.append("|---|---|---|---|")
    for t in tools:
        ratio = f"{times[t] / base:.2f}×" if base else "–"
        ratio2 = f"{times[t] / lexbor:.2f}×" if lexbor else "–"
        lines.append(f"| {t} | {times[t]:.2f} | {ratio} | {ratio2} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.score", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("NEWSMETA_CORPORA_HTML"))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    ap.add_argument("--only", default="", help="only pages whose id contains this")
    ap.add_argument("--verbose", action="store_true", help="list newsmeta's misses")
    ap.add_argument("--misses", default="", help="with --verbose: only this field's misses")
    ap.add_argument("--save", help="write newsmeta's misses by page and class to this JSON file")
    ap.add_argument(
        "--before", help="a file written by --save: show the classes before -> now, and moved pages"
    )
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    folder = corpus_dir(args.corpus)
    pages = [p for p in load_pages(folder) if args.only in p["id"]]
    if args.limit:
        pages = pages[: args.limit]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for floor in reversed(FLOORS):
        if floor not in tools and importlib.util.find_spec(IMPORTS[floor].split(".")[0]):
            tools.insert(0, floor)
    print(f"{len(pages)} pages from {folder}", file=sys.stderr)
    res = score(pages, tools, args.verbose)
    if args.verbose:
        for f, ms in res["misses"].items():
            if args.misses and f != args.misses:
                continue
            print(f"\n## newsmeta misses: {f} ({len(ms)})")
            for m in ms:
                print(" ", m[:300])
    print()
    print(table(res, tools))
    before = json.loads(Path(args.before).read_text(encoding="utf-8")) if args.before else None
    if "newsmeta" in tools:
        print()
        print(class_table(res, before))
    if before is not None:
        for f in FIELDS:
            old, now = before.get(f, {}), res["classes"][f]
            fixed = sorted(set(old) - set(now))
            broken = sorted(set(now) - set(old))
            if fixed or broken:
                print(f"\n{f}: {len(fixed)} fixed, {len(broken)} newly missed")
                for page in broken[:SHOW_MOVED]:
                    print(f"  - {page} [{now[page]}]")
                for page in fixed[:SHOW_MOVED]:
                    print(f"  + {page} [{old[page]}]")
    if args.save:
        Path(args.save).write_text(
            json.dumps(res["classes"], indent=1, sort_keys=True), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
