"""PySpark's worker daemon with newsmeta loaded once, before it forks workers.

On Linux and macOS, Spark starts one Python *daemon* per executor (``python
-m pyspark.daemon``) and forks a worker from it for each Python task slot.
Each fork starts from the daemon's state, so by default every worker imports
PySpark's worker module (compiled from ``pyspark.zip``, which holds no
bytecode), newsmeta and lxml afresh: about a second of CPU per worker, paid
again by every executor of a cluster. Naming this module in Spark's
``spark.python.daemon.module`` setting runs the same daemon after
:func:`preload` has imported all of that once, so every forked worker starts
warm::

    spark-submit --conf spark.python.daemon.module=newsmeta.spark_daemon ...

:func:`newsmeta.spark.session` and ``newsmeta spark`` set it for you.

Only modules that start no threads are loaded: a forked child keeps only the
thread that forked, so the daemon must have no other (PySpark's own daemon
says so, naming pyarrow and pandas). pyarrow, numpy and pandas are therefore
left to each worker, which imports pyarrow when it unpickles its task's
function (about a tenth of the cost). ``tests/test_spark.py`` checks that
:func:`preload` leaves the process with one thread.

Importing this module imports nothing but the standard library; running it
needs PySpark (``pip install "newsmeta[spark]"``).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import re
import sys

__all__ = ["LOADED", "main", "prefer_installed_pyspark", "preload"]

#: Modules a worker of :mod:`newsmeta.spark` needs, none of which starts a thread.
MODULES = (
    "newsmeta",
    "newsmeta.api",
    "newsmeta._batch",
    "newsmeta._convert",
    "newsmeta.adapters",
    "newsmeta.adapters.html",
    "newsmeta.adapters.newsapi",
    "newsmeta.validate",
    "newsmeta.warc",
    "lxml.etree",
    "lxml.html",
    "parsel",
)

#: Optional modules loaded when installed (WARC input needs FastWARC).
OPTIONAL = ("fastwarc.warc", "fastwarc.stream_io")

#: Small inputs parsed once so that what is built on first use (compiled
#: patterns, selector translations) is built in the daemon, not in each worker.
SAMPLES: tuple[bytes, ...] = (
    b'{"source": {"id": null, "name": "Example News"}, "author": "Jane Doe",'
    b' "title": "A title of some length here", "description": "What happened.",'
    b' "url": "https://example.com/a", "publishedAt": "2024-05-01T10:00:00Z",'
    b' "content": "The story goes on for a while. [+1200 chars]"}',
    b"<!DOCTYPE html><html lang='en'><head><title>A title of some length - Example</title>"
    b"<meta property='og:title' content='A title of some length'>"
    b"<meta name='author' content='Jane Doe'>"
    b"<meta property='article:published_time' content='2024-05-01T10:00:00Z'>"
    b'<script type=\'application/ld+json\'>{"@type": "NewsArticle",'
    b' "headline": "A title of some length", "datePublished": "2024-05-01"}</script>'
    b"</head><body><article><h1>A title of some length</h1><p>By Jane Doe</p>"
    b"<p>The story goes on for a while, long enough to be a paragraph of text.</p>"
    b"</article></body></html>",
    b" date 2024-05-01 https://example.com/a.html\n\nA title of some length here\n\nThe story.\n",
)


#: The modules :func:`main` preloaded before it started forking (empty until then):
#: a worker sees them as ``sys.modules["__main__"].LOADED``.
LOADED: tuple[str, ...] = ()


def _worker_module() -> str:
    """The worker module the daemon imports in each fork (what Spark passes)."""
    if len(sys.argv) > 1 and sys.argv[1].startswith("pyspark"):
        return sys.argv[1]
    return "pyspark.worker"


_VERSION = re.compile(r"""^__version__\b[^=]*=\s*["']([^"']+)["']""", re.MULTILINE)


def _version_in(text: str) -> str | None:
    found = _VERSION.search(text)
    return found.group(1) if found else None


def prefer_installed_pyspark() -> bool:
    """Put Spark's ``pyspark.zip`` after an installed PySpark of the same release
    on ``sys.path``; whether it did.

    Spark puts ``pyspark.zip`` first on the workers' ``PYTHONPATH``. The zip
    holds sources only, so every process compiles each PySpark module it
    imports; an installed PySpark (``pip install pyspark``) has its bytecode
    cached. When both are the same release the code is the same, and the
    installed one loads in half the time. A different release (a cluster's
    Spark with another PySpark in the environment) leaves the path alone.
    """
    import zipfile

    zips = [p for p in sys.path if os.path.basename(p) == "pyspark.zip"]
    if not zips or "pyspark" in sys.modules:
        return False
    rest = [p for p in sys.path if p not in zips]
    spec = importlib.machinery.PathFinder.find_spec("pyspark", rest)
    if spec is None or spec.origin is None:
        return False
    try:
        with open(os.path.join(os.path.dirname(spec.origin), "version.py"), encoding="utf-8") as fh:
            installed = _version_in(fh.read())
        with zipfile.ZipFile(zips[0]) as zf:
            zipped = _version_in(zf.read("pyspark/version.py").decode("utf-8"))
    except (OSError, KeyError, UnicodeDecodeError, zipfile.BadZipFile):
        return False
    if installed is None or installed != zipped:
        return False
    sys.path[:] = rest + zips
    return True


def preload() -> tuple[str, ...]:
    """Import what a newsmeta task needs and run it once on small samples; the
    modules it imported.

    Loads PySpark's worker module, newsmeta's readers and adapters, lxml and
    parsel (and FastWARC when installed); none of them starts a thread. A
    sample that fails to parse is reported on standard error and the daemon
    goes on: its workers would meet the same error on real input and report it
    there.
    """
    loaded = [_worker_module(), *MODULES]
    for name in loaded:
        importlib.import_module(name)
    for name in OPTIONAL:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        loaded.append(name)
    import newsmeta

    for sample in SAMPLES:
        try:
            newsmeta.parse(sample)
        except Exception as exc:  # noqa: PERF203 - a warm-up only: say so, fork warm or not
            print(
                f"newsmeta.spark_daemon: warm-up parse failed: {exc}",
                file=sys.stderr,
                flush=True,
            )
    return tuple(loaded)


def main() -> None:
    """Preload (PySpark from its installed copy when it is the release of
    ``pyspark.zip``: :func:`prefer_installed_pyspark`), then run PySpark's
    daemon (``pyspark.daemon.manager``)."""
    global LOADED
    prefer_installed_pyspark()
    LOADED = preload()
    from pyspark import daemon

    daemon.manager()


if __name__ == "__main__":
    main()
