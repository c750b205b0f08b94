"""The flat adapter on the layout's variants: separators, truncation, missing,
repeated and reordered blocks, other sites, non-Latin text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmeta.adapters import flat
from tests.conftest import FIXTURES
from tests.strategies import dump_fields

SEED = (FIXTURES / "dumps" / "sputnik-seed-001.txt").read_text(encoding="utf-8")
BLOCKS = [b for b in SEED.split("\n\n") if b.strip()]


SEED_FIELDS = dump_fields(flat.parse(SEED))


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\n\n", "\r\n\r\n", "\n\n\n", "\r"], ids=repr)
def test_every_separator_gives_the_same_fields(separator: str) -> None:
    assert dump_fields(flat.parse(separator.join(BLOCKS))) == SEED_FIELDS


def test_a_byte_order_mark_and_bytes_input_change_nothing() -> None:
    assert dump_fields(flat.parse(("\ufeff" + SEED).encode("utf-8"))) == SEED_FIELDS


def test_truncated_dump_says_how_much_is_missing_and_flags_the_cut_url() -> None:
    cut = SEED[: SEED.index("https://cdnn1.img.sputniknews.com/img/07e6") + 40]
    a = flat.parse(cut + "… [+9000 chars]")
    assert a.truncated and a.truncation is not None
    assert a.truncation.missing_chars == 9000
    assert a.truncation.partial == cut.rsplit("\n", 1)[-1]
    assert a.og_image is None  # the half URL is never a value
    codes = {i.code for i in a.issues}
    assert {"truncated", "truncated-value"} <= codes
    assert a.title == SEED_FIELDS["title"]


def test_a_lone_cr_before_the_marker_leaves_the_last_line_whole() -> None:
    a = flat.parse(
        "https://ria.ru/20200417/1570193622.html\r\nhttps://cdn22.img.ria.ru/i/export/ria/logo.png\r… [+350 chars]"
    )
    assert a.truncation is not None and a.truncation.partial is None
    assert a.publisher is not None and a.publisher.logo is not None
    assert a.publisher.logo.url == "https://cdn22.img.ria.ru/i/export/ria/logo.png"


@pytest.mark.parametrize("drop", range(len(BLOCKS)))
def test_a_missing_block_costs_only_its_own_field(drop: int) -> None:
    blocks = BLOCKS[:drop] + BLOCKS[drop + 1 :]
    got = dump_fields(flat.parse("\n\n".join(blocks)))
    changed = {k for k in SEED_FIELDS if got[k] != SEED_FIELDS[k]}
    # Which field a block carries, as the layout says (docs/formats.md).
    carries = {
        0: {"url", "date"},
        3: {"description"},
        4: {"published", "created", "modified"},
        5: {"created", "modified"},
        6: {"created", "modified"},
        12: {"placeholders"},
        13: {"og_image"},
        14: {"body"},
        17: {"publisher"},
        18: {"copyright_year"},
        21: {"section"},
        22: {"language"},
        23: {"publisher"},
        24: {"images"},
        25: {"images"},
        26: {"images"},
        27: {"publisher"},
        28: {"authors"},
        29: {"keywords"},
        1: set(),
        2: set(),
        19: set(),
        20: set(),  # repeated blocks: nothing is lost
        7: {"tags", "keywords"},
        8: {"tags"},
        9: {"tags"},
        10: {"tags"},
        11: {"tags"},
        15: {"other_tag_groups"},
        16: {"other_tag_groups"},
    }
    # Two dates left read as published and modified: dropping either moves "created".
    assert changed <= carries[drop]


def test_repeated_and_conflicting_publisher_blocks() -> None:
    text = SEED.replace(
        "Sputnik International feedback@sputniknews.com +74956456601 MIA „Rosiya Segodnya“ 252 60\n\nEvgeny",
        "Sputnik International feedback@sputniknews.com +74956456602 MIA „Rosiya Segodnya“ 252 60\n\nEvgeny",
    )
    a = flat.parse(text)
    assert a.publisher is not None and a.publisher.telephone == "+74956456601"
    (conflict,) = [i for i in a.issues if i.code == "conflicting-values"]
    assert conflict.field == "publisher.telephone" and "+74956456602" in conflict.message
    assert conflict.location.lines == (55,)


def test_reordered_trailer_blocks_still_resolve() -> None:
    trailer = BLOCKS[17:]
    blocks = BLOCKS[:17] + list(reversed(trailer))
    a = flat.parse("\n\n".join(blocks))
    for name in ("publisher", "authors", "copyright_year", "language", "keywords"):
        assert getattr(a, name) == SEED_FIELDS[name], name
    assert sorted((i.width, i.height) for i in a.images) == [
        (1920, 1080),
        (1920, 1440),
        (1920, 1920),
    ]


def test_ria_url_list_dump() -> None:
    a = flat.parse(
        "https://ria.ru/20200515/1571466575.html\r\n"
        "https://cdn25.img.ria.ru/images/07e4/04/1e/1570785730_0:310:2930:1958_1036x0_80_0_0_61df155020ec016eb3ad1567990d6704.jpg.webp\r\n"
        "https://cdn22.img.ria.ru/i/export/ria/logo.png\r\n"
        "https://cdn22.img.ria.ru/i/export/ria/logo.… [+33 chars]"
    )
    assert a.url == "https://ria.ru/20200515/1571466575.html"
    assert a.og_image is not None and a.og_image.endswith(".jpg.webp")
    assert a.publisher is not None and a.publisher.logo is not None
    assert a.truncation is not None and a.truncation.missing_chars == 33
    assert a.truncation.partial == "https://cdn22.img.ria.ru/i/export/ria/logo."


def test_cyrillic_dump() -> None:
    text = "\n\n".join(
        [
            " date 2020-06-09 https://ria.ru/20200609/1572658732.html",
            "Экс-супруга Джигарханяна рассказала о его состоянии",
            "Пианистка Виталина Цымбалюк-Романовская призналась в беседе с порталом, что всерьез озабочена ситуацией.",
            "2020-06-09T04:25+0300",
            "шоу-бизнес",
            "армен джигарханян",
            "РИА Новости internet-group@rian.ru +74956456601 ФГУП МИА «Россия сегодня» 252 60",
            "ru_RU",
        ]
    )
    a = flat.parse(text)
    assert a.title == "Экс-супруга Джигарханяна рассказала о его состоянии"
    assert a.description is not None and a.description.startswith("Пианистка")
    assert a.published == dt.datetime(2020, 6, 9, 4, 25, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert a.tags == ("шоу-бизнес", "армен джигарханян")
    assert a.publisher is not None and a.publisher.legal_name == "ФГУП МИА «Россия сегодня»"
    assert a.language == "ru-RU"
    assert a.unrecognised == ()


def test_stripped_lines_are_kept_and_reported_never_a_title() -> None:
    a = flat.parse(
        "https://ria.ru/20210508/x-1731567752.html\r\n , -2021, , . , 08.05.2021\r\n/html/head/meta[@name='og:title']/@content"
    )
    assert a.title is None
    assert [u.text for u in a.unrecognised] == [", -2021, , . , 08.05.2021"]
    assert any(i.code == "letters-stripped" for i in a.issues)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\r\n"])
def test_empty_input_is_an_empty_record(text: str) -> None:
    a = flat.parse(text)
    assert a.url is None and a.unrecognised == () and a.source == "flat"
