"""The plain-text adapter, specified on seed 000 and small cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from tests.conftest import FIXTURES

SEED = FIXTURES / "text" / "sputnik-seed-000.txt"


@pytest.fixture(scope="module")
def seed() -> newsmeta.Article:
    return newsmeta.parse(SEED.read_bytes())


def test_seed_is_detected_as_text(seed: newsmeta.Article) -> None:
    assert newsmeta.detect(SEED.read_text(encoding="utf-8")) == "text"
    assert seed.source == "text"


def test_seed_caption_and_credit_are_an_image_not_body(seed: newsmeta.Article) -> None:
    (image,) = seed.images
    assert image.caption is not None and image.caption.startswith("A burned car is seen")
    assert image.caption.endswith("Kazakhstan January 6, 2022")
    assert image.credit == "REUTERS / PAVEL MIKHEYEV"
    assert seed.provenance["images[0]"].location.lines == (5, 6)
    assert seed.body is not None
    assert "burned car" not in seed.body and "REUTERS" not in seed.body


def test_seed_paragraphs(seed: newsmeta.Article) -> None:
    assert seed.body is not None
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("Kazakh President Kassym-Jomart Tokayev stated on Friday")
    assert paragraphs[-1].endswith("to guard strategic objects in the country.")
    assert seed.provenance["body"].location.lines == (1, 2, 3, 4, 7, 8, 9, 10, 11, 12)
    assert seed.title is None  # the seed has no headline line
    assert seed.accounted_lines() == frozenset(range(1, 13))


def test_title_dateline_and_blank_line_paragraphs() -> None:
    text = (
        "Kazakh Leader Orders Troops to Fire Without Warning\n\n"
        "ALMATY, Jan 7, 2022 (Reuters) - Kazakhstan's president said on Friday\n"
        "he had ordered troops to fire without warning.\n\n"
        "Russian-led troops arrived this week.\n"
    )
    a = newsmeta.parse(text, format="text")
    assert a.title == "Kazakh Leader Orders Troops to Fire Without Warning"
    assert a.date == dt.date(2022, 1, 7)
    assert a.provenance["date"].raw == "ALMATY, Jan 7, 2022 (Reuters) -"
    assert a.body == (
        "ALMATY, Jan 7, 2022 (Reuters) - Kazakhstan's president said on Friday he had"
        " ordered troops to fire without warning.\n\nRussian-led troops arrived this week."
    )
    assert a.provenance["body"].location.lines == (3, 4, 6)


def test_dateline_without_year_gives_no_date() -> None:
    a = newsmeta.parse("WASHINGTON (AP) — The Senate voted on Tuesday.\n", format="text")
    assert a.date is None and a.body is not None


def test_credit_without_caption() -> None:
    a = newsmeta.parse("Photo: Jane Doe/AFP\nThe story begins here and goes on.\n", format="text")
    assert [(i.caption, i.credit) for i in a.images] == [(None, "Jane Doe/AFP")]
    assert a.body == "The story begins here and goes on."


def test_truncated_text() -> None:
    a = newsmeta.parse("One paragraph.\nAnother one that is cu… [+120 chars]", format="text")
    assert a.truncation is not None and a.truncation.missing_chars == 120
    assert a.body == "One paragraph.\n\nAnother one that is cu"


def test_a_lone_line_is_body_not_title() -> None:
    a = newsmeta.parse("Just a few words here", format="text")
    assert a.title is None and a.body == "Just a few words here"


@pytest.mark.parametrize("text", ["", "   \n\n", "12345", "<p>html</p>", '{"a": 1}'])
def test_detection_leaves_other_inputs_alone(text: str) -> None:
    from newsmeta.adapters import text as text_adapter

    assert not text_adapter.looks_like(text)


@pytest.mark.parametrize("text", ["", "\n\n\n", "…", "© ", "A\r\rB", "\ufeff"])
def test_odd_text_parses(text: str) -> None:
    a = newsmeta.parse(text, format="text")
    assert isinstance(a, newsmeta.Article)


@given(st.text(max_size=300))
def test_any_text_yields_a_record(text: str) -> None:
    a = newsmeta.parse(text, format="text")
    assert a.body is None or a.body.strip() == a.body


def test_caption_after_a_labelled_credit() -> None:
    text = (
        "Image copyrightReutersImage caption\nThe caption comes after the label\n"
        "Skip to content\nThe story itself begins here and goes on.\n"
    )
    a = newsmeta.parse(text, format="text")
    assert [(i.credit, i.caption) for i in a.images] == [
        ("Reuters", "The caption comes after the label")
    ]
    assert a.body == "The story itself begins here and goes on."
    assert any(i.code == "boilerplate" for i in a.issues)
