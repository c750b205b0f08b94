"""Scrapy integration: an item pipeline, a web-poet page object, feed exports.

Install with ``pip install "newsmeta[scrapy]"`` (Scrapy, web-poet; the page
object is for scrapy-poet users; zyte-common-items only for
``NEWSMETA_ITEM_OUTPUT = "zyte"``). Enable the pipeline in ``settings.py``::

    ITEM_PIPELINES = {"newsmeta.scrapy.ArticlePipeline": 300}
    NEWSMETA_PROFILE = "default"          # or "strict", or a pyproject/TOML path
    NEWSMETA_DROP_SEVERITY = "error"       # drop items with an issue this bad; "off" keeps all
    NEWSMETA_ITEM_OUTPUT = "record"        # or "dict", or "zyte"

and yield records from a callback: ``yield newsmeta.parse_selector(response)``.

Strategy: the pipeline is a thin layer over :func:`newsmeta.validate`; it never
parses. Records are frozen attrs classes, which Scrapy handles as items through
``itemadapter``; importing this module registers :class:`RecordAdapter` ahead
of itemadapter's generic attrs adapter, so a record's fields reach feed exports
as its own JSON form (ISO 8601 dates with their offset, plain lists and dicts),
exactly what :meth:`newsmeta.Article.to_dict` gives, with no serialiser to set.
"""

from __future__ import annotations

from collections.abc import Iterator, KeysView
from typing import Any

try:
    from itemadapter import ItemAdapter
    from itemadapter.adapter import AttrsAdapter
    from scrapy.exceptions import DropItem, NotConfigured
except ImportError as exc:  # pragma: no cover - the extra is installed in tests
    raise ImportError(
        'newsmeta.scrapy needs Scrapy: pip install "newsmeta[scrapy]"'
        f" ({exc.name or 'scrapy'} is missing)"
    ) from exc

from newsmeta.errors import ConfigError, NewsmetaError
from newsmeta.records import Article, Severity
from newsmeta.validate import Profile, get_profile, validate

__all__ = [
    "ITEM_OUTPUTS",
    "ArticlePage",
    "ArticlePipeline",
    "RecordAdapter",
    "to_zyte_article",
]

#: ``NEWSMETA_ITEM_OUTPUT`` values: what the pipeline passes on for each record.
ITEM_OUTPUTS = ("record", "dict", "zyte")
#: Stats keys (``crawler.stats``); ``<code>`` is an issue code (docs/issues.md).
STATS_ARTICLES = "newsmeta/articles"
STATS_DROPPED = "newsmeta/dropped"
STATS_ISSUES = "newsmeta/issues/{code}"
STATS_SEVERITY = "newsmeta/severity/{severity}"


class RecordAdapter(AttrsAdapter):
    """itemadapter's view of a :class:`~newsmeta.Article`: its JSON form.

    Read-only, as records are frozen: a later pipeline that writes into items
    wants ``NEWSMETA_ITEM_OUTPUT = "dict"``. Registered ahead of the generic
    attrs adapter when this module is imported.
    """

    def __init__(self, item: Any) -> None:
        super().__init__(item)
        self._json: dict[str, Any] | None = None

    @classmethod
    def is_item(cls, item: Any) -> bool:
        return isinstance(item, Article)

    @classmethod
    def is_item_class(cls, item_class: type) -> bool:
        return isinstance(item_class, type) and issubclass(item_class, Article)

    def _data(self) -> dict[str, Any]:
        if self._json is None:
            self._json = self.item.to_dict()
        return self._json

    def __getitem__(self, field_name: str) -> Any:
        return self._data()[field_name]

    def __setitem__(self, field_name: str, value: Any) -> None:
        raise TypeError(
            f"newsmeta records are frozen; cannot set {field_name!r} (set"
            ' NEWSMETA_ITEM_OUTPUT = "dict" for pipelines that write into items)'
        )

    def __delitem__(self, field_name: str) -> None:
        raise TypeError(f"newsmeta records are frozen; cannot delete {field_name!r}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def field_names(self) -> KeysView[str]:
        return self._data().keys()

    def asdict(self) -> dict[str, Any]:
        return dict(self._data())


def _register() -> None:
    classes = ItemAdapter.ADAPTER_CLASSES
    if RecordAdapter not in classes:
        # A deque in itemadapter; a record must meet this adapter before the generic one.
        classes.appendleft(RecordAdapter)  # type: ignore[attr-defined]


_register()


def _record_of(item: Any) -> Article | None:
    """The record an item holds: an :class:`Article`, or a dict in the shape
    :meth:`Article.to_dict` writes (as a ``"dict"`` output of an earlier run,
    or read back from a feed). Anything else is not ours: ``None``."""
    if isinstance(item, Article):
        return item
    if isinstance(item, dict) and "provenance" in item and "source" in item:
        try:
            return Article.from_dict(item)
        except NewsmetaError:
            return None
    return None


class ArticlePipeline:
    """Validates each :class:`~newsmeta.Article` item, counts its issues in the
    crawler's stats, drops the broken ones, and passes the rest on.

    Settings (all optional):

    - ``NEWSMETA_PROFILE``: the validation profile, ``"default"`` (lenient: only
      what makes a record unusable is an error) or ``"strict"``; or a
      :class:`newsmeta.Profile`.
    - ``NEWSMETA_DROP_SEVERITY``: ``"error"`` (default), ``"warning"`` or
      ``"info"``: an item with an issue at least this severe is dropped with
      :class:`scrapy.exceptions.DropItem` naming the issues; ``"off"`` keeps
      every item.
    - ``NEWSMETA_ITEM_OUTPUT``: ``"record"`` (default, the frozen record as it
      came; the profile's findings are in the stats), ``"dict"`` (its JSON form, a plain mutable dict)
      or ``"zyte"`` (a ``zyte_common_items.Article``).

    Items that are not records pass through untouched and are not counted; a
    dict in a record's JSON shape is read as the record. Stats:
    ``newsmeta/articles``, ``newsmeta/issues/<code>``,
    ``newsmeta/severity/<severity>`` and ``newsmeta/dropped``.
    """

    def __init__(
        self,
        *,
        stats: Any = None,
        profile: str | Profile | None = None,
        drop_severity: str | None = "error",
        output: str = "record",
    ) -> None:
        try:
            self.profile = get_profile(profile)
        except ConfigError as exc:
            raise NotConfigured(f"NEWSMETA_PROFILE: {exc}") from None
        if drop_severity is None or str(drop_severity).lower() == "off":
            self.drop: Severity | None = None
        else:
            try:
                self.drop = Severity(str(drop_severity).lower())
            except ValueError:
                raise NotConfigured(
                    f"NEWSMETA_DROP_SEVERITY: {drop_severity!r} is not one of"
                    " error, warning, info, off"
                ) from None
        if output not in ITEM_OUTPUTS:
            raise NotConfigured(
                f"NEWSMETA_ITEM_OUTPUT: {output!r} is not one of {', '.join(ITEM_OUTPUTS)}"
            )
        if output == "zyte":
            try:
                import zyte_common_items  # noqa: F401
            except ImportError:
                raise NotConfigured(
                    'NEWSMETA_ITEM_OUTPUT = "zyte" needs zyte-common-items:'
                    " pip install zyte-common-items"
                ) from None
        self.output = output
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArticlePipeline:
        s = crawler.settings
        return cls(
            stats=crawler.stats,
            profile=s.get("NEWSMETA_PROFILE") or None,
            drop_severity=s.get("NEWSMETA_DROP_SEVERITY", "error"),
            output=s.get("NEWSMETA_ITEM_OUTPUT", "record"),
        )

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """The item as ``NEWSMETA_ITEM_OUTPUT`` says, or :class:`scrapy.exceptions.DropItem`."""
        record = _record_of(item)
        if record is None:
            return item
        self._inc(STATS_ARTICLES)
        issues = validate(record, self.profile)
        for issue in issues:
            self._inc(STATS_ISSUES.format(code=issue.code))
            self._inc(STATS_SEVERITY.format(severity=issue.severity.value))
        if self.drop is not None:
            bad = [i for i in issues if i.severity.rank >= self.drop.rank]
            if bad:
                self._inc(STATS_DROPPED)
                reasons = "; ".join(f"{i.code}: {i.message}" for i in bad[:5])
                more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
                raise DropItem(f"newsmeta: {record.url or 'record'}: {reasons}{more}")
        if self.output == "dict":
            return record.to_dict()
        if self.output == "zyte":
            return to_zyte_article(record)
        return record


def to_zyte_article(record: Article) -> Any:
    """A ``zyte_common_items.Article`` with the record's values (ISO dates,
    authors, images, language, section as a breadcrumb); needs zyte-common-items."""
    from zyte_common_items import Article as ZyteArticle
    from zyte_common_items import Author, Breadcrumb, Image

    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    published = record.published or record.date
    images = [Image(url=i.url) for i in record.images if i.url]
    if record.og_image and all(i.url != record.og_image for i in images):
        images.insert(0, Image(url=record.og_image))
    return ZyteArticle(
        url=record.url or "",
        headline=record.title,
        description=record.description,
        articleBody=record.body,
        datePublished=iso(published),
        datePublishedRaw=record.provenance["published"].raw
        if "published" in record.provenance
        else None,
        dateModified=iso(record.modified),
        authors=[Author(name=p.name, nameRaw=p.name) for p in record.authors] or None,
        inLanguage=record.language,
        mainImage=images[0] if images else None,
        images=images or None,
        breadcrumbs=[Breadcrumb(name=record.section)] if record.section else None,
    )


try:
    from web_poet import WebPage

    class ArticlePage(WebPage[Article]):
        """A web-poet page object whose item is the page's :class:`~newsmeta.Article`.

        For scrapy-poet: ask for it in a callback (``async def parse(self,
        response, page: ArticlePage)``) and ``yield await page.to_item()``, or ask
        for the item itself (``article: newsmeta.Article``) where an item
        provider is set up. The page's bytes,
        URL and Content-Type go to :func:`newsmeta.parse`, so encodings and
        relative links come out as in any other path.
        """

        async def to_item(self) -> Article:
            from newsmeta.api import parse

            headers = self.response.headers
            content_type = headers.get("Content-Type") if headers is not None else None
            return parse(
                bytes(self.response.body),
                format="html",
                url=str(self.response.url),
                content_type=str(content_type) if content_type else None,
            )

except ImportError:  # pragma: no cover - web-poet comes with the extra

    class ArticlePage:  # type: ignore[no-redef]
        """Needs web-poet: ``pip install "newsmeta[scrapy]"``."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise ImportError(
                'newsmeta.scrapy.ArticlePage needs web-poet: pip install "newsmeta[scrapy]"'
            )
