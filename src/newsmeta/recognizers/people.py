"""People: author names and a dump's ``Name avatar-url`` line.

>>> p = parse_person_line("Evgeny Mikhaylov https://cdnn1.img.sputniknews.com/img/1_0:0:1440:1440_100x100_80_0_0_4.jpg")
>>> p.name, p.avatar_url.endswith(".jpg")
('Evgeny Mikhaylov', True)
>>> parse_person_line("kazakhstan https://a.example/x.jpg") is None
True
>>> clean_author("By John Smith, Staff Writer")
['John Smith']
>>> clean_author("Jane Doe and John Roe | Example News", site_names=("Example News",))
['Jane Doe', 'John Roe']
>>> clean_author("2022-01-07")
[]
>>> clean_author("Pinkvilla Desk")
[]
>>> clean_author("Joshua Needelman jneedelman@postandcourier.com")
['Joshua Needelman']
>>> clean_author("ליאת רון"), clean_author("沈洛嘉"), clean_author("संतोष शर्मा")
(['ליאת רון'], ['沈洛嘉'], ['संतोष शर्मा'])
>>> clean_author("jane@example.com")
[]
>>> clean_author("Post author By Helge Fahrnberger"), clean_author("Veröffentlicht von Chris Jung")
(['Helge Fahrnberger'], ['Chris Jung'])
>>> clean_author("Posted on"), clean_author("Art Edwards says"), clean_author("Donnerstag")
([], [], [])
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from attrs import frozen

from newsmeta.recognizers.urls import is_image_url, is_url

__all__ = ["PersonLine", "clean_author", "looks_like_name", "parse_person_line"]

_BY = re.compile(
    r"""
    ^\s*(?:
      (?:post\s+|article\s+)?(?:author|autor|verfasser)(?:in)?\s*:?      # "Author", "Post author"
    | (?:written|posted|published|submitted|created|reported|words)\s+by  # "Written by"
    | (?:veröffentlicht|eingestellt|erstellt|geschrieben|verfasst|gepostet|publiziert)\s+von  # German
    | (?:publié|écrit|rédigé)\s+par                                      # French
    | (?:publicado|escrito)\s+por                                        # Spanish
    | by|von|vom|par|por|di|door|av|af|от|автор:?                         # a bare "by"
    )\s+
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: Words that are never part of a person's name in a byline: the verbs and
#: labels around it, comment widgets, weekdays.
# fmt: off
_NOT_NAME = frozenset(
    ["posted", "on", "am", "um", "published", "veröffentlicht", "publiziert", "updated", "aktualisiert", "antworten", "reply", "name", "says", "sagt", "follow", "folgen", "share", "shares", "comments", "kommentare", "kommentar", "no", "author", "admin", "photo", "photos", "foto", "fotos", "фото", "bild", "bilder", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]
)
# fmt: on
# No \s* around the separators: on a run of spaces with no separator, split would
# retry the run from every position (quadratic); the parts are stripped instead.
_SPLIT = re.compile(r"(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\bи\b|&)", re.IGNORECASE)
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|journalist|"
    r"redakteur(?:in)?|redaktion|autor(?:in)?|photographer|news desk|desk|senior|chief)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\S{1,64}@\S{1,255}")


def looks_like_name(text: str) -> bool:
    """One to five words, starting with letters, each word capitalised (or a particle)."""
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 80:
        return False
    if _DIGIT.search(text) or "@" in text or is_url(text):
        return False
    # A word is capitalised if it starts upper-case, or in a script without case.
    capitalised = [
        w for w in words if w[:1].isupper() or (w[:1].isalpha() and w[:1].lower() == w[:1].upper())
    ]
    return len(capitalised) >= max(1, len(words) - 2) and all(
        c.isalpha() or c in "-'’. " or unicodedata.category(c).startswith("M") for c in text
    )


@frozen(kw_only=True)
class PersonLine:
    name: str
    avatar_url: str | None


def parse_person_line(text: str) -> PersonLine | None:
    """A dump's author block: a name followed by an avatar image URL."""
    if len(text) > 2000 or "http" not in text:  # the avatar is an http(s) URL
        return None
    head, _, url = text.rpartition(" ")
    head = head.strip()
    if not head or not is_url(url) or not is_image_url(url):
        return None
    if not looks_like_name(head):
        return None
    return PersonLine(name=head, avatar_url=url)


def _strip_by(text: str) -> str:
    """Lead-ins, repeatedly: "Post author By Jane" is "Jane"."""
    for _ in range(3):
        stripped = _BY.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text


def clean_author(text: str, *, site_names: Iterable[str] = ()) -> list[str]:
    """Names in an author string: strips "By", roles, emails, site names; splits "and"."""
    if len(text) > 1000:
        return []
    return list(_clean_author(text, tuple(site_names)))


#: Author strings recur across a publisher's items (the same staff, the same
#: agency credit): seven in ten of the NewsAPI pool's are repeats. Bounded.
@functools.lru_cache(maxsize=4096)
def _clean_author(text: str, site_names: tuple[str, ...]) -> tuple[str, ...]:
    sites = {s.casefold() for s in site_names if s}
    text = _EMAIL.sub(" ", _strip_by(text))
    out: list[str] = []
    for part in _SPLIT.split(text):
        part = _strip_by(part.strip()).strip(" -–—:·•()[]\"'")
        if not part or part.casefold() in sites:
            continue
        if _ROLE.search(part):
            continue
        if any(w.casefold() in _NOT_NAME for w in part.split()):
            continue
        if looks_like_name(part) and part not in out:
            out.append(part)
    return tuple(out)
