"""Batch machinery behind ``newsmeta parse`` and ``newsmeta validate``.

Strategy: inputs become a stream of *tasks*. A JSON Lines file (``.jsonl``,
``.ndjson``, maybe ``.gz``) is read lazily in blocks of whole lines (about
256 KiB), so a million-line file never sits in memory and the parent does no
per-line work; whole files are grouped a few hundred at a time. A task
function, run in the parent or on a worker, splits a task into items
``(path#LINE, bytes)``, parses them and returns ready-to-write results (JSON
text, verdicts). With ``jobs > 1`` at most ``jobs * WINDOW_PER_JOB`` tasks are
in flight and results come back in submission order, which keeps the input's
order and bounds memory. A file that cannot be read (missing, a corrupt gzip,
a directory with no inputs) is reported as an :class:`InputFailure` and the
stream goes on; every item yields a record or an error.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import io
import multiprocessing
import os
import re
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

from newsmeta._decode import GZIP_MAGIC
from newsmeta.results import Result
from newsmeta.settings import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from newsmeta.records import Article

__all__ = [
    "INPUT_SUFFIXES",
    "LINE_SUFFIXES",
    "OUTCOMES",
    "UNREADABLE",
    "InputFailure",
    "Skipped",
    "Source",
    "expand_inputs",
    "group_tasks",
    "iter_items",
    "iter_tasks",
    "ordered_map",
]

#: Files a directory walk picks up (each maybe followed by ``.gz``).
INPUT_SUFFIXES = frozenset({".txt", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xml", ".warc"})
#: Files read as JSON Lines: one item per line.
LINE_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: Whole files per task (a worker round trip costs about 100 µs).
CHUNK_ITEMS = 256
#: Chunks in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_JOB = 4
_GLOB_CHARS = frozenset("*?[")
_URL = re.compile(r"(?i)(?:https?|ftp)://")


class Source(NamedTuple):
    """One input to read: a path (``-`` for standard input) and how to split it."""

    path: str
    name: str
    """How the input is named in ids and messages (``<stdin>`` for ``-``)."""
    lines: bool
    """Read as JSON Lines: one item per non-blank line."""


class InputFailure(NamedTuple):
    """An input that could not be read; the batch goes on without it."""

    name: str
    reason: str


class Skipped(NamedTuple):
    """A file a directory walk passed over on purpose, and why (``skipped: …``)."""

    name: str
    reason: str


def _suffixes(path: str) -> tuple[str, bool]:
    """The meaningful suffix of ``path`` and whether it is gzipped."""
    p = Path(path)
    gz = p.suffix.lower() == ".gz"
    inner = Path(p.stem).suffix.lower() if gz else p.suffix.lower()
    return inner, gz


def is_lines_path(path: str) -> bool:
    return _suffixes(path)[0] in LINE_SUFFIXES


def _walk(folder: str) -> Iterator[str | Skipped]:
    """The input files under ``folder`` in sorted order, and every other file
    (or hidden folder) as :class:`Skipped` with the reason: nothing is passed
    over without a word."""
    for root, dirs, files in os.walk(folder):
        for d in sorted(d for d in dirs if d.startswith(".")):
            path = os.path.join(root, d)
            yield Skipped(display_name(path), "skipped: hidden folder")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            path = os.path.join(root, f)
            if f.startswith("."):
                yield Skipped(display_name(path), "skipped: hidden file")
            elif _suffixes(f)[0] not in INPUT_SUFFIXES:
                yield Skipped(display_name(path), "skipped: not a known input type")
            else:
                yield path


def display_name(path: str) -> str:
    """A path as it can be printed and written in JSON: the bytes of a file name
    that are not UTF-8 (which Python keeps as lone surrogates) as ``\\xff``.

    >>> display_name("seed-\\udcff.txt")
    'seed-\\\\xff.txt'
    """
    if path.isascii():
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name decoding made
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def expand_inputs(
    args: Sequence[str], *, lines: bool = False
) -> Iterator[Source | InputFailure | Skipped]:
    """Sources for command-line arguments: files, directories (recursive), globs, ``-``.

    Explicit files are read whatever their name; a directory walk takes the
    files named in :data:`INPUT_SUFFIXES` in sorted order and names every other
    file as :class:`Skipped`. ``lines=True`` reads every input as JSON Lines,
    standard input included. A web address is an :class:`InputFailure` that
    says how to pipe a page in: newsmeta never opens the network.
    """
    for arg in args:
        if arg == "-":
            yield Source("-", "<stdin>", lines)
            continue
        if os.path.isdir(arg):
            found = False
            for path in _walk(arg):
                if isinstance(path, Skipped):
                    yield path
                    continue
                found = True
                yield Source(path, display_name(path), lines or is_lines_path(path))
            if not found:
                yield InputFailure(display_name(arg), "directory holds no input files")
            continue
        if not os.path.exists(arg) and _URL.match(arg):
            yield InputFailure(
                display_name(arg),
                "newsmeta reads files and streams, not the network; fetch the page and pipe"
                f" it in with its address: curl -s '{arg}' | newsmeta parse - --url '{arg}'",
            )
            continue
        if _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield InputFailure(display_name(arg), "no file matches this pattern")
            for m in matches:
                if os.path.isdir(m):
                    yield from expand_inputs([m], lines=lines)
                else:
                    yield Source(m, display_name(m), lines or is_lines_path(m))
            continue
        yield Source(arg, display_name(arg), lines or is_lines_path(arg))


def is_batch(args: Sequence[str]) -> bool:
    """Do these command-line arguments name a batch (several inputs, a directory,
    a glob) rather than one file? A batch always prints a JSON array."""
    if len(args) != 1:
        return True
    arg = args[0]
    if arg == "-":
        return False
    return os.path.isdir(arg) or _is_glob(arg)


def _is_glob(arg: str) -> bool:
    """A pattern for the shell's wildcards, not a file of that odd name."""
    return not os.path.exists(arg) and bool(_GLOB_CHARS & set(arg))


def _stdin_bytes(stdin: IO[Any]) -> IO[bytes]:
    """Standard input as bytes (a text stream without a ``buffer`` is encoded)."""
    buf = getattr(stdin, "buffer", None)
    if buf is None:
        buf = io.BytesIO(stdin.read().encode("utf-8"))
    return buf


class _HeadThen(io.RawIOBase):
    """A stream whose first bytes were read already: those bytes, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


#: Bytes of standard input looked at to tell a WARC file (plain or gzipped) from other input.
WARC_HEAD_BYTES = 512


def _stdin_stream(stdin: IO[Any]) -> tuple[IO[bytes], bytes]:
    """Standard input and its first :data:`WARC_HEAD_BYTES` bytes, not consumed.

    A file redirected in (``< crawl.warc.gz``) is seekable and stays so (a WARC
    reader can then resume after damage); a pipe is read up to that many bytes
    (waiting for them, however the writer splits its writes) and the bytes are
    put back in front of the rest."""
    fh = _stdin_bytes(stdin)
    try:
        if fh.seekable():
            start = fh.tell()
            head = fh.read(WARC_HEAD_BYTES)
            fh.seek(start)
            return fh, head
    except OSError:  # pragma: no cover - a stream that says it seeks and does not
        pass
    head = fh.read(WARC_HEAD_BYTES)
    return io.BufferedReader(_HeadThen(head, fh)), head


def _open(source: Source, stdin: IO[Any], stream: IO[bytes] | None = None) -> IO[bytes]:
    """The source's bytes: gzip data is decompressed when it starts with gzip's
    magic number (a file named ``.gz`` must), whatever the name or stream.
    ``stream`` stands for standard input when it was opened already."""
    if source.path == "-":
        fh: IO[bytes] = stream if stream is not None else _stdin_bytes(stdin)
    else:
        fh = open(source.path, "rb")  # noqa: SIM115 - closed by the caller
    try:
        head = _peek(fh)
    except BaseException:
        if source.path != "-":
            fh.close()
        raise
    if head.startswith(GZIP_MAGIC) or _suffixes(source.path)[1]:
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    return fh


def _peek(fh: IO[bytes]) -> bytes:
    """The first bytes of a stream without consuming them (a buffered stream's
    ``peek``; a stream without one is wrapped so that it has it)."""
    peek = getattr(fh, "peek", None)
    if peek is None:  # pragma: no cover - files and sys.stdin.buffer are buffered
        return b""
    return peek(2)[:2]  # type: ignore[no-any-return]


#: What reading an input can raise: the OS, a corrupt or cut gzip stream.
READ_ERRORS = (OSError, EOFError, zlib.error)


def describe_read_error(exc: BaseException) -> str:
    """A one-line reason for a read failure."""
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file ({exc})"
    if isinstance(exc, EOFError):
        return "gzip stream ends early (truncated file)"
    if isinstance(exc, zlib.error):
        return f"corrupt gzip data ({exc})"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return str(exc)  # pragma: no cover


def iter_items(
    source: Source,
    stdin: IO[Any],
    max_bytes: int = DEFAULT_LIMITS.max_input_bytes,
    stream: IO[bytes] | None = None,
) -> Iterator[tuple[str, bytes, bool]]:
    """``(id, bytes, is_line)`` items of one source; raises a :data:`READ_ERRORS` error on failure.

    A whole file is one item named after the file; a JSON Lines file gives one
    item per non-blank line, named ``path#LINE``. Items already yielded stay
    valid when a later read fails (a gzip cut in the middle).

    No item is read past ``max_bytes + 1`` bytes: a longer one is cut there (and
    the rest of it skipped), so the parse rejects it with a ``LimitError`` that
    names the limit, and a huge file or a gzip bomb never fills the memory.
    ``stream`` is standard input when it was opened (and looked at) already.
    """
    fh = _open(source, stdin, stream)
    try:
        if not source.lines:
            yield source.name, fh.read(max_bytes + 1), False
            return
        name = source.name
        no = 0
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                break
            no += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := fh.readline(BLOCK_BYTES)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of an over-long line
            if line.strip():
                yield f"{name}#{no}", line, True
    finally:
        if source.path != "-":
            fh.close()


#: One item of a batch: its id, its bytes, and whether it is one line of a
#: JSON Lines input (so it holds one JSON value).
Item = tuple[str, bytes, bool]


#: Bytes of JSON Lines sent to a worker at once (about 256 NewsAPI items).
BLOCK_BYTES = 256 * 1024

#: A unit of work: ``("lines", (name, first line number, block of whole lines))``,
#: ``("items", [item, ...])``, or ``("unreadable", (name, reason))`` for an input
#: that could not be read, so that it is reported in its place in the output.
#: Blocks are split into lines by the worker, so the parent does no per-line
#: work for JSON Lines input.
Task = tuple[str, Any]
#: The task kind of an input that could not be read.
UNREADABLE = "unreadable"


def _blocks(
    fh: IO[bytes],
    size: int = BLOCK_BYTES,
    *,
    partial: bool = False,
    max_line: int = DEFAULT_LIMITS.max_input_bytes,
) -> Iterator[tuple[int, bytes]]:
    """``(first line number, bytes)`` blocks of whole lines, each about ``size`` bytes.

    ``partial=True`` (a pipe) takes what has arrived rather than waiting for
    ``size`` bytes; a file is read ``size`` bytes at a time. A line longer
    than ``max_line`` keeps only its first ``max_line + 1`` bytes (the parse then
    rejects it, naming the limit), so memory stays bounded whatever the input.
    """
    read = getattr(fh, "read1", fh.read) if partial else fh.read
    no = 1
    pending: list[bytes] = []  # the start of a line longer than one read
    held = 0  # bytes in pending
    while True:
        buf = read(size)
        if not buf:
            break
        cut = buf.rfind(b"\n") + 1
        if cut == 0:
            if held <= max_line:
                pending.append(buf[: max_line + 1 - held])
                held += len(pending[-1])
            continue
        if held > max_line:  # an over-long line ends in this buffer: drop its tail
            first = buf.find(b"\n")
            buf, cut = buf[first:], cut - first
        block = b"".join([*pending, buf[:cut]]) if pending else buf[:cut]
        pending = [buf[cut:]] if cut < len(buf) else []
        held = len(pending[0]) if pending else 0
        yield no, block
        no += block.count(b"\n")
    if pending:
        yield no, b"".join(pending)


class _Transcoded:
    """A UTF-16 or UTF-32 byte stream read as UTF-8 bytes, a block at a time.

    Lone surrogates pass through (as bytes that are not UTF-8), so the item
    they stand in is reported as lossy by the usual decoding, not silently
    mended; an odd byte at the very end is dropped with the line it cuts,
    which is reported as invalid JSON.
    """

    def __init__(self, fh: IO[bytes], codec: str) -> None:
        self.reader = codecs.getreader(codec)(fh, "surrogatepass")

    def read(self, size: int = -1) -> bytes:
        text: str = self.reader.read(size)
        return text.encode("utf-8", "surrogatepass")


def _as_utf8(fh: IO[bytes]) -> IO[bytes]:
    """JSON Lines as UTF-8 bytes: a stream that opens with a UTF-16 or UTF-32
    byte-order mark (PowerShell's ``>`` writes UTF-16) is transcoded."""
    peek = getattr(fh, "peek", None)
    head = peek(4)[:4] if peek is not None else b""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _Transcoded(fh, "utf-32")  # type: ignore[return-value]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Transcoded(fh, "utf-16")  # type: ignore[return-value]
    return fh


def iter_tasks(
    source: Source,
    stdin: IO[Any],
    max_bytes: int = DEFAULT_LIMITS.max_input_bytes,
    skipped: Callable[[str, dict[str, int]], object] | None = None,
    *,
    warc: bool = False,
) -> Iterator[Task]:
    """Tasks for one source; raises a :data:`READ_ERRORS` error on failure.

    A JSON Lines source gives ``lines`` tasks (blocks of whole lines); a whole
    file gives one item; a WARC file (:func:`is_warc`; standard input too, by
    its first bytes; every source with ``warc=True``, which
    ``--input-format warc`` sets) gives ``warc`` tasks of pages, and
    ``skipped(name, counts)`` hears what it skipped by kind. Tasks already
    yielded stay valid when a later read fails (a gzip cut in the middle).
    """
    if source.path == "-" and not source.lines:
        stream, head = _stdin_stream(stdin)
        if warc or _warc_head(head):
            yield from _warc_tasks(source, max_bytes, skipped, stream)
            return
        yield from (("items", [item]) for item in iter_items(source, stdin, max_bytes, stream))
        return
    if warc or (not source.lines and is_warc(source)):
        yield from _warc_tasks(source, max_bytes, skipped)
        return
    if not source.lines:
        yield from (("items", [item]) for item in iter_items(source, stdin, max_bytes))
        return
    fh = _open(source, stdin)
    try:
        lines = _as_utf8(fh)
        for no, block in _blocks(lines, partial=source.path == "-", max_line=max_bytes):
            yield "lines", (source.name, no, block)
    finally:
        if source.path != "-":
            fh.close()


def is_warc(source: Source) -> bool:
    """Is this input a WARC file? By its bytes, or by its name (``.warc``,
    ``.warc.gz``): a file so named that is not WARC gets the WARC reader's
    "not a WARC file" error rather than being read as something else."""
    if source.path == "-":
        return False  # told by iter_tasks from the first bytes, which it puts back
    if _suffixes(source.path)[0] == ".warc":
        return True
    try:
        with open(source.path, "rb") as fh:
            return _warc_head(fh.read(WARC_HEAD_BYTES))
    except OSError:
        return False  # reported when the file is read


def _warc_head(head: bytes) -> bool:
    from newsmeta.warc import looks_like_warc

    return looks_like_warc(head)


def _warc_tasks(
    source: Source,
    max_bytes: int,
    skipped: Callable[[str, dict[str, int]], object] | None,
    stream: IO[bytes] | None = None,
) -> Iterator[Task]:
    """``("warc", [(id, WarcPage or error), ...])`` tasks: the parent reads the
    WARC (FastWARC is fast), the task function parses the pages. ``stream``
    is standard input, read in place of ``source.path``."""
    from newsmeta.errors import InputError
    from newsmeta.warc import parse_warc

    try:
        records = parse_warc(
            source.path if stream is None else stream,
            limits=Limits(max_input_bytes=max_bytes),
            input_name=source.name,
        )
    except ImportError as exc:  # no [warc] extra: one line for this file, the batch goes on
        error = InputError(f"{source.name}: {exc}")
        yield "warc", [(source.name, Result(index=0, input=source.name, error=error))]
        return
    batch: list[tuple[str, Any]] = []
    nbytes = 0
    for page in records.pages():
        batch.append((source.name, page))
        if not isinstance(page, Result):
            nbytes += len(page.body)
        if len(batch) >= CHUNK_ITEMS or nbytes >= BLOCK_BYTES:
            yield "warc", batch
            batch, nbytes = [], 0
    if batch:
        yield "warc", batch
    if skipped is not None:
        skipped(source.name, records.skipped)


def group_tasks(tasks: Iterable[Task], size: int = CHUNK_ITEMS) -> Iterator[Task]:
    """Join single-item tasks (one per whole file) into tasks of up to ``size``
    items or :data:`BLOCK_BYTES` bytes; ``lines`` tasks pass as they are."""
    items: list[Item] = []
    nbytes = 0
    for kind, payload in tasks:
        if kind != "items":
            if items:
                yield "items", items
                items, nbytes = [], 0
            yield kind, payload
            continue
        for item in payload:
            items.append(item)
            nbytes += len(item[1])
            if len(items) >= size or nbytes >= BLOCK_BYTES:
                yield "items", items
                items, nbytes = [], 0
    if items:
        yield "items", items


def task_items(task: Task) -> list[Item]:
    """The items of a task: a block's non-blank lines become ``name#LINE`` items."""
    kind, payload = task
    if kind == "items":
        return payload  # type: ignore[no-any-return]
    if kind == UNREADABLE:
        return []
    if kind == "warc":  # a WarcPage or a reading error's Result stands where the bytes would
        return [(name, page, False) for name, page in payload]
    name, no, block = payload
    out: list[Item] = []
    for i, line in enumerate(block.split(b"\n")):
        if line.strip():
            out.append((f"{name}#{no + i}", line, True))
    return out


T = TypeVar("T")
R = TypeVar("R")


def ordered_map(
    task: Callable[[T], R],
    tasks: Iterable[T],
    *,
    jobs: int = 1,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``task`` over ``tasks`` on ``jobs`` processes, results in input order.

    At most ``jobs * WINDOW_PER_JOB`` tasks are in flight, so a long input is
    never read far ahead of the output.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for t in tasks:
            yield task(t)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    # ProcessPoolExecutor, not multiprocessing.Pool: a worker that dies (killed
    # for memory) raises BrokenProcessPool here instead of hanging the batch.
    pool = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=initializer,
        initargs=initargs,
    )
    try:
        pending: deque[Future[R]] = deque()
        window = jobs * WINDOW_PER_JOB
        for t in tasks:
            pending.append(pool.submit(task, t))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stream_is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):
        return False


def default_stdin() -> IO[Any]:
    return sys.stdin


# --------------------------------------------------------------------------- tasks
# Task functions run in worker processes; their options are set once per
# process by ``init_task`` rather than sent with every chunk.


class TaskOptions(NamedTuple):
    format: str | None = None
    """Adapter name, or ``None`` to detect per item."""
    indent: bool = False
    profile: Any = None
    """A :class:`newsmeta.validate.Profile` for validation tasks."""
    url: str | None = None
    """Where an HTML page was fetched (``--url``); passed to :func:`newsmeta.parse`."""
    content_type: str | None = None
    """The page's HTTP ``Content-Type`` (``--content-type``)."""
    limits: Limits = DEFAULT_LIMITS
    """Bounds on one input (``--max-bytes``)."""
    records: bool = False
    """Parse tasks hand back their records as one Arrow record batch, not as JSON
    (Parquet output): the conversion runs in the workers, in parallel, and a batch
    crosses a process boundary far cheaper than the records would."""


_OPTIONS = TaskOptions()


def init_task(options: TaskOptions) -> None:
    global _OPTIONS
    _OPTIONS = options


def records_of(
    data: bytes,
    name: str,
    fmt: str | None,
    *,
    url: str | None = None,
    content_type: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[tuple[str, Any]]:
    """``(id, Article)`` pairs of one input; the first bad article raises its error."""
    out = []
    for rid, got in results_of(data, name, fmt, url=url, content_type=content_type, limits=limits):
        if isinstance(got, BaseException):
            raise got
        out.append((rid, got))
    return out


def results_of(
    data: bytes,
    name: str,
    fmt: str | None,
    line: bool = False,
    *,
    url: str | None = None,
    content_type: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[tuple[str, Any]]:
    """The records in one item: ``(id, Article)`` or ``(id, NewsmetaError)`` pairs.

    An item that already is a record (the JSON ``newsmeta parse`` writes, one
    object or an array of them) is read back as it is; anything else goes
    through :func:`newsmeta.parse_many`, so one bad article in a response or an
    array is reported on its own. A JSON Lines line is a NewsAPI item unless a
    format is given: it skips format detection, and a line that is not JSON,
    or JSON that is not an article, gets the NewsAPI adapter's error rather
    than being read as plain text. An input with several articles gives ids
    ``name#N`` (N from 1). Never raises :class:`~newsmeta.errors.NewsmetaError`.
    """
    from newsmeta.api import own_records, parse_many
    from newsmeta.errors import NewsmetaError

    if not isinstance(data, bytes):  # from a WARC: a page to parse, or a reading error
        result = data if isinstance(data, Result) else data.result(limits)
        rid = result.input or name  # path#offset
        return [(rid, result.article if result.article is not None else result.error)]
    if len(data) > limits.max_input_bytes:  # before the record fast path reads it
        from newsmeta._decode import check_size
        from newsmeta.errors import LimitError

        try:
            check_size(data, limits)
        except LimitError as exc:
            return [(name, exc)]
    # The input rule for records newsmeta wrote is the API's (one rule for both).
    try:
        records = own_records(data, fmt, limits)
    except NewsmetaError as exc:
        return [(name, exc)]
    if records is not None:
        if len(records) == 1 and data.lstrip()[:1] != b"[":
            return [(name, records[0])]  # one record, not an array holding one
        return [(f"{name}#{i}", r) for i, r in enumerate(records, 1)]
    if line:
        # A JSON Lines line is one JSON value: not plain text. Its item has its
        # own URL, so --url and --content-type (a fetched page's) do not apply.
        fmt = fmt or "newsapi"
        url = content_type = None
    results = list(
        parse_many(
            data, format=fmt, input_name=name, limits=limits, url=url, content_type=content_type
        )
    )
    if not results:  # an empty list or response: say so, so every item is accounted for
        from newsmeta.errors import InputError

        return [(name, InputError(f"{name}: holds no articles"))]
    r = results[0]
    if len(results) == 1 and not (r.input or "").endswith("]"):
        # One article, not one of an array or a response's ``articles``.
        return [(name, r.article if r.article is not None else r.error)]
    return [
        (f"{name}#{r.index + 1}", r.article if r.article is not None else r.error) for r in results
    ]


def _fail_message(exc: BaseException) -> str:
    from newsmeta.errors import NewsmetaError

    if isinstance(exc, NewsmetaError):
        return str(exc)
    # Not supposed to happen (the invariant); report it and keep the batch going.
    return f"internal error (please report): {type(exc).__name__}: {exc}"


def _message(rid: str, exc: BaseException) -> str:
    """The error's message, prefixed with the item's id unless it names it already."""
    msg = _fail_message(exc)
    return msg if msg.startswith(rid) else f"{rid}: {msg}"


#: What a task reports per entry: a ``record`` (its JSON as UTF-8 bytes), an
#: ``error`` (an item that could not be parsed), an ``unreadable`` input, or a
#: ``skipped`` entry (a part of an input passed over on purpose, such as a
#: container's record that holds no article; the message says which and why).
OUTCOMES = ("record", "error", UNREADABLE, "skipped", "batch")
#: ``(kind, id, payload)``; a ``batch`` payload is a ``pyarrow.RecordBatch``.
Outcome = tuple[str, str, Any]


def parse_task(task: Task) -> list[Outcome]:
    """``(kind, id, payload)`` per entry (see :data:`OUTCOMES`): the record's
    JSON as UTF-8 bytes, which is what is written (and sent back from a
    worker), or a one-line message. With ``TaskOptions.records`` the task's
    records come last as one ``batch`` outcome: an Arrow record batch, in input
    order (a record Arrow cannot hold is reported as an ``error`` instead).

    Each record goes into the batch as soon as it is parsed and is let go
    (holding a task's records until the end made the garbage collector walk
    them again and again, docs/performance.md). If one cannot go into a batch,
    the task is parsed again holding its records, to name that one."""
    if _OPTIONS.records:
        from newsmeta.errors import NewsmetaError

        try:
            return _parse_task(task, streamed=True)
        except NewsmetaError:
            return _parse_task(task, streamed=False)
    return _parse_task(task, streamed=False)


def _parse_task(task: Task, *, streamed: bool) -> list[Outcome]:
    from newsmeta._convert import record_json_bytes

    kind, payload = task
    if kind == UNREADABLE:
        name, reason = payload
        return [(UNREADABLE, name, f"{name}: {reason}")]
    out: list[Outcome] = []
    opts = _OPTIONS
    records: list[tuple[str, Article]] = []
    builder = None
    first = ""  # the batch's id: its first record's
    if streamed:
        from newsmeta.arrow import _BatchBuilder

        builder = _BatchBuilder()
    for name, data, line in task_items(task):
        try:
            for rid, got in results_of(
                data,
                name,
                opts.format,
                line,
                url=opts.url,
                content_type=opts.content_type,
                limits=opts.limits,
            ):
                if isinstance(got, BaseException):
                    out.append(("error", rid, _message(rid, got)))
                elif builder is not None:
                    first = first or rid
                    _add_record(builder, got)
                elif opts.records:
                    records.append((rid, got))
                else:
                    out.append(("record", rid, record_json_bytes(got, indent=opts.indent)))
        except _BatchFailed as exc:  # noqa: PERF203 - to parse_task, which parses again
            raise exc.error from None
        except Exception as exc:  # one bad item must not stop the batch
            out.append(("error", name, _message(name, exc)))
    if builder is not None and builder.count:
        out.append(("batch", first, builder.finish()))
    if records:
        out += _record_batch(records)
    return out


class _BatchFailed(Exception):
    """A record could not go into the task's batch (carried past the per-item handler)."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _add_record(builder: Any, article: Article) -> None:
    from newsmeta.errors import NewsmetaError

    try:
        builder.add(article)
    except NewsmetaError as exc:
        raise _BatchFailed(exc) from None


def _record_batch(records: list[tuple[str, Article]]) -> list[Outcome]:
    """The records as one ``batch`` outcome; one that Arrow cannot hold (an
    integer beyond 64 bits) is an ``error`` outcome and the others still go."""
    from newsmeta.arrow import to_record_batch
    from newsmeta.errors import NewsmetaError

    try:
        return [("batch", records[0][0], to_record_batch([a for _rid, a in records]))]
    except NewsmetaError:
        pass
    out: list[Outcome] = []
    kept = []
    for rid, a in records:
        try:
            to_record_batch([a])
        except NewsmetaError as exc:  # noqa: PERF203 - named, and the rest go on
            out.append(("error", rid, _message(rid, exc)))
        else:
            kept.append(a)
    if kept:
        out.append(("batch", records[0][0], to_record_batch(kept)))
    return out


class Verdict(NamedTuple):
    id: str
    verdict: str
    """``pass``, ``fail``, ``error`` (the input could not be parsed) or
    ``unreadable`` (the input could not be read at all: missing, a corrupt gzip)."""
    issues: list[dict[str, Any]]
    error: str | None = None
    path: str = ""
    """The input the record came from (``-`` is ``<stdin>``)."""
    number: int = 1
    """The record's line in a JSON Lines input, else its position in the input (from 1)."""


def _path_index(rid: str, name: str, line: bool) -> tuple[str, int]:
    """Split an id into its input and index: the last ``#N`` is always ours."""
    if rid == name and not line:
        return name, 1
    path, _, idx = rid.rpartition("#")
    return (path, int(idx)) if idx.isdigit() and path else (rid, 1)


def validate_task(task: Task) -> list[Verdict]:
    from newsmeta._convert import loads, record_json
    from newsmeta.validate import fails, validate

    kind, payload = task
    if kind == UNREADABLE:
        name, reason = payload
        return [Verdict(name, UNREADABLE, [], f"{name}: {reason}", name, 1)]
    out: list[Verdict] = []
    opts = _OPTIONS
    for name, data, line in task_items(task):
        try:
            results = results_of(data, name, opts.format, line, limits=opts.limits)
        except Exception as exc:
            out.append(
                Verdict(name, "error", [], _message(name, exc), *_path_index(name, name, line))
            )
            continue
        for rid, got in results:
            where = _path_index(rid, name, line)
            if isinstance(got, BaseException):
                out.append(Verdict(rid, "error", [], _message(rid, got), *where))
                continue
            issues = validate(got, opts.profile)
            verdict = "fail" if fails(issues, opts.profile) else "pass"
            # Plain dicts, as unstructure() gives them, through orjson in C.
            plain = loads(record_json(issues)) if issues else []
            out.append(Verdict(rid, verdict, plain, None, *where))  # type: ignore[arg-type]
    return out
