"""Shapes of text lines: glued paragraphs, stripped letters, tags, keywords.

>>> split_glued("to open fire without warning.According to Tokayev, at least 20,000 gunmen.")
['to open fire without warning.', 'According to Tokayev, at least 20,000 gunmen.']
>>> split_glued("The U.S.Army and sputniknews.com stay, as does 3.5 percent.")
['The U.S.Army and sputniknews.com stay, as does 3.5 percent.']
>>> split_glued('he said.”Then more')
['he said.”', 'Then more']
>>> looks_letter_stripped(' , -2021, , . , 08.05.2021')
True
>>> looks_letter_stripped('2022'), looks_letter_stripped('kazakhstan'), looks_letter_stripped(':')
(False, False, True)
>>> looks_letter_stripped(' Twenty One Pilots "" - , 11.07.2021')
True
>>> looks_letter_stripped('Twenty One Pilots YouTube "Saturday", "Scaled and Icy". , 11.07.2021')
True
>>> looks_letter_stripped('He said - and it was so - that "this", that (and more) were fine.')
False
>>> is_tag_like("collective security treaty organization (csto)"), is_tag_like("A sentence that ends.")
(True, False)
>>> split_keywords("kazakhstan, kassym-jomart tokayev, csto")
['kazakhstan', 'kassym-jomart tokayev', 'csto']
>>> split_keywords("According to them, several were killed, and over 200 were wounded.") is None
True
>>> truncation_marker("Watch the full video abov… [+1492 chars]")
(25, 1492)
>>> truncation_marker("It ends… here") is None
True
"""

from __future__ import annotations

import re

from newsmeta.recognizers.urls import is_url

__all__ = [
    "alnum_only",
    "count_letters",
    "has_alnum",
    "has_letters",
    "is_stripped_copy",
    "is_tag_like",
    "letters_beyond_latin1",
    "looks_letter_stripped",
    "split_glued",
    "split_keywords",
    "truncation_marker",
]

#: Most words a tag has; longer lines are prose.
MAX_TAG_WORDS = 6
MAX_TAG_LEN = 60

_PUNCT = frozenset(",.;:«»\"“”„'’—–-!?()[]/…")
_DASHES = frozenset({"-", "–", "—"})
_PUNCT_CHARS = "".join(sorted(_PUNCT))
# " ," or " ." followed by a space or the end: a word was deleted before it.
_SPACE_BEFORE = re.compile(r" [,.;:](?= |$)")
# "" «» () []: quotes or brackets whose contents were deleted.
_EMPTY_PAIR = re.compile(r"\"\"|«»|“”|„“|\(\)|\[\]")

# A sentence end glued to the next sentence: "warning.According".
_GLUE = re.compile(r"[.!?][\"”»’)]?(?=\w)")


def split_glued(text: str) -> list[str]:
    """Split paragraphs a scraper glued together, changing no character.

    A join is a sentence end (``.``, ``!``, ``?``, maybe a closing quote) with a
    lower-case letter or digit before it and an upper-case letter straight after.
    ``"".join(split_glued(t)) == t`` always holds.
    """
    out: list[str] = []
    start = 0
    for m in _GLUE.finditer(text):
        i, j = m.start(), m.end()
        if i == 0 or j >= len(text):
            continue
        before, after = text[i - 1], text[j]
        if not (before.islower() or before.isdigit()) or not after.isupper():
            continue
        if i >= 2 and text[i - 2] == ".":  # "e.g.The" style abbreviations
            continue
        out.append(text[start:j])
        start = j
    out.append(text[start:])
    return out


#: A word character that is neither a decimal digit nor ``_``: every letter
#: (``str.isalpha``), plus the rare other numerals (``²``, ``½``, ``Ⅻ``) that
#: :func:`has_letters` checks one by one. Searched in C, not per character in Python.
_LETTER = re.compile(r"[^\W\d_]")
#: One of the punctuation marks letter-stripping leaves behind.
_ANY_PUNCT = re.compile("[" + re.escape(_PUNCT_CHARS) + "]")
#: A word (``str.split`` sense: ``\s`` is ``str.isspace``) made of punctuation only.
#: The pattern opens with the character set so the engine skips to punctuation
#: in C; ``(?<!\S.)`` then checks the character before it is a space or the start.
_PUNCT_WORD = re.compile(
    r"[" + re.escape(_PUNCT_CHARS) + r"](?<!\S.)[" + re.escape(_PUNCT_CHARS) + r"]*(?=\s|\Z)",
    re.DOTALL,
)


def has_letters(text: str) -> bool:
    """Whether ``text`` has a letter (``any(c.isalpha() for c in text)``, in C).

    >>> has_letters("12 – 3"), has_letters("Ёж"), has_letters("½ ²"), has_letters("² a")
    (False, True, False, True)
    """
    m = _LETTER.search(text)
    while m is not None:
        if m[0].isalpha():
            return True
        m = _LETTER.search(text, m.end())  # a numeral such as "²": look further
    return False


#: One character that is not ``str.isalnum`` (``\w`` is ``isalnum`` plus ``_``).
_NON_ALNUM = re.compile(r"[\W_]+")


def count_letters(text: str) -> int:
    """``sum(c.isalpha() for c in text)``, with the scan in C.

    >>> count_letters("Ёж 12 ½ a_b")
    4
    """
    return len(list(filter(str.isalpha, _LETTER.findall(text))))


def alnum_only(text: str) -> str:
    """``text`` with every character that is not ``str.isalnum`` removed.

    >>> alnum_only("Braindamaged.fr — №1 ½")
    'Braindamagedfr1½'
    """
    return _NON_ALNUM.sub("", text)


def has_alnum(text: str) -> bool:
    """``any(c.isalnum() for c in text)``, in C.

    >>> has_alnum("— … !"), has_alnum("½"), has_alnum("_a")
    (False, True, True)
    """
    return _NON_ALNUM.fullmatch(text) is None and text != ""


def looks_letter_stripped(text: str) -> bool:
    """Punctuation left where an aggregator deleted the (Cyrillic) letters.

    Either nothing but punctuation, digits and spaces is left, or the line
    shows at least two of the scars stripping leaves in a line that still has
    some Latin words: a space before a comma or full stop, an empty pair of
    quotes or brackets, or a punctuation mark standing alone as a word.
    """
    s = text.strip()
    if not s or len(s) > 100_000:
        return False
    # Every scar, and a letterless line's verdict, needs one of these marks.
    if _ANY_PUNCT.search(s) is None:
        return False
    if not has_letters(s):
        return not s.replace(" ", "").isdigit()
    if len(s) > 2000:
        return False
    scars = len(_SPACE_BEFORE.findall(s)) + len(_EMPTY_PAIR.findall(s))
    # Punctuation-only words, found by one regex scan; a lone dash is no scar.
    scars += sum(1 for tok in _PUNCT_WORD.findall(s) if tok not in _DASHES)
    return scars >= 2


def is_tag_like(text: str) -> bool:
    """A short label: a few words, letters, no sentence end, not a URL."""
    s = text.strip()
    if not s or len(s) > MAX_TAG_LEN or not has_letters(s):
        return False
    if s[-1] in ".!?:;," or is_url(s) or "@" in s or s.startswith("/"):
        return False
    return len(s.split()) <= MAX_TAG_WORDS


def split_keywords(line: str) -> list[str] | None:
    """A comma-separated keywords line, or ``None`` if the line is prose."""
    if "," not in line or len(line) > 5000:
        return None
    items = [p.strip() for p in line.split(",")]
    if len(items) < 2 or not all(is_tag_like(i) for i in items):
        return None
    return items


#: ``… [+672 chars]`` at the very end: U+2026 (or three dots), a space, the count.
_TRUNCATION_MARKER = re.compile(
    r"""
    (?:…|\.\.\.)          # an ellipsis, one character or three dots
    \s?\[\+               # maybe a space, then "[+"
    (?P<n>\d{1,12})         # how many characters are missing
    \ chars\]\s*\Z        # " chars]" and nothing after it
    """,
    re.VERBOSE,
)
#: The marker is shorter than this; only a text's tail is searched.
_MARKER_TAIL = 40


def truncation_marker(text: str) -> tuple[int, int] | None:
    """Where an aggregator's ``… [+N chars]`` marker starts in ``text``, and N."""
    m = _TRUNCATION_MARKER.search(text, max(0, len(text) - _MARKER_TAIL))
    if m is None:
        return None
    return m.start(), int(m["n"])


#: One character above U+00FF, or one that is not ``str.isalnum``.
_NON_ALNUM_OR_BEYOND_LATIN1 = re.compile(r"[\W_]+|[^\x00-\xff]+")


def _key(text: str, *, latin1_only: bool) -> str:
    """The casefolded letters and digits of ``text`` (only those up to U+00FF if asked)."""
    kept = (_NON_ALNUM_OR_BEYOND_LATIN1 if latin1_only else _NON_ALNUM).sub("", text)
    return "".join(c.casefold() for c in kept) if not kept.isascii() else kept.lower()


#: Shortest key (letters and digits) a partly stripped line must keep to be compared.
MIN_STRIPPED_KEY = 8


def is_stripped_copy(line: str, reference: str) -> bool:
    """Is ``line`` (part of) ``reference`` with its letters beyond Latin-1 deleted?

    The aggregator deletes Cyrillic (and other non-Latin-1) letters from
    ``content`` but not from ``title`` or ``description``, so a content line that
    reads like a shortened title is the title with its Russian words gone. Only
    letters and digits up to U+00FF are compared (punctuation and quotes vary);
    a line that still matches the reference with *all* its letters is an honest
    copy, not a stripped one.

    >>> is_stripped_copy("Starbucks Black Lives Matter", "Starbucks запретила работникам носить атрибутику Black Lives Matter - РИА НОВОСТИ")
    True
    >>> is_stripped_copy('YouTube " 24", Anna News News-Front', "YouTube удалил аккаунты каналов 'Крым 24', Anna News и News-Front - РИА НОВОСТИ")
    True
    >>> is_stripped_copy("36 amerikih zveznih drav je vloilo tobo", "36 ameriških zveznih držav je vložilo tožbo v kateri trdijo")
    True
    >>> is_stripped_copy("Starbucks Black Lives Matter", "Starbucks Black Lives Matter")
    False
    >>> is_stripped_copy("Black Lives", "Starbucks запретила Black Lives Matter")
    False
    >>> is_stripped_copy("A different story entirely", "Совсем другая история")
    False
    """
    if len(line) > 100_000 or len(reference) > 100_000:
        return False
    short = _key(line, latin1_only=True)
    if len(short) < MIN_STRIPPED_KEY:
        return False
    ref_short = _key(reference, latin1_only=True)
    if short not in ref_short and not (len(ref_short) >= MIN_STRIPPED_KEY and ref_short in short):
        return False
    # An honest copy keeps every letter: then it is no evidence of stripping.
    full, ref_full = _key(line, latin1_only=False), _key(reference, latin1_only=False)
    return full not in ref_full and ref_full not in full


def letters_beyond_latin1(text: str) -> int:
    """How many letters above U+00FF ``text`` has (what the aggregator deletes).

    >>> letters_beyond_latin1("Téléstar"), letters_beyond_latin1("Komputer Świat"), letters_beyond_latin1("Крым")
    (0, 1, 4)
    """
    if text.isascii():
        return 0
    # Only the characters above U+00FF are looked at, and in C (filter, str.isalpha).
    return len(list(filter(str.isalpha, _BEYOND_LATIN1.findall(text))))


#: One character above U+00FF.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
