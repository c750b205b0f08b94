"""Output files that are complete or absent.

A writer writes under a temporary name in the destination's own folder (so the
final :func:`os.replace` is a rename on one file system, atomic on POSIX and
Windows) and renames it to the destination only when everything was written.
A run that fails or is interrupted removes its temporary file; a run killed
outright (``SIGKILL``, a power cut) can leave only a hidden
``.NAME.*.part`` file beside the destination, never a file under the
destination's name that looks finished.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import IO

__all__ = ["atomic_path", "atomic_write", "temporary_name_prefix"]

_SUFFIX = ".part"


def temporary_name_prefix(path: str | os.PathLike[str]) -> str:
    """The prefix of the temporary names used for ``path`` (``.out.parquet.``).

    >>> temporary_name_prefix("data/out.parquet")
    '.out.parquet.'
    """
    return "." + os.path.basename(os.fspath(path)) + "."


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary path beside ``path``; rename it to ``path`` if the block succeeds.

    On any exception (``KeyboardInterrupt`` and ``SystemExit`` included) the
    temporary file is removed and the exception goes on; ``path`` is untouched,
    so an earlier file of that name survives a failed run. The new file gets
    the permissions an ordinary ``open(path, "w")`` would give it.
    """
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, temp = tempfile.mkstemp(prefix=temporary_name_prefix(target), suffix=_SUFFIX, dir=folder)
    os.close(fd)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """:func:`atomic_path` opened for binary writing; flushed to disk before the rename."""
    with atomic_path(path) as temp, open(temp, "wb") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
