"""Data table, no logic: every issue code newsmeta emits.

This is the single source of truth for issue codes. ``docs/issues.md`` shows
the same table and ``tests/test_codes.py`` checks that the two agree and that
every code an adapter, the resolver or a validation rule emits is listed here.
A new code needs a row here and in ``docs/issues.md``.

Columns: who emits the code, its severity in the ``default`` validation
profile (for codes only adapters emit, the severity they are emitted at), its
severity in the ``strict`` profile, and what it means. ``None`` in the strict
column means "as in default".
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["ISSUE_CODES", "CodeRow"]


class CodeRow(NamedTuple):
    emitted_by: tuple[str, ...]
    default: str
    strict: str | None
    meaning: str


#: Every issue code, in the order ``docs/issues.md`` lists them.
ISSUE_CODES: dict[str, CodeRow] = {
    # ---------------------------------------------------------------- validation rules
    "missing-required": CodeRow(
        ("validate",),
        "error",
        None,
        "a field the profile requires is empty",
    ),
    "placeholder-leak": CodeRow(
        ("flat", "validate"),
        "warning",
        "error",
        "an unresolved template (XPath, {{...}}) stands where a value should be",
    ),
    "truncated": CodeRow(
        ("flat", "newsapi", "text", "validate"),
        "info",
        "warning",
        "the input or a text field was cut short (… [+N chars])",
    ),
    "letters-stripped": CodeRow(
        ("flat", "newsapi", "text", "validate"),
        "warning",
        "error",
        "text whose letters were deleted upstream: only punctuation and digits are left",
    ),
    "modified-before-published": CodeRow(
        ("validate",),
        "warning",
        "error",
        "the modified date is earlier than the published date",
    ),
    "future-date": CodeRow(
        ("validate",),
        "warning",
        "error",
        "a date (or copyright year) later than the crawl date",
    ),
    "impossible-timezone": CodeRow(
        ("validate",),
        "error",
        None,
        "a UTC offset no place uses (beyond ±14:00, or not a multiple of 15 minutes)",
    ),
    "not-an-article": CodeRow(
        ("html", "validate"),
        "info",
        "warning",
        "the page says it is not an article (a listing, an event, a product, a review...: page_kind); `--error not-an-article` rejects such records",
    ),
    "invalid-url": CodeRow(
        ("html", "newsapi", "validate"),
        "warning",
        "error",
        "a URL field that is not an absolute http(s) URL with a host",
    ),
    "invalid-email": CodeRow(
        ("validate",),
        "warning",
        "error",
        "the publisher's email is not an email address",
    ),
    "invalid-phone": CodeRow(
        ("flat", "validate"),
        "warning",
        "error",
        "a telephone that is not a possible number (or not in E.164 form)",
    ),
    "invalid-language": CodeRow(
        ("flat", "validate", "html"),
        "warning",
        "error",
        "a language that is not a valid, normalised BCP 47 tag",
    ),
    "keywords-mismatch": CodeRow(
        ("flat", "validate"),
        "info",
        "warning",
        "the tag list and the keywords line name different items",
    ),
    "conflicting-values": CodeRow(
        ("resolve", "validate"),
        "warning",
        None,
        "repeated blocks or sources give different values for one field",
    ),
    "image-missing-url": CodeRow(
        ("validate",),
        "info",
        "warning",
        "an image (or logo, avatar) with a size but no URL",
    ),
    "impossible-image-size": CodeRow(
        ("validate",),
        "warning",
        "error",
        "an image width or height of zero, negative, or beyond any real image",
    ),
    "suspicious-author": CodeRow(
        ("validate",),
        "warning",
        "error",
        "an author that is a date, a URL, an email or the site's own name",
    ),
    # ---------------------------------------------------------------- adapters and resolver
    "truncated-value": CodeRow(
        ("flat",),
        "warning",
        None,
        "the last value was cut by the truncation and is not used",
    ),
    "lossy-decoding": CodeRow(
        ("flat", "newsapi", "text", "html"),
        "warning",
        "error",
        "bytes were not UTF-8: decoded by detection or with replacement characters",
    ),
    "unknown-url": CodeRow(
        ("flat", "newsapi"),
        "info",
        None,
        "a URL the layout gives no role; kept as unrecognised",
    ),
    "timezone-assumed": CodeRow(
        ("flat", "newsapi", "html"),
        "warning",
        None,
        "a datetime without a UTC offset, read as UTC",
    ),
    "extra-date": CodeRow(
        ("flat",),
        "info",
        None,
        "more datetimes than the layout has roles for",
    ),
    "language-normalised": CodeRow(
        ("flat", "html"),
        "info",
        None,
        "the language tag was repaired (en_EN → en); the raw value is in provenance",
    ),
    "invalid-value": CodeRow(
        ("newsapi", "html"),
        "warning",
        "error",
        "a value of the wrong kind (a numeric title, a URL given as a title); kept as unrecognised",
    ),
    "invalid-date": CodeRow(
        ("newsapi", "html", "warc"),
        "warning",
        "error",
        "a date field that is not a date; kept as unrecognised",
    ),
    "date-without-time": CodeRow(
        ("html",),
        "info",
        None,
        "a created or modified date gives a day but no time; none is made up, so it is kept as unrecognised",
    ),
    "not-a-name": CodeRow(
        ("newsapi",),
        "info",
        None,
        "an author string that names no person and credits no agency or desk (the site's own name, a URL); kept as unrecognised",
    ),
    "html-in-content": CodeRow(
        ("newsapi",),
        "info",
        None,
        "an aggregator's text held HTML tags; read as text",
    ),
    "boilerplate": CodeRow(
        ("newsapi", "text"),
        "info",
        None,
        "page furniture (Skip to content, a site's copyright notice); kept as unrecognised, not body",
    ),
    "mojibake-repaired": CodeRow(
        ("newsapi",),
        "info",
        None,
        "text was UTF-8 decoded as Latin-1 upstream (Ã©, â€™); repaired, the raw value kept",
    ),
    "body-differs": CodeRow(
        ("merge",),
        "warning",
        None,
        "merged sources have different bodies (a later edit?); names the paragraphs",
    ),
    "repeated-block": CodeRow(
        ("resolve",),
        "info",
        None,
        "the same value appears several times; kept once, all lines in provenance"
        " (and a note naming each further selector or JSON path it came from)",
    ),
    "minor-disagreement": CodeRow(
        ("resolve",),
        "info",
        None,
        "two sources differ by too little to matter (dates within a day)",
    ),
    "unknown-field": CodeRow(
        ("resolve",),
        "info",
        None,
        "an adapter reported a value for a field no record has; kept in the issue",
    ),
    "set-aside": CodeRow(
        ("html",),
        "info",
        None,
        "values a weaker source gave where a stronger one spoke; kept in unrecognised with their locations",
    ),
    "bad-embedded-json": CodeRow(
        ("html",),
        "warning",
        None,
        "a JSON-LD script (or parsely-page) that is not JSON even after repairs; skipped, the others are read",
    ),
    "embedded-json-repaired": CodeRow(
        ("html",),
        "info",
        None,
        "a JSON-LD script needed repairs (comment wrapper, trailing comma, control characters, comments, unescaped quotes, a stray character); the message names them",
    ),
    "embedded-json-salvaged": CodeRow(
        ("html",),
        "warning",
        None,
        "a JSON-LD script had a defect no repair fixes: its readable members are used, the ones that could not be read are named and kept in unrecognised",
    ),
    "encoding-mismatch": CodeRow(
        ("html",),
        "info",
        None,
        "the page declared no encoding or a wrong one; the message says which was used and why",
    ),
    "image-candidates": CodeRow(
        ("html",),
        "info",
        None,
        "an image value held a srcset-like list of candidates (a.jpg 600w, b.jpg 1200w); the best one (widest, else densest) is used",
    ),
    "tracking-pixel": CodeRow(
        ("resolve",),
        "info",
        None,
        "an image that is a tracking pixel or spacer (a side of 1 px, a counter's name such as t.gif, a counter's host such as scorecardresearch.com); kept in unrecognised, not in images",
    ),
    "placeholder-filled": CodeRow(
        ("html",),
        "info",
        None,
        "a placeholder was evaluated on the page and filled an empty field; the expression used is in provenance",
    ),
    "offset-inferred": CodeRow(
        ("html",),
        "info",
        None,
        "a UTC datetime was given the publisher's offset, shown by another source writing the same instant in local time",
    ),
    "markup-cut": CodeRow(
        ("html",),
        "warning",
        None,
        "the page nests elements deeper than 256 (the adapter's depth limit: an HTML5 tree builder's work grows with the square of the depth); the rest of the page is not read",
    ),
    "warc-truncated": CodeRow(
        ("warc",),
        "warning",
        None,
        "a WARC record's payload is shorter than declared (a cut file) or the crawler cut it (WARC-Truncated); the page is incomplete",
    ),
}
