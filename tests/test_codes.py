"""Meta-tests: one table of issue codes, in the code and in docs/issues.md.

Every code emitted anywhere in ``src/`` (``ex.issue("code", ...)``, ``ex.reject("code", ...)``,
``Issue(code="...")``, ``code = "..."``, a validation ``Finding("code", ...)``)
must be a row of ``newsmeta/_codes.py`` and of the table in ``docs/issues.md``,
and every row must be emitted somewhere. A new code: add it to both.
"""

from __future__ import annotations

import ast
import re

from newsmeta._codes import ISSUE_CODES
from newsmeta.records import Severity
from tests.conftest import ROOT

SRC = ROOT / "src" / "newsmeta"
DOC = ROOT / "docs" / "issues.md"


def _strings(node: ast.AST) -> list[str]:
    """String constants a code expression can take (a literal, or either arm of an if)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def emitted_codes() -> dict[str, set[str]]:
    """Codes found in the source, with the files that emit them."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "_codes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            codes: list[str] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("issue", "reject", "Finding") and node.args:
                    codes += _strings(node.args[0])
                codes += [s for kw in node.keywords if kw.arg == "code" for s in _strings(kw.value)]
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                codes += _strings(node.value)
            for code in codes:
                found.setdefault(code, set()).add(path.relative_to(SRC).as_posix())
    return found


def documented_codes() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z0-9-]+)`\s*\|(.*)\|\s*$", line)
        if m:
            rows[m[1]] = [c.strip() for c in m[2].split("|")]
    return rows


def test_every_emitted_code_is_in_the_table() -> None:
    missing = {c: f for c, f in emitted_codes().items() if c not in ISSUE_CODES}
    assert not missing, f"add these codes to newsmeta/_codes.py and docs/issues.md: {missing}"


def test_every_code_in_the_table_is_emitted() -> None:
    unused = set(ISSUE_CODES) - set(emitted_codes())
    assert not unused, f"codes listed but never emitted: {unused}"


def test_docs_table_matches_the_code_table() -> None:
    docs = documented_codes()
    assert list(docs) == list(ISSUE_CODES), "docs/issues.md must list the codes in table order"
    for code, row in ISSUE_CODES.items():
        emitted_by, default, strict, _meaning = docs[code][:4]
        assert emitted_by == ", ".join(row.emitted_by), code
        assert default == row.default, code
        assert strict == (row.strict or row.default), code


def test_severities_in_the_table_are_valid() -> None:
    for code, row in ISSUE_CODES.items():
        Severity(row.default)
        if row.strict is not None:
            Severity(row.strict)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code)
