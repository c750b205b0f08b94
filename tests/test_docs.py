"""Meta-tests: the public face is documented, the docs name every field, the version is true."""

from __future__ import annotations

import importlib.metadata
import inspect

import attrs
import pytest

import newsmeta
import newsmeta.records
from tests.conftest import ROOT


def test_version_matches_the_installed_metadata() -> None:
    assert newsmeta.__version__ == importlib.metadata.version("newsmeta")


@pytest.mark.parametrize("name", sorted(set(newsmeta.__all__) - {"__version__"}))
def test_every_public_name_is_exported_and_documented(name: str) -> None:
    obj = getattr(newsmeta, name)
    assert inspect.getdoc(obj), f"newsmeta.{name} has no docstring"


@pytest.mark.parametrize(
    "cls",
    [
        getattr(newsmeta.records, n)
        for n in newsmeta.records.__all__
        if attrs.has(getattr(newsmeta.records, n))
    ],
    ids=lambda c: c.__name__,
)
def test_fields_md_names_every_record_field(cls: type) -> None:
    text = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    for a in attrs.fields(cls):
        assert f"`{a.name}" in text, f"docs/fields.md does not name {cls.__name__}.{a.name}"


def test_readme_lists_only_docs_that_exist() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"`(docs/[\w.-]+\.md)`", readme):
        assert (ROOT / path).exists(), path


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme and "test-command" in ci
