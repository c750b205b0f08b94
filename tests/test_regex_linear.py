"""No regular expression in newsmeta can backtrack catastrophically.

Every compiled pattern in every newsmeta module is parsed and searched for
the shape that makes backtracking exponential or polynomial: a repeat that
can run unbounded (``*``, ``+``, ``{n,}``) around something that itself holds
an unbounded repeat, as in ``(a+)+`` or ``(\\s*x)*``. Such a pattern must be
rewritten (a linear scanner, a possessive-style split) before it lands.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest

import newsmeta

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
MAXREPEAT = sre_constants.MAXREPEAT
#: A bounded repeat larger than this counts as unbounded (``x{1,10000}``).
BIG = 100


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(newsmeta.__path__, "newsmeta."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for attr, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(id(value), (f"{info.name}.{attr}", value))
    return list(found.values())


def _unbounded(op: Any, av: Any) -> bool:
    return op in REPEATS and (av[1] == MAXREPEAT or av[1] > BIG)


def _has_unbounded(items: Any) -> bool:
    for op, av in items:
        if _unbounded(op, av):
            return True
        if _has_unbounded(_children(op, av)):
            return True
    return False


def _children(op: Any, av: Any) -> list[Any]:
    if op in REPEATS:
        return list(av[2])
    if op == sre_constants.SUBPATTERN:
        return list(av[-1])
    if op == sre_constants.BRANCH:
        return [item for branch in av[1] for item in branch]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return list(av[1])
    return []


def nested_repeats(pattern: str, flags: int = 0) -> list[str]:
    """Sub-patterns that repeat unboundedly around an unbounded repeat.

    >>> nested_repeats(r"(a+)+b")
    ['(a+)+']
    >>> nested_repeats(r"\\d{1,6}\\s+\\d{1,6}")
    []
    """
    bad: list[str] = []

    def walk(items: Any) -> None:
        for op, av in items:
            if _unbounded(op, av) and _has_unbounded(av[2]):
                bad.append(_show(pattern))
            walk(_children(op, av))

    walk(sre_parse.parse(pattern, flags))
    return bad


def _show(pattern: str) -> str:
    m = re.search(r"\((?:[^()]|\([^()]*\))*\)[+*]", pattern)
    return m.group() if m else pattern


PATTERNS = _patterns()


def test_there_are_patterns() -> None:
    assert len(PATTERNS) > 20


@pytest.mark.parametrize(("name", "rx"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_nested_unbounded_repeats(name: str, rx: re.Pattern[str]) -> None:
    assert not nested_repeats(rx.pattern, rx.flags & ~re.UNICODE), (
        f"{name} repeats a repeat: {rx.pattern!r} can backtrack catastrophically"
    )
