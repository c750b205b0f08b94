"""The NewsAPI adapter: input shapes, envelope mapping, content, batches."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

import newsmeta
from newsmeta.adapters import newsapi
from newsmeta.cli import main

UTC = dt.timezone.utc

# Real items (../shared/corpora/newsapi/dumps.jsonl), trimmed to the envelope keys.
URL_LIST = {
    "source": {"id": None, "name": "Ria.ru"},
    "author": "",
    "title": "Космический телескоп 'Хеопс' показал беспрецедентную точность - РИА НОВОСТИ",
    "description": "Европейское космическое агентство сообщило о завершении этапа орбитальных"
    ' испытаний и тестирования космического телескопа "Хеопс", предназначенного для'
    " изучения РИА Новости, 17.04.2020",
    "url": "https://ria.ru/20200417/1570193622.html",
    "urlToImage": "https://cdn21.img.ria.ru/images/sharing/article/1570193622.jpg?9046885511587126471",
    "publishedAt": "2020-04-17T12:44:39Z",
    "content": "https://ria.ru/20200417/1570193622.html\r\n"
    "https://cdn25.img.ria.ru/images/90468/85/904688552_0:298:1107:921_1036x0_80_0_0_15ced528240ec690f5a340af60909ef6.jpg.webp\r\n"
    "https://cdn22.img.ria.ru/i/export/ria/logo.png\r\n"
    "https://cdn22.img.ria.ru/i/export/ria/logo.png\r… [+350 chars]",
}
XPATH = {
    "source": {"id": None, "name": "Ria.ru"},
    "author": "",
    "title": "Starbucks запретила работникам носить атрибутику Black Lives Matter - РИА НОВОСТИ",
    "description": "Американская компания Starbucks запретила своим сотрудникам надевать на"
    " работу одежду или атрибутику с упоминанием антирасистского движения Black Lives"
    " Matter... РИА Новости, 12.06.2020",
    "url": "https://ria.ru/20200612/1572849198.html",
    "urlToImage": "https://cdn21.img.ria.ru/images/sharing/article/1572849198.jpg",
    "publishedAt": "2020-06-12T03:45:00Z",
    "content": "https://ria.ru/20200612/1572849198.html\r\nStarbucks Black Lives Matter\r\n"
    "/html/head/meta[@name='og:title']/@content\r\n"
    "/html/head/meta[@name='og:description']/@content\r\n"
    "https://cdn25.img.ria.ru/images/10… [+1413 chars]",
}
BORDERLINE = {
    "source": {"id": None, "name": "Sm-news.ru"},
    "author": "Максим Суворов",
    "title": "Знаки зодиака, которым надо быть настороже в этом году - SM News",
    "description": "Кого-то из знаков зодиака удача будет сопровождать весь год.",
    "url": "https://sm-news.ru/znaki-zodiaka-kotorym-nado-byt-nastorozhe-v-etom-godu-58015/",
    "urlToImage": "https://sm-news.ru/wp-content/uploads/2020/04/19/i-3.jpg",
    "publishedAt": "2020-04-19T10:10:55Z",
    "content": "https://www.unian.net/\r\n, . , . , .\r\nhttps://www.unian.net/\r\n. . , .",
}
ORDINARY = {
    "source": {"id": None, "name": "Thethaiger.com"},
    "author": "May Taylor",
    "title": "Obesity on the rise in the Land of Smiles - The Thaiger",
    "description": "The World Health Organisation says nearly one third of Thailand's"
    " population is overweight and 9% of the country is obese.",
    "url": "https://thethaiger.com/news/national/obesity-on-the-rise-in-the-land-of-smiles",
    "urlToImage": "https://thethaiger.com/wp-content/uploads/2020/05/FastFood.jpg",
    "publishedAt": "2020-05-05T05:01:01Z",
    "content": "Lack of social distancing at BTS stations in Bangkok\r\nThis morning with thousands"
    " of people heading off to work in Bangkok, they ended up stranded at BTS stations"
    " after services were hit by a technical error. \r\nA post via twitter at 6am from"
    " BTS SkyTrain auth… [+3174 chars]",
}


def _one(item: dict[str, object]) -> newsmeta.Article:
    return newsmeta.parse(json.dumps(item, ensure_ascii=False))


# --------------------------------------------------------------------------- shapes


def test_detected_as_newsapi() -> None:
    assert newsmeta.detect(json.dumps(ORDINARY)) == "newsapi"
    assert newsmeta.detect(json.dumps({"status": "ok", "articles": [ORDINARY]})) == "newsapi"


@pytest.mark.parametrize(
    ("text", "title_path"),
    [
        (json.dumps(ORDINARY), "$.title"),
        (json.dumps([ORDINARY]), "$[0].title"),
        (
            json.dumps({"status": "ok", "totalResults": 1, "articles": [ORDINARY]}),
            "$.articles[0].title",
        ),
    ],
    ids=["object", "list", "response"],
)
def test_one_article_in_each_shape(text: str, title_path: str) -> None:
    a = newsmeta.parse(text, input_name="in.json")
    assert a.title == "Obesity on the rise in the Land of Smiles"
    assert a.provenance["title"].location.path == title_path
    assert a.provenance["title"].raw == ORDINARY["title"]
    assert a.provenance["title"].location.input == "in.json"
    assert a.source == "newsapi"


def test_response_paths_per_item() -> None:
    text = json.dumps({"status": "ok", "totalResults": 2, "articles": [ORDINARY, URL_LIST]})
    first, second = newsmeta.parse_all(text)
    assert second.provenance["published"].location.path == "$.articles[1].publishedAt"
    assert first.url == ORDINARY["url"]


def test_json_lines() -> None:
    text = "\n".join(json.dumps(i) for i in (ORDINARY, URL_LIST, XPATH))
    records = newsmeta.parse_all(text, input_name="items.jsonl")
    assert [r.url for r in records] == [ORDINARY["url"], URL_LIST["url"], XPATH["url"]]
    assert records[2].provenance["url"].location.input == "items.jsonl#3"


def test_parse_refuses_several_articles() -> None:
    with pytest.raises(newsmeta.InputError, match=r"holds 2 articles.*parse_all"):
        newsmeta.parse(json.dumps([ORDINARY, XPATH]))


def test_parse_refuses_no_articles() -> None:
    with pytest.raises(newsmeta.InputError, match="no articles"):
        newsmeta.parse('{"status": "ok", "totalResults": 0, "articles": []}')


def test_error_response_is_an_error() -> None:
    text = '{"status": "error", "code": "apiKeyInvalid", "message": "Your API key is invalid."}'
    with pytest.raises(newsmeta.InputError, match="apiKeyInvalid"):
        newsmeta.parse(text, format="newsapi")


def test_bad_items_yield_errors_and_the_rest_go_on() -> None:
    lines = [json.dumps(ORDINARY), '{"title": "broken', "[1, 2]", json.dumps(XPATH)]
    results = list(newsmeta.parse_many("\n".join(lines), input_name="b.jsonl"))
    assert [r.ok for r in results] == [True, False, False, True]
    assert "b.jsonl#2" in str(results[1].error)
    assert "b.jsonl#3" in str(results[2].error)
    assert results[3].unwrap().url == XPATH["url"]
    with pytest.raises(newsmeta.InputError, match=r"b\.jsonl#2"):
        newsmeta.parse_all("\n".join(lines), input_name="b.jsonl")


def test_non_object_in_articles_is_an_error_entry() -> None:
    text = json.dumps({"status": "ok", "articles": [ORDINARY, "oops", {"foo": 1}]})
    results = list(newsmeta.parse_many(text, input_name="r.json"))
    assert [r.ok for r in results] == [True, False, False]
    assert "$.articles[1]" in str(results[1].error)
    assert "not a NewsAPI article" in str(results[2].error)


def test_parse_many_never_raises_for_unreadable_input() -> None:
    (result,) = newsmeta.parse_many(b"{not json", format="newsapi", input_name="x")
    assert not result.ok and isinstance(result.error, newsmeta.InputError)


def test_parse_many_on_a_single_record_format() -> None:
    (result,) = newsmeta.parse_many(" date 2022-01-07 https://example.com/a.html\n\nA Title\n")
    assert result.unwrap().url == "https://example.com/a.html"


# --------------------------------------------------------------------------- envelope


def test_envelope_fields() -> None:
    a = _one(ORDINARY)
    assert a.url == ORDINARY["url"]
    assert a.published == dt.datetime(2020, 5, 5, 5, 1, 1, tzinfo=UTC)
    assert a.provenance["published"].raw == "2020-05-05T05:01:01Z"
    assert a.og_image == ORDINARY["urlToImage"]
    assert a.provenance["og_image"].location.path == "$.urlToImage"
    assert [p.name for p in a.authors] == ["May Taylor"]
    assert a.provenance["authors[0]"].location.path == "$.author"
    assert a.publisher is not None and a.publisher.name == "Thethaiger.com"
    assert a.provenance["publisher"].location.path == "$.source"
    assert a.description is not None and a.description.startswith("The World Health")


def test_title_keeps_its_site_suffix_unless_it_names_the_site() -> None:
    assert _one(ORDINARY).title == "Obesity on the rise in the Land of Smiles"
    item = dict(ORDINARY, title="Covid - What we know so far")
    assert _one(item).title == "Covid - What we know so far"


def test_published_without_offset_is_flagged() -> None:
    a = _one(dict(ORDINARY, publishedAt="2020-05-05T05:01:01"))
    assert a.published is not None and a.published.tzinfo is not None
    assert any(i.code == "timezone-assumed" and i.field == "published" for i in a.issues)


def test_bad_values_are_issues_not_errors() -> None:
    a = _one(dict(ORDINARY, title=42, publishedAt="yesterday", url="not a url", source="x"))
    codes = {i.code for i in a.issues}
    assert {"invalid-value", "invalid-date", "invalid-url"} <= codes
    assert a.title is None and a.published is None and a.url is None
    assert {u.location.path for u in a.unrecognised} >= {"$.title", "$.publishedAt", "$.url"}


def test_unknown_keys_are_kept() -> None:
    a = _one(dict(ORDINARY, category="emergency"))
    assert any(u.location.path == "$.category" for u in a.unrecognised)


# --------------------------------------------------------------------------- content


def test_url_list_dump() -> None:
    a = _one(URL_LIST)
    assert a.url == URL_LIST["url"]
    assert a.og_image == URL_LIST["urlToImage"]
    # The dump's own image is an article image; the repeated logo is the publisher's.
    assert [i.url for i in a.images] == [
        "https://cdn25.img.ria.ru/images/90468/85/904688552_0:298:1107:921_1036x0_80_0_0_15ced528240ec690f5a340af60909ef6.jpg.webp"
    ]
    assert a.images[0].width == 1036
    assert a.publisher is not None and a.publisher.logo is not None
    assert a.publisher.logo.url == "https://cdn22.img.ria.ru/i/export/ria/logo.png"
    assert a.publisher.name == "Ria.ru"
    # The lone \r left by the cut: the last logo line is whole, nothing is partial.
    assert a.truncation is not None and a.truncation.missing_chars == 350
    assert a.truncation.partial is None
    assert a.provenance["url"].location.path == "$.url"  # the dump repeats it; the envelope stands
    assert a.truncation.location.path == "$.content"


def test_xpath_placeholder_dump_and_partly_stripped_line() -> None:
    a = _one(XPATH)
    assert a.url == XPATH["url"]
    assert [(p.field, p.truncated) for p in a.placeholders] == [
        ("og:title", False),
        ("og:description", False),
    ]
    assert a.placeholders[0].location.lines == (3,)
    assert a.placeholders[0].location.path == "$.content"
    assert a.truncation is not None and a.truncation.missing_chars == 1413
    # "Starbucks Black Lives Matter" is the title with its Russian words deleted.
    assert a.title is not None and a.title.startswith("Starbucks запретила")
    stripped = [i for i in a.issues if i.code == "letters-stripped"]
    assert stripped and stripped[0].location.lines == (2,)
    assert any(u.text == "Starbucks Black Lives Matter" for u in a.unrecognised)


def test_punctuation_only_line_is_not_a_title() -> None:
    item = dict(
        XPATH,
        content=XPATH["content"].replace(
            "Starbucks Black Lives Matter", " , -2021, , . , 08.05.2021"
        ),
    )
    a = _one(item)
    assert a.provenance["title"].location.path == "$.title"
    assert any(i.code == "letters-stripped" for i in a.issues)


def test_other_site_url_first_is_not_a_dump() -> None:
    a = _one(BORDERLINE)
    assert all(p.adapter == "newsapi" for p in a.provenance.values())
    assert a.body is None  # every line was stripped to punctuation
    assert sum(i.code == "letters-stripped" for i in a.issues) == 2
    assert sum(i.code == "unknown-url" for i in a.issues) == 2


def test_snippet_body_is_truncated() -> None:
    a = _one(ORDINARY)
    assert a.body is not None
    assert a.body.split("\n\n")[0] == "Lack of social distancing at BTS stations in Bangkok"
    assert a.body.endswith("from BTS SkyTrain auth")
    assert a.truncation is not None and a.truncation.missing_chars == 3174
    assert a.provenance["body"].location.lines == (1, 2, 3)
    assert any(i.code == "truncated" for i in a.issues)


def test_snippet_without_marker_is_whole() -> None:
    a = _one(dict(ORDINARY, content="Short and complete."))
    assert a.body == "Short and complete." and a.truncation is None


def test_snippet_html_is_read_as_text() -> None:
    a = _one(dict(ORDINARY, content="<ul><li>One&amp;two</li><li>Three</li></ul>"))
    assert a.body == "One&two\n\nThree"
    assert any(i.code == "html-in-content" for i in a.issues)


def test_snippet_with_letters_deleted_is_flagged() -> None:
    item = dict(
        ORDINARY,
        title="Devyniolikmečių pasaulio čempionato ketvirtfinalis",
        description="Devyniolikmečių (U19) pasaulio krepšinio čempionate – skaudus pralaimėjimas.",
        content="Pirmajame rungtyni klinyje lietuviai itin gerai inaudojo greitj puolim… [+20 chars]",
    )
    a = _one(item)
    assert a.body is not None
    assert any(i.code == "letters-stripped" and i.field == "body" for i in a.issues)


@pytest.mark.parametrize("content", [None, "", "   "])
def test_empty_content(content: str | None) -> None:
    a = _one(dict(ORDINARY, content=content))
    assert a.body is None and a.truncation is None


def test_is_dump() -> None:
    assert newsapi.is_dump(XPATH["content"], XPATH["url"])
    assert newsapi.is_dump(URL_LIST["content"], "http://www.ria.ru/20200417/1570193622.html/")
    assert not newsapi.is_dump(BORDERLINE["content"], BORDERLINE["url"])
    assert not newsapi.is_dump(ORDINARY["content"], ORDINARY["url"])


# --------------------------------------------------------------------------- CLI


def test_cli_jsonl_prints_one_record_per_item(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join([json.dumps(ORDINARY), "{oops", json.dumps(XPATH)]) + "\n")
    out, err = io.StringIO(), io.StringIO()
    code = main(["parse", "--jsonl", str(path)], stdout=out, stderr=err)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["url"] for r in rows] == [ORDINARY["url"], XPATH["url"]]
    assert code == 1
    assert "items.jsonl#2" in err.getvalue()


def test_mojibake_is_repaired_and_flagged() -> None:
    item = dict(
        ORDINARY,
        description="Many of us know a \u00e2\u0080\u0098Karan\u00e2\u0080\u0099: an alumnus",
        content="Apr\u00c3\u00a8s l\u00e2\u0080\u0099histoire-g\u00c3\u00a9ographie",
    )
    a = _one(item)
    assert a.description == "Many of us know a ‘Karan’: an alumnus"
    assert a.body == "Après l’histoire-géographie"
    assert a.provenance["description"].raw == item["description"]
    assert {i.field for i in a.issues if i.code == "mojibake-repaired"} == {"description", "body"}


def test_json_lines_numbers_count_blank_lines() -> None:
    text = "\n\n" + json.dumps(ORDINARY) + "\n\n" + json.dumps(XPATH) + "\n"
    first, second = newsmeta.parse_all(text, input_name="x.jsonl")
    assert first.provenance["url"].location.input == "x.jsonl#3"
    assert second.provenance["url"].location.input == "x.jsonl#5"


def test_the_truncation_marker_is_not_read_as_mojibake() -> None:
    # "Ä…" is also how "ą" looks when UTF-8 is read as Windows-1252.
    a = _one(dict(ORDINARY, content="Äa aa aÄ… [+1 chars]"))
    assert a.truncation is not None and a.truncation.missing_chars == 1


def test_bbc_credit_and_caption_are_an_image_not_body() -> None:
    content = (
        "Image copyrightAFPImage caption\r\n Protesters across the country have called for"
        " the lockdown to end\r\nDemocratic governors have asked the White House to urge"
        " Americans to heed stay-at-home orders.\r\nMichigan G… [+120 chars]"
    )
    a = _one(dict(ORDINARY, content=content))
    assert [(i.credit, i.caption) for i in a.images] == [
        ("AFP", "Protesters across the country have called for the lockdown to end")
    ]
    assert a.provenance["images[0]"].location.lines == (1, 2)
    assert a.body is not None and a.body.startswith("Democratic governors")


def test_boilerplate_lines_are_not_body() -> None:
    a = _one(dict(ORDINARY, content="Skip to content\r\nThe story starts here."))
    assert a.body == "The story starts here."
    assert any(i.code == "boilerplate" for i in a.issues)
