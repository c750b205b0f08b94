"""One entry of a batch: an item's record, or the error that stopped that item.

:func:`newsmeta.parse_many` yields these so that one malformed item in a
JSON Lines file or an ``articles`` array is reported and the rest go on.
"""

from __future__ import annotations

from attrs import frozen

from newsmeta.errors import NewsmetaError
from newsmeta.records import Article

__all__ = ["Result"]


@frozen(kw_only=True)
class Result:
    """An item's record (``article``) or its error (``error``); exactly one is set."""

    index: int
    """0-based position of the item in its input (0 for single-record inputs)."""
    input: str | None
    """Where the item stood: ``items.jsonl#3`` (line 3), ``page.json: $.articles[2]``."""
    article: Article | None = None
    error: NewsmetaError | None = None

    def __attrs_post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError("a Result holds exactly one of article and error")

    @property
    def ok(self) -> bool:
        return self.article is not None

    def unwrap(self) -> Article:
        """The record, or raise the item's error."""
        if self.error is not None:
            raise self.error
        assert self.article is not None
        return self.article
