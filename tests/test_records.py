"""Records: frozen, slotted, keyword-only; a lossless round trip through dict and JSON."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

import newsmeta
from newsmeta import Article, Image, InputError, Organization, Person
from tests.strategies import articles

RECORDS = [
    newsmeta.Article,
    newsmeta.Image,
    newsmeta.Issue,
    newsmeta.Location,
    newsmeta.Organization,
    newsmeta.Person,
    newsmeta.Placeholder,
    newsmeta.Provenance,
    newsmeta.Truncation,
    newsmeta.Unrecognised,
]


@given(articles)
def test_dict_round_trip(article: Article) -> None:
    assert Article.from_dict(article.to_dict()) == article


@given(articles)
def test_json_round_trip(article: Article) -> None:
    assert Article.from_json(article.to_json()) == article
    assert Article.from_json(article.to_json(indent=True).encode("utf-8")) == article


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_are_frozen_slotted_keyword_only(cls: type) -> None:
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    assert all(a.kw_only for a in attrs.fields(cls))
    with pytest.raises(TypeError):
        cls("positional")


def test_frozen() -> None:
    a = Article(title="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "y"  # type: ignore[misc]


def test_dates_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="published: datetime must be timezone-aware"):
        Article(published=dt.datetime(2022, 1, 7, 8, 36))


def test_sequences_become_tuples() -> None:
    a = Article(tags=["a", "b"], authors=[Person(name="X")])
    assert a.tags == ("a", "b") and isinstance(a.authors, tuple)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": 3}, "Article.title: expected a string, got 3"),
        ({"published": "yesterday"}, "Article.published: expected an ISO 8601 datetime string"),
        (
            {"published": "2022-01-07T08:36:00"},
            "Article.published: datetime must be timezone-aware",
        ),
        (
            {"authors": [{"name": "A", "avatar": {"width": "100"}}]},
            "Article.authors[0].avatar.width: expected an integer",
        ),
        ({"images": {}}, "Article.images: expected a list"),
        ({"colour": "red"}, "Article: unknown field(s) colour"),
        (
            {"issues": [{"code": "x", "severity": "fatal", "message": "m"}]},
            "Article.issues[0].severity: expected one of",
        ),
    ],
)
def test_bad_data_names_the_path(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as info:
        Article.from_dict(data)
    assert message in str(info.value)


def test_bad_json_is_an_input_error() -> None:
    with pytest.raises(InputError, match="invalid JSON"):
        Article.from_json("{")
    with pytest.raises(InputError, match="must be an object"):
        Article.from_json("[]")


def test_values_keep_raw_text_and_provenance() -> None:
    a = newsmeta.parse(" date 2022-01-07 https://example.com/a\n\nen_EN\n")
    assert a.language == "en"
    prov = a.provenance["language"]
    assert (prov.adapter, prov.raw, prov.location.lines) == ("flat", "en_EN", (3,))


def test_public_records_nest() -> None:
    org = Organization(name="N", logo=Image(url="https://x.example/l.png", width=252, height=60))
    a = Article(publisher=org)
    assert Article.from_dict(a.to_dict()).publisher == org


def test_every_record_field_has_a_docstring_under_it() -> None:
    """zyte-common-items' habit: each field says what it holds, right under it."""
    import ast
    import inspect

    from newsmeta import records

    tree = ast.parse(inspect.getsource(records))
    missing = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for i, node in enumerate(cls.body):
            if not isinstance(node, ast.AnnAssign):
                continue
            after = cls.body[i + 1] if i + 1 < len(cls.body) else None
            documented = (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            )
            if not documented:
                missing.append(f"{cls.name}.{ast.unparse(node.target)}")
    assert not missing, f"fields without a docstring: {missing}"
