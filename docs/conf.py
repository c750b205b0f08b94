"""Sphinx configuration for the newsmeta documentation site.

Build: ``python -m sphinx -W -b html docs docs/_build/html`` (the ``docs``
extra). No network: intersphinx is off, so every cross-reference resolves
inside these pages or is listed in ``nitpick_ignore`` below with its reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsmeta import __version__  # noqa: E402

project = "newsmeta"
author = "newsmeta developers"
copyright = "newsmeta developers"  # noqa: A001 - Sphinx's name
release = version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "README.md"]

# The pages are Markdown read on GitHub too: headings get anchors for links.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]
# A code span such as `docs/merge.md` is prose, not a link; bare URLs stay text.
suppress_warnings = ["myst.xref_missing"]

html_theme = "furo"
html_title = f"newsmeta {release}"
html_static_path: list[str] = []

# autodoc: the docstrings are the reference; signatures keep their hints.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
add_module_names = False

# Every role must resolve (build with -W): unresolved references fail the build.
nitpicky = True
nitpick_ignore = [
    # Standard library and third-party types named in signatures and docstrings:
    # with intersphinx off (no network at build time) they have no target.
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "dt.date"),
    ("py:class", "dt.datetime"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "collections.abc.KeysView"),
    ("py:class", "Iterator"),
    ("py:class", "Iterable"),
    ("py:class", "Mapping"),
    ("py:class", "Sequence"),
    ("py:class", "KeysView"),
    ("py:class", "Any"),
    ("py:class", "enum.Enum"),
    ("py:class", "os.PathLike"),
    ("py:class", "typing.IO"),
    ("py:class", "IO"),
    ("py:class", "pathlib.Path"),
    ("py:class", "Path"),
    ("py:class", "pa.Schema"),
    ("py:class", "pa.RecordBatch"),
    ("py:class", "pa.Table"),
    ("py:class", "pyarrow.Schema"),
    ("py:class", "pyarrow.RecordBatch"),
    ("py:class", "DataFrame"),
    ("py:class", "pyspark.sql.DataFrame"),
    ("py:class", "pyspark.sql.SparkSession"),
    ("py:class", "SparkSession"),
    ("py:class", "itemadapter.adapter.AttrsAdapter"),
    ("py:class", "web_poet.pages.WebPage"),
    ("py:class", "web_poet.page_inputs.http.HttpResponse"),
    ("py:class", "scrapy.exceptions.DropItem"),
    ("py:exc", "scrapy.exceptions.DropItem"),
    ("py:class", "parsel.Selector"),
    ("py:class", "lxml.etree._Element"),
    ("py:class", "etree._Element"),
]
nitpick_ignore_regex = [
    # Private names that appear in public signatures (type aliases, the adapters'
    # internals); the reference documents what they accept in prose.
    ("py:.*", r"newsmeta\._.*"),
    # The candidates an adapter hands the resolver: internal, described in prose.
    ("py:class", r"newsmeta\.resolve\.(Extraction|Candidate)"),
    ("py:.*", r"attr\..*"),
    # pyarrow's own types in signatures: no inventory without the network.
    ("py:class", r"pyarrow\.lib\..*"),
    # PySpark's types in newsmeta.spark's signatures: no inventory without the network.
    ("py:class", r"pyspark\..*"),
]
