"""Hypothesis strategies for newsmeta records and inputs (attrs-style home).

- ``articles()``: any valid record, for the dict/JSON round trip.
- ``dump_articles()``: records shaped like what a dump carries.
- ``dumps()``: such a record rendered as a dump with any subset and order of
  blocks, noise lines and any separator; returns the text and what it kept.
"""

from __future__ import annotations

import datetime as dt
import string

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
    title=maybe_text,
    description=maybe_text,
    date=st.none() | st.dates(),
    published=st.none() | aware,
    created=st.none() | aware,
    modified=st.none() | aware,
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
