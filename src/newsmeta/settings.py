"""Typed constants that tune newsmeta. No magic numbers elsewhere.

Limits can be overridden per call (``newsmeta.parse(..., limits=Limits(...))``).
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["DEFAULT_LIMITS", "Limits"]


@frozen(kw_only=True)
class Limits:
    """Bounds on the work one input may cause. Going past one raises
    :class:`~newsmeta.errors.LimitError`, which names the limit."""

    max_input_bytes: int = 50 * 1024 * 1024
    """Largest input accepted, in bytes (UTF-8 size for text)."""
    max_lines: int = 2_000_000
    """Most lines a dump or text may have."""


DEFAULT_LIMITS = Limits()

#: A dump's body is its longest prose line; shorter prose is a description.
MIN_BODY_CHARS = 200
#: Years accepted as a copyright year.
COPYRIGHT_YEARS = range(1900, 2101)
