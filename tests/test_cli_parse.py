"""``newsmeta parse`` as a user runs it: a real process, JSON out, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsmeta
from tests.conftest import FIXTURES

SEED = FIXTURES / "dumps" / "sputnik-seed-001.txt"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsmeta", *args], input=stdin, capture_output=True, timeout=120
    )


def test_python_dash_m_prints_the_record() -> None:
    p = run("parse", str(SEED))
    assert p.returncode == 0, p.stderr
    assert newsmeta.Article.from_json(p.stdout) == newsmeta.parse(
        SEED.read_bytes(), input_name=str(SEED)
    )


def test_jsonl_prints_one_record_per_line(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("https://ria.ru/20200417/1570193622.html\n", encoding="utf-8")
    p = run("parse", "--jsonl", str(SEED), str(other))
    assert p.returncode == 0, p.stderr
    lines = p.stdout.decode().splitlines()
    assert [json.loads(line)["url"] for line in lines] == [
        newsmeta.parse(SEED.read_bytes()).url,
        "https://ria.ru/20200417/1570193622.html",
    ]


def test_stdin() -> None:
    p = run("parse", "-", stdin=SEED.read_bytes())
    assert p.returncode == 0 and json.loads(p.stdout)["title"].startswith("Kazakh President")


def test_bad_input_is_one_line_on_stderr_and_no_traceback(tmp_path: Path) -> None:
    p = run("parse", "--input-format", "html", str(tmp_path / "missing.txt"))
    assert p.returncode != 0
    err = p.stderr.decode()
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "missing.txt" in err


def test_usage_error_exits_2_without_traceback() -> None:
    p = run("parse", "--no-such-flag", str(SEED))
    assert p.returncode == 2 and b"Traceback" not in p.stderr
