"""Limits with clear errors: past ``max_input_bytes`` is a ``LimitError`` naming
the limit, in the library and on the command line, and the command line never
reads more than the limit (a huge file, a gzip bomb, an endless JSON line)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

import newsmeta
from newsmeta import cli
from newsmeta._batch import _blocks
from newsmeta.adapters import ADAPTERS
from newsmeta.settings import DEFAULT_LIMITS

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "dumps" / "sputnik-seed-001.txt"


@pytest.mark.parametrize(
    "kwargs",
    [{"max_input_bytes": -1}, {"max_input_bytes": "5"}, {"max_lines": 2.5}, {"max_lines": True}],
    ids=repr,
)
def test_a_wrong_limit_is_a_config_error_naming_it(kwargs: dict[str, object]) -> None:
    # A string limit used to pass, then fail comparing str with int inside a parse.
    (name,) = kwargs
    with pytest.raises(newsmeta.ConfigError, match=f"Limits.{name} must be a whole number"):
        newsmeta.Limits(**kwargs)  # type: ignore[arg-type]


def test_render_needs_an_article() -> None:
    from newsmeta.render import to_dump

    with pytest.raises(newsmeta.InputError, match="article must be of type Article, not dict"):
        to_dump({"title": "x"})  # type: ignore[arg-type]


def test_default_is_sane() -> None:
    assert 1024**2 <= DEFAULT_LIMITS.max_input_bytes <= 1024**3


@pytest.mark.parametrize("name", sorted(ADAPTERS))
@pytest.mark.parametrize("kind", [str, bytes])
def test_past_the_limit_is_a_limit_error_naming_it(name: str, kind: type) -> None:
    data = SEED.read_text(encoding="utf-8")
    value = data if kind is str else data.encode("utf-8")
    limits = newsmeta.Limits(max_input_bytes=1000)
    with pytest.raises(newsmeta.LimitError, match="max_input_bytes=1,000"):
        newsmeta.parse(value, format=name, limits=limits)
    with pytest.raises(newsmeta.LimitError, match="max_input_bytes"):
        newsmeta.parse(value, limits=limits)  # detection too


def test_utf8_size_counts_for_text() -> None:
    text = "ж" * 600  # 1,200 bytes in UTF-8
    with pytest.raises(newsmeta.LimitError):
        newsmeta.parse(text, format="text", limits=newsmeta.Limits(max_input_bytes=1000))


def test_line_limit_names_the_limit() -> None:
    with pytest.raises(newsmeta.LimitError, match="max_lines=10"):
        newsmeta.parse("x\n" * 20, format="flat", limits=newsmeta.Limits(max_lines=10))


def run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code = cli.main(argv, stdin=inp, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("flag", "size"), [("1000", 1000), ("2K", 2048), ("1M", 1024**2), ("3g", 3 * 1024**3)]
)
def test_max_bytes_flag_reads_sizes(flag: str, size: int) -> None:
    assert cli.parse_args(["parse", "--max-bytes", flag, "x"]).max_bytes == size


@pytest.mark.parametrize("bad", ["0", "-5", "lots", "5X"])
def test_max_bytes_flag_rejects_nonsense(bad: str) -> None:
    code, _out, _err = run(["parse", "--max-bytes", bad, "x"])
    assert code == 2


def test_cli_past_the_limit_fails_with_the_limit_named(tmp_path: Path) -> None:
    f = tmp_path / "seed.txt"
    f.write_bytes(SEED.read_bytes())
    code, out, err = run(["parse", "--max-bytes", "1000", str(f)])
    assert code == 1 and out == ""
    assert "max_input_bytes=1,000" in err and "Traceback" not in err
    code, out, _ = run(["parse", "--max-bytes", "1M", str(f)])
    assert code == 0 and "Kazakh" in out


def test_cli_stdin_past_the_limit(tmp_path: Path) -> None:
    code, _out, err = run(["parse", "--max-bytes", "100", "-"], stdin=SEED.read_bytes())
    assert code == 1 and "max_input_bytes=100" in err


def test_cli_gzip_bomb_is_not_inflated(tmp_path: Path) -> None:
    # 64 MB of zeros in 64 KB of gzip: only max_bytes + 1 of it is ever inflated.
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as fh:
        fh.write(b'{"title": "' + b"0" * (64 * 1024**2) + b'"}\n')
    code, _out, err = run(["parse", "--max-bytes", "10K", str(bomb)])
    assert code == 1 and "max_input_bytes=10,240" in err
    whole = tmp_path / "bomb.txt.gz"
    with gzip.open(whole, "wb") as fh:
        fh.write(b"x" * (64 * 1024**2))
    code, _out, err = run(["parse", "--max-bytes", "10K", str(whole)])
    assert code == 1 and "max_input_bytes=10,240" in err


def test_cli_one_long_json_line_among_good_ones(tmp_path: Path) -> None:
    item = b'{"title": "A Title", "url": "https://example.com/a.html", "content": "Body."}'
    f = tmp_path / "items.jsonl"
    f.write_bytes(item + b"\n" + b'{"title": "' + b"x" * 50_000 + b'"}\n' + item + b"\n")
    code, out, err = run(["parse", "--jsonl", "--max-bytes", "10K", str(f)])
    assert code == 1
    assert out.count("\n") == 2  # both good items parsed
    assert "#2" in err and "max_input_bytes=10,240" in err


@pytest.mark.parametrize("size", [1, 7, 64])
def test_blocks_keep_lines_whole_and_cut_long_ones(size: int) -> None:
    data = b"a\n" + b"b" * 100 + b"\nc\n" + b"d" * 30
    got = b"".join(block for _no, block in _blocks(io.BytesIO(data), size, max_line=40))
    lines = got.split(b"\n")
    assert lines[0] == b"a" and lines[2] == b"c" and lines[3] == b"d" * 30
    assert lines[1] == b"b" * len(lines[1]) and 40 < len(lines[1]) <= 41 + size
