"""The suite runs from what the repository holds, with nothing beside it.

A fresh clone has no ``../shared``: the unit tests must not read it, and the tests
that need the real corpora must skip with a reason. This test copies the tracked
tree (and untracked files that are not ignored, so a new test counts before it is
committed) into an empty temporary folder and runs pytest there: first collection
of the whole suite (an import-time read of ``../shared`` fails here), then every
test module that names the shared folder, which must pass or skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    os.environ.get("NEWSMETA_FRESH_CLONE") == "1" or shutil.which("git") is None,
    reason="already inside the fresh-clone copy, or git is absent",
)


def _tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [p for p in out.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("empty") / "newsmeta"
    for rel in _tracked_files():
        src = ROOT / rel
        if not src.is_file():  # deleted in the work tree but still in the index
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    assert not (dest.parent / "shared").exists()
    return dest


def _pytest(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NEWSMETA_FRESH_CLONE="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_suite_collects_without_shared(clone: Path) -> None:
    run = _pytest(clone, "--collect-only", "-q")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert " error" not in run.stdout.splitlines()[-1]


def test_modules_naming_shared_pass_or_skip_without_it(clone: Path) -> None:
    users = sorted(
        str(p.relative_to(clone))
        for p in (clone / "tests").glob("test_*.py")
        if "SHARED" in p.read_text("utf-8") and p.name != Path(__file__).name
    )
    assert users, "expected some tests that use the shared corpora"
    run = _pytest(clone, "-q", "-rs", *users)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    # Every skip for the absent corpora says why.
    skips = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert all("absent" in line for line in skips), skips
