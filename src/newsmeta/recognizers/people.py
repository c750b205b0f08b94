"""People: author names, organisation credits, and a dump's ``Name avatar-url`` line.

Strategy: an author string is cut into parts at list separators ("and",
commas, ``|``, " - "); each part loses its lead-in ("By", "Von", "Autor:"),
the roles and titles around the name ("Staff Writer", "Chefredakteur"),
a dateline's place and date, and is kept only if what is left looks like a
person's name. A text that names no person may still credit an organisation
(an agency such as ``dpa``, a desk such as "Redaktion", the site itself):
:func:`organisation_credit` reads those, for use when no person is named.

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
>>> clean_author("By"), clean_author("Autor:"), clean_author("Auteur : Kossivi Tiassou")
([], [], ['Kossivi Tiassou'])
>>> clean_author("Posted on September 21, 2020 by Adi Tzlil"), clean_author("06.11.2023 13:30 von Olga")
(['Adi Tzlil'], ['Olga'])
>>> clean_author("Grant Tinsley, PhD"), clean_author("FOCUS-Online-Experte Robin Tschöpe")
(['Grant Tinsley'], ['Robin Tschöpe'])
>>> clean_author("Markus M. Haefliger, London, Beat Bumbacher", markup=True)
['Markus M. Haefliger', 'Beat Bumbacher']
>>> clean_author("Jane Doe Jane Doe"), clean_author("Williams Perdomo @wperdomod")
(['Jane Doe'], ['Williams Perdomo'])
>>> clean_author("gnaddrig"), clean_author("gnaddrig", markup=True)
([], ['gnaddrig'])
>>> organisation_credit("Von: det/dpa"), organisation_credit("Redaktion"), organisation_credit("Jane Doe")
('det/dpa', 'Redaktion', None)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from attrs import frozen

from newsmeta.recognizers._people_words import (
    AGENCIES,
    DEGREES,
    DESK_ENDINGS,
    DESK_WORDS,
    LEAD_ONLY,
    NOT_NAME,
    NOT_NAME_ALONE,
    PARTICLES,
    PLACES,
    ROLE_ENDINGS,
)
from newsmeta.recognizers.urls import is_image_url, is_url

__all__ = [
    "PersonLine",
    "agency_credit",
    "clean_author",
    "lead_only",
    "looks_like_name",
    "organisation_credit",
    "parse_person_line",
]

_BY = re.compile(
    r"""
    ^\s*(?:
      (?:post\s+|article\s+)?(?:author|autor|auteur|autore|verfasser)(?:in|en|s|es)?\s*:?\s*  # "Author", "Autorin:", "Auteur :"
    | (?:written|posted|published|submitted|created|reported|reporting|words|story|text|photos?
        |video|column|analysis|commentary|opinion|review|essay|interview|report|edited|compiled
        |more)\s+by\s+                                                               # "Written by"
    | (?:(?:eine?|der|die|das)\s+)?(?:veröffentlicht|eingestellt|erstellt|geschrieben|verfasst|gepostet
        |publiziert|kolumne|kommentar|gastbeitrag|gastkommentar|blog\s?-?beitrag|beitrag|analyse|text
        |fotos?|bericht|reportage|recherche|fazit|interview|artikel)\s+von\s+         # German: "Eine Kolumne von"
    | (?:publié|écrit|rédigé|texte|une\s+chronique|un\s+article)\s+par\s+               # French
    | (?:publicado|escrito|texto|redactado)\s+por\s+                                    # Spanish
    | (?:alles|mehr|alle\s+(?:beiträge|artikel)|beiträge|artikel|(?:view\s+)?all\s+(?:posts|articles|stories)
        |more\s+(?:posts|articles|stories)|posts|articles|stories)\s+(?:von|by|from|of)\s*  # an author page's link
    | (?:text|texte|texto|testo|interview|redaktion|von|by|por|par|from|quelle|source|fuente|fonte
        |credits?)\s*:\s*                                                           # a label and its colon
    | by\s+|von\s+|vom\s+|par\s+|por\s+|di\s+|door\s+|av\s+|af\s+|от\s+|автор:?\s+        # a bare "by"
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: "Posted on 21 May 2020 by Jane": a part with a date in it, and a "by" after it.
_TAIL_BY = re.compile(r"(?:^|\s)(?:by|von|par|por)\s+(?=\S)", re.IGNORECASE)
# No \s* around the separators: on a run of spaces with no separator, split would
# retry the run from every position (quadratic); the parts are stripped instead.
_SPLIT = re.compile(r"(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\bи\b|&)", re.IGNORECASE)
#: In a page's markup, a dash between spaces, a bullet and " @ " separate too
#: ("unocero - Alberto Ávila", "11.12.2019 - Jane Doe", "Jane Doe @ 12:00 am");
#: an aggregator's author field uses " - " inside outlet names ("FAZ - Frankfurter
#: Allgemeine Zeitung"), so its text is split at :data:`_SPLIT` only.
_SPLIT_MARKUP = re.compile(
    r"(?:,|;|\||/|•|·|\s[-–—]\s|\s@\s|\band\b|\bund\b|\bet\b|\by\b|\bи\b|&)", re.IGNORECASE
)
#: Words that say what a person does, not who they are (English, German,
#: French, Spanish). A part holding one is not a name, unless the words
#: stand before the name (``Chefredakteur Max Muster``), when they
#: are dropped.
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|journalist|"
    r"redakteur(?:in)?|redaktion|autor(?:in)?|photographer|news\ desk|desk|senior|chief|"
    r"contributing|freelance|managing|executive|director|manager|president|founder|ceo|"
    r"spokes(?:person|man|woman)|professor|analyst|"
    r"journalistin|pressesprecher(?:in)?|sprecher(?:in)?|geschäftsführer(?:in)?|leiter(?:in)?|"
    r"rechtsanwalt|rechtsanwältin|anwalt|anwältin|bundespräsident(?:in)?|präsident(?:in)?|"
    r"chefredakteur(?:in)?|korrespondent(?:in)?|reporterin|volontär(?:in)?|experte|expertin|"
    r"rédacteur|rédactrice|rédaction|journaliste|correspondant|envoyée?\ spéciale?|"
    r"redactor(?:a)?|periodista|corresponsal|redacción)\b",
    re.IGNORECASE | re.VERBOSE,
)
#: A word, dots and hyphens inside it kept ("hessenschau.de", "Greentech.LIVE").
_WORD = re.compile(r"[^\W_][\w.\-]*")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"\S{1,64}@\S{1,255}")
#: A social handle after a name ("Jane Doe @janedoe").
_SOCIAL = re.compile(r"(?:^|\s)@[\w.]{1,40}")
_PARENS = re.compile(r"\([^()]{0,120}\)|\[[^\[\]]{0,120}\]")
_BRACKETS = re.compile(r"[()\[\]]")
#: Parts of a user name that make it a placeholder account ("wordpressadmin").
_PLACEHOLDER_PARTS = ("admin", "wordpress", "webmaster")
#: A user name (``gnaddrig``, ``Herr_Rein``, ``c1ph4``): one token, no spaces.
_HANDLE = re.compile(r"[^\W\d_][\w.\-]{1,39}")


def _capitalised(w: str) -> bool:
    """Starts upper-case, or in a script without case."""
    return w[:1].isupper() or (w[:1].isalpha() and w[:1].lower() == w[:1].upper())


def looks_like_name(text: str, *, strict: bool = False) -> bool:
    """One to five words, starting with letters, most of them capitalised.

    ``strict``: every word capitalised but for particles (``van``, ``da``), as
    names stand in a page's markup; a comment's fragment ("Ebenfalls alles
    Gute") is then no name. Without it, two words may be lower-case (an
    aggregator's author field holds outlets' names: "La Gazzetta dello Sport").

    >>> looks_like_name("Ludwig van Beethoven", strict=True)
    True
    >>> looks_like_name("Ebenfalls alles Gute"), looks_like_name("Ebenfalls alles Gute", strict=True)
    (True, False)
    """
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 80:
        return False
    if _DIGIT.search(text) or "@" in text or is_url(text):
        return False
    lower = [w for w in words if not _capitalised(w)]
    if strict:
        if not _capitalised(words[0]) and words[0].casefold() not in PARTICLES:
            return False
        if len(lower) == len(words) or any(w.casefold() not in PARTICLES for w in lower):
            return False
    elif len(words) - len(lower) < max(1, len(words) - 2):
        return False
    return all(c.isalpha() or c in "-'’. " or unicodedata.category(c).startswith("M") for c in text)


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


def lead_only(text: str) -> bool:
    """Is ``text`` a byline's lead-in and nothing else? (The name stands in
    the next element: a split byline.)

    >>> lead_only("By "), lead_only("Autor:"), lead_only("By Jane Doe"), lead_only("")
    (True, True, False, False)
    """
    stripped = text.strip()
    return bool(stripped) and not _strip_by(stripped + " ").strip(" -–—:·•|")


def _is_role(word: str) -> bool:
    w = word.strip(".,:;()").casefold()
    return bool(_ROLE.fullmatch(w)) or (len(w) > 7 and w.endswith(ROLE_ENDINGS))


def _without_roles(part: str) -> str | None:
    """The name in a part with roles before it ("Chefredakteur Max Muster");
    ``None`` when a role stands inside or after the name ("Jane Doe Games
    Editor": where the name ends is not known), or nothing but roles is there."""
    words = part.split()
    while words and (_is_role(words[0]) or words[0].casefold() in ("der", "die", "the")):
        if words[0].casefold().strip(".,:") in DESK_WORDS:
            return None  # "Redacción Diario X" is a desk's credit, not a person
        words.pop(0)
    if not words or any(_is_role(w) for w in words) or _ROLE.search(" ".join(words)):
        return None
    return " ".join(words)


def _twice(part: str) -> str:
    """A name written twice ("Jane Doe Jane Doe", a link and its title) is the name once;
    a name of two equal words ("Sirhan Sirhan") is not a repeat."""
    words = part.split()
    half = len(words) // 2
    if half > 1 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return part


def clean_author(text: str, *, site_names: Iterable[str] = (), markup: bool = False) -> list[str]:
    """Names in an author string: strips "By", roles, places, emails, site names; splits "and".

    ``markup``: the text is what a page's author markup holds (a byline, a
    link to an author page, a schema.org ``Person``), so names are read as
    pages write them: every word capitalised but for particles
    (:func:`looks_like_name` ``strict``), " - " separates, a news agency is
    an organisation and no person (:func:`organisation_credit`), and a user
    name (``gnaddrig``, ``c1ph4``) that is all of the text is the name.
    Without it (an aggregator's author field), the rules are looser.
    """
    if len(text) > 1000:
        return []
    return list(_clean_author(text, tuple(site_names), markup))


#: Author strings recur across a publisher's items (the same staff, the same
#: agency credit): seven in ten of the NewsAPI pool's are repeats. Bounded.
@functools.lru_cache(maxsize=4096)
def _clean_author(text: str, site_names: tuple[str, ...], markup: bool) -> tuple[str, ...]:
    sites = {s.casefold() for s in site_names if s}
    text = _strip_by(_EMAIL.sub(" ", text))
    if "@" in text:
        text = _SOCIAL.sub(" ", text)
    if "(" in text or "[" in text:
        outside = " ".join(_PARENS.sub(" ", text).split())
        # "news@example.com (Jane Doe)": when nothing stands outside, the names are inside.
        text = outside if outside.strip(" ,;:|-–—") else " ".join(_BRACKETS.sub(" ", text).split())
    out: list[str] = []
    for part in (_SPLIT_MARKUP if markup else _SPLIT).split(text):
        part = _strip_by(part.strip(" -–—:·•()[]\"'")).strip(" -–—:·•()[]\"'")
        if part and _DIGIT.search(part):  # "Posted on 21 May 2020 by Jane"
            tail = list(_TAIL_BY.finditer(part))
            if tail:
                part = part[tail[-1].end() :].strip(" -–—:·•")
        folded = part.casefold()
        if not part or folded in sites or folded in LEAD_ONLY or folded in NOT_NAME_ALONE:
            continue
        if folded in DEGREES or folded in PLACES or (markup and folded in AGENCIES):
            continue
        if _ROLE.search(part) or any(_is_role(w) for w in part.split()):
            named = _without_roles(part)
            if named is None:
                continue
            part = named
        part = _twice(part)
        if any(w.casefold() in NOT_NAME for w in part.split()):
            continue
        if looks_like_name(part, strict=markup) and part not in out:
            out.append(part)
    if not out and markup:
        handle = text.strip(" -–—:·•()[]\"'")
        if (
            _HANDLE.fullmatch(handle)
            and handle.casefold() not in NOT_NAME
            and handle.casefold() not in NOT_NAME_ALONE
            and handle.casefold() not in LEAD_ONLY
            and handle.casefold() not in AGENCIES
            and handle.casefold() not in sites
            and not any(w in handle.casefold() for w in _PLACEHOLDER_PARTS)
            and not _is_role(handle)
            and sum(c.isalpha() for c in handle) >= 2
        ):
            out.append(handle)
    return tuple(out)


def organisation_credit(
    text: str, *, site_names: Iterable[str] = (), organisation: bool = False
) -> str | None:
    """The organisation an author string credits, when it names no person: a
    news agency (``dpa``, ``AFP/The Local``), a desk ("Redaktion", "Staff and
    news service reports"), or the site itself. ``organisation``: the markup
    says the author is an organisation (schema.org ``Organization``), so any
    short name is taken.

    >>> organisation_credit("Hamburg (dpa/lno)"), organisation_credit("The Site", site_names=["The Site"])
    ('dpa/lno', 'The Site')
    """
    if len(text) > 200:
        return None
    for group in _PARENS.findall(text):  # a dateline's credit: "Hamburg (dpa/lno)"
        inner = organisation_credit(group[1:-1])
        if inner is not None:
            return inner
    credit = " ".join(_strip_by(_EMAIL.sub(" ", text)).split()).strip(" -–—:,;·•|\"'")
    if not credit or len(credit) > 80 or is_url(credit) or credit.startswith("@"):
        return None
    words = [w.rstrip(".-") for w in _WORD.findall(credit.casefold())]
    if not words or len(credit.split()) > 8:
        return None
    if " ".join(words) not in AGENCIES and all(w in NOT_NAME or w in NOT_NAME_ALONE for w in words):
        return None  # "Agencies" is a credit; "Admin", "Unknown" are not
    if any(c in credit for c in "!?") or ". " in credit or _DIGIT.search(credit):
        return None  # a sentence, a date: not a credit
    folded = credit.casefold()
    if organisation or folded in {s.casefold() for s in site_names if s}:
        return credit
    pieces = set(words) | {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    for piece in list(pieces):
        pieces.update(piece.split("."))  # "hessenschau.de/bb", "Greentech.LIVE Redaktion"
    if pieces & AGENCIES or pieces & DESK_WORDS or any(w.endswith(DESK_ENDINGS) for w in words):
        return credit
    return None


#: A credit's pieces: agencies and the initials of the editor who handled the copy.
_CREDIT_PIECES = re.compile(r"[\s/,;+&]+")


def agency_credit(text: str) -> bool:
    """Is ``text`` a news agency's credit and nothing else: agencies, and the
    initials of who edited the copy (``dpa/lno``, ``det/dpa``, ``APA/AP``)?

    >>> agency_credit("det/dpa"), agency_credit("Agencia EFE"), agency_credit("Jane Doe/dpa")
    (True, True, False)
    """
    if not text or len(text) > 40:
        return False
    if " ".join(text.split()).casefold() in AGENCIES:  # "Agencia EFE"
        return True
    pieces = [p for p in _CREDIT_PIECES.split(text.strip(" .()")) if p]
    # An editor's initials are written lower-case ("lno", "det"); a name is not.
    return any(p.casefold() in AGENCIES for p in pieces) and all(
        p.casefold() in AGENCIES or (p.isalpha() and p.islower() and len(p) <= 4) for p in pieces
    )
