"""Lossless and idempotent, as properties over hostile inputs (issue 6).

* Every non-blank line of a line-based input (dumps, text) is accounted for by
  its record: a field's provenance, a placeholder, the truncation, an issue or
  an unrecognised entry names its line number. ``tests/test_flat_properties.py``
  checks this on rendered records; here the inputs are the hostile ones.
* (A record rendered as a dump parses back to itself: the lead's
  ``tests/test_flat_properties.py::test_full_rendering_round_trips``.)
* The JSON of every record reads back to the same record.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmeta
from newsmeta._text import as_text, split_lines
from newsmeta.adapters import ADAPTERS
from newsmeta.errors import NewsmetaError
from newsmeta.records import Article
from tests import strategies as S

#: Adapters whose input is lines, so ``Article.accounted_lines`` applies.
LINE_FORMATS = [name for name in ("flat", "text") if name in ADAPTERS]

budget = settings(max_examples=max(10, settings.default.max_examples // 4))


def nonblank_lines(data: str | bytes) -> set[int]:
    text, _ = as_text(data)
    return {n for n, line in split_lines(text.removeprefix("\ufeff")) if line.strip()}


@pytest.mark.parametrize("name", LINE_FORMATS)
@budget
@given(data=st.data())
def test_every_nonblank_line_is_accounted_for(name: str, data: st.DataObject) -> None:
    own = S.BY_FORMAT[name]()
    value = data.draw(st.one_of(own, S.tricky_text, S.encoded(own)))
    try:
        article = ADAPTERS[name].parse(value)
    except NewsmetaError:
        return
    missing = nonblank_lines(value) - article.accounted_lines()
    assert not missing, f"lines {sorted(missing)} are in no field, issue or unrecognised entry"


@budget
@given(S.hostile_inputs())
def test_record_json_round_trip(value: str | bytes) -> None:
    try:
        article = newsmeta.parse(value)
    except NewsmetaError:
        return
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(article.to_dict()) == article
