"""Articles from WARC files, the format web crawls are stored in.

:func:`parse_warc` reads a WARC file (1.0 or 1.1; plain, gzip per record, or
one gzip stream) with `FastWARC <https://resiliparse.chatnoir.eu/>`_ (the
``[warc]`` extra) and yields one :class:`~newsmeta.results.Result` per HTML
page fetched with status 200. Every other record is skipped and counted by
kind in :attr:`~newsmeta.warc.WarcRecords.counts`. Each page goes through the library's
front door, :func:`newsmeta.parse`, with the record's ``WARC-Target-URI`` as
``url`` and its HTTP ``Content-Type`` as ``content_type``, so a record equals
parsing the same page bytes directly; the WARC adds :attr:`Article.fetched
<newsmeta.Article.fetched>` (from ``WARC-Date``) and, when the
payload was cut, a ``warc-truncated`` issue.

>>> from newsmeta.warc import looks_like_warc
>>> looks_like_warc(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n"), looks_like_warc(b"<html>")
(True, False)

Damage is reported, never fatal: a record that cannot be read yields an error
``Result`` naming ``path#offset``; in a file gzipped per record, reading
resumes at the next sound gzip member, and in a plain file at the next
``WARC/1.x`` line. Memory is bounded by one payload
(``Limits.max_input_bytes``), whatever the file's size.
"""

from __future__ import annotations

import collections
import datetime as dt
import io
import os
import re
import zlib
from collections.abc import Generator, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

import attrs

from newsmeta.errors import FormatError, InputError, LimitError, NewsmetaError, check_argument
from newsmeta.records import Article, Issue, Location, Provenance, Severity
from newsmeta.results import Result
from newsmeta.settings import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

__all__ = ["SKIP_KINDS", "WarcPage", "WarcRecords", "looks_like_warc", "parse_warc"]

#: Why a record is not an article, in the order the summary lists them: the
#: WARC record types that never hold a page, then responses that are not one.
SKIP_KINDS = (
    "warcinfo",
    "request",
    "metadata",
    "revisit",
    "resource",
    "conversion",
    "continuation",
    "unknown",
    "not-http",
    "not-200",
    "not-html",
)

#: Room for a response's HTTP status line and headers, on top of the payload limit.
HTTP_HEADER_ALLOWANCE = 64 * 1024
#: Bytes read ahead when looking for the next record after damage.
_SCAN_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_WARC_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t][^\r\n]*)?")
_WARC_DATE = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d:\d\d)"
)
_EXTRA = 'newsmeta.parse_warc needs FastWARC: pip install "newsmeta[warc]"'


def looks_like_warc(head: bytes) -> bool:
    """Do these first bytes of a file start a WARC file (plain or gzipped)?

    Reads a gzip header's first member only as far as its first line, so a
    few hundred bytes are enough. Used by the command line to tell WARC files
    from other inputs by their bytes, not their names.
    """
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return _WARC_LINE.match(head) is not None


def parse_warc(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    limits: Limits = DEFAULT_LIMITS,
    input_name: str | None = None,
) -> WarcRecords:
    """The articles in a WARC file: one :class:`~newsmeta.results.Result` per HTML page.

    ``source`` is a path or a binary file object (seekable to resume after
    damage). ``input_name`` names it in results (default: the path, or the
    file object's ``name``); each result's ``input`` is ``name#offset``, the
    record's byte offset (in a file gzipped per record, the offset of its
    gzip member; in a single gzip stream, the compressed position FastWARC
    reports). ``limits.max_input_bytes`` bounds each payload, after any HTTP
    content-encoding is undone.

    The returned :class:`~newsmeta.warc.WarcRecords` is an iterator; its :attr:`~newsmeta.warc.WarcRecords.counts`
    say how many records were articles, errors, or skipped and why. It never
    raises :class:`~newsmeta.errors.NewsmetaError` while iterating: a file
    that cannot be opened or is not a WARC file yields one error ``Result``.
    Without FastWARC installed it raises :class:`ImportError` naming the extra.
    """
    try:
        import fastwarc.warc  # noqa: F401
    except ImportError as exc:
        raise ImportError(_EXTRA, name="fastwarc") from exc
    return WarcRecords(source, limits=limits, input_name=input_name)


class WarcRecords(Iterator[Result]):
    """An iterator of results from one WARC file, counting what it skipped.

    Made by :func:`parse_warc`. Use it in a ``for`` loop (or ``with``, to close
    the file early); once it is exhausted, :attr:`counts` is final.
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | IO[bytes],
        *,
        limits: Limits = DEFAULT_LIMITS,
        input_name: str | None = None,
    ) -> None:
        self._counts: collections.Counter[str] = collections.Counter()
        self._source = source
        self._limits = limits
        self._input_name = input_name
        self._results = self._run()

    @property
    def counts(self) -> Mapping[str, int]:
        """Records seen so far, by verdict: ``article``, ``error``, and one key
        per :data:`SKIP_KINDS` entry that occurred (``request``, ``not-html``...)."""
        return dict(self._counts)

    @property
    def skipped(self) -> dict[str, int]:
        """The skipped records so far, by kind, in :data:`SKIP_KINDS` order."""
        return {k: self._counts[k] for k in SKIP_KINDS if self._counts[k]}

    def __next__(self) -> Result:
        return next(self._results)

    def __iter__(self) -> WarcRecords:
        return self

    def __enter__(self) -> WarcRecords:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and close the file if this object opened it."""
        self._results.close()

    def pages(self) -> Iterator[WarcPage | Result]:
        """The HTML pages, read but not yet parsed, and the reading errors.

        For spreading the parsing over processes: the pages are picklable and
        :meth:`WarcPage.result` parses one anywhere. :attr:`counts` then holds
        the skipped records and reading errors only (not ``article``). Use
        either this or the iterator itself, not both.
        """
        return self._read_pages()

    # ------------------------------------------------------------------ reading

    def _run(self) -> Generator[Result, None, None]:
        for item in self._read_pages():
            if isinstance(item, Result):
                yield item
                continue
            result = item.result(self._limits)
            self._counts["article" if result.ok else "error"] += 1
            yield result

    def _read_pages(self) -> Generator[WarcPage | Result, None, None]:
        name = self._input_name
        try:
            check_argument("limits", self._limits, Limits, optional=False)
            check_argument("input_name", name, str)
            f, owned = _open(self._source)
        except NewsmetaError as exc:
            self._counts["error"] += 1
            yield Result(index=0, input=name, error=exc)
            return
        if name is None:
            name = _name_of(self._source, f)
        try:
            yield from self._read(f, name)
        finally:
            if owned:
                f.close()

    def _read(self, f: IO[bytes], name: str) -> Iterator[WarcPage | Result]:
        from fastwarc.warc import ArchiveIterator

        start = _tell(f)
        head = f.read(512)
        if not looks_like_warc(head):
            self._counts["error"] += 1
            yield Result(
                index=0,
                input=f"{name}#{start}",
                error=FormatError(
                    f"{name}#{start}: not a WARC file: it starts {head[:16]!r}, not WARC/1.0 or WARC/1.1"
                ),
            )
            return
        gzipped = head.startswith(_GZIP_MAGIC)
        seekable = _seek(f, start)
        if not seekable:
            f = _Prefixed(head, f)  # type: ignore[assignment]
        pos = start
        index = 0
        tried: set[int] = set()
        while True:
            tried.add(pos)
            last: int | None = None
            records = ArchiveIterator(f, parse_http=False, stream_detect=True)
            try:
                for rec in records:
                    last = pos + rec.stream_pos
                    result = self._record(rec, name, last, index)
                    index += 1
                    if result is not None:
                        yield result
            except (OSError, ValueError) as exc:
                failure = str(exc) or type(exc).__name__
            except BaseException as exc:  # FastWARC's Rust panics are BaseExceptions
                if type(exc).__name__ != "PanicException":
                    raise
                failure = (
                    f"the WARC reader failed: {str(exc).splitlines()[0] if str(exc) else 'panic'}"
                )
            else:
                return
            # Damage: name where it is, then look for the next record.
            last_or_pos = pos if last is None else last
            where, resume = last_or_pos, None
            if seekable:
                where, resume = _resume(f, last_or_pos, gzipped, tried)
            self._counts["error"] += 1
            place = f"after the record at offset {where}" if where == last else f"at offset {where}"
            then = (
                f"reading resumes at offset {resume}"
                if resume is not None
                else "no readable record after it"
            )
            yield Result(
                index=index,
                input=f"{name}#{where}",
                error=InputError(f"{name}#{where}: damaged WARC data {place} ({failure}); {then}"),
            )
            index += 1
            if resume is None:
                return
            f.seek(resume)
            pos = resume

    def _record(
        self, rec: WarcRecord, name: str, offset: int, index: int
    ) -> WarcPage | Result | None:
        kind = str(rec.record_type)
        where = f"{name}#{offset}"
        if kind != "response":
            self._counts[kind if kind in SKIP_KINDS else "unknown"] += 1
            return None
        try:
            page = self._page(rec, where, index)
        except NewsmetaError as exc:
            self._counts["error"] += 1
            return Result(index=index, input=where, error=exc)
        if isinstance(page, str):
            self._counts[page] += 1
            return None
        return page

    def _page(self, rec: WarcRecord, where: str, index: int) -> WarcPage | str:
        """The record's HTML page, or the skip kind that says why it has none."""
        headers = rec.headers
        declared = headers.get("Content-Length")
        if declared is None or not declared.strip().isdigit():
            raise InputError(f"{where}: malformed record header: Content-Length {declared!r}")
        length = int(declared)
        cap = self._limits.max_input_bytes + HTTP_HEADER_ALLOWANCE
        want = min(length, cap + 1)
        try:
            # The HTTP head first: a record that is no page is passed over unread.
            block = rec.reader.read(min(want, HTTP_HEADER_ALLOWANCE))
            status, http, start = _split_http(block, where)
            if status is None:
                return "not-http"
            if status != 200:
                return "not-200"
            content_type = http.get("content-type")
            identified = headers.get("WARC-Identified-Payload-Type")
            if not _is_html(content_type, identified, block[start : start + 4096]):
                return "not-html"
            if len(block) < want:
                block += rec.reader.read(want - len(block))
        except OSError as exc:
            raise InputError(f"{where}: the record's content cannot be read ({exc})") from None
        cut = len(block) < want
        if len(block) > cap:
            raise LimitError(
                f"{where}: payload is larger than max_input_bytes={self._limits.max_input_bytes:,}"
            )
        body = block[start:]
        body = _transfer_decode(http, body, where, cut)
        body = _content_decode(http, body, where, self._limits, cut)
        if len(body) > self._limits.max_input_bytes:
            raise LimitError(
                f"{where}: payload is larger than max_input_bytes={self._limits.max_input_bytes:,}"
            )
        if cut:
            why = (
                f"the file ends {length - len(block):,} bytes into the record's declared {length:,}"
            )
        elif headers.get("WARC-Truncated"):
            why = f"the crawler cut the payload (WARC-Truncated: {headers.get('WARC-Truncated')})"
        else:
            why = None
        return WarcPage(
            index=index,
            input=where,
            url=headers.get("WARC-Target-URI") or None,
            content_type=content_type,
            body=body,
            record_id=headers.get("WARC-Record-ID") or "?",
            warc_date=headers.get("WARC-Date"),
            truncated=why,
        )


# ---------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class WarcPage:
    """An HTML page read from a WARC record, not yet parsed (see :meth:`WarcRecords.pages`).

    Picklable, so a page read in one process can be parsed in another.
    """

    index: int
    """The record's position in the file (0-based, every record counted)."""
    input: str
    """``path#offset``: the input name its record is parsed under."""
    url: str | None
    """``WARC-Target-URI``."""
    content_type: str | None
    """The HTTP ``Content-Type`` header."""
    body: bytes
    """The payload, transfer- and content-encoding undone."""
    record_id: str
    """``WARC-Record-ID``."""
    warc_date: str | None
    """``WARC-Date``, as it stood."""
    truncated: str | None
    """Why the payload is incomplete (a cut file, ``WARC-Truncated``), or ``None``."""

    def result(self, limits: Limits = DEFAULT_LIMITS) -> Result:
        """Parse the page with :func:`newsmeta.parse`, adding what only the WARC knows."""
        from newsmeta.api import parse

        try:
            article = parse(
                self.body,
                format="html",
                url=self.url,
                content_type=self.content_type,
                input_name=self.input,
                limits=limits,
            )
        except NewsmetaError as exc:
            return Result(index=self.index, input=self.input, error=exc)
        return Result(index=self.index, input=self.input, article=_with_warc(article, self))


def _with_warc(article: Article, page: WarcPage) -> Article:
    """The article with what only the WARC knows: fetch time, truncation."""
    where = page.input
    rid = page.record_id
    issues = list(article.issues)
    provenance = dict(article.provenance)
    raw_date = page.warc_date
    fetched = _warc_date(raw_date)
    if fetched is not None and raw_date is not None:
        provenance["fetched"] = Provenance(
            adapter="warc",
            raw=raw_date,
            location=Location(input=where, path=f"{rid} WARC-Date"),
        )
    elif raw_date is not None:
        issues.append(
            Issue(
                code="invalid-date",
                severity=Severity.WARNING,
                message=f"WARC-Date {raw_date!r} is not a WARC date; fetched is left empty",
                field="fetched",
                location=Location(input=where, path=f"{rid} WARC-Date"),
            )
        )
    if page.truncated is not None:
        issues.append(
            Issue(
                code="warc-truncated",
                severity=Severity.WARNING,
                message=f"the page is incomplete: {page.truncated}",
                location=Location(input=where, path=f"{rid} Content-Length"),
            )
        )
    if fetched is None and len(issues) == len(article.issues):
        return article
    return attrs.evolve(article, fetched=fetched, issues=issues, provenance=provenance)


def _warc_date(raw: str | None) -> dt.datetime | None:
    """A ``WARC-Date`` (W3C-ISO8601, ``2024-03-01T10:00:00Z``) as an aware datetime."""
    if raw is None:
        return None
    m = _WARC_DATE.fullmatch(raw.strip())
    if m is None:
        return None
    y, mo, d, h, mi, s, frac, zone = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    if zone == "Z":
        tz = dt.timezone.utc
    else:
        sign = -1 if zone[0] == "-" else 1
        tz = dt.timezone(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))
    try:
        return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), micro, tz)
    except ValueError:
        return None


def _split_http(block: bytes, where: str) -> tuple[int | None, dict[str, str], int]:
    """Status, headers (lower-case names, first value kept) and where the body
    starts, from the first bytes of an HTTP response.

    ``None`` as the status means the record holds no HTTP response at all
    (a ``response`` record of another protocol, such as ``dns:``)."""
    m = _STATUS.match(block)
    if m is None:
        if block.startswith(b"HTTP/"):
            raise InputError(f"{where}: malformed HTTP status line {block[:40]!r}")
        return None, {}, 0
    end = block.find(b"\r\n\r\n", 0, HTTP_HEADER_ALLOWANCE)
    sep = 4
    bare = block.find(b"\n\n", 0, end if end >= 0 else HTTP_HEADER_ALLOWANCE)
    if bare >= 0:  # headers ended by bare line feeds, before any CRLF CRLF
        end, sep = bare, 2
    if end < 0:
        if len(block) >= HTTP_HEADER_ALLOWANCE:
            raise LimitError(f"{where}: HTTP headers longer than {HTTP_HEADER_ALLOWANCE:,} bytes")
        end, sep = len(block), 0  # headers only (a cut file, or no body)
    headers: dict[str, str] = {}
    for line in block[m.end() : end].split(b"\n"):
        key, colon, value = line.partition(b":")
        if colon:
            headers.setdefault(
                key.strip().decode("latin-1").lower(), value.strip().decode("latin-1")
            )
    return int(m.group(1)), headers, end + sep


def _mime(content_type: str | None) -> str | None:
    if content_type is None:
        return None
    mime = content_type.partition(";")[0].strip().lower()
    return mime or None


def _is_html(content_type: str | None, identified: str | None, body: bytes) -> bool:
    """HTML by the HTTP header, else by ``WARC-Identified-Payload-Type``, else sniffed."""
    for declared in (content_type, identified):
        mime = _mime(declared)
        if mime is not None:
            return mime in _HTML_TYPES
    return _sniffed(body)


def _sniffed(body: bytes) -> bool:
    """Does :func:`newsmeta.detect` take the payload's start for HTML?"""
    from newsmeta.api import detect

    head = body[:4096].removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    try:
        return detect(head) == "html"
    except FormatError:
        return False


def _transfer_decode(http: Mapping[str, str], body: bytes, where: str, cut: bool) -> bytes:
    coding = http.get("transfer-encoding", "").lower()
    if "chunked" not in coding:
        return body
    out = bytearray()
    pos = 0
    while True:
        eol = body.find(b"\n", pos)
        if eol < 0:
            if cut:
                return bytes(out)
            raise InputError(
                f"{where}: broken chunked transfer-encoding: no chunk size line at payload byte {pos}"
            )
        size_text = body[pos:eol].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            raise InputError(
                f"{where}: broken chunked transfer-encoding: chunk size {size_text[:20]!r} at payload byte {pos}"
            ) from None
        if size == 0:
            return bytes(out)
        chunk = body[eol + 1 : eol + 1 + size]
        if len(chunk) < size:
            if cut:
                out += chunk
                return bytes(out)
            raise InputError(
                f"{where}: broken chunked transfer-encoding: chunk at payload byte {pos}"
                f" declares {size:,} bytes, {len(chunk):,} follow"
            )
        out += chunk
        pos = eol + 1 + size
        if body.startswith(b"\r\n", pos):
            pos += 2
        elif body.startswith(b"\n", pos):
            pos += 1


def _content_decode(
    http: Mapping[str, str], body: bytes, where: str, limits: Limits, cut: bool
) -> bytes:
    coding = http.get("content-encoding", "").strip().lower()
    if coding in ("", "identity", "none"):
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"{where}: content-encoding {coding!r} is not supported (gzip, deflate)")
    wbits = 47 if coding != "deflate" else (15 if body[:1] == b"\x78" else -15)
    d = zlib.decompressobj(wbits)
    try:
        out = d.decompress(body, limits.max_input_bytes + 1)
    except zlib.error as exc:
        if cut:
            return b""
        raise InputError(f"{where}: content-encoding {coding} cannot be undone ({exc})") from None
    if len(out) > limits.max_input_bytes:
        raise LimitError(
            f"{where}: decoded payload is larger than max_input_bytes={limits.max_input_bytes:,}"
        )
    return out


# ---------------------------------------------------------------------- files


def _open(source: object) -> tuple[IO[bytes], bool]:
    if isinstance(source, (str, os.PathLike)):
        try:
            return open(source, "rb"), True
        except OSError as exc:
            raise InputError(f"{os.fspath(source)}: cannot open ({exc.strerror or exc})") from None
    if hasattr(source, "read"):
        if isinstance(source, io.TextIOBase):
            raise InputError("parse_warc needs a binary file object (open the file with 'rb')")
        return source, False  # type: ignore[return-value]
    raise InputError(
        f"parse_warc needs a path or a binary file object, not {type(source).__name__}"
    )


def _name_of(source: object, f: IO[bytes]) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(f, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _tell(f: IO[bytes]) -> int:
    try:
        return f.tell()
    except (OSError, AttributeError, ValueError):
        return 0


def _seek(f: IO[bytes], pos: int) -> bool:
    try:
        if not f.seekable():
            return False
        f.seek(pos)
    except (OSError, AttributeError, ValueError):
        return False
    return True


class _Prefixed(io.RawIOBase):
    """A non-seekable stream with its first bytes (already read) put back."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        # FastWARC asks where it is (seek(0, SEEK_CUR)); that much works.
        if (whence == io.SEEK_CUR and offset == 0) or (
            whence == io.SEEK_SET and offset == self._pos
        ):
            return self._pos
        raise io.UnsupportedOperation("seek")

    def readinto(self, buf: Any) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._rest.read(len(buf))
            n = len(data)
            buf[:n] = data
        self._pos += n
        return n


def _member_end(f: IO[bytes], offset: int) -> int | None:
    """Where the gzip member at ``offset`` ends, or ``None`` if it is not sound."""
    f.seek(offset)
    d = zlib.decompressobj(31)
    try:
        while not d.eof:
            chunk = f.read(_SCAN_CHUNK)
            if not chunk:
                return None
            while chunk:
                d.decompress(chunk, _SCAN_CHUNK)  # output dropped: memory stays bounded
                chunk = d.unconsumed_tail
    except zlib.error:
        return None
    # The read position minus what followed the member's end in the last chunk.
    return f.tell() - len(d.unused_data)


def _starts_record(f: IO[bytes], offset: int, gzipped: bool) -> bool:
    f.seek(offset)
    head = f.read(4096)
    if gzipped:
        return head.startswith(_GZIP_MAGIC) and looks_like_warc(head)
    return looks_like_warc(head)


def _resume(f: IO[bytes], last: int, gzipped: bool, tried: set[int]) -> tuple[int, int | None]:
    """Where the damage after the record at ``last`` is, and the next readable record's offset."""
    if not gzipped:
        return last, _scan(f, last + 1, gzipped, tried)
    end = _member_end(f, last)
    if end is None:  # the last record's own member is damaged past the record
        return last, _scan(f, last + 1, gzipped, tried)
    if end not in tried and _member_end(f, end) is not None and _readable_at(f, end):
        return last, end  # unreadable bytes at the end of the last record's member
    return end, _scan(f, end + 1, gzipped, tried)


def _readable_at(f: IO[bytes], offset: int) -> bool:
    """Can FastWARC read a record starting at ``offset``?"""
    from fastwarc.warc import ArchiveIterator

    f.seek(offset)
    try:
        for _rec in ArchiveIterator(f, parse_http=False, stream_detect=True):
            return True
    except (OSError, ValueError):
        return False
    except BaseException as exc:  # pragma: no cover - FastWARC's Rust panics
        if type(exc).__name__ != "PanicException":
            raise
    return False


def _scan(f: IO[bytes], start: int, gzipped: bool, tried: set[int]) -> int | None:
    """The first offset at or after ``start`` where a record (or its gzip member) starts."""
    needle = _GZIP_MAGIC if gzipped else b"WARC/1."
    pos = start
    while True:
        f.seek(pos)
        chunk = f.read(_SCAN_CHUNK + len(needle))
        if len(chunk) < len(needle):
            return None
        at = chunk.find(needle)
        while 0 <= at < _SCAN_CHUNK:
            found = pos + at
            before_ok = gzipped or found == 0 or _line_start(f, found)
            if found not in tried and before_ok and _starts_record(f, found, gzipped):
                return found
            at = chunk.find(needle, at + 1)
        pos += _SCAN_CHUNK


def _line_start(f: IO[bytes], offset: int) -> bool:
    f.seek(offset - 1)
    return f.read(1) == b"\n"
