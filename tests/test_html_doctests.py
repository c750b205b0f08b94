"""The doctests of the HTML adapter's modules and the recognisers it extended."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "newsmeta.adapters._html.encoding",
    "newsmeta.adapters._html.jsonld",
    "newsmeta.adapters._html.page",
    "newsmeta.recognizers.dates",
    "newsmeta.recognizers.urls",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
