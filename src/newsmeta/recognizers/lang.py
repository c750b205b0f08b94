"""Language tags, normalised to BCP 47 with ``langcodes``.

>>> normalize_language("en_EN")
('en', 'region EN is not a country code; dropped')
>>> normalize_language("pt_BR")
('pt-BR', None)
>>> normalize_language("iw")
('he', None)
>>> normalize_language("english")[0] is None
True
"""

from __future__ import annotations

import functools
import re

import langcodes

__all__ = ["looks_like_locale", "normalize_language"]

_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z]{4})?(?:[_-](?:[A-Za-z]{2}|\d{3}))?", re.ASCII)


def looks_like_locale(text: str) -> bool:
    """``en``, ``en_EN``, ``pt-BR``, ``sr_Latn_RS`` shapes (the tag itself may be invalid)."""
    return len(text) <= 16 and _LOCALE.fullmatch(text) is not None


def normalize_language(raw: str) -> tuple[str | None, str | None]:
    """The BCP 47 tag for ``raw`` and a note on anything dropped, or ``(None, reason)``."""
    # A few locales repeat in every input: remember them (short keys only).
    return _normalize_cached(raw) if len(raw) <= 200 else _normalize_language(raw)


def _normalize_language(raw: str) -> tuple[str | None, str | None]:
    text = raw.strip().replace("_", "-")
    if not text or len(text) > 64:
        return None, "empty or too long for a language tag"
    try:
        lang = langcodes.Language.get(text)
    except (langcodes.tag_parser.LanguageTagError, ValueError, KeyError):
        return None, f"{raw!r} is not a language tag"
    note = None
    if lang.territory and not langcodes.Language.get("und-" + lang.territory).is_valid():
        note = f"region {lang.territory} is not a country code; dropped"
        lang = lang.update_dict({"territory": None})
    if not lang.language or not lang.is_valid():
        return None, f"{raw!r} is not a known language"
    return lang.to_tag(), note


_normalize_cached = functools.lru_cache(maxsize=1024)(_normalize_language)
