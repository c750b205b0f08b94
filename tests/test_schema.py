"""newsmeta.schema: the JSON Schema of a record's JSON, and the committed copy."""

from __future__ import annotations

import copy
import datetime as dt
import json
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given

from newsmeta import Article, Image, Issue, Person, Severity
from newsmeta.schema import SCHEMA_ID, json_schema, json_schema_text

from .conftest import FIXTURES, ROOT
from .strategies import articles

jsonschema = pytest.importorskip("jsonschema")

COMMITTED = ROOT / "src" / "newsmeta" / "article.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
EXPECTED = sorted(FIXTURES.glob("**/*.expected.json"))


def errors(instance: object) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(instance)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_id_is_a_versioned_urn() -> None:
    from newsmeta import __version__

    assert json_schema()["$id"] == SCHEMA_ID == f"urn:newsmeta:schema:article:{__version__}"


def test_the_committed_copy_matches() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "src/newsmeta/article.schema.json is out of date with the record classes; "
        "regenerate it with: newsmeta schema > src/newsmeta/article.schema.json"
    )


def test_the_committed_copy_is_package_data() -> None:
    text = resources.files("newsmeta").joinpath("article.schema.json").read_text("utf-8")
    assert json.loads(text)["$id"] == SCHEMA_ID


def test_every_record_field_is_described() -> None:
    schema = json_schema()
    assert list(schema["properties"]) == [a.name for a in attrs.fields(Article)]
    for cls in (Image, Person, Issue):
        assert list(schema["$defs"][cls.__name__]["properties"]) == [
            a.name for a in attrs.fields(cls)
        ]
    assert schema["properties"]["tags"]["description"].startswith("The article's tags")


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_validates(path: Any) -> None:
    assert errors(json.loads(path.read_bytes())) == []


def test_there_are_fixtures() -> None:
    assert len(EXPECTED) >= 20


@given(articles)
def test_every_generated_record_validates(a: Article) -> None:
    assert errors(json.loads(a.to_json())) == []


def article_json() -> dict[str, Any]:
    a = Article(
        title="T",
        date=dt.date(2022, 1, 7),
        published=dt.datetime(2022, 1, 7, 8, 36, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        authors=(Person(name="A"),),
        issues=(Issue(code="c", severity=Severity.INFO, message="m"),),
    )
    data = json.loads(a.to_json())
    assert errors(data) == []
    return data


def broken(path: str, value: object) -> dict[str, Any]:
    """``article_json()`` with the value at a dotted path replaced (``delete``: removed)."""
    data = copy.deepcopy(article_json())
    *parents, last = path.split(".")
    node: Any = data
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if value == "delete":
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return data


# The schema is tight: each of these is something to_json never emits.
INVALID = {
    "a title that is a number": ("title", 42),
    "a naive datetime": ("published", "2022-01-07T08:36:00"),
    "a datetime with Z": ("published", "2022-01-07T08:36:00Z"),
    "a datetime without seconds": ("published", "2022-01-07T08:36+03:00"),
    "a date with a time": ("date", "2022-01-07T00:00:00+00:00"),
    "an unknown severity": ("issues.0.severity", "fatal"),
    "an unknown field": ("surprise", "x"),
    "an unknown field in a nested record": ("authors.0.surprise", "x"),
    "a missing field": ("tags", "delete"),
    "a null list": ("tags", None),
    "a tag that is not a string": ("tags", [1]),
    "an author without a name": ("authors.0.name", None),
    "a publisher that is a string": ("publisher", "Example"),
    "a boolean year": ("copyright_year", True),
    "a fractional year": ("copyright_year", 2022.5),
    "a provenance entry of the wrong shape": ("provenance", {"title": "raw"}),
}


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
def test_what_to_json_never_emits_does_not_validate(case: str) -> None:
    path, value = INVALID[case]
    assert errors(broken(path, value)) != []


def test_the_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from newsmeta.cli import main

    assert main(["schema"]) == 0
    assert capsys.readouterr().out == json_schema_text()
