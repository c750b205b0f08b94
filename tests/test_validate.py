"""Validation rules: each with a record that passes it and one that fails it."""

from __future__ import annotations

import datetime as dt
import doctest
from typing import Any, NamedTuple

import attrs
import pytest

import newsmeta
from newsmeta import Article, Image, Issue, Organization, Person, Placeholder, Severity, Truncation
from newsmeta.errors import ConfigError
from newsmeta.validate import PROFILES, Profile, fails, get_profile, validate

UTC = dt.timezone.utc
NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BASE: dict[str, Any] = {"url": "https://example.com/news/a.html", "title": "A Title"}


class Case(NamedTuple):
    code: str
    record: dict[str, Any]
    """Fields on top of BASE."""
    fires: bool
    field: str | None = None


def _dt(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s)


CASES: dict[str, list[Case]] = {
    "required": [
        Case("missing-required", {}, False),
        Case("missing-required", {"title": None}, True, "title"),
        Case("missing-required", {"title": ""}, True, "title"),
    ],
    "placeholders": [
        Case("placeholder-leak", {"description": "A plain description."}, False),
        Case("placeholder-leak", {"section": "/news/world"}, False),  # a path, not a template
        Case("placeholder-leak", {"title": "//h1[@class='title']/text()"}, True, "title"),
        Case("placeholder-leak", {"title": "{{ og_title }}"}, True, "title"),
        Case(
            "placeholder-leak",
            {"description": "/html/head/meta[@name='og:description']/@content"},
            True,
            "description",
        ),
        Case("placeholder-leak", {"tags": ("news", "${tag}")}, True, "tags[1]"),
        Case(
            "placeholder-leak",
            {"placeholders": (Placeholder(xpath="//title/text()", field=None, attribute=None),)},
            True,
            "placeholders",
        ),
    ],
    "truncated": [
        Case("truncated", {"body": "A whole body."}, False),
        Case("truncated", {"body": "Watch the full video abov… [+1492 chars]"}, True, "body"),
        Case(
            "truncated",
            {"truncation": Truncation(missing_chars=3, marker="… [+3 chars]")},
            True,
            "truncation",
        ),
    ],
    "letters": [
        Case("letters-stripped", {"body": "Дасаев, 2021, a line.\nAnother line."}, False),
        # French spacing before : and ! is not the scar of deleted letters (ordinary.jsonl#25)
        Case(
            "letters-stripped",
            {
                "title": "Marine Lorphelin : son chéri débarque aux urgences... et les images sont terrifiantes ! - Public"
            },
            False,
        ),
        Case("letters-stripped", {"body": "22- . .\n– «». . . , . , ."}, True, "body"),
        Case(
            "letters-stripped", {"description": " , -2021, , . , 08.05.2021"}, True, "description"
        ),
    ],
    "dates": [
        Case(
            "modified-before-published",
            {"published": _dt("2022-01-07T08:36+00:00"), "modified": _dt("2022-01-07T09:06+00:00")},
            False,
        ),
        Case(
            "modified-before-published",
            {"published": _dt("2022-01-07T08:36+00:00"), "modified": _dt("2022-01-06T09:06+00:00")},
            True,
            "modified",
        ),
        Case("future-date", {"published": _dt("2024-05-01T20:00+00:00")}, False),
        Case("future-date", {"published": _dt("2024-06-01T00:00+00:00")}, True, "published"),
        Case("future-date", {"date": dt.date(2025, 1, 1)}, True, "date"),
        Case("future-date", {"copyright_year": 2031}, True, "copyright_year"),
        Case("impossible-timezone", {"published": _dt("2022-01-07T08:36+05:45")}, False),
        Case(
            "impossible-timezone", {"published": _dt("2022-01-07T08:36+18:00")}, True, "published"
        ),
        Case("impossible-timezone", {"modified": _dt("2022-01-07T08:36+01:07")}, True, "modified"),
    ],
    "page kinds": [
        Case("not-an-article", {"page_kind": "article"}, False),
        Case("not-an-article", {"page_kind": None}, False),
        Case("not-an-article", {"page_kind": "event"}, True, "page_kind"),
        Case("not-an-article", {"page_kind": "listing"}, True, "page_kind"),
    ],
    "urls": [
        Case("invalid-url", {"og_image": "https://cdn.example.com/a.jpg"}, False),
        Case("invalid-url", {"url": "/news/a.html"}, True, "url"),
        Case("invalid-url", {"images": (Image(url="javascript:void(0)"),)}, True, "images[0].url"),
    ],
    "contacts": [
        Case("invalid-email", {"publisher": Organization(email="feedback@sputniknews.com")}, False),
        Case(
            "invalid-email", {"publisher": Organization(email="feedback@")}, True, "publisher.email"
        ),
        Case("invalid-phone", {"publisher": Organization(telephone="+74956456601")}, False),
        Case(
            "invalid-phone",
            {"publisher": Organization(telephone="+7 495 645")},
            True,
            "publisher.telephone",
        ),
        Case("invalid-language", {"language": "pt-BR"}, False),
        Case("invalid-language", {"language": "en_EN"}, True, "language"),
        Case("invalid-language", {"language": "english"}, True, "language"),
    ],
    "keywords": [
        Case(
            "keywords-mismatch",
            {"tags": ("Kazakhstan", "csto"), "keywords": ("csto", "kazakhstan")},
            False,
        ),
        Case(
            "keywords-mismatch",
            {"tags": ("kazakhstan",), "keywords": ("almaty",)},
            True,
            "keywords",
        ),
    ],
    "conflicts": [
        Case(
            "conflicting-values",
            {"images": (Image(url="https://e.com/a.jpg", width=10, height=10),) * 2},
            False,
        ),
        Case(
            "conflicting-values",
            {
                "images": (
                    Image(url="https://e.com/a.jpg", width=10, height=10),
                    Image(url="https://e.com/a.jpg", width=20, height=10),
                )
            },
            True,
            "images[1]",
        ),
        Case(
            "conflicting-values",
            {
                "authors": (
                    Person(name="Jane Doe"),
                    Person(name="jane  doe", url="https://e.com/jd"),
                )
            },
            True,
            "authors[1]",
        ),
    ],
    "images": [
        Case(
            "image-missing-url",
            {"images": (Image(url="https://e.com/a.jpg", width=1920, height=1080),)},
            False,
        ),
        Case(
            "image-missing-url",
            {"images": (Image(width=1920, height=1080, representative=True),)},
            True,
            "images[0]",
        ),
        Case(
            "image-missing-url",
            {"publisher": Organization(logo=Image(width=252, height=60))},
            True,
            "publisher.logo",
        ),
        Case(
            "impossible-image-size",
            {"images": (Image(url="https://e.com/a.jpg", width=1, height=65535),)},
            False,
        ),
        Case(
            "impossible-image-size",
            {"images": (Image(url="https://e.com/a.jpg", width=0, height=10),)},
            True,
            "images[0].width",
        ),
        Case(
            "impossible-image-size",
            {"images": (Image(url="https://e.com/a.jpg", width=10, height=900000),)},
            True,
            "images[0].height",
        ),
    ],
    "authors": [
        Case("suspicious-author", {"authors": (Person(name="Evgeny Mikhaylov"),)}, False),
        Case(
            "suspicious-author",
            {"authors": (Person(name="Jane Doe"),), "publisher": Organization(name="Example News")},
            False,
        ),
        Case("suspicious-author", {"authors": (Person(name="2022-01-07"),)}, True, "authors[0]"),
        Case(
            "suspicious-author", {"authors": (Person(name="07.01.2022 08:36"),)}, True, "authors[0]"
        ),
        Case("suspicious-author", {"authors": (Person(name="www.dw.com"),)}, True, "authors[0]"),
        Case(
            "suspicious-author", {"authors": (Person(name="news@example.com"),)}, True, "authors[0]"
        ),
        Case(
            "suspicious-author",
            {
                "authors": (Person(name="Example News"),),
                "publisher": Organization(name="Example News"),
            },
            True,
            "authors[0]",
        ),
        Case(
            "suspicious-author",
            {"url": "https://7news.com.au/a", "authors": (Person(name="7NEWS"),)},
            True,
            "authors[0]",
        ),
        Case(
            "suspicious-author",
            {
                "authors": (Person(name="Sputnik International"),),
                "publisher": Organization(name="Sputnik International"),
            },
            True,
            "authors[0]",
        ),
        # a personal blog: the author is the publisher (fixtures/html/helge-at-mahu.html)
        Case(
            "suspicious-author",
            {
                "url": "http://www.helge.at/2014/03/x/",
                "authors": (Person(name="Helge Fahrnberger"),),
                "publisher": Organization(name="Helge Fahrnberger"),
            },
            False,
        ),
    ],
}


def _ids(case: Case) -> str:
    return f"{case.code}-{'fires' if case.fires else 'quiet'}-{case.field or ''}"


@pytest.mark.parametrize("case", [c for cs in CASES.values() for c in cs], ids=_ids)
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_rule(case: Case, profile: str) -> None:
    record = Article(**{**BASE, **case.record})
    prof = get_profile(profile).evolve(require=("url", "title"))
    found = [i for i in validate(record, prof, now=NOW) if i.code == case.code]
    if case.fires:
        assert found, f"{case.code} should fire"
        assert case.field in [i.field for i in found]
        assert all(isinstance(i, Issue) and i.message for i in found)
    else:
        assert found == []


def test_every_validation_code_has_a_firing_case() -> None:
    from newsmeta._codes import ISSUE_CODES

    rule_codes = {c for c, row in ISSUE_CODES.items() if "validate" in row.emitted_by}
    fired = {c.code for cs in CASES.values() for c in cs if c.fires}
    quiet = {c.code for cs in CASES.values() for c in cs if not c.fires}
    assert rule_codes == fired
    assert rule_codes == quiet


def test_profiles_grade_and_verdict() -> None:
    record = Article(**BASE, body="cut… [+10 chars]")
    default = validate(record, now=NOW)
    strict = validate(record, "strict", now=NOW)
    assert [(i.code, i.severity) for i in default] == [("truncated", Severity.INFO)]
    assert ("truncated", Severity.WARNING) in [(i.code, i.severity) for i in strict]
    assert not fails(default)
    assert fails(strict, "strict")  # published is required there
    assert {i.field for i in strict if i.code == "missing-required"} == {"published"}


def test_profile_turns_codes_off_and_regrades_adapter_issues() -> None:
    record = newsmeta.parse((newsmeta_root() / "fixtures/dumps/sputnik-seed-001.txt").read_bytes())
    off = get_profile().evolve(severities={"placeholder-leak": "off", "repeated-block": "error"})
    issues = validate(record, off, now=NOW)
    assert "placeholder-leak" not in {i.code for i in issues}
    assert {i.severity for i in issues if i.code == "repeated-block"} == {Severity.ERROR}
    assert fails(issues, off)


def test_rule_does_not_repeat_an_adapter_issue() -> None:
    record = newsmeta.parse((newsmeta_root() / "fixtures/dumps/sputnik-seed-001.txt").read_bytes())
    leaks = [i for i in validate(record, now=NOW) if i.code == "placeholder-leak"]
    assert len(leaks) == len(record.placeholders) == 2
    assert all(i.location.lines == (25,) for i in leaks)


def test_issues_are_worst_first_and_point_at_provenance() -> None:
    record = newsmeta.parse((newsmeta_root() / "fixtures/dumps/sputnik-seed-001.txt").read_bytes())
    issues = validate(record, "strict", now=NOW)
    ranks = [i.severity.rank for i in issues]
    assert ranks == sorted(ranks, reverse=True)
    logo = [i for i in issues if i.field == "publisher.logo"]
    assert logo and logo[0].location.lines == (35, 47, 55)


def test_crawl_date_from_profile() -> None:
    record = Article(**BASE, published=_dt("2022-01-07T08:36+00:00"))
    prof = get_profile().evolve(crawl_date=_dt("2021-01-01T00:00+00:00"))
    assert [i.code for i in validate(record, prof)] == ["future-date"]
    assert validate(record) == []  # against the current time it is in the past


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"severities": {"placeholder-leek": "error"}}, "unknown issue code 'placeholder-leek'"),
        ({"severities": {"placeholder-leak": "fatal"}}, "'fatal' is not a severity"),
        ({"require": ["titel"]}, "require: unknown field 'titel'"),
        ({"fail_on": "off"}, "fail-on"),
        ({"crawl_date": dt.datetime(2024, 1, 1)}, "needs a UTC offset"),
    ],
)
def test_profile_errors_name_the_key(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        get_profile().evolve(**kwargs)


def test_unknown_profile() -> None:
    with pytest.raises(ConfigError, match="profile: unknown profile 'lax'"):
        validate(Article(), "lax")


def test_public_api() -> None:
    assert newsmeta.validate is validate
    assert newsmeta.Profile is Profile
    issues = newsmeta.validate(Article(**BASE), profile="strict", now=NOW)
    assert all(isinstance(i, Issue) for i in issues)


def test_profile_is_frozen_and_evolve_keeps_the_rest() -> None:
    strict = get_profile("strict")
    changed = strict.evolve(require=["title"])
    assert changed.severities == strict.severities and changed.name == "strict"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        strict.name = "x"  # type: ignore[misc]


def test_doctests() -> None:
    import importlib

    # ``newsmeta.validate`` the attribute is the function; the module is in sys.modules.
    for name in (
        "newsmeta.validate",
        "newsmeta.config",
        "newsmeta.recognizers.shapes",
        "newsmeta.recognizers.placeholders",
    ):
        mod = importlib.import_module(name)
        result = doctest.testmod(mod)
        assert result.failed == 0 and result.attempted > 0, name


def newsmeta_root() -> Any:
    from tests.conftest import ROOT

    return ROOT
