"""Optional integrations stay optional: importing ``newsmeta`` (and its command
line) imports none of their packages, and each module used without its extra
fails with an ``ImportError`` naming the extra to install.

One table for every extra; each check runs in a fresh interpreter, where the
package is made unimportable by a ``None`` in ``sys.modules``.
"""

from __future__ import annotations

import subprocess
import sys
from typing import NamedTuple

import pytest


class Extra(NamedTuple):
    module: str
    """The newsmeta module that needs the extra."""
    package: str
    """The third-party package it imports."""
    extra: str


EXTRAS = [
    Extra("newsmeta.arrow", "pyarrow", "arrow"),
    Extra("newsmeta.spark", "pyspark", "spark"),
    Extra("newsmeta.scrapy", "scrapy", "scrapy"),
]
#: The packages a plain ``import newsmeta, newsmeta.cli`` must not pull in.
NOT_AT_IMPORT = ["pyarrow", "pyspark", "scrapy", "fastwarc", "web_poet", "sphinx"]


def _python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout


def test_importing_newsmeta_imports_no_optional_package() -> None:
    code = (
        "import sys, newsmeta, newsmeta.cli\n"
        "assert newsmeta.parse_warc\n"  # exported without importing FastWARC
        f"print(sorted(p for p in {NOT_AT_IMPORT!r} if p in sys.modules))"
    )
    assert _python(code).strip() == "[]"


@pytest.mark.parametrize("extra", EXTRAS, ids=lambda e: e.extra)
def test_without_its_package_the_module_names_the_extra(extra: Extra) -> None:
    code = (
        f"import sys; sys.modules[{extra.package!r}] = None\n"
        f"try:\n    import {extra.module}\n"
        "except ImportError as e:\n    print(e)\n"
        "else:\n    print('imported')\n"
    )
    assert f'pip install "newsmeta[{extra.extra}]"' in _python(code)
