"""The Python examples in the docs this module lists run as doctests."""

from __future__ import annotations

import doctest

import pytest

from tests.conftest import ROOT

DOCS = [
    "README.md",
    "docs/newsapi.md",
    "docs/text.md",
    "docs/merge.md",
    "docs/html.md",
    "docs/validation.md",
    "docs/recipes/validation-job.md",
    "docs/crawl.md",
    "docs/recipes/warc-to-parquet.md",
]


@pytest.mark.parametrize("name", DOCS)
def test_doc_examples_run(name: str) -> None:
    result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
