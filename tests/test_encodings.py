"""Encodings of line-based inputs (dumps, text): decode, or give a clear error;
a guessed or lossy decoding is an issue, never silent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmeta
from newsmeta._decode import as_text

LINE_FORMATS = ["flat", "text"]

DUMP = (
    " date 2022-01-07 https://ria.ru/20220107/kazakhstan-1767025493.html\n\n"
    "Токаев приказал открывать огонь по террористам без предупреждения\n\n"
    "По словам президента Казахстана, в Алма-Ате действовали двадцать тысяч боевиков.\n\n"
    "2022-01-07T08:36+0300\n\n"
    "казахстан\n\n"
    "касым-жомарт токаев\n"
)


def decoding_issues(a: newsmeta.Article) -> list[str]:
    return [i.message for i in a.issues if i.code == "lossy-decoding"]


def test_lone_surrogates_in_str_are_replaced_and_reported() -> None:
    a = newsmeta.parse("https://a.example/x\n\nTitle \ud800 here \ud83d\ude00\n", format="flat")
    assert a.title == "Title \ufffd here \U0001f600"  # the pair is joined, the lone one replaced
    assert any("surrogate" in m for m in decoding_issues(a))
    assert newsmeta.Article.from_json(a.to_json()) == a


@pytest.mark.parametrize("name", LINE_FORMATS)
@pytest.mark.parametrize(
    ("codec", "silent"),
    [
        ("utf-8", True),
        ("utf-8-sig", True),
        ("utf-16", True),  # with a BOM
        ("utf-32", True),
        ("utf-16-le", False),  # no BOM: told by its byte pattern, and said so
        ("utf-16-be", False),
        ("cp1251", False),
        ("koi8-r", False),
    ],
)
def test_russian_in_any_encoding_reads_as_in_utf8(name: str, codec: str, silent: bool) -> None:
    want = newsmeta.parse(DUMP, format=name)
    got = newsmeta.parse(DUMP.encode(codec), format=name)
    assert got.title == want.title and got.body == want.body and got.tags == want.tags
    notes = decoding_issues(got)
    assert (notes == []) == silent, notes
    if not silent:
        assert codec.replace("-", "_").removeprefix("utf_") in notes[0].replace("-", "_").lower()


@pytest.mark.parametrize("name", LINE_FORMATS)
def test_mixed_encodings_keep_utf8_lines_and_name_the_others(name: str) -> None:
    lines = DUMP.split("\n")
    data = "\n".join(lines[:4]).encode("utf-8") + b"\n" + "\n".join(lines[4:]).encode("cp1251")
    got = newsmeta.parse(data, format=name)
    want = newsmeta.parse(DUMP, format=name)
    assert got.to_dict()["title"] == want.title
    assert got.description == want.description and got.tags == want.tags
    (note,) = decoding_issues(got)
    assert "mixed encodings" in note and "line(s) 5" in note and "cp1251" in note


@pytest.mark.parametrize("name", LINE_FORMATS)
def test_mojibake_lines_are_repaired_and_reported(name: str) -> None:
    lines = DUMP.split("\n")
    lines[2] = lines[2].encode("utf-8").decode("latin-1")  # UTF-8 read as Latin-1 upstream
    got = newsmeta.parse("\n".join(lines), format=name)
    assert got.title == newsmeta.parse(DUMP, format=name).title
    assert any("mojibake" in m and "line(s) 3" in m for m in decoding_issues(got))


def test_mojibake_repair_leaves_the_truncation_marker_alone() -> None:
    # "Ä" then the marker's "…" is C4 85 in Windows-1252: UTF-8 for "ą".
    a = newsmeta.parse(
        "https://a.example/x\n\nNaïve title\n\nCut short at Ä… [+120 chars]", format="flat"
    )
    assert a.truncation is not None and a.truncation.missing_chars == 120


def test_a_lying_bom_is_a_clear_error() -> None:
    with pytest.raises(newsmeta.DecodeError, match="bad UTF-16 after its byte-order mark"):
        newsmeta.parse(b"\xff\xfe\x00\xd8\x00\xd8", format="flat")


def test_undecodable_bytes_become_u_fffd_with_an_issue() -> None:
    _text, notes = as_text(b"https://a.example/x\n\nTitle \x81\x8d\x8f\x90\x9d here\n")
    assert notes  # whatever the guess, it is said


@pytest.mark.parametrize(
    "broken",
    [b"\xed\xa0\x80", b"\xd0", b"\xff", b"\xe2\x80"],  # a surrogate, cut sequences, a stray byte
    ids=repr,
)
def test_utf8_with_a_stray_broken_sequence_stays_utf8(broken: bytes) -> None:
    # One bad sequence in otherwise UTF-8 text (one JSON Lines item, one line):
    # nothing else "proves" UTF-8 line by line, and legacy detection garbled it all.
    raw = "Заголовок новости ".encode() + broken + " и дальше текст".encode()
    text, notes = as_text(raw)
    # The one stray-byte rule (shared with the HTML decoder): stray bytes are
    # read as windows-1252, a byte it leaves undefined becomes U+FFFD.
    stray = broken.decode("cp1252", "replace")
    assert text == "Заголовок новости " + stray + " и дальше текст"
    assert notes == [
        "not valid UTF-8 (first bad byte at 34); read as UTF-8 with 1 stray byte"
        " sequence(s) read as windows-1252"
    ]


def test_legacy_text_with_no_utf8_in_it_is_still_detected() -> None:
    text, notes = as_text("Президент приказал открыть огонь".encode("cp1251"))
    assert text == "Президент приказал открыть огонь" and "cp1251" in notes[0]


BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@given(st.binary(min_size=1))
def test_no_decoding_guess_is_silent(data: bytes) -> None:
    """Bytes that are not plain UTF-8 always leave a note (or are an error)."""
    try:
        text, notes = as_text(data)
    except newsmeta.DecodeError:
        assert data.startswith(BOMS)  # only a byte-order mark that lies is an error
        return
    try:
        plain = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8") == text
    except UnicodeDecodeError:
        plain = False
    if not plain and not data.startswith(BOMS):
        assert notes
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        assert any("U+FFFD" in n for n in notes)


# ---------------------------------------------------------------------- HTML (charset sniffing
# is the HTML adapter's: docs/html.md); these check the pages the line-based cases mirror.

TITLE = "Токаев приказал открывать огонь по террористам без предупреждения"
PAGE = (
    "<html><head>{meta}<title>" + TITLE + "</title></head><body><p>По словам президента"
    " Казахстана, в Алма-Ате действовали двадцать тысяч боевиков.</p></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "codec", "silent"),
    [
        ('<meta charset="windows-1251">', "cp1251", True),
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r", True),
        ("", "cp1251", False),
        ("", "koi8-r", False),  # charset-normalizer alone says Shift JIS
        ("", "utf-16", True),  # BOM
        ("", "utf-16-le", False),  # no BOM
        ("", "utf-16-be", False),
        ('<meta charset="windows-1251">', "utf-8", False),  # the declaration lies
    ],
)
def test_russian_pages_in_any_encoding(meta: str, codec: str, silent: bool) -> None:
    data = PAGE.format(meta=meta).encode(codec)
    for got in (newsmeta.parse(data, format="html"), newsmeta.parse(data)):
        assert got.source == "html" and got.title == TITLE
        notes = [i for i in got.issues if i.code in ("lossy-decoding", "encoding-mismatch")]
        assert (notes == []) == silent, notes
