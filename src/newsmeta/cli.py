"""The ``newsmeta`` command: a thin layer over the library.

``parse_args(argv)`` is separate from the work and ``main(argv)`` returns the
exit code, so tests call both with argument lists (after htmldate's ``cli.py``).
Errors go to stderr as one line each; no traceback reaches the user.

Both commands take files, directories (walked recursively), globs and ``-``;
``.gz`` files are read through gzip and ``.jsonl``/``.ndjson`` files give one
item per line, streamed (``newsmeta/_batch.py``).
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsmeta import __version__
from newsmeta._batch import (
    READ_ERRORS,
    UNREADABLE,
    InputFailure,
    Skipped,
    Task,
    TaskOptions,
    Verdict,
    describe_read_error,
    expand_inputs,
    group_tasks,
    init_task,
    is_batch,
    iter_tasks,
    ordered_map,
    parse_task,
    stream_is_tty,
    task_items,
    validate_task,
)
from newsmeta.adapters import ADAPTERS
from newsmeta.errors import ConfigError
from newsmeta.records import Severity
from newsmeta.settings import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from newsmeta._output import FileOutput

__all__ = ["main", "parse_args"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

#: Examples shown per issue code in the human summary.
SUMMARY_EXAMPLES = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newsmeta: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


class _Deprecated(argparse.Action):
    """An old spelling of a flag, kept for one release: it works, and says what
    to write instead (once, on stderr)."""

    def __init__(self, option_strings: Sequence[str], dest: str, *, new: str, **kw: Any) -> None:
        self.new = new
        super().__init__(option_strings, dest, **kw)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.deprecations = [
            *getattr(namespace, "deprecations", []),
            f"{parser.prog}: {option_string} is deprecated; use {self.new}",
        ]


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return n or (os.cpu_count() or 1)


_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(text: str) -> int:
    """``--max-bytes``: a byte count, or one with a K, M or G suffix (powers of 1024)."""
    t = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = t[-1:] if t[-1:] in _SIZE_UNITS else ""
    try:
        n = int(t[: len(t) - len(unit)]) * _SIZE_UNITS[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50000000, 50M, 1G)") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return n


def _add_batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help="files, directories (recursive), globs; - reads standard input",
    )
    p.add_argument(
        "--lines",
        action="store_true",
        help="read every input as JSON Lines, one item per line (automatic for .jsonl/.ndjson[.gz])",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default: 1; 0: one per core)",
    )
    p.add_argument(
        "--max-bytes",
        type=_size,
        default=DEFAULT_LIMITS.max_input_bytes,
        metavar="SIZE",
        help=(
            "largest input (a file, or one JSON Lines line) read, e.g. 10M; larger ones fail"
            f" with an error naming the limit (default: {DEFAULT_LIMITS.max_input_bytes // 1024**2}M)"
        ),
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar and a final count on stderr (default: when stderr is a terminal)",
    )
    p.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no line per skipped or unreadable file on stderr (the final counts stay)",
    )


_PARSE_DESCRIPTION = """\
Parse inputs and print their records as JSON.

Output shape: one path naming one file that holds one article prints one JSON
object; a batch (several paths, a directory, a glob, a JSON Lines file, an
array or a response holding articles) prints a JSON array, whatever its size,
even of one record or none. --jsonl prints one record per line instead.

Directories are walked recursively; a walk reads .txt, .json, .jsonl, .ndjson,
.html, .htm and .xml files (each maybe .gz) and names every other file on
stderr as skipped. Gzip data is recognised by its bytes, also on standard input.

Exit status: 0 when every input was read and parsed; 1 when an input was read
but an article in it could not be parsed; 2 on a usage error or when an input
could not be read at all (a missing file, a corrupt gzip), as for validate.
"""


#: The ``--input-format`` that is no adapter: read every input as a WARC file.
WARC_FORMAT = "warc"


def _input_format(p: argparse.ArgumentParser, *, warc: bool = False) -> None:
    p.add_argument(
        "--input-format",
        dest="input_format",
        choices=_formats(warc),
        default=None,
        help="input format (default: detected per input)"
        + ("; warc reads every input, standard input too, as a WARC file" if warc else ""),
    )


def _formats(warc: bool) -> list[str]:
    return sorted([*ADAPTERS, WARC_FORMAT] if warc else ADAPTERS)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = _Parser(prog="newsmeta", description="Typed article records from scraper output.")
    parser.add_argument("--version", action="version", version=f"newsmeta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "parse",
        help="parse inputs and print their records as JSON",
        description=_PARSE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_batch_options(p)
    _input_format(p, warc=True)
    p.add_argument(
        "--format",
        dest="input_format",
        action=_Deprecated,
        new="--input-format",
        choices=_formats(warc=True),
        help=argparse.SUPPRESS,
    )
    p.add_argument(
        "--url",
        default=None,
        help="where a page was fetched (resolves relative links); not used for JSON Lines items,"
        " which carry their own",
    )
    p.add_argument(
        "--content-type", default=None, help="the page's HTTP Content-Type (for its encoding)"
    )
    p.add_argument("--jsonl", action="store_true", help="one record per line")
    p.add_argument("--indent", action="store_true", help="indent JSON (ignored with --jsonl)")
    p.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help="write to FILE, its format told by its extension: .parquet (needs newsmeta[arrow]),"
        " .jsonl, .json; written under a temporary name and renamed at the end (- or none:"
        " standard output)",
    )
    p.add_argument(
        "--merge",
        action="store_true",
        help="the inputs are one article: merge their records into one (docs/merge.md)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --merge: merge even when the inputs name different articles (canonical URLs)",
    )

    v = sub.add_parser(
        "validate",
        help="parse inputs and check each record against a profile",
        description=(
            "Check records against a validation profile. Exit 0 when every record "
            "passes, 1 when any fails or cannot be parsed, 2 on a usage or configuration "
            "error or when an input cannot be read (a missing file), as for parse. Every "
            "input gets a report line, an unreadable one too. Settings come from "
            "[tool.newsmeta] in the nearest pyproject.toml (or --config), then these flags."
        ),
    )
    _add_batch_options(v)
    _input_format(v, warc=True)
    report_help = (
        "report: a human summary (default on a terminal) or one JSON line per record "
        "(jsonl, the default otherwise; json wraps the lines in an array)"
    )
    v.add_argument("--report", choices=("summary", "json", "jsonl"), default=None, help=report_help)
    v.add_argument(
        "--format",
        dest="report",
        action=_Deprecated,
        new="--report",
        choices=("summary", "json", "jsonl"),
        help=argparse.SUPPRESS,
    )
    v.add_argument("--profile", default=None, help="base profile: default or strict")
    v.add_argument("--config", type=Path, default=None, metavar="FILE.toml", help="settings file")
    v.add_argument("--require", default=None, metavar="FIELDS", help="fields that must be set")
    for level in ("error", "warning", "info", "ignore"):
        v.add_argument(
            f"--{level}",
            action="append",
            default=None,
            metavar="CODES",
            help=f"issue codes to {'leave out' if level == 'ignore' else 'report as ' + level}",
        )
    v.add_argument(
        "--fail-on", choices=("info", "warning", "error"), default=None, help="severity that fails"
    )
    v.add_argument("--crawl-date", default=None, help="reference date for future-date")

    f = sub.add_parser(
        "fill",
        help="evaluate a dump's leftover XPath placeholders on the page it came from",
        description=(
            "Parse DUMP (any input newsmeta reads), evaluate its leftover XPath templates on"
            " PAGE (the HTML it was scraped from) and print the repaired record. Filled"
            " placeholders stay in the record, marked filled, and are no longer leaks."
        ),
    )
    f.add_argument("dump", metavar="DUMP", help="the record's input (- reads standard input)")
    f.add_argument("page", metavar="PAGE", help="the HTML page the dump was scraped from")
    _input_format(f)
    f.add_argument("--url", default=None, help="where the page was fetched")
    f.add_argument("--content-type", default=None, help="the page's HTTP Content-Type")
    f.add_argument("--jsonl", action="store_true", help="the record on one line")
    f.add_argument(
        "--max-bytes",
        type=_size,
        default=DEFAULT_LIMITS.max_input_bytes,
        metavar="SIZE",
        help="largest input read (default: 50M)",
    )

    sp = sub.add_parser(
        "spark",
        help="parse inputs on Apache Spark into a Parquet dataset (needs newsmeta[spark])",
        description="Parse INPUT... with one Spark task per file into a Parquet dataset at DIR"
        " with the columns of parse --output x.parquet (docs/recipes/spark.md). Prints the counts;"
        " exit 0 when all went well, 1 when items could not be parsed or records fail"
        " --validate, 2 when an input could not be read or on a usage error.",
    )
    sp.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs")
    sp.add_argument("--output", "-o", required=True, metavar="DIR", help="a new directory")
    sp.add_argument(
        "--master",
        default=None,
        help="Spark master (default local[*]; spark-submit's when run by it)",
    )
    sp.add_argument("--validate", default=None, metavar="PROFILE", help="count issues by profile")
    _input_format(sp)

    sub.add_parser(
        "schema",
        help="print the JSON Schema of the records parse prints",
        description="Print the JSON Schema (draft 2020-12) of one record as parse prints it"
        " (newsmeta.schema.json_schema(); a copy ships as newsmeta/article.schema.json).",
    )

    args, extra = parser.parse_known_args(argv)
    sub_parser = {"parse": p, "validate": v, "fill": f, "spark": sp, "schema": parser}[args.command]
    if extra:  # say it with the subcommand's usage, not the top level's
        sub_parser.error(f"unrecognized arguments: {' '.join(extra)}")
    # WARC is a container, not an adapter: the batch reads it, the pages are HTML.
    args.warc = getattr(args, "input_format", None) == WARC_FORMAT
    if args.warc:
        if args.lines:
            sub_parser.error(
                "--lines reads JSON Lines and --input-format warc reads WARC: give one"
            )
        args.input_format = None
    return args


# --------------------------------------------------------------------------- batch driver


class _Batch:
    """Counts, progress bar and per-input lines shared by the batch commands.

    Every input is accounted for: read, skipped (``skip``: a file a directory
    walk passes over, or a part of an input passed over on purpose, such as a
    container's record that holds no article) or unreadable (``unreadable``),
    each named on stderr unless ``--quiet``, and all counted in the final line,
    which ``--quiet`` never hides. An input kind that skips parts of itself
    reports them through ``skip`` with its own reason; the counts are kept per
    reason, so the summary says what was skipped and why.
    """

    def __init__(self, args: argparse.Namespace, stderr: TextIO) -> None:
        self.stderr = stderr
        show = args.progress if args.progress is not None else stream_is_tty(stderr)
        self.show = bool(show)
        self.quiet = bool(getattr(args, "quiet", False))
        self.batch = is_batch(args.inputs)
        self.items = 0
        self.failed = 0
        self.io_errors = 0
        self.read = 0
        self.skipped: dict[str, int] = {}
        self.names: list[str] = []  # the sources read, while there is only one
        self.any_lines = False
        self.warc_skipped: collections.Counter[str] = collections.Counter()
        """WARC records that are not articles, by kind (``request``, ``not-200``...)."""
        self.start = time.perf_counter()
        self.bar: Any = None
        for line in getattr(args, "deprecations", []):
            self.error(line)
        if self.show:
            from tqdm import tqdm

            self.bar = tqdm(
                unit=" items", file=stderr, mininterval=0.5, dynamic_ncols=True, leave=False
            )

    def error(self, line: str) -> None:
        if self.bar is not None:
            self.bar.clear()
        self.stderr.write(line + "\n")
        if self.bar is not None:
            self.bar.refresh()

    def skip(self, name: str, reason: str) -> None:
        """An input (or part of one) passed over on purpose: named, and counted by reason."""
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if not self.quiet:
            self.error(f"newsmeta: {name}: {reason}")

    def unreadable(self, message: str) -> None:
        self.io_errors += 1
        if not self.quiet:
            self.error(f"newsmeta: {message}")

    def items_of(
        self, args: argparse.Namespace, stdin: TextIO
    ) -> Iterator[tuple[str, bytes, bool]]:
        for task in self.tasks_of(args, stdin):
            if task[0] == UNREADABLE:
                name, reason = task[1]
                self.unreadable(f"{name}: {reason}")
            yield from task_items(task)

    def tasks_of(self, args: argparse.Namespace, stdin: TextIO) -> Iterator[Task]:
        """Work for the batch; an input that cannot be read becomes an
        ``unreadable`` task, reported in its place; skipped files are named."""
        for source in expand_inputs(args.inputs, lines=args.lines):
            if isinstance(source, Skipped):
                self.skip(source.name, source.reason)
                continue
            if isinstance(source, InputFailure):
                yield UNREADABLE, (source.name, source.reason)
                continue
            self.read += 1
            self.any_lines = self.any_lines or source.lines
            if len(self.names) < 2:
                self.names.append(source.name)
            try:
                yield from iter_tasks(
                    source, stdin, args.max_bytes, self.note_skipped, warc=args.warc
                )
            except READ_ERRORS as exc:
                self.read -= 1
                yield UNREADABLE, (source.name, describe_read_error(exc))

    def note_skipped(self, name: str, counts: dict[str, int]) -> None:
        """A WARC file's skipped records: one line now, the totals in the summary."""
        if counts:
            self.warc_skipped.update(counts)
            if not self.quiet:
                self.error(f"newsmeta: {name}: {_skipped_text(counts)}")

    def advance(self, n: int) -> None:
        self.items += n
        if self.bar is not None:
            self.bar.update(n)

    def finish(self, verb: str) -> None:
        if self.bar is not None:
            self.bar.close()
        trouble = self.io_errors or self.failed
        if not (
            self.show
            or self.skipped
            or self.warc_skipped
            or (trouble and (self.batch or self.any_lines))
        ):
            return
        secs = max(time.perf_counter() - self.start, 1e-9)
        skipped = sum(self.skipped.values())
        why = ", ".join(
            f"{n:,} {reason.removeprefix('skipped: ')}"
            for reason, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        warc = f" {_skipped_text(self.warc_skipped)};" if self.warc_skipped else ""
        self.stderr.write(
            f"newsmeta: {verb} {self.items:,} items, {self.failed:,} failed;"
            f" inputs: {self.read:,} read, {skipped:,} skipped{f' ({why})' if why else ''},"
            f" {self.io_errors:,} unreadable;{warc} in {secs:.1f} s ({self.items / secs:,.0f} items/s)\n"
        )


def _skipped_text(counts: Mapping[str, int]) -> str:
    """``skipped 11 WARC records (request 4, not-200 2, ...)``, kinds in their documented order."""
    from newsmeta.warc import SKIP_KINDS

    kinds = ", ".join(f"{k} {counts[k]:,}" for k in SKIP_KINDS if counts.get(k))
    n = sum(counts.values())
    return f"skipped {n:,} WARC record{'' if n == 1 else 's'} ({kinds})"


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(max_input_bytes=args.max_bytes)


def _cmd_merge(
    args: argparse.Namespace,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    output: FileOutput | None = None,
) -> int:
    """``parse --merge``: every record of every input, merged into one."""
    from newsmeta._batch import records_of
    from newsmeta._convert import record_json_bytes
    from newsmeta.errors import NewsmetaError
    from newsmeta.merge import merge

    batch = _Batch(args, stderr)
    records = []
    for name, data, _line in batch.items_of(args, stdin):
        batch.advance(1)
        try:
            records += [
                r for _id, r in records_of(data, name, args.input_format, limits=_limits(args))
            ]
        except NewsmetaError as exc:
            batch.failed += 1
            batch.error(f"newsmeta: {name}: {exc}")
    batch.finish("parsed")
    if batch.failed or batch.io_errors or not records:
        return EXIT_USAGE if batch.io_errors else EXIT_FAILED
    try:
        merged = merge(*records, force=args.force)
    except NewsmetaError as exc:
        stderr.write(f"newsmeta: {exc}\n")
        return EXIT_FAILED
    if output is not None and output.wants_records:
        output.record(merged)
    else:
        write = _byte_writer(stdout) if output is None else output.write
        write(record_json_bytes(merged, indent=not args.jsonl) + b"\n")
    return EXIT_OK


def _cmd_fill(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """``fill DUMP PAGE``: the dump's record with its placeholders evaluated on the page."""
    from newsmeta._batch import Source, iter_items, records_of
    from newsmeta._convert import record_json_bytes
    from newsmeta.adapters.html import fill_placeholders
    from newsmeta.errors import NewsmetaError

    limits = _limits(args)
    got: list[bytes] = []
    for path in (args.dump, args.page):
        name = "<stdin>" if path == "-" else path
        try:
            source = Source(path, name, False)
            got += [data for _id, data, _line in iter_items(source, stdin, args.max_bytes)]
        except READ_ERRORS as exc:
            stderr.write(f"newsmeta: {name}: {describe_read_error(exc)}\n")
            return EXIT_USAGE
    dump, page = got
    try:
        found = records_of(dump, args.dump, args.input_format, limits=limits)
        if len(found) != 1:
            stderr.write(
                f"newsmeta: {args.dump}: holds {len(found)} records; fill takes one article\n"
            )
            return EXIT_FAILED
        filled = fill_placeholders(
            found[0][1], page, url=args.url, content_type=args.content_type, limits=limits
        )
    except NewsmetaError as exc:
        stderr.write(f"newsmeta: {exc}\n")
        return EXIT_FAILED
    _byte_writer(stdout)(record_json_bytes(filled, indent=not args.jsonl) + b"\n")
    return EXIT_OK


class _Lenient:
    """A text stream's ``write`` that never fails on a character the stream's
    encoding lacks (an ASCII terminal): it is written as a ``\\u`` escape."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        safe = text.encode(self.encoding, "backslashreplace").decode(self.encoding)
        return self.stream.write(safe)


def _byte_writer(stream: TextIO) -> Callable[[bytes], object]:
    """Write UTF-8 bytes to a text stream: straight to its binary buffer when it
    has one (the records are UTF-8 JSON already, and JSON is UTF-8 whatever the
    terminal's encoding), else decoded (a ``StringIO`` in tests)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and hasattr(buffer, "write"):
        stream.flush()  # what was written as text goes first
        if stream_is_tty(stream):  # a person watching: each record as it comes

            def write_through(data: bytes) -> None:
                buffer.write(data)
                buffer.flush()

            return write_through
        return buffer.write  # type: ignore[no-any-return]
    return lambda data: stream.write(data.decode("utf-8"))


def _cmd_parse(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from newsmeta._output import FileOutput, output_kind, terminate_as_exit

    if args.force and not args.merge:
        stderr.write("newsmeta: parse: --force goes with --merge\n")
        return EXIT_USAGE
    target = args.output if args.output not in (None, "-") else None
    output = None
    try:
        if target is not None:
            kind = output_kind(target)
            if args.jsonl and kind != "jsonl":
                raise ConfigError(f"--output {target}: --jsonl writes JSON Lines; name it .jsonl")
            args.jsonl = kind == "jsonl"
            output = FileOutput(target, kind)
    except ConfigError as exc:
        stderr.write(f"newsmeta: parse: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        stderr.write(f"newsmeta: parse: cannot write {target}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    if output is None:
        return (_cmd_merge if args.merge else _parse_records)(args, stdin, stdout, stderr, None)
    try:
        with terminate_as_exit():
            code = (_cmd_merge if args.merge else _parse_records)(
                args, stdin, stdout, stderr, output
            )
            output.close()
    except BaseException as exc:
        output.abort(exc)
        raise
    return code


def _items(kind: str, payload: Any) -> int:
    """Items an outcome stands for: a ``batch`` holds its rows."""
    if kind == "batch":
        return int(payload.num_rows)
    return 0 if kind == UNREADABLE else 1


def _parse_records(
    args: argparse.Namespace,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    output: FileOutput | None,
) -> int:
    batch = _Batch(args, stderr)
    # One path naming one file may print an object; a batch always prints an array.
    single = not args.jsonl and not is_batch(args.inputs)
    options = TaskOptions(
        limits=_limits(args),
        format=args.input_format,
        indent=(args.indent or single) and not args.jsonl,
        url=args.url,
        content_type=args.content_type,
        records=output is not None and output.wants_records,
    )
    held: tuple[str, bytes] | None = None  # the first record, until we know whether more follow
    written = 0
    write = _byte_writer(stdout) if output is None else output.write
    results = ordered_map(
        parse_task,
        group_tasks(batch.tasks_of(args, stdin)),
        jobs=args.jobs,
        initializer=init_task,
        initargs=(options,),
    )
    try:
        for chunk in results:
            batch.advance(sum(_items(kind, p) for kind, _id, p in chunk))
            for kind, rid, payload in chunk:
                if kind == UNREADABLE:
                    batch.unreadable(str(payload))
                    continue
                if kind == "skipped":
                    batch.skip(rid, str(payload))
                    continue
                if kind == "error":
                    batch.failed += 1
                    batch.error(f"newsmeta: {payload!s}")
                    continue
                if kind == "batch":
                    assert output is not None
                    output.record_batch(payload)
                    continue
                assert isinstance(payload, bytes)
                if args.jsonl:
                    write(payload + b"\n")
                    continue
                if written == 0 and held is None:
                    held = (rid, payload)
                    continue
                if held is not None:
                    write(b"[" + held[1])
                    held = None
                write(b",\n" + payload)
                written += 1
    finally:
        batch.finish("parsed")
    if output is not None and output.wants_records:
        pass  # a table, whatever the number of records
    elif held is not None:
        rid, data = held
        # One article read from the one file named: an object. One record of a
        # multi-record input (JSON Lines, an array, a response): still an array.
        if single and not batch.any_lines and batch.names == [rid]:
            write(data + b"\n")
        else:
            write(b"[" + data + b"]\n")
    elif written:
        write(b"]\n")
    elif not args.jsonl and (batch.batch or batch.any_lines):
        write(b"[]\n")  # a batch with no record is still an array
    if batch.io_errors:
        return EXIT_USAGE
    return EXIT_FAILED if batch.failed else EXIT_OK


# --------------------------------------------------------------------------- validate


def _profile(args: argparse.Namespace) -> Any:
    """The profile of ``newsmeta validate``'s options (:func:`newsmeta.config.assemble_profile`)."""
    from newsmeta.config import assemble_profile

    flags: dict[str, Any] = {}
    if args.require is not None:
        flags["require"] = args.require
    for level in ("error", "warning", "info", "ignore"):
        values = getattr(args, level)
        if values:
            flags[level] = ",".join(values)
    if args.fail_on is not None:
        flags["fail-on"] = args.fail_on
    if args.crawl_date is not None:
        flags["crawl-date"] = args.crawl_date
    return assemble_profile(args.profile, config=args.config, flags=flags)


class _Summary:
    """Issue counts per code with the worst examples, in bounded memory."""

    def __init__(self) -> None:
        self.verdicts = {"pass": 0, "fail": 0, "error": 0, UNREADABLE: 0}
        self.counts: dict[str, int] = {}
        self.worst: dict[str, str] = {}
        self.examples: dict[str, list[tuple[int, str]]] = {}
        self.errors: dict[str, list[str]] = {"error": [], UNREADABLE: []}

    def add(self, v: Verdict) -> None:
        self.verdicts[v.verdict] += 1
        if v.error is not None:
            if len(self.errors[v.verdict]) < SUMMARY_EXAMPLES:
                self.errors[v.verdict].append(v.error)
            return
        for issue in v.issues:
            code = issue["code"]
            sev = Severity(issue["severity"])
            self.counts[code] = self.counts.get(code, 0) + 1
            if code not in self.worst or sev.rank > Severity(self.worst[code]).rank:
                self.worst[code] = sev.value
            ex = self.examples.setdefault(code, [])
            where = f" ({issue['field']})" if issue.get("field") else ""
            item = (sev.rank, f"{v.id}{where}: {issue['message']}")
            if any(text.startswith(f"{v.id} ") or text.startswith(f"{v.id}:") for _r, text in ex):
                continue  # examples from different records say more
            if len(ex) < SUMMARY_EXAMPLES:
                ex.append(item)
            elif sev.rank > min(r for r, _ in ex):
                ex.remove(min(ex, key=lambda e: e[0]))
                ex.append(item)

    def write(self, out: TextIO | _Lenient, profile_name: str) -> None:
        v = self.verdicts
        total = v["pass"] + v["fail"] + v["error"]
        out.write(
            f"{total:,} records checked (profile {profile_name}): {v['pass']:,} pass,"
            f" {v['fail']:,} fail, {v['error']:,} could not be parsed;"
            f" {v[UNREADABLE]:,} input(s) could not be read\n"
        )
        for kind, title in (("error", "could not be parsed"), (UNREADABLE, "could not be read")):
            if self.errors[kind]:
                out.write(f"\n{title}:\n")
                for e in self.errors[kind]:
                    out.write(f"    {e}\n")
                _more(out, v[kind] - len(self.errors[kind]))
        if not self.counts:
            return
        out.write("\nissues by code, worst first:\n")
        order = sorted(
            self.counts, key=lambda c: (-Severity(self.worst[c]).rank, -self.counts[c], c)
        )
        width = max(len(c) for c in order)
        for code in order:
            out.write(f"  {self.worst[code]:<8} {code:<{width}} {self.counts[code]:>9,}\n")
            for _rank, text in sorted(self.examples[code], key=lambda e: -e[0]):
                out.write(f"      {text[:160]}\n")
            _more(out, self.counts[code] - len(self.examples[code]), indent=6)


def _more(out: TextIO | _Lenient, n: int, *, indent: int = 4) -> None:
    """The line that says how many a list of examples left out."""
    if n > 0:
        out.write(f"{' ' * indent}... and {n:,} more\n")


def _cmd_validate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from newsmeta._convert import dumps_bytes

    try:
        profile = _profile(args)
    except ConfigError as exc:
        stderr.write(f"newsmeta: {exc}\n")
        return EXIT_USAGE
    report = args.report or ("summary" if stream_is_tty(stdout) else "jsonl")
    batch = _Batch(args, stderr)
    summary = _Summary()
    options = TaskOptions(format=args.input_format, profile=profile, limits=_limits(args))
    results = ordered_map(
        validate_task,
        group_tasks(batch.tasks_of(args, stdin)),
        jobs=args.jobs,
        initializer=init_task,
        initargs=(options,),
    )
    first = True
    write = _byte_writer(stdout) if report != "summary" else None
    try:
        for chunk in results:
            batch.advance(sum(1 for v in chunk if v.verdict not in (UNREADABLE, "skipped")))
            for v in chunk:
                if v.verdict == "skipped":
                    batch.skip(v.id, v.error or "skipped")
                    continue
                summary.add(v)
                if v.verdict == UNREADABLE:
                    batch.unreadable(v.error or v.id)
                elif v.verdict != "pass":
                    batch.failed += 1
                    if v.error is not None and report != "summary":
                        batch.error(f"newsmeta: {v.error}")
                if write is None:
                    continue
                line = dumps_bytes(
                    {
                        "id": v.id,
                        "path": v.path,
                        "index": v.number,
                        "verdict": v.verdict,
                        "issues": v.issues,
                        "error": v.error,
                    }
                )
                if report == "json":
                    write((b"[" if first else b",\n") + line)
                else:
                    write(line + b"\n")
                first = False
    finally:
        batch.finish("validated")
    if report == "json":
        assert write is not None
        write(b"[]\n" if first else b"]\n")
    elif report == "summary":
        summary.write(_Lenient(stdout), profile.name)
    if batch.io_errors:
        return EXIT_USAGE
    return EXIT_FAILED if summary.verdicts["fail"] or summary.verdicts["error"] else EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code."""
    # A stream the shell closed (``>&-``, ``<&-``) is None in sys.
    stdin = stdin or sys.stdin or io.StringIO()
    stderr = stderr or sys.stderr or io.StringIO()
    try:
        args = parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    stdout = stdout or sys.stdout
    if stdout is None:
        stderr.write("newsmeta: standard output is closed; nowhere to write\n")
        return EXIT_USAGE
    try:
        if args.command == "parse":
            return _cmd_parse(args, stdin, stdout, stderr)
        if args.command == "validate":
            return _cmd_validate(args, stdin, stdout, stderr)
        if args.command == "fill":
            return _cmd_fill(args, stdin, stdout, stderr)
        if args.command == "spark":
            from newsmeta._spark_cli import run

            return run(args, stdout, stderr)
        if args.command == "schema":
            from newsmeta.schema import json_schema_text

            _byte_writer(stdout)(json_schema_text().encode("utf-8"))
            return EXIT_OK
    except KeyboardInterrupt:
        stderr.write("newsmeta: interrupted\n")
        return 130
    except BrokenProcessPool:
        stderr.write(
            "newsmeta: a worker process died (killed for memory?); the output stops before"
            " the item it was on\n"
        )
        return EXIT_USAGE if args.command == "validate" else EXIT_FAILED
    except BrokenPipeError:
        return EXIT_FAILED
    return EXIT_USAGE  # pragma: no cover - argparse requires a command
