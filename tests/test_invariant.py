"""The invariant, fuzzed: any input yields a record or raises a ``NewsmetaError``.

Every adapter in :data:`newsmeta.adapters.ADAPTERS` is fed hostile inputs
(``tests/strategies.py``): arbitrary text and bytes, arbitrary JSON, and
structure-aware inputs of every format, in many encodings. Nothing but a
:class:`~newsmeta.errors.NewsmetaError` may escape (no raw lxml, json,
``UnicodeDecodeError``, ``KeyError``...), the error must say something, and
every record must survive its own JSON round trip (the CLI prints it).

Run long: ``HYPOTHESIS_PROFILE=thorough pytest tests/test_invariant.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import parsel
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta.adapters import ADAPTERS
from newsmeta.errors import NewsmetaError
from newsmeta.records import Article
from tests import strategies as S

ADAPTER_NAMES = sorted(ADAPTERS)

#: These inputs are costly to draw: the default run takes a quarter of the
#: profile's examples (25 under ``ci``, 1,250 under ``thorough``); the atheris
#: targets in ``fuzz/`` do the long runs.
budget = settings(max_examples=max(10, settings.default.max_examples // 4))


def holds(call: Callable[[object], object], data: object) -> Article | None:
    """Run ``call(data)``; it must return an Article or raise a NewsmetaError with a message."""
    try:
        result = call(data)
    except NewsmetaError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        return None
    assert isinstance(result, Article), f"returned {type(result).__name__}, not an Article"
    again = Article.from_json(result.to_json())
    assert again == result, "the record does not survive its JSON round trip"
    return result


def test_every_adapter_has_a_structure_aware_strategy() -> None:
    missing = set(ADAPTERS) - set(S.BY_FORMAT)
    assert not missing, f"add a strategy for {sorted(missing)} to tests/strategies.BY_FORMAT"


@pytest.mark.parametrize("name", ADAPTER_NAMES)
@budget
@given(data=st.data())
def test_adapter_yields_record_or_newsmeta_error(name: str, data: st.DataObject) -> None:
    own = S.BY_FORMAT[name]()
    value = data.draw(st.one_of(own, S.encoded(own), S.hostile_inputs()), label="input")
    holds(lambda d: ADAPTERS[name].parse(d, input_name="fuzz"), value)  # type: ignore[arg-type]


@budget
@given(value=S.hostile_inputs())
def test_parse_with_detection_yields_record_or_newsmeta_error(value: str | bytes) -> None:
    holds(newsmeta.parse, value)


@budget
@given(text=st.one_of(S.tricky_text, S.any_format(), S.json_text()))
def test_detect_names_an_adapter_or_raises_newsmeta_error(text: str) -> None:
    try:
        name = newsmeta.detect(text)
    except NewsmetaError as exc:
        assert str(exc)
        return
    assert name in ADAPTERS


@pytest.mark.parametrize(
    "value",
    [None, 42, 4.2, ["a"], {"title": "x"}, object(), b"\x00" * 3, "", b""],
    ids=repr,
)
@pytest.mark.parametrize("name", [None, *ADAPTER_NAMES])
def test_wrong_types_and_empty_inputs(name: str | None, value: object) -> None:
    holds(lambda d: newsmeta.parse(d, format=name), value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "  \n", "\ufeff", b"\xef\xbb\xbf\r\n"], ids=repr)
def test_empty_input_says_so_when_the_format_is_detected(text: str | bytes) -> None:
    with pytest.raises(newsmeta.FormatError, match="the input is empty"):
        newsmeta.parse(text)


_PAGE = b"<html><head><title>A page</title></head></html>"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: newsmeta.parse(_PAGE, url=123),
            r"url must be of type str \(or a URL object\), not int",
        ),
        (lambda: newsmeta.parse(_PAGE, url=b"https://a.example/"), "url must be of type str"),
        (lambda: newsmeta.parse(_PAGE, content_type=5), "content_type must be of type str"),
        (lambda: newsmeta.parse(_PAGE, limits="big"), "limits must be of type Limits"),
        (lambda: newsmeta.parse(_PAGE, input_name=5), "input_name must be of type str"),
        (lambda: newsmeta.validate({"title": "x"}), "record must be of type Article"),
        (lambda: newsmeta.validate(newsmeta.Article(), now="2020"), "now must be of type datetime"),
        (lambda: newsmeta.parse_selector(parsel.Selector(text="<p/>"), url=5), "url must be"),
        (lambda: newsmeta.fill_placeholders(newsmeta.Article(), _PAGE, url=5), "url must be"),
        (lambda: newsmeta.fill_placeholders({}, _PAGE), "article must be of type Article"),
    ],
    ids=[
        "url-int",
        "url-bytes",
        "content-type",
        "limits",
        "input-name",
        "validate-record",
        "validate-now",
        "selector-url",
        "fill-url",
        "fill-article",
    ],
)
def test_wrong_keyword_arguments_are_input_errors_that_name_them(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(newsmeta.InputError, match=message):
        call()


def test_parse_many_reports_a_wrong_argument_as_a_result() -> None:
    (result,) = newsmeta.parse_many(_PAGE, limits="big")  # type: ignore[arg-type]
    assert isinstance(result.error, newsmeta.InputError) and result.article is None


@pytest.mark.parametrize("fmt", ["no-such-format", "FLAT", "html "])
def test_unknown_format_is_a_format_error(fmt: str) -> None:
    with pytest.raises(newsmeta.FormatError, match="format"):
        newsmeta.parse("x", format=fmt)
