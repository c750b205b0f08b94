"""Data tables, no logic: meta-name conventions and placeholder hints.

Sources: the Open Graph protocol (ogp.me) declares ``og:*`` and ``article:*``
with ``property=``; Twitter's card markup uses ``name=``; schema.org
microdata uses ``itemprop=``. The placeholder hints are what we saw in the
newsapi corpus (``../shared/corpora/newsapi/dumps.jsonl``): every leaked
placeholder there selects an OpenGraph field by ``@name``.
"""

from __future__ import annotations

#: Meta-field prefixes and the attribute pages actually use to declare them.
META_SELECTOR_ATTRIBUTE: dict[str, str] = {
    "og:": "property",
    "article:": "property",
    "book:": "property",
    "profile:": "property",
    "music:": "property",
    "video:": "property",
    "fb:": "property",
    "twitter:": "name",
}

#: What a placeholder's meta field becomes in a record.
META_FIELD_TO_RECORD: dict[str, str] = {
    "og:title": "title",
    "og:description": "description",
    "og:image": "og_image",
    "og:url": "url",
    "og:locale": "language",
    "og:site_name": "publisher",
    "article:published_time": "published",
    "article:modified_time": "modified",
    "article:section": "section",
    "article:tag": "tags",
    "description": "description",
    "keywords": "keywords",
    "twitter:title": "title",
    "twitter:description": "description",
    "twitter:image": "og_image",
}

#: Page furniture scrapers leave in article text: whole lines that are never part
#: of the story. From the most frequent short first lines of ``content`` in the
#: NewsAPI pool sample (``../shared/corpora/newsapi/pool-sample-100k.jsonl.gz``),
#: lower-cased; a line is dropped only when it is exactly one of these.
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        "skip to content",
        "skip to main content",
        "placeholder while article actions load",
        "comment on this story",
        "share this article",
        "subscribe",
    }
)

#: English month names and abbreviations, lower case, to month numbers.
ENGLISH_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
