"""Golden pairs: every ``fixtures/**/<name>.<ext>`` input beside ``<name>.expected.json``.

To (re)write an expected file after a deliberate change, run
``python -m tests.regen_golden`` and review the diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsmeta
from tests.conftest import FIXTURES

INPUT_SUFFIXES = {".txt", ".json", ".jsonl", ".html", ".htm"}


def golden_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for expected in sorted(FIXTURES.rglob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        inputs = [
            p
            for p in expected.parent.glob(stem + ".*")
            if p.suffix in INPUT_SUFFIXES
            and not p.name.endswith((".expected.json", ".options.json"))
        ]
        assert len(inputs) == 1, f"{expected}: want exactly one input beside it, got {inputs}"
        pairs.append((inputs[0], expected))
    return pairs


def parse_fixture(path: Path) -> newsmeta.Article:
    """How a golden input is parsed: the format is detected; the input name is relative."""
    name = path.relative_to(FIXTURES).as_posix()
    meta = path.with_name(path.name.split(".")[0] + ".options.json")
    options = json.loads(meta.read_text()) if meta.exists() else {}
    return newsmeta.parse(path.read_bytes(), input_name=name, **options)


@pytest.mark.parametrize(
    ("source", "expected"), golden_pairs(), ids=lambda p: p.relative_to(FIXTURES).as_posix()
)
def test_golden(source: Path, expected: Path) -> None:
    got = parse_fixture(source).to_dict()
    want = json.loads(expected.read_text(encoding="utf-8"))
    assert got == want


def test_there_are_golden_pairs() -> None:
    assert len(golden_pairs()) >= 1
