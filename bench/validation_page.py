"""A validation report of a batch, rendered as a page: tables and a chart.

Usage::

    python -m bench.validation_page INPUT... [--profile strict] [--out DIR] [--title TEXT]

Parses every input (files, directories, JSON Lines) with the library, validates
each record with the profile, and writes ``DIR/validation-report.md`` (counts
per verdict, per issue code and per site, as Markdown tables) and
``DIR/validation-report.svg`` (issues per code as a bar chart, coloured by
severity). ``docs/examples/validation-report.md`` was made with::

    python -m bench.validation_page ../shared/corpora/newsapi/dumps.jsonl \\
        ../shared/corpora/newsapi/ordinary.jsonl --profile strict \\
        --out docs/examples --title "1,682 real NewsAPI items"

The chart is plain SVG written here (no plotting library): one bar per code.
"""

from __future__ import annotations

import argparse
import gzip
import html
import shlex
import sys
import urllib.parse
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import newsmeta
from newsmeta import Severity

#: Bar colours per severity (colour-blind-safe: Okabe-Ito).
COLOURS = {"error": "#D55E00", "warning": "#E69F00", "info": "#56B4E9"}
#: Sites listed in the per-site table.
TOP_SITES = 15


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, bytes, bool]]:
    """``(name, bytes, one_line)`` for every input: JSON Lines give one item a line."""
    for arg in paths:
        p = Path(arg)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            data = f.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            name = str(f)
            if f.name.removesuffix(".gz").endswith((".jsonl", ".ndjson")):
                for no, line in enumerate(data.splitlines(), 1):
                    if line.strip():
                        yield f"{name}#{no}", line, True
            else:
                yield name, data, False


def _site(url: str | None) -> str:
    if not url:
        return "(no URL)"
    host = urllib.parse.urlsplit(url).hostname or "(no host)"
    return host.removeprefix("www.")


class Report:
    """Counts of one batch's validation."""

    def __init__(self, profile: str, argv: Sequence[str]) -> None:
        self.profile = profile
        self.argv = list(argv)
        """The command's arguments, shown on the page so it can be made again."""
        self.verdicts: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.worst: dict[str, str] = {}
        self.sites: Counter[str] = Counter()
        self.site_failed: Counter[str] = Counter()
        self.site_issues: dict[str, Counter[str]] = {}

    def add(self, name: str, data: bytes, line: bool) -> None:
        fmt = "newsapi" if line else None
        for result in newsmeta.parse_many(data, input_name=name, format=fmt):
            if result.article is None:
                self.verdicts["could not be parsed"] += 1
                continue
            issues = newsmeta.validate(result.article, profile=self.profile)
            failed = any(i.severity is Severity.ERROR for i in issues)
            self.verdicts["fail" if failed else "pass"] += 1
            site = _site(result.article.url)
            self.sites[site] += 1
            self.site_failed[site] += failed
            per_site = self.site_issues.setdefault(site, Counter())
            for i in issues:
                self.codes[i.code] += 1
                per_site[i.code] += 1
                old = self.worst.get(i.code)
                if old is None or i.severity.rank > Severity(old).rank:
                    self.worst[i.code] = i.severity.value

    def order(self) -> list[str]:
        return sorted(self.codes, key=lambda c: (-Severity(self.worst[c]).rank, -self.codes[c], c))

    def markdown(self, title: str, chart: str) -> str:
        total = sum(self.verdicts.values())
        out = [
            f"# Worked example: validating {title}",
            "",
            "A validation report of a real batch, as a data engineer would look at it",
            f"before loading: profile `{self.profile}`, {total:,} records. Made with",
            "",
            "```sh",
            f"python -m bench.validation_page {shlex.join(self.argv)}",
            "```",
            "",
            "(`bench/validation_page.py`; the same counts come from",
            "`newsmeta validate --report jsonl` and `jq`, as in the validation-job recipe).",
            "",
            "## Verdicts",
            "",
            "| verdict | records | share |",
            "|---|---:|---:|",
        ]
        for verdict in ("pass", "fail", "could not be parsed"):
            n = self.verdicts.get(verdict, 0)
            out.append(f"| {verdict} | {n:,} | {100 * n / max(total, 1):.1f}% |")
        out += [
            "",
            "## Issues per code",
            "",
            f"![Issues per code, coloured by their worst severity]({chart})",
            "",
            "| code | worst severity | issues | per 100 records |",
            "|---|---|---:|---:|",
        ]
        for code in self.order():
            share = 100 * self.codes[code] / max(total, 1)
            out.append(
                f"| [`{code}`](../issues.md) | {self.worst[code]} | {self.codes[code]:,} | {share:.1f} |"
            )
        out += [
            "",
            f"## The {min(TOP_SITES, len(self.sites))} sites with the most records",
            "",
            "| site | records | fail | most frequent issue |",
            "|---|---:|---:|---|",
        ]
        for site, n in sorted(self.sites.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SITES]:
            common = self.site_issues[site].most_common(1)
            top = f"`{common[0][0]}` ({common[0][1]})" if common else "none"
            out.append(f"| {html.escape(site)} | {n:,} | {self.site_failed[site]:,} | {top} |")
        out.append("")
        return "\n".join(out)

    def svg(self) -> str:
        codes = self.order()
        bar_h, gap, label_w, width = 18, 6, 230, 720
        top = 30
        height = top + len(codes) * (bar_h + gap) + 30
        peak = max(self.codes.values(), default=1)
        scale = (width - label_w - 70) / peak
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
            f' viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
            f"<title>Issues per code (profile {html.escape(self.profile)})</title>",
            '<rect width="100%" height="100%" fill="white"/>',
            f'<text x="{label_w}" y="18" font-weight="bold">issues per code</text>',
        ]
        for i, code in enumerate(codes):
            y = top + i * (bar_h + gap)
            w = max(1.0, self.codes[code] * scale)
            colour = COLOURS[self.worst[code]]
            parts += [
                f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end">{html.escape(code)}</text>',
                f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}"'
                f' fill="{colour}"><title>{html.escape(code)}: {self.codes[code]:,}'
                f" ({self.worst[code]})</title></rect>",
                f'<text x="{label_w + w + 6:.1f}" y="{y + 13}">{self.codes[code]:,}</text>',
            ]
        legend_y = height - 10
        x = label_w
        for sev, colour in COLOURS.items():
            parts += [
                f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>',
                f'<text x="{x + 16}" y="{legend_y}">{sev}</text>',
            ]
            x += 90
        parts.append("</svg>")
        return "\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.validation_page", description=__doc__)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--profile", default="default")
    ap.add_argument("--out", type=Path, default=Path("."))
    ap.add_argument("--title", default=None)
    args = ap.parse_args(argv)
    report = Report(args.profile, argv if argv is not None else sys.argv[1:])
    for name, data, line in _inputs(args.inputs):
        report.add(name, data, line)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "validation-report.svg").write_text(report.svg(), encoding="utf-8")
    title = args.title or f"{sum(report.verdicts.values()):,} records"
    page = report.markdown(title, "validation-report.svg")
    (args.out / "validation-report.md").write_text(page, encoding="utf-8")
    print(f"wrote {args.out / 'validation-report.md'} and the chart", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
