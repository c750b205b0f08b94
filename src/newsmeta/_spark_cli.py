"""``newsmeta spark``: the batch job on Apache Spark (kept out of ``cli.py``,
which must not import PySpark; see :func:`newsmeta.spark.write`)."""

from __future__ import annotations

import argparse
import os
import shutil
import time
from typing import TYPE_CHECKING, TextIO

from newsmeta.errors import NewsmetaError

if TYPE_CHECKING:
    from newsmeta.spark import Counts

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def summary(counts: Counts, output: str, seconds: float) -> list[str]:
    """The lines ``newsmeta spark`` prints: records, skipped, failed, issues per code."""
    lines = [f"records: {counts.records:,} written to {output} in {seconds:.1f} s"]
    skipped = sum(counts.skipped.values())
    why = ", ".join(
        f"{k} {n:,}" for k, n in sorted(counts.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    lines.append(f"skipped: {skipped:,}{f' ({why})' if why else ''}")
    lines.append(
        f"failed: {counts.unreadable:,} inputs unreadable, {counts.errors:,} items not parsed"
    )
    if counts.passed or counts.failed:
        lines.append(f"validation: {counts.passed:,} passed, {counts.failed:,} failed")
    issues = ", ".join(
        f"{k} {n:,}" for k, n in sorted(counts.issues.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    lines.append(f"issues: {issues or 'none'}")
    return lines


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``newsmeta spark`` with parsed arguments; the exit code."""
    try:
        from newsmeta import spark as nspark  # first: its ImportError names the extra
    except ImportError as exc:
        stderr.write(f"newsmeta: spark: {exc}\n")
        return EXIT_USAGE
    if os.path.exists(args.output):
        stderr.write(f"newsmeta: spark: {args.output}: already exists; name a new directory\n")
        return EXIT_USAGE
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    if "PYSPARK_GATEWAY_PORT" not in os.environ and not (java and os.path.exists(java)):
        where = f"JAVA_HOME={java_home} has no bin/java" if java_home else "no java on PATH"
        stderr.write(
            f"newsmeta: spark: Spark needs a Java 17 runtime ({where}); install one"
            " (apt-get install openjdk-17-jre-headless) or set JAVA_HOME\n"
        )
        return EXIT_USAGE
    start = time.perf_counter()
    from pyspark.sql import SparkSession

    # A session already running in this process (a notebook, a test) is used and left running.
    ours = SparkSession.getActiveSession() is None
    try:
        session = nspark.session(args.master)
    except NewsmetaError as exc:
        stderr.write(f"newsmeta: spark: {exc}\n")
        return EXIT_USAGE
    except Exception as exc:  # no Java, a bad master URL: one line, no traceback
        stderr.write(f"newsmeta: spark: cannot start Spark: {_first_line(exc)}\n")
        return EXIT_USAGE
    try:
        counts = nspark.write(
            session,
            args.inputs,
            args.output,
            format=args.input_format,
            validate=args.validate,
        )
    except NewsmetaError as exc:
        stderr.write(f"newsmeta: spark: {exc}\n")
        return EXIT_USAGE
    except Exception as exc:  # the job failed as a whole (an executor lost for good)
        stderr.write(f"newsmeta: spark: the job failed, nothing written: {_first_line(exc)}\n")
        return EXIT_FAILED
    finally:
        if ours:
            session.stop()
    for message in counts.messages:
        stderr.write(f"newsmeta: {message}\n")
    shown = counts.errors + counts.unreadable
    if shown > len(counts.messages):
        stderr.write(f"newsmeta: ... and {shown - len(counts.messages):,} more failures\n")
    for line in summary(counts, args.output, time.perf_counter() - start):
        stdout.write(line + "\n")
    if counts.unreadable:
        return EXIT_USAGE
    return EXIT_FAILED if counts.errors or counts.failed else EXIT_OK


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:500]
