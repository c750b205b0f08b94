"""``newsmeta parse --output FILE``: the output file, its format told by its extension.

``.parquet`` writes a Parquet file (:class:`newsmeta.arrow.ParquetSink`, the
``[arrow]`` extra), ``.jsonl`` one JSON record per line, ``.json`` what standard
output would get (an array for a batch). Every one is complete or absent: it is
written under a temporary name in the destination's folder and renamed when the
run ends; a run that fails, is interrupted (Ctrl-C) or terminated (``SIGTERM``)
removes the temporary file and leaves any earlier file of that name as it was.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

from newsmeta._atomic import atomic_write
from newsmeta.errors import ConfigError
from newsmeta.records import Article

__all__ = ["KINDS", "FileOutput", "output_kind", "terminate_as_exit"]

#: Output file extensions and the format each one writes.
KINDS = {".parquet": "parquet", ".jsonl": "jsonl", ".json": "json"}

#: Exit status of a run stopped by ``SIGTERM`` (128 + 15, as a shell reports it).
EXIT_TERMINATED = 128 + signal.SIGTERM


def output_kind(path: str) -> str:
    """``parquet``, ``jsonl`` or ``json`` for an output path, by its extension.

    >>> output_kind("out/records.Parquet")
    'parquet'
    >>> output_kind("out.csv")
    Traceback (most recent call last):
    ...
    newsmeta.errors.ConfigError: --output out.csv: the extension names no output format; use .parquet, .jsonl or .json (or - for standard output)
    """
    kind = KINDS.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise ConfigError(
            f"--output {path}: the extension names no output format;"
            " use .parquet, .jsonl or .json (or - for standard output)"
        )
    return kind


class FileOutput:
    """An open ``--output`` file: :meth:`write` takes JSON bytes (``json``,
    ``jsonl``), :meth:`record` an :class:`Article` and :meth:`record_batch` an
    Arrow record batch of them (``parquet``)."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = path
        self.kind = kind
        self._stack = contextlib.ExitStack()
        self._fh: IO[bytes] | None = None
        self._sink: Any = None
        if kind == "parquet":
            try:
                from newsmeta.arrow import ParquetSink
            except ImportError as exc:
                raise ConfigError(f"--output {path}: {exc}") from None
            self._sink = self._stack.enter_context(ParquetSink(path))
        else:
            self._fh = self._stack.enter_context(atomic_write(path))

    @property
    def wants_records(self) -> bool:
        """Does this output take records rather than their JSON?"""
        return self._sink is not None

    def write(self, data: bytes) -> None:
        assert self._fh is not None
        self._fh.write(data)

    def record(self, article: Article) -> None:
        self._sink.write(article)

    def record_batch(self, batch: Any) -> None:
        """Add the rows of a ``pyarrow.RecordBatch`` of records (from a worker)."""
        self._sink.write_batch(batch)

    def close(self) -> None:
        """Finish the file and give it its name."""
        self._stack.close()

    def abort(self, exc: BaseException) -> None:
        """Remove the temporary file; no file is left under the output's name."""
        self._stack.__exit__(type(exc), exc, exc.__traceback__)


def _terminated(signum: int, frame: object) -> None:
    sys.stderr.write("newsmeta: terminated; no output file is left\n")
    raise SystemExit(EXIT_TERMINATED)


@contextlib.contextmanager
def terminate_as_exit() -> Iterator[None]:
    """While the block runs, ``SIGTERM`` raises ``SystemExit`` in the main thread,
    so that the output's temporary file is removed on the way out (the default
    action ends the process on the spot). Does nothing off the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
