"""Every module's doctests run: they are the specification of small helpers."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newsmeta

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(newsmeta.__path__, prefix="newsmeta.")
    if m.name not in ("newsmeta.__main__",)
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_recognisers_have_doctests() -> None:
    for name in MODULES:
        if name.startswith("newsmeta.recognizers."):
            assert doctest.testmod(importlib.import_module(name)).attempted > 0, name
