"""Every input the fuzzers ever crashed on, replayed (``fuzz/regressions/``).

A file is named ``<adapter>-<what it found>``; its bytes are the fuzzer's input
(the first byte picks the feeding mode, see ``fuzz/check.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz.check import check

REGRESSIONS = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_fuzz_crash_stays_fixed(path: Path) -> None:
    adapter = path.name.split("-", 1)[0]
    check(adapter, path.read_bytes())


def test_there_are_regressions() -> None:
    assert REGRESSIONS
