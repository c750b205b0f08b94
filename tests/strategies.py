"""Hypothesis strategies for newsmeta records and inputs (attrs-style home).

- ``articles()``: any valid record, for the dict/JSON round trip.
- ``dump_articles()``: records shaped like what a dump carries.
- ``dumps()``: such a record rendered as a dump with any subset and order of
  blocks, noise lines and any separator; returns the text and what it kept.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from newsmeta import (
    Article,
    Image,
    Issue,
    Location,
    Organization,
    Person,
    Placeholder,
    Provenance,
    Severity,
    Truncation,
    Unrecognised,
)
from newsmeta.records import PAGE_KINDS
from newsmeta.render import blocks

# --------------------------------------------------------------------------- any record

text = st.text(max_size=40)
maybe_text = st.none() | text
small_int = st.integers(min_value=-(2**63), max_value=2**63 - 1)
timezones = st.builds(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)),
    st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59),
)
aware = st.datetimes(timezones=timezones)
locations = st.builds(
    Location,
    lines=st.lists(st.integers(min_value=1, max_value=10**6), max_size=4).map(tuple),
    path=maybe_text,
    input=maybe_text,
)
images = st.builds(
    Image,
    url=maybe_text,
    width=st.none() | small_int,
    height=st.none() | small_int,
    representative=st.booleans(),
    caption=maybe_text,
    credit=maybe_text,
)
people = st.builds(Person, name=text, avatar=st.none() | images, url=maybe_text)
organizations = st.builds(
    Organization,
    name=maybe_text,
    legal_name=maybe_text,
    email=maybe_text,
    telephone=maybe_text,
    logo=st.none() | images,
    url=maybe_text,
)
placeholders = st.builds(
    Placeholder,
    xpath=text,
    field=maybe_text,
    attribute=maybe_text,
    selector_attribute=maybe_text,
    compiles=st.booleans(),
    hint=maybe_text,
    suggested=maybe_text,
    truncated=st.booleans(),
    location=locations,
)
provenances = st.builds(Provenance, adapter=text, raw=text, location=locations)
issues = st.builds(
    Issue,
    code=text,
    severity=st.sampled_from(Severity),
    message=text,
    field=maybe_text,
    location=locations,
)
tuples_of = lambda s, n=4: st.lists(s, max_size=n).map(tuple)  # noqa: E731

articles = st.builds(
    Article,
    url=maybe_text,
    page_kind=st.none() | st.sampled_from(PAGE_KINDS),
    title=maybe_text,
    description=maybe_text,
    date=st.none() | st.dates(),
    published=st.none() | aware,
    created=st.none() | aware,
    modified=st.none() | aware,
    fetched=st.none() | aware,
    tags=tuples_of(text),
    other_tag_groups=tuples_of(tuples_of(text, 3), 2),
    keywords=tuples_of(text),
    og_image=maybe_text,
    images=tuples_of(images, 3),
    body=maybe_text,
    authors=tuples_of(people, 3),
    publisher=st.none() | organizations,
    section=maybe_text,
    language=maybe_text,
    copyright_year=st.none() | small_int,
    placeholders=tuples_of(placeholders, 2),
    truncation=st.none()
    | st.builds(
        Truncation,
        missing_chars=st.none() | st.integers(min_value=0, max_value=10**9),
        marker=text,
        partial=maybe_text,
        location=locations,
    ),
    unrecognised=tuples_of(st.builds(Unrecognised, text=text, location=locations), 3),
    issues=tuples_of(issues, 3),
    provenance=st.dictionaries(text, provenances, max_size=4),
    source=maybe_text,
)

# --------------------------------------------------------------------------- dump-shaped records

_LOWER = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=9)
_CYR = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщыэюя", min_size=3, max_size=9)
word = _LOWER | _CYR
cap_word = word.map(str.capitalize)


def _sentence(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(
        lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + "."
    )


titles = st.lists(cap_word, min_size=7, max_size=14).map(" ".join)
descriptions = _sentence(8, 20).filter(lambda s: len(s) < 200)
paragraphs = st.lists(_sentence(4, 14), min_size=1, max_size=4).map(" ".join)
bodies = (
    st.lists(paragraphs, min_size=2, max_size=5).map("\n\n".join).filter(lambda b: len(b) >= 260)
)
tag_lists = st.lists(
    st.lists(_LOWER, min_size=1, max_size=3).map(" ".join), min_size=2, max_size=5, unique=True
)
minute_dates = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=timezones
).map(lambda d: d.replace(second=0, microsecond=0))
PHONES = ["+74956456601", "+442079460000", "+12025550143", "+4930901820", "+33142685300"]
LOCALES = {"en_EN": "en", "ru_RU": "ru-RU", "pt_BR": "pt-BR", "de_DE": "de-DE", "fr_FR": "fr-FR"}
OG_TEMPLATES = [
    "/html/head/meta[@name='og:title']/@content",
    "/html/head/meta[@name='og:description']/@content",
    "/html/head/meta[@name='og:image']/@content",
]


@st.composite
def dump_articles(draw: st.DrawFn) -> Article:
    """A record whose every field a dump can carry (values normalised as the parser gives them)."""
    slug = draw(_LOWER)
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    n_dates = draw(st.integers(min_value=0, max_value=3))
    dates = sorted(draw(st.lists(minute_dates, min_size=n_dates, max_size=n_dates)))
    names = {
        1: ("published",),
        2: ("published", "modified"),
        3: ("published", "created", "modified"),
    }
    dated = dict(zip(names.get(n_dates, ()), dates, strict=True))
    tags = tuple(draw(tag_lists))
    other = draw(tag_lists.filter(lambda t: tuple(t) != tags))
    raw_locale = draw(st.sampled_from(sorted(LOCALES)))
    n_ph = draw(st.integers(min_value=0, max_value=3))
    from newsmeta.recognizers.placeholders import find_placeholders

    phs = []
    for x in OG_TEMPLATES[:n_ph]:
        (p,) = find_placeholders(x)
        phs.append(Placeholder(**{**attrs.asdict(p, recurse=False), "location": Location()}))
    author = " ".join(draw(st.lists(cap_word, min_size=2, max_size=3)))
    img_id = draw(st.integers(min_value=10**6, max_value=10**10))
    return Article(
        url=f"https://news.example.com/{day:%Y%m%d}/{slug}-{img_id}.html",
        date=day,
        title=draw(titles),
        description=draw(descriptions),
        tags=tags,
        other_tag_groups=(tuple(other),),
        keywords=tags,
        og_image=f"https://cdn.example.com/img/{img_id}_0:0:1920:1080_1920x0_80_0_0_ab.jpg",
        body=draw(bodies),
        authors=(
            Person(
                name=author,
                avatar=Image(
                    url=f"https://cdn.example.com/img/{img_id}_0:0:1440:1440_100x100_80_0_0_cd.jpg",
                    width=100,
                    height=100,
                ),
            ),
        ),
        publisher=Organization(
            name=" ".join(draw(st.lists(cap_word, min_size=1, max_size=3))),
            email=f"{draw(_LOWER)}@{slug}.example.com",
            telephone=draw(st.sampled_from(PHONES)),
            legal_name=f"MIA „{draw(cap_word)} {draw(cap_word)}“",
            logo=Image(
                width=draw(st.integers(min_value=1, max_value=999)),
                height=draw(st.integers(min_value=1, max_value=999)),
            ),
        ),
        copyright_year=draw(st.integers(min_value=1990, max_value=2035)),
        section=draw(cap_word),
        language=LOCALES[raw_locale],
        provenance={"language": Provenance(adapter="flat", raw=raw_locale)},
        images=tuple(
            Image(width=w, height=h, representative=True)
            for w, h in draw(
                st.lists(
                    st.tuples(
                        st.integers(min_value=1, max_value=9999),
                        st.integers(min_value=1, max_value=9999),
                    ),
                    max_size=3,
                    unique=True,
                )
            )
        ),
        placeholders=tuple(phs),
        **dated,
    )


#: Record fields a flattened dump carries (``placeholders`` aside, compared by XPath).
DUMP_FIELDS = (
    "url",
    "date",
    "title",
    "description",
    "published",
    "created",
    "modified",
    "tags",
    "other_tag_groups",
    "keywords",
    "og_image",
    "images",
    "body",
    "authors",
    "publisher",
    "section",
    "language",
    "copyright_year",
)


def dump_fields(a: Article) -> dict[str, object]:
    """The fields a dump carries, and the XPaths of its whole placeholders."""
    out: dict[str, object] = {name: getattr(a, name) for name in DUMP_FIELDS}
    out["placeholders"] = [p.xpath for p in a.placeholders if not p.truncated]
    return out


#: Lines no recogniser claims for a field: punctuation left by letter-stripping.
noise_lines = st.lists(
    st.sampled_from([",", ".", ";", ":", "—", "«", "»", "(", ")", "?"]), min_size=1, max_size=8
).map(" ".join)
separators = st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n"])


@attrs.frozen
class Dump:
    text: str
    article: Article
    parts: tuple[tuple[str, str], ...]
    """The rendered lines in order, each with the field path it carries (``noise`` for noise)."""
    reordered: bool
    separator: str

    @property
    def kept(self) -> frozenset[str]:
        """Fields with at least one block kept (``authors[0]`` counts as ``authors``)."""
        return frozenset(f.split("[")[0] for f, _t in self.parts if f != "noise")

    def kept_all(self, field: str) -> bool:
        """Every block the full rendering had for ``field`` was kept."""
        full = [f for f, _t in blocks(self.article) if f.split("[")[0] == field]
        mine = [f for f, _t in self.parts if f.split("[")[0] == field]
        return bool(full) and len(full) == len(mine)

    def lines_of(self, field: str) -> list[str]:
        return [t for f, t in self.parts if f.split("[")[0] == field]

    def contiguous(self, field: str, *, apart_from: frozenset[str] = frozenset()) -> bool:
        """The field's kept lines stand together, with nothing between them,
        and no line of a field in ``apart_from`` stands right before or after them."""
        idx = [i for i, (f, _t) in enumerate(self.parts) if f.split("[")[0] == field]
        if not idx or idx != list(range(idx[0], idx[0] + len(idx))):
            return False
        around = [i for i in (idx[0] - 1, idx[-1] + 1) if 0 <= i < len(self.parts)]
        return all(self.parts[i][0].split("[")[0] not in apart_from for i in around)


@st.composite
def dumps(draw: st.DrawFn, *, reorder: bool | None = None) -> Dump:
    article = draw(dump_articles())
    parts = blocks(article)
    keep = draw(st.lists(st.booleans(), min_size=len(parts), max_size=len(parts)))
    parts = [p for p, k in zip(parts, keep, strict=True) if k]
    shuffled = draw(st.booleans()) if reorder is None else reorder
    if shuffled:
        parts = draw(st.permutations(parts))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        parts.insert(
            draw(st.integers(min_value=0, max_value=len(parts))), ("noise", draw(noise_lines))
        )
    sep = draw(separators)
    return Dump(
        text=sep.join(t for _f, t in parts),
        article=article,
        parts=tuple(parts),
        reordered=shuffled,
        separator=sep,
    )


# =========================================================================== hostile inputs
# For the invariant (any input yields a record or a NewsmetaError, issue 6):
# arbitrary text with the characters parsers trip on, bytes in many encodings,
# arbitrary JSON, and structure-aware inputs per format that get past format
# detection into the deep code: dumps (``dump_texts``), NewsAPI JSON
# (``newsapi_json``), HTML with JSON-LD, microdata and meta (``html_pages``)
# and plain text (``plain_texts``). ``BY_FORMAT`` maps each adapter name to its
# strategy, so a new adapter plugs into tests/test_invariant.py with one line.

# --------------------------------------------------------------------------- building blocks

#: Characters parsers trip on: line and paragraph separators, BOM, NUL and
#: controls, non-breaking and zero-width spaces, typographic quotes, the
#: ellipsis of the truncation marker, RTL marks, lone surrogates, non-characters.
TRICKY_CHARS = (
    "\r\n\t\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ufeff\u00a0\u200b\u200e\u202e"
    "…„“”«»’—–\ud800\udfff\ufffe\uffff\U0010ffff<>&;\"'[]()/@:,.#=-+ "
)

tricky_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY_CHARS),
        st.characters(codec=None),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
        st.sampled_from(string.ascii_letters + string.digits),
    )
)

#: Encodings the real inputs come in (the Russian ones from ria.ru and friends).
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1251",
    "koi8-r",
    "latin-1",
)

#: Byte-order marks, alone or before something that does not match them.
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"")


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """``text`` in one of :data:`ENCODINGS` (lossy where the encoding lacks a character)."""
    s = draw(text)
    enc = draw(st.sampled_from(ENCODINGS))
    return s.encode(enc, "replace" if enc not in ("utf-8", "utf-16") else "surrogatepass")


@st.composite
def mixed_bytes(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Pieces of text in different encodings glued together, maybe behind a BOM."""
    parts = draw(st.lists(encoded(text), max_size=4))
    junk = draw(st.binary(max_size=8))
    bom = draw(st.sampled_from(BOMS))
    order = draw(st.permutations([*parts, junk]))
    return bom + b"".join(order)


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),  # includes integers past 64 bits
    st.floats(allow_nan=False, allow_infinity=False),
    tricky_text,
)
json_values: st.SearchStrategy[Any] = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(tricky_text, children, max_size=5),
    ),
    max_leaves=30,
)


def json_text(values: st.SearchStrategy[Any] = json_values) -> st.SearchStrategy[str]:
    """JSON documents (standard ``json`` so huge integers stay exact)."""
    return values.map(lambda v: json.dumps(v, ensure_ascii=False))


def _join(draw: st.DrawFn, lines: list[str]) -> str:
    sep = draw(st.sampled_from(["\n\n", "\r\n", "\n", "\r\n\r\n", "\r", " \n \n"]))
    return sep.join(lines)


# --------------------------------------------------------------------------- values

words = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=10)
cyrillic_words = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=2, max_size=10)
hosts = st.sampled_from(
    ["sputniknews.com", "ria.ru", "example.com", "www.bbc.co.uk", "news.example.org"]
)
slugs = st.lists(words, min_size=1, max_size=5).map("-".join)


@st.composite
def page_urls(draw: st.DrawFn) -> str:
    return f"https://{draw(hosts)}/{draw(st.integers(2000_01_01, 2030_12_31))}/{draw(slugs)}-{draw(st.integers(1, 10**10))}.html"


@st.composite
def image_urls(draw: st.DrawFn, sized: bool | None = None) -> str:
    host = draw(
        st.sampled_from(["cdnn1.img.sputniknews.com", "cdn25.img.ria.ru", "img.example.com"])
    )
    ident = draw(st.integers(1, 10**10))
    ext = draw(st.sampled_from([".jpg", ".png", ".jpg.webp", ".webp"]))
    if sized if sized is not None else draw(st.booleans()):
        w, h = draw(st.integers(0, 4000)), draw(st.integers(0, 4000))
        return f"https://{host}/img/{ident}_0:0:{w}:{h}_{w}x{h}_80_0_0_{draw(words)}{ext}"
    return f"https://{host}/images/{draw(slugs)}{ext}"


aware_datetimes = st.builds(
    lambda d, off: d.replace(tzinfo=dt.timezone(dt.timedelta(minutes=off))),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2030, 12, 31)),
    st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15),
)


def _capitalised(ws: list[str]) -> str:
    return " ".join(w.capitalize() for w in ws)


person_names = st.lists(words.filter(lambda w: len(w) > 2), min_size=2, max_size=3).map(
    _capitalised
)


@st.composite
def sentences(draw: st.DrawFn, min_words: int = 4, max_words: int = 20) -> str:
    ws = draw(st.lists(words, min_size=min_words, max_size=max_words))
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + "."


XPATHS = (
    "/html/head/meta[@name='og:title']/@content",
    "/html/head/meta[@name='og:description']/@content",
    "/html/head/meta[@property='og:image']/@content",
    "/html/head/meta[@name='twitter:title']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "/html/body/div[2]/h1/text()",
    "/html/head/meta[@name='og:title'/@content",  # does not compile
)


LANGUAGES = ("en", "ru", "de", "fr", "pt-BR", "es", "uk", "ar")
SECTIONS = ("News", "World", "Politics", "Sport", "Business", "Science")


# --------------------------------------------------------------------------- dumps

#: Lines an aggregator leaves where it stripped the Cyrillic letters: no
#: recogniser gives them a field, so they are safe noise between blocks.
STRIPPED_NOISE = (" , -2021, , . , 08.05.2021", " : « » ,", " - . , , .", "«» ,")


@st.composite
def dump_lines(draw: st.DrawFn) -> str:
    """One line of a dump: any block shape the layout knows, or something near one."""
    return draw(
        st.one_of(
            st.builds(lambda d, u: f" date {d} {u}", st.dates().map(str), page_urls()),
            st.builds(lambda d, u: f" date {d} {u}", tricky_text, tricky_text),
            page_urls(),
            image_urls(),
            titles,
            sentences(),
            paragraphs,
            st.lists(words, min_size=1, max_size=8).map(" ".join),
            st.lists(cyrillic_words, min_size=1, max_size=8).map(" ".join),
            aware_datetimes.map(lambda d: d.strftime("%Y-%m-%dT%H:%M%z")),
            st.from_regex(r"\A\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?[+-]\d{2,4}\Z"),
            st.lists(st.sampled_from(XPATHS), min_size=1, max_size=3).map(" ".join),
            st.from_regex(r"\A/html/head/meta\[@name='[a-z:]{0,12}'\]/@content\Z"),
            st.builds(
                lambda n, e, p, legal, w, h: f"{n} {e} {p} {legal} {w} {h}",
                person_names,
                st.builds(lambda a, b: f"{a}@{b}", words, hosts),
                st.sampled_from((*PHONES, "12", "+7 (495) 645-66-01", "")),
                person_names,
                st.integers(0, 99999),
                st.integers(0, 99999),
            ),
            st.builds(lambda n, u: f"{n} {u}", person_names, image_urls()),
            st.builds(
                lambda w, h, r: f"{w} {h} {r}",
                st.integers(0, 10**7),
                st.integers(0, 10**7),
                st.sampled_from(["true", "false", ""]),
            ),
            st.integers(1000, 9999).map(str),
            st.sampled_from((*LANGUAGES, "en_EN", "xx_YY", "sr_Latn_RS", "iw")),
            st.sampled_from(SECTIONS),
            st.sampled_from(STRIPPED_NOISE),
            st.lists(words, min_size=2, max_size=6).map(", ".join),
            st.integers(0, 10**15).map(lambda n: f"… [+{n} chars]"),
            st.builds(lambda s, n: f"{s}… [+{n} chars]", tricky_text, st.integers(0, 99)),
            tricky_text,
            st.just(""),
        )
    )


@st.composite
def dump_texts(draw: st.DrawFn) -> str:
    """Dump-shaped text: block lines in any order, repeats, noise and separators,
    or a rendered record (:func:`dumps`) with lines broken into."""
    if draw(st.integers(0, 3)) == 0:
        return draw(dumps()).text
    lines = draw(st.lists(dump_lines(), max_size=30))
    if draw(st.booleans()):
        lines.insert(
            0,
            draw(
                st.one_of(
                    page_urls(),
                    st.builds(lambda d, u: f" date {d} {u}", st.dates().map(str), page_urls()),
                )
            ),
        )
    return _join(draw, lines)


# --------------------------------------------------------------------------- NewsAPI


def _mutated(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's usual value, or anything JSON can hold in its place."""
    return st.one_of(value, value, value, json_values)


@st.composite
def newsapi_items(draw: st.DrawFn) -> dict[str, Any]:
    content = st.one_of(
        st.none(),
        st.just(""),
        dump_texts(),
        paragraphs.map(lambda p: p[:200] + "… [+1234 chars]"),
        st.builds(lambda p, n: p + f"… [+{n} chars]", tricky_text, st.integers(0, 10**9)),
        st.builds(lambda p: f"<p>{p}</p><ul><li>{p}</li></ul>", paragraphs),
    )
    item = {
        "source": draw(
            _mutated(
                st.fixed_dictionaries(
                    {"id": st.one_of(st.none(), words), "name": st.one_of(st.none(), titles)}
                )
            )
        ),
        "author": draw(
            _mutated(
                st.one_of(
                    st.none(),
                    person_names,
                    st.builds(lambda a, b: f"{a}, {b}", person_names, person_names),
                )
            )
        ),
        "title": draw(
            _mutated(st.one_of(titles, st.lists(cyrillic_words, min_size=1).map(" ".join)))
        ),
        "description": draw(_mutated(st.one_of(st.none(), sentences()))),
        "url": draw(_mutated(page_urls())),
        "urlToImage": draw(_mutated(st.one_of(st.none(), image_urls()))),
        "publishedAt": draw(
            _mutated(
                st.one_of(
                    aware_datetimes.map(lambda d: d.isoformat()),
                    st.just("2020-04-17T12:44:39Z"),
                    st.text(max_size=30),
                )
            )
        ),
        "content": draw(_mutated(content)),
    }
    drop = draw(st.sets(st.sampled_from(sorted(item))))
    for key in drop:
        del item[key]
    extra = draw(st.dictionaries(tricky_text, json_values, max_size=2))
    return {**item, **extra}


@st.composite
def newsapi_json(draw: st.DrawFn) -> str:
    """One item, a list, a whole response, or JSON Lines, maybe broken at the end."""
    items = draw(st.lists(newsapi_items(), min_size=1, max_size=3))
    shape = draw(st.sampled_from(["item", "list", "response", "jsonl"]))
    if shape == "item":
        text = json.dumps(items[0], ensure_ascii=draw(st.booleans()))
    elif shape == "list":
        text = json.dumps(items)
    elif shape == "response":
        text = json.dumps(
            {
                "status": draw(st.sampled_from(["ok", "error", 3])),
                "totalResults": draw(st.one_of(st.integers(), st.none())),
                "articles": draw(st.one_of(st.just(items), json_values)),
            }
        )
    else:
        text = "\n".join(json.dumps(i) for i in items)
    if draw(st.integers(0, 5)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


# --------------------------------------------------------------------------- HTML


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


META_NAMES = (
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:image"),
    ("property", "og:url"),
    ("property", "og:locale"),
    ("property", "og:site_name"),
    ("property", "article:published_time"),
    ("property", "article:modified_time"),
    ("property", "article:section"),
    ("property", "article:tag"),
    ("name", "description"),
    ("name", "keywords"),
    ("name", "author"),
    ("name", "date"),
    ("name", "twitter:title"),
    ("itemprop", "datePublished"),
    ("http-equiv", "content-type"),
    ("charset", ""),
)


@st.composite
def jsonld_objects(draw: st.DrawFn) -> Any:
    """schema.org article objects in the shapes real pages use, and worse."""
    person = st.one_of(
        person_names,
        st.builds(lambda n: {"@type": "Person", "name": n}, person_names),
        st.builds(lambda n: {"@type": "Person", "name": {"@value": n}}, person_names),
        st.lists(st.builds(lambda n: {"@type": "Person", "name": n}, person_names), max_size=3),
    )
    image = st.one_of(
        image_urls(),
        st.builds(
            lambda u, w, h: {"@type": "ImageObject", "url": u, "width": w, "height": h},
            image_urls(),
            st.one_of(st.integers(), st.text(max_size=5)),
            st.one_of(st.integers(), st.none()),
        ),
        st.lists(image_urls(), max_size=3),
    )
    obj = {
        "@context": draw(
            st.sampled_from(
                ["https://schema.org", "http://schema.org/", {"@vocab": "http://schema.org/"}]
            )
        ),
        "@type": draw(
            st.sampled_from(
                ["NewsArticle", "Article", "BlogPosting", ["NewsArticle", "Article"], "WebPage", 7]
            )
        ),
        "headline": draw(_mutated(titles)),
        "description": draw(_mutated(sentences())),
        "datePublished": draw(_mutated(aware_datetimes.map(lambda d: d.isoformat()))),
        "dateModified": draw(_mutated(st.text(max_size=40))),
        "author": draw(_mutated(person)),
        "publisher": draw(
            _mutated(
                st.builds(
                    lambda n, u: {
                        "@type": "Organization",
                        "name": n,
                        "logo": {"@type": "ImageObject", "url": u},
                    },
                    titles,
                    image_urls(),
                )
            )
        ),
        "image": draw(_mutated(image)),
        "keywords": draw(_mutated(st.one_of(st.lists(words).map(", ".join), st.lists(words)))),
        "articleSection": draw(_mutated(st.sampled_from(SECTIONS))),
        "inLanguage": draw(_mutated(st.sampled_from(LANGUAGES))),
        "mainEntityOfPage": draw(_mutated(page_urls())),
    }
    for key in draw(st.sets(st.sampled_from(sorted(obj)))):
        del obj[key]
    wrap = draw(st.sampled_from(["bare", "graph", "list", "nested"]))
    if wrap == "graph":
        return {
            "@context": "https://schema.org",
            "@graph": [obj, {"@type": "WebSite", "name": "x"}],
        }
    if wrap == "list":
        return [obj, draw(json_values)]
    if wrap == "nested":
        return {"@type": "WebPage", "mainEntity": obj, "about": {"@id": "#x"}}
    return obj


@st.composite
def jsonld_scripts(draw: st.DrawFn) -> str:
    text = json.dumps(
        draw(st.one_of(jsonld_objects(), jsonld_objects(), json_values)),
        ensure_ascii=draw(st.booleans()),
    )
    how = draw(
        st.sampled_from(["ok", "ok", "cut", "comment", "cdata", "trailing-comma", "script-end"])
    )
    if how == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "comment":
        text = "<!--\n" + text + "\n-->"
    elif how == "cdata":
        text = "//<![CDATA[\n" + text + "\n//]]>"
    elif how == "trailing-comma":
        text = text.replace("}", ",}", 1)
    elif how == "script-end":
        text = text.replace('"', '"</script><script>', 1)
    kind = draw(
        st.sampled_from(["application/ld+json", "application/ld+json; charset=utf-8", "text/json"])
    )
    return f'<script type="{kind}">{text}</script>'


@st.composite
def meta_tags(draw: st.DrawFn) -> str:
    attr, name = draw(st.sampled_from(META_NAMES))
    value = draw(
        st.one_of(
            titles,
            sentences(),
            page_urls(),
            image_urls(),
            aware_datetimes.map(lambda d: d.isoformat()),
            tricky_text,
        )
    )
    if attr == "charset":
        return f'<meta charset="{draw(st.sampled_from(["utf-8", "windows-1251", "koi8-r", "bogus", ""]))}">'
    return f'<meta {attr}="{name}" content="{_esc(value)}">'


@st.composite
def microdata(draw: st.DrawFn) -> str:
    props = draw(
        st.lists(
            st.sampled_from(
                [
                    ("h1", "headline", titles),
                    ("span", "author", person_names),
                    ("time", "datePublished", aware_datetimes.map(lambda d: d.isoformat())),
                    ("p", "description", sentences()),
                    ("span", "articleSection", st.sampled_from(SECTIONS)),
                ]
            ),
            max_size=5,
        )
    )
    inner = []
    for tag, prop, values in props:
        v = _esc(draw(values))
        if tag == "time":
            inner.append(f'<time itemprop="{prop}" datetime="{v}">{v}</time>')
        else:
            inner.append(f'<{tag} itemprop="{prop}">{v}</{tag}>')
    nested = draw(st.booleans())
    if nested:
        inner.append(
            '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<span itemprop="name">{_esc(draw(person_names))}</span></div>'
        )
    return (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        + "".join(inner)
        + "</article>"
    )


#: Markup that trips parsers: entities, DOCTYPEs with entities, processing
#: instructions, unclosed and stray tags, deep nesting, NUL, comments.
MARKUP_NOISE = (
    "&amp;&lt;&#0;&#x110000;&#xD800;&nbsp;&bogus;",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    '<?xml version="1.0" encoding="koi8-r"?>',
    "<div><p><b><i>unclosed",
    "</div></div></body>",
    "<!-- unterminated comment",
    "<![CDATA[ x ]]>",
    "<svg><foreignObject><math><mi>x</mi></math></foreignObject></svg>",
    "<template><meta property='og:title' content='in a template'></template>",
    "<noscript><meta name='description' content='no script'></noscript>",
    "\x00\x01<p>",
    "<base href='https://other.example/'>",
    "<link rel='canonical' href='/relative/path'>",
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Pages with meta tags, JSON-LD and microdata, in any order, with noise."""
    head = draw(
        st.lists(
            st.one_of(
                meta_tags(),
                jsonld_scripts(),
                st.sampled_from(MARKUP_NOISE),
                st.builds(lambda t: f"<title>{_esc(t)}</title>", titles),
            ),
            max_size=10,
        )
    )
    body = draw(
        st.lists(
            st.one_of(
                microdata(),
                jsonld_scripts(),
                st.sampled_from(MARKUP_NOISE),
                st.builds(lambda p: f"<p>{_esc(p)}</p>", paragraphs),
                tricky_text,
            ),
            max_size=8,
        )
    )
    depth = draw(st.integers(0, 50))
    doc = (
        draw(st.sampled_from(["<!DOCTYPE html>", "", '<?xml version="1.0"?>']))
        + f'<html lang="{draw(st.sampled_from((*LANGUAGES, "", "xx-!!")))}"><head>'
        + "".join(head)
        + "</head><body>"
        + "<div>" * depth
        + "".join(body)
        + "</div>" * draw(st.integers(0, depth))
        + "</body></html>"
    )
    if draw(st.integers(0, 5)) == 0:
        doc = doc[: draw(st.integers(0, len(doc)))]
    return doc


# --------------------------------------------------------------------------- plain text


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    """Article text: a title, maybe a byline and dateline, paragraphs, a caption."""
    lines = [draw(titles)]
    if draw(st.booleans()):
        lines.append("By " + draw(person_names))
    if draw(st.booleans()):
        lines.append(
            draw(st.sampled_from(["MOSCOW, Jan 7 (Reuters) - ", "ALMATY — ", ""]))
            + draw(sentences())
        )
    lines += draw(st.lists(st.one_of(paragraphs, sentences(), dump_lines()), max_size=10))
    if draw(st.booleans()):
        lines.append(draw(sentences()) + " (Photo: " + draw(person_names) + "/Reuters)")
    return _join(draw, lines)


# --------------------------------------------------------------------------- registry

#: Structure-aware inputs per adapter name. A new adapter plugs in here.
BY_FORMAT: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "flat": dump_texts,
    "newsapi": newsapi_json,
    "html": html_pages,
    "text": plain_texts,
}


def any_format() -> st.SearchStrategy[str]:
    return st.one_of(*(f() for f in BY_FORMAT.values()))


def hostile_inputs() -> st.SearchStrategy[str | bytes]:
    """Anything: tricky text, bytes, JSON, any format's shapes, in any encoding."""
    shaped = any_format()
    return st.one_of(
        tricky_text,
        st.binary(),
        json_text(),
        shaped,
        encoded(shaped),
        mixed_bytes(st.one_of(shaped, tricky_text)),
    )
