"""Rewrite every golden ``*.expected.json`` from the current code. Review the diff."""

from __future__ import annotations

from tests.test_golden import golden_pairs, parse_fixture


def main() -> None:
    for source, expected in golden_pairs():
        expected.write_text(parse_fixture(source).to_json(indent=True) + "\n", encoding="utf-8")
        print("wrote", expected)


if __name__ == "__main__":
    main()
