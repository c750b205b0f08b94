"""Typed constants that tune newsmeta. No magic numbers elsewhere.

Limits can be overridden per call (``newsmeta.parse(..., limits=Limits(...))``).
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from newsmeta.errors import ConfigError

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _count(inst: Any, attribute: Any, value: Any) -> None:
    """Validator: a limit is a whole number, zero or more (a ``ConfigError`` if not)."""
    if type(value) is not int or value < 0:
        raise ConfigError(
            f"Limits.{attribute.name} must be a whole number, zero or more; got {value!r}"
        )


@frozen(kw_only=True)
class Limits:
    """Bounds on the work one input may cause. Going past one raises
    :class:`~newsmeta.errors.LimitError`, which names the limit."""

    max_input_bytes: int = field(default=50 * 1024 * 1024, validator=_count)
    """Largest input accepted, in bytes (UTF-8 size for text)."""
    max_lines: int = field(default=2_000_000, validator=_count)
    """Most lines a dump or text may have."""


DEFAULT_LIMITS = Limits()

#: A dump's body is its longest prose line; shorter prose is a description.
MIN_BODY_CHARS = 200
#: Years accepted as a copyright year.
COPYRIGHT_YEARS = range(1900, 2101)

#: Validation: how far past the crawl date a date may lie before it is "in the
#: future" (a day covers time zones and a day-precision ``date``).
FUTURE_TOLERANCE_SECONDS = 24 * 3600
#: Validation: the widest UTC offset in use (Kiribati, +14:00; Baker Island, -12:00).
MAX_UTC_OFFSET_MINUTES = 14 * 60
#: Validation: every UTC offset in use today is a multiple of this many minutes.
UTC_OFFSET_STEP_MINUTES = 15
#: Validation: the largest image side taken as real, in pixels (JPEG's limit is 65,535).
MAX_IMAGE_SIDE = 65_535
