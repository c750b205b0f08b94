"""The library's entry points. The CLI is a thin layer over these."""

from __future__ import annotations

from newsmeta._text import as_text
from newsmeta.adapters import ADAPTERS, get
from newsmeta.errors import FormatError
from newsmeta.records import Article
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = ["detect", "parse"]


def detect(text: str) -> str:
    """Name of the adapter for ``text`` (see :data:`newsmeta.adapters.ADAPTERS`)."""
    for name, adapter in ADAPTERS.items():
        if adapter.looks_like(text):
            return name
    raise FormatError(
        "could not tell the input's format; pass format= (--format on the command line), one of: "
        + ", ".join(ADAPTERS)
    )


def parse(
    data: str | bytes,
    *,
    format: str | None = None,
    input_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """Parse one input into an :class:`Article`.

    ``format`` names an adapter (``"flat"``); by default it is detected.
    Any input yields a record or raises :class:`~newsmeta.errors.NewsmetaError`.
    """
    text, _notes = as_text(data, limits)
    name = format or detect(text)
    adapter = get(name)
    # Pass the original bytes on so the adapter reports lossy decoding itself.
    return adapter.parse(data, input_name=input_name, limits=limits)
