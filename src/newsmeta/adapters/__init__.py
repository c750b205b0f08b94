"""The adapter registry: one module per input format, all of one shape.

Every adapter module has ``NAME``, ``looks_like(text) -> bool`` (a cheap test
for format detection), ``extract(data, *, input_name, limits) -> Extraction``
and ``parse(data, *, input_name, limits) -> Article``. An adapter whose inputs
can hold several records (``newsapi``) also has ``iter_results(data, *,
input_name, limits)`` yielding one :class:`~newsmeta.results.Result` per item
(:data:`MultiAdapter`). The contract is the
:class:`Adapter` protocol; :data:`ADAPTERS` lists them in detection order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from newsmeta._kit import Extraction
from newsmeta.adapters import flat, html, newsapi, text
from newsmeta.records import Article
from newsmeta.results import Result
from newsmeta.settings import Limits

__all__ = ["ADAPTERS", "Adapter", "MultiAdapter", "get"]


class Adapter(Protocol):
    """Protocol: one input format, as a module (``adapters/<name>.py``).

    - ``NAME``: the format's name (``--format NAME``);
    - ``looks_like(text)``: a cheap test for format detection, on decoded
      text; :data:`ADAPTERS` tries them in order;
    - ``extract(data, *, input_name, limits, url, content_type)``: read ``str``
      or ``bytes`` into an :class:`~newsmeta._kit.Extraction` (candidates,
      issues, kept text), writing only through the kit (``newsmeta._kit``);
      ``url`` is where the input was fetched and ``content_type`` its HTTP
      header; an adapter that has no use for them ignores them;
    - ``parse(...)``: the same arguments, ``resolve(extract(...))``.

    Every adapter takes every keyword, so :func:`newsmeta.parse` passes them on
    without asking which adapter takes which. An adapter whose input can hold
    several records also satisfies ``MultiAdapter``.
    """

    NAME: str

    def looks_like(self, text: str) -> bool: ...

    def extract(
        self,
        data: str | bytes,
        *,
        input_name: str | None = ...,
        limits: Limits = ...,
        url: str | None = ...,
        content_type: str | None = ...,
    ) -> Extraction: ...

    def parse(
        self,
        data: str | bytes,
        *,
        input_name: str | None = ...,
        limits: Limits = ...,
        url: str | None = ...,
        content_type: str | None = ...,
    ) -> Article: ...


class MultiAdapter(Adapter, Protocol):
    """Protocol: an :class:`Adapter` whose input can hold several records
    (``newsapi``: a response, a list, JSON Lines); ``iter_results`` yields one
    :class:`~newsmeta.results.Result` per item, a bad item as its error."""

    def iter_results(
        self, data: str | bytes, *, input_name: str | None = ..., limits: Limits = ...
    ) -> Iterator[Result]: ...


#: Adapters by name, in the order format detection tries them.
ADAPTERS: dict[str, Adapter] = {
    html.NAME: html,  # it needs a "<" and an HTML tag at the very start
    newsapi.NAME: newsapi,
    flat.NAME: flat,
    text.NAME: text,  # the last resort: any text with letters
}


def get(name: str) -> Adapter:
    from newsmeta.errors import FormatError

    try:
        return ADAPTERS[name]
    except KeyError:
        raise FormatError(
            f"unknown format {name!r}; known formats: {', '.join(ADAPTERS)}"
        ) from None
