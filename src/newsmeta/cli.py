"""The ``newsmeta`` command: a thin layer over the library.

``parse_args(argv)`` is separate from the work and ``main(argv)`` returns the
exit code, so tests call both with argument lists (after htmldate's ``cli.py``).
Errors go to stderr as one line each; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from newsmeta import __version__
from newsmeta.adapters import ADAPTERS
from newsmeta.api import parse
from newsmeta.errors import NewsmetaError

__all__ = ["main", "parse_args"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newsmeta: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = _Parser(prog="newsmeta", description="Typed article records from scraper output.")
    parser.add_argument("--version", action="version", version=f"newsmeta {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse inputs and print their records as JSON")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="input files; - reads standard input")
    p.add_argument(
        "--format",
        choices=sorted(ADAPTERS),
        default=None,
        help="input format (default: detected per input)",
    )
    p.add_argument("--jsonl", action="store_true", help="one record per line")
    p.add_argument("--indent", action="store_true", help="indent JSON (ignored with --jsonl)")
    return parser.parse_args(argv)


def _read(path: str, stdin: TextIO) -> bytes:
    if path == "-":
        return stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    with open(path, "rb") as fh:
        return fh.read()


def _cmd_parse(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    failures = 0
    records: list[str] = []
    single = len(args.inputs) == 1 and not args.jsonl
    for path in args.inputs:
        name = "<stdin>" if path == "-" else path
        try:
            data = _read(path, stdin)
            article = parse(data, format=args.format, input_name=name)
        except OSError as exc:
            failures += 1
            stderr.write(f"newsmeta: {name}: cannot read: {exc.strerror or exc}\n")
            continue
        except NewsmetaError as exc:
            failures += 1
            stderr.write(f"newsmeta: {name}: {exc}\n")
            continue
        if args.jsonl:
            stdout.write(article.to_json() + "\n")
        else:
            records.append(article.to_json(indent=args.indent or single))
    if not args.jsonl and records:
        if single:
            stdout.write(records[0] + "\n")
        else:
            stdout.write("[" + ",\n".join(records) + "]\n")
    return EXIT_FAILED if failures else EXIT_OK


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit code."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        args = parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "parse":
            return _cmd_parse(args, stdin, stdout, stderr)
    except KeyboardInterrupt:
        stderr.write("newsmeta: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_FAILED
    return EXIT_USAGE  # pragma: no cover - argparse requires a command
