"""Linear time on adversarial inputs: size against time, beside an ordinary input.

    python -m bench.adversarial             # the sizes issue 6 names (a few minutes)
    python -m bench.adversarial --scale 0.1 # a tenth of them, for a quick look
    python -m bench.adversarial --only flat

For each adversarial input (issue 6, item 3) and each adapter it targets, the
input is built at a quarter, a half and the full size, parsed once (CPU time
of this process), and an *ordinary* input of the same size in the same format
is parsed beside it. Two numbers matter:

* ``x ordinary``: adversarial time over ordinary time at the same size; a
  small constant is the target.
* ``growth``: time at full size over time at a quarter; 4 is linear, 16 is
  quadratic. Below about 20 ms the timer's noise dominates the growth figure.

A ``LimitError`` is a fine answer (the input is past a configured limit) as
long as it comes fast; it is shown as ``limit``. Everything else that escapes
is a bug. The table is Markdown so ``docs/reliability.md`` can quote it.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections.abc import Callable, Iterator

import newsmeta
from bench._common import DUMPS, ROOT, SHARED, clear_caches, machine

ORDINARY_ITEMS = SHARED / "corpora" / "newsapi" / "ordinary.jsonl"
SEED = ROOT / "fixtures" / "dumps" / "sputnik-seed-001.txt"
MB = 1_000_000

# --------------------------------------------------------------------------- ordinary text


def _corpus_lines() -> Iterator[str]:
    """Real lines, cycled: dump contents and ordinary item texts from the corpus."""
    lines: list[str] = []
    for path in (DUMPS, ORDINARY_ITEMS):
        if not path.exists():
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for raw in fh:
                item = json.loads(raw)
                for key in ("title", "description", "content"):
                    value = item.get(key)
                    if isinstance(value, str):
                        lines.extend(v for v in value.replace("\r", "").split("\n") if v.strip())
    if not lines:
        lines = SEED.read_text(encoding="utf-8").splitlines()
    return itertools.cycle(lines)


def _fill(size: int, lines: Iterator[str], sep: str = "\n\n") -> str:
    out: list[str] = []
    n = 0
    while n < size:
        line = next(lines)
        out.append(line)
        n += len(line) + len(sep)
    return sep.join(out)[:size]


def ordinary_dump(size: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    return seed + "\n\n" + _fill(max(0, size - len(seed)), _corpus_lines())


def ordinary_text(size: int) -> str:
    return _fill(size, _corpus_lines())


def ordinary_html(size: int) -> str:
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A Title</title>'
        '<meta property="og:title" content="A Title">'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A Title",'
        '"datePublished":"2022-01-07T08:36:00Z","author":{"@type":"Person","name":"Jane Doe"}}'
        "</script></head><body><article><h1>A Title</h1>"
    )
    paras = _fill(size - len(head) - 30, _corpus_lines(), "\n").split("\n")
    body = "".join(f"<p>{p.replace('<', '&lt;')}</p>" for p in paras)
    return head + body + "</article></body></html>"


def _item(content: str, **over: object) -> str:
    item = {
        "source": {"id": None, "name": "Example"},
        "author": "Jane Doe",
        "title": "A Title",
        "description": "A description.",
        "url": "https://example.com/a.html",
        "urlToImage": "https://example.com/a.jpg",
        "publishedAt": "2022-01-07T08:36:00Z",
        "content": content,
    }
    item.update(over)
    return json.dumps(item, ensure_ascii=False)


def ordinary_item(size: int) -> str:
    return _item(ordinary_text(size - 260))


ORDINARY: dict[str, Callable[[int], str]] = {
    "flat": ordinary_dump,
    "text": ordinary_text,
    "html": ordinary_html,
    "newsapi": ordinary_item,
}

# --------------------------------------------------------------------------- adversarial

#: name -> (full size in issue 6's terms, {adapter: builder(n) -> input})
CASES: dict[str, tuple[int, dict[str, Callable[[int], str]]]] = {
    "10 MB line, no spaces": (
        10 * MB,
        {
            "flat": lambda n: "x" * n,
            "text": lambda n: "x" * n,
            "html": lambda n: "<html><body><p>" + "x" * n + "</p></body></html>",
            "newsapi": lambda n: _item("x" * n),
        },
    ),
    "10^6 blank lines": (
        10**6,
        {
            "flat": lambda n: "https://example.com/a.html" + "\n" * n + "A Title",
            "text": lambda n: "A Title" + "\n" * n + "Body.",
            "html": lambda n: "<html><body>" + "\n" * n + "<p>x</p></body></html>",
            "newsapi": lambda n: _item("x" + "\r\n" * n + "y"),
        },
    ),
    "10^5 nested tags": (
        10**5,
        {
            "html": lambda n: "<html><body>" + "<div>" * n + "x" + "</div>" * n + "</body></html>",
            "text": lambda n: "<div>" * n + "x" + "</div>" * n,
            "newsapi": lambda n: _item("<div>" * n + "x" + "</div>" * n),
        },
    ),
    "5 MB JSON-LD script": (
        5 * MB,
        {
            "html": lambda n: (
                '<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
                '"headline":"A Title","articleBody":"'
                + "word " * (n // 5)
                + '","keywords":['
                + ",".join(['"k"'] * 10)
                + "]}</script></head><body></body></html>"
            ),
        },
    ),
    "5 MB JSON-LD, deep nesting": (
        5 * MB,
        {
            "html": lambda n: (
                '<html><head><script type="application/ld+json">'
                + '{"@graph":[' * (n // 12)
                + "1"
                + "]}" * (n // 12)
                + "</script></head><body></body></html>"
            ),
            "newsapi": lambda n: '{"content":' + "[" * (n // 2) + "]" * (n // 2) + "}",
        },
    ),
    "dump of 10^5 tiny blocks": (
        10**5,
        {
            "flat": lambda n: "https://example.com/a.html\n\n" + "x\n\n" * n,
            "text": lambda n: "x\n\n" * n,
            "newsapi": lambda n: _item("https://example.com/a.html\r\n" + "x\r\n" * n),
        },
    ),
    "[[[[ in a placeholder line": (
        MB,
        {
            "flat": lambda n: "https://example.com/a.html\n\n/html/head/meta" + "[" * n,
            "newsapi": lambda n: _item("/html/head/meta" + "[" * n),
        },
    ),
    "'''' in a placeholder line": (
        MB,
        {
            "flat": lambda n: "https://example.com/a.html\n\n/html/head/meta[@name='" + "'" * n,
            "html": lambda n: (
                '<html><head><meta name="x" content="/html/head/meta[@name=\''
                + "'" * n
                + '"></head></html>'
            ),
        },
    ),
    "[@a=' runs in placeholder lines": (
        MB,
        {
            "flat": lambda n: "https://example.com/a.html\n\n" + "/x[@a='[" * (n // 8),
        },
    ),
    "digits where a date is expected": (
        MB,
        {
            "flat": lambda n: "https://example.com/a.html\n\nA Title\n\n2022-01-07T" + "9" * n,
            "text": lambda n: "A Title\n\n" + "9" * n,
            "html": lambda n: (
                '<html><head><meta property="article:published_time" content="'
                + "9" * n
                + '"></head></html>'
            ),
            "newsapi": lambda n: _item("x", publishedAt="9" * n),
        },
    ),
}


def _page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>A Title</title>{head}</head><body>{body}</body></html>"
    )


#: The Lexbor engine's known weak spots (issue 19): an HTML5 tree builder
#: searches the stack of open elements and the list of active formatting
#: elements, so nesting, misnesting and unclosed elements are where its time
#: could grow faster than the page. Full sizes are counts of the repeated unit;
#: the cases known to be quadratic today have smaller full sizes so the
#: whole run stays within minutes.
HTML_CASES: dict[str, tuple[int, dict[str, Callable[[int], str]]]] = {
    "10^5 nested <ul>": (10**5, {"html": lambda n: _page("<ul>" * n + "x" + "</ul>" * n)}),
    "10^5 nested <blockquote>": (
        10**5,
        {"html": lambda n: _page("<blockquote>" * n + "x" + "</blockquote>" * n)},
    ),
    "10^4 nested <div>, unclosed": (10**4, {"html": lambda n: _page("<div>" * n + "x")}),
    "9,990 <div>, under the depth check": (9_990, {"html": lambda n: _page("<div>" * n + "x")}),
    "4x10^4 <ul><li> nested": (4 * 10**4, {"html": lambda n: _page("<ul><li>" * n + "x")}),
    "4x10^4 <div><p> nested": (4 * 10**4, {"html": lambda n: _page("<div><p>" * n + "x")}),
    "4x10^4 <object><p>": (4 * 10**4, {"html": lambda n: _page("<object><p>" * n)}),
    "10^5 <div><object></div>": (
        10**5,
        {"html": lambda n: _page("<div><object></div>" * n + "x")},
    ),
    "10^5 nested tables": (10**5, {"html": lambda n: _page("<table><tr><td>" * n + "x")}),
    "10^5 unclosed <p>": (10**5, {"html": lambda n: _page("<p>word " * n)}),
    "10^5 unclosed <li>": (10**5, {"html": lambda n: _page("<ul>" + "<li>word " * n + "</ul>")}),
    "2x10^4 unclosed <!--": (2 * 10**4, {"html": lambda n: _page("<p>x</p>" + "<!--" * n)}),
    "10^5 unclosed <script>": (10**5, {"html": lambda n: _page("<script>" * n)}),
    "10 MB attribute value": (
        10 * MB,
        {
            "html": lambda n: _page(
                '<div data-x="' + "x" * n + '">x</div>',
                head='<meta name="description" content="' + "word " * (n // 5) + '">',
            )
        },
    ),
    "10^5 attributes on one element": (
        10**5,
        {"html": lambda n: _page("<div " + " ".join(f"a{i}=v" for i in range(n)) + ">x</div>")},
    ),
    "10^5 copies of one attribute": (
        10**5,
        {"html": lambda n: _page('<meta name="author" ' + 'content="x" ' * n + ">")},
    ),
    "2 MB JSON-LD, @graph of small items": (
        2 * MB,
        {
            "html": lambda n: _page(
                "",
                head='<script type="application/ld+json">{"@graph":['
                + ",".join(
                    [
                        '{"@type":"NewsArticle","headline":"A Title","author":'
                        '{"@type":"Person","name":"Jane Doe"}}'
                    ]
                    * (n // 90)
                )
                + "]}</script>",
            )
        },
    ),
    "10 MB text with spaces": (10 * MB, {"html": lambda n: _page("<p>" + "word " * (n // 5))}),
    "10^5 tables": (
        10**5,
        {"html": lambda n: _page("<table><tr><td>x</td></tr></table>" * n)},
    ),
    "10^5 links": (10**5, {"html": lambda n: _page('<a href="/a">x</a> ' * n)}),
    "10^5 unclosed <a>": (10**5, {"html": lambda n: _page('<a href="/a">x ' * n)}),
    "10^5 misnested <b><i>": (10**5, {"html": lambda n: _page("<b><i>x</b></i>" * n)}),
    "10^5 unclosed <b>": (10**5, {"html": lambda n: _page("<b>x " * n)}),
    "10^5 unclosed <b><i><u><s> in <p>": (
        10**5,
        {"html": lambda n: _page("<p><b><i><u><s>x" * n)},
    ),
    "10^5 nested <template>": (
        10**5,
        {"html": lambda n: _page("<template>" * n + "x" + "</template>" * n)},
    ),
    "10^5 nested <svg><g>": (
        10**5,
        {"html": lambda n: _page("<svg>" + "<g>" * n + "x" + "</g>" * n + "</svg>")},
    ),
    "10^5 nested <math><mrow>": (
        10**5,
        {"html": lambda n: _page("<math>" + "<mrow>" * n + "x" + "</mrow>" * n + "</math>")},
    ),
    "10^5 <svg><foreignObject><div>": (
        10**5,
        {"html": lambda n: _page("<svg><foreignObject><div>" * n + "x")},
    ),
}
CASES.update(HTML_CASES)

# --------------------------------------------------------------------------- measuring


def _time(fmt: str, data: str) -> tuple[float, str]:
    clear_caches()
    start = time.process_time()
    try:
        newsmeta.parse(data, format=fmt)
        outcome = "ok"
    except newsmeta.LimitError:
        outcome = "limit"
    except newsmeta.NewsmetaError as exc:
        outcome = type(exc).__name__
    return time.process_time() - start, outcome


def run(scale: float, only: set[str] | None, cases: set[str] | None) -> list[str]:
    rows = [
        "| input | adapter | size | time | ordinary | x ordinary | growth (x4 size) | outcome |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, (full, builders) in CASES.items():
        if cases and not any(c.lower() in name.lower() for c in cases):
            continue
        n_full = max(8, int(full * scale))
        for fmt, build in builders.items():
            if only and fmt not in only:
                continue
            times: list[float] = []
            for n in (n_full // 4, n_full // 2, n_full):
                data = build(n)
                t, outcome = _time(fmt, data)
                times.append(t)
                size = len(data.encode("utf-8"))
                base, _ = _time(fmt, ORDINARY[fmt](size))
                ratio = t / base if base > 0 else float("inf")
                growth = f"{times[-1] / times[0]:.1f}" if len(times) == 3 and times[0] > 0 else ""
                rows.append(
                    f"| {name} | {fmt} | {size:,} B | {t:.3f} s | {base:.3f} s"
                    f" | {ratio:.2f} | {growth} | {outcome} |"
                )
                print(rows[-1], flush=True)
    return rows


#: Strings whose long runs trip backtracking regexes: each character repeated,
#: then a character that makes the match fail at the very end.
_RUNS = (" ", "\t", "a", "A", "9", ".", "-", "/", "[", "'", "@", ":", ",", "a.", "a ", "9-", "&#")


def regexes(n: int) -> list[str]:
    """Every compiled pattern in newsmeta, searched over long runs: growth from n to 4n."""
    import importlib
    import pkgutil
    import re

    rows = [
        "| pattern | worst run | time at 4n | growth (x4 size) |",
        "|---|---|---:|---:|",
    ]
    seen: set[int] = set()
    for info in pkgutil.walk_packages(newsmeta.__path__, "newsmeta."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for attr, rx in vars(mod).items():
            if not isinstance(rx, re.Pattern) or id(rx) in seen or not isinstance(rx.pattern, str):
                continue
            seen.add(id(rx))
            worst = (0.0, 0.0, "")
            for run in _RUNS:
                times = []
                for size in (n, 4 * n):
                    s = run * (size // len(run)) + "\x00"
                    start = time.process_time()
                    rx.search(s)
                    rx.fullmatch(s)
                    rx.findall(s)
                    times.append(time.process_time() - start)
                if times[1] > worst[0]:
                    worst = (times[1], times[1] / max(times[0], 1e-6), run)
            rows.append(
                f"| `{info.name}.{attr}` | {worst[2]!r} | {worst[0]:.4f} s | {worst[1]:.1f} |"
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.adversarial", description=__doc__.split("\n")[0]
    )
    p.add_argument("--scale", type=float, default=1.0, help="fraction of issue 6's sizes")
    p.add_argument("--only", action="append", help="adapter(s) to run (repeatable)")
    p.add_argument("--case", action="append", help="substring of case names to run")
    p.add_argument(
        "--regexes", action="store_true", help="only: every pattern over long runs of one character"
    )
    args = p.parse_args(argv)
    if args.regexes:
        print(f"# regexes over runs of 5,000 and 20,000 characters ({machine()})")
        rows = regexes(5_000)
        print("\n".join(rows[:2] + sorted(rows[2:], key=lambda r: -float(r.rsplit("|", 2)[-2]))))
        return 0
    print(f"# adversarial inputs, scale {args.scale} ({machine()})", flush=True)
    rows = run(args.scale, set(args.only) if args.only else None, set(args.case or []))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
