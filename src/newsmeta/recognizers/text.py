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
    "has_letters",
    "is_tag_like",
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


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


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
    if not has_letters(s):
        return any(c in _PUNCT for c in s) and not s.replace(" ", "").isdigit()
    if len(s) > 2000:
        return False
    scars = len(_SPACE_BEFORE.findall(s)) + len(_EMPTY_PAIR.findall(s))
    scars += sum(1 for tok in s.split() if all(c in _PUNCT for c in tok) and tok not in _DASHES)
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
