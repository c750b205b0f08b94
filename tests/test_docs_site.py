"""The documentation site builds with every warning an error, and covers the API.

The build is Sphinx with furo and MyST (the ``docs`` extra, which the ``test``
extra installs); it needs no network (intersphinx is off).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsmeta
from tests.conftest import ROOT

sphinx = pytest.importorskip("sphinx", reason="Sphinx absent (pip install -e '.[docs]')")


def test_the_site_builds_without_a_warning(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "docs",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    api = (tmp_path / "api.html").read_text("utf-8")
    # Roles in docstrings became links: parse's docstring links to Result.
    assert 'href="#newsmeta.Result"' in api
    assert (tmp_path / "_images" / "validation-report.svg").exists()  # the chart is in the page


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (ROOT / "docs" / "api.md").read_text("utf-8")
    documented = set(re.findall(r"\.\. auto\w+:: newsmeta\.(\w+)", api))
    missing = [n for n in newsmeta.__all__ if n not in documented]
    assert missing == [], f"docs/api.md lacks {missing}"


def test_every_docs_page_is_in_the_site() -> None:
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    listed = set(re.findall(r"^([\w/-]+)$", index, re.MULTILINE))
    pages = {
        str(p.relative_to(ROOT / "docs").with_suffix(""))
        for p in (ROOT / "docs").rglob("*.md")
        if p.name != "index.md" and "_build" not in p.parts
    }
    assert pages - listed == set()


def test_the_validation_page_tool_renders_a_batch(tmp_path: Path) -> None:
    from bench.validation_page import main

    fixtures = ROOT / "fixtures"
    assert main([str(fixtures / "dumps"), str(fixtures / "newsapi"), "--out", str(tmp_path)]) == 0
    page = (tmp_path / "validation-report.md").read_text("utf-8")
    assert "| verdict | records | share |" in page and "| code | worst severity |" in page
    svg = (tmp_path / "validation-report.svg").read_text("utf-8")
    codes = re.findall(r"^\| \[`([a-z-]+)`\]", page, re.MULTILINE)
    assert codes and svg.count('class="bar"') == len(codes)
    from xml.etree import ElementTree

    ElementTree.fromstring(svg)  # well-formed
