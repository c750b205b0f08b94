"""One front door (issue 14): the Python API and the command line read every
input by the same rules, because the command line reads through the API.

* ``newsmeta.parse(x)`` and ``newsmeta parse x`` give the same record for
  every golden fixture (with its options), and for every fixture's expected
  JSON, which is a record newsmeta wrote: read back as that record, never as
  a dump.
* JSON Lines read the same way in Python and on the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsmeta
from newsmeta import cli
from tests.conftest import FIXTURES
from tests.test_golden import golden_pairs


def _cli(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> bytes:
    code = cli.main(["parse", *args])
    out = capsysbinary.readouterr().out
    assert code == 0, out
    return out


def _options(path: Path) -> dict[str, str]:
    meta = path.with_name(path.name.split(".")[0] + ".options.json")
    return json.loads(meta.read_text()) if meta.exists() else {}


@pytest.mark.parametrize(
    ("source", "expected"), golden_pairs(), ids=lambda p: p.relative_to(FIXTURES).as_posix()
)
def test_python_and_the_command_line_give_one_record(
    source: Path, expected: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    options = _options(source)
    flags = [f"--{k.replace('_', '-')}={v}" for k, v in options.items()]
    printed = newsmeta.Article.from_json(_cli(capsysbinary, *flags, str(source)))
    assert printed == newsmeta.parse(source.read_bytes(), input_name=str(source), **options)


@pytest.mark.parametrize(
    "expected", [e for _s, e in golden_pairs()], ids=lambda p: p.relative_to(FIXTURES).as_posix()
)
def test_a_record_newsmeta_wrote_reads_back_as_itself(
    expected: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = expected.read_bytes()
    want = newsmeta.Article.from_json(data)
    assert newsmeta.parse(data) == want
    assert newsmeta.parse(data.decode("utf-8")) == want
    assert newsmeta.Article.from_json(_cli(capsysbinary, str(expected))) == want


def test_an_array_of_records_reads_back_in_parse_many_and_parse_all() -> None:
    records = [newsmeta.Article.from_json(e.read_bytes()) for _s, e in golden_pairs()[:3]]
    data = json.dumps([r.to_dict() for r in records])
    assert newsmeta.parse_all(data) == records
    with pytest.raises(newsmeta.InputError, match="holds 3 newsmeta records"):
        newsmeta.parse(data)


def test_json_lines_read_the_same_in_python_and_on_the_command_line(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    records = [newsmeta.Article.from_json(e.read_bytes()) for _s, e in golden_pairs()[:3]]
    item = {"title": "A title", "url": "https://a.example/x", "content": "Body"}
    lines = [*(r.to_json() for r in records), json.dumps(item)]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    python = [r.unwrap() for r in newsmeta.parse_many(path.read_bytes())]
    printed = [
        newsmeta.Article.from_json(line)
        for line in _cli(capsysbinary, "--jsonl", str(path)).splitlines()
    ]
    assert python[:3] == records  # records read back, not parsed as items
    assert python[3].title == "A title" and python[3].source == "newsapi"
    assert [p.to_dict() for p in printed][:3] == [r.to_dict() for r in records]
    assert printed[3].title == python[3].title and printed[3].source == python[3].source
