"""The one exception family newsmeta raises.

Invariant (after h11): any input either yields a record or raises a subclass of
:class:`NewsmetaError` whose message says what was wrong and where. No raw
``lxml``, ``json`` or ``UnicodeDecodeError`` escapes the public API.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "FormatError",
    "InputError",
    "LimitError",
    "NewsmetaError",
]


class NewsmetaError(Exception):
    """Base class of every error newsmeta raises on bad input or configuration."""


class InputError(NewsmetaError, ValueError):
    """The input cannot be read as any record (wrong type, malformed structure)."""


class FormatError(InputError):
    """The input is not in the format that was asked for or detected."""


class DecodeError(InputError):
    """Bytes could not be decoded to text."""


class LimitError(InputError):
    """The input is past a configured limit (size, depth). The message names the limit."""


class ConfigError(NewsmetaError, ValueError):
    """A profile or configuration value is wrong. The message names the key."""


def check_argument(name: str, value: object, kind: type, *, optional: bool = True) -> None:
    """An :class:`InputError` naming ``name`` unless ``value`` is a ``kind`` (or ``None``).

    For the keyword arguments of the public functions (``url``, ``content_type``,
    ``limits``...), which would otherwise fail deep inside with a message about
    a regex or an attribute.

    >>> check_argument("url", 123, str)
    Traceback (most recent call last):
    ...
    newsmeta.errors.InputError: url must be of type str, not int
    """
    if value is None and optional:
        return
    if not isinstance(value, kind):
        raise InputError(f"{name} must be of type {kind.__name__}, not {type(value).__name__}")


def url_argument(name: str, value: object) -> str | None:
    """A ``url`` argument as text: a ``str``, or a URL object whose ``str()`` is an
    absolute web address (web-poet's ``ResponseUrl``/``RequestUrl``, yarl's
    ``URL``); anything else is an :class:`InputError` naming ``name``.

    >>> class ResponseUrl:
    ...     def __str__(self) -> str:
    ...         return "https://example.com/a"
    >>> url_argument("url", ResponseUrl())
    'https://example.com/a'
    >>> url_argument("url", b"https://example.com/a")
    Traceback (most recent call last):
    ...
    newsmeta.errors.InputError: url must be of type str (or a URL object), not bytes
    """
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, (bytes, bytearray, memoryview, int, float)) and (
        type(value).__str__ is not object.__str__
    ):
        text = str(value)
        if text.startswith(("http://", "https://")):
            return text
    raise InputError(f"{name} must be of type str (or a URL object), not {type(value).__name__}")
