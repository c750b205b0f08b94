"""Encodings of line-based inputs: decode, or give a clear error; lossy is never silent."""

from __future__ import annotations

import newsmeta


def lossy(article: newsmeta.Article) -> list[str]:
    return [i.message for i in article.issues if i.code == "lossy-decoding"]


def test_lone_surrogates_in_str_are_replaced_and_reported() -> None:
    a = newsmeta.parse("https://a.example/x\n\nTitle \ud800 here \ud83d\ude00\n", format="flat")
    assert a.title == "Title \ufffd here \U0001f600"  # the pair is joined, the lone one replaced
    assert any("surrogate" in m for m in lossy(a))
    assert newsmeta.Article.from_json(a.to_json()) == a
