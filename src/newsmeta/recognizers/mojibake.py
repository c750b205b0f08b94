"""Mojibake: UTF-8 text that was decoded as Latin-1 (or Windows-1252) on the way.

Strategy: only text showing the tell-tale pairs (``Ã©``, ``â\\x80\\x99``,
``Ð\\x97``: a lead byte of a UTF-8 sequence read as a Latin-1 letter,
followed by a continuation byte read as a C1 control or a Latin-1 symbol) is
touched, and only when encoding it back to bytes and decoding as UTF-8
succeeds without error. A repair that fails is no repair: the text is left
as it is (``None``).

>>> repair_mojibake("AprÃ¨s lâ\\x80\\x99histoire-gÃ©ographie")
'Après l’histoire-géographie'
>>> repair_mojibake("Ð\\x97Ð° Ð¼Ð¸Ð½Ñ\\x83Ð²Ñ\\x88Ð¸Ðµ Ñ\\x81Ñ\\x83Ñ\\x82ÐºÐ¸")
'За минувшие сутки'
>>> repair_mojibake("Theyâ€™ve quit")
'They’ve quit'
>>> repair_mojibake("Après l’histoire") is None
True
>>> repair_mojibake("Ã is a letter in Portuguese: SÃO PAULO") is None
True
"""

from __future__ import annotations

import re

__all__ = ["repair_mojibake"]

#: A UTF-8 lead byte read as Latin-1 (Â-ß for two-byte, à-ï for three-byte
#: sequences), then a continuation byte 0x80-0xBF read as Latin-1 or as
#: Windows-1252 (where 0x80-0x9F are €‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ).
_PAIR = re.compile(
    "[\u00c2-\u00df\u00e0-\u00ef][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)
#: Fewest tell-tale pairs before a repair is tried (the UTF-8 round trip guards the rest:
#: genuine Latin-1 text, "é" before a plain letter, never decodes as UTF-8).
MIN_PAIRS = 1


def repair_mojibake(text: str) -> str | None:
    """The text as it was before the wrong decoding, or ``None`` if it shows none."""
    if text.isascii() or len(_PAIR.findall(text[:100_000])) < MIN_PAIRS:
        return None
    for codec in ("latin-1", "cp1252"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text:
            return repaired
    return None
