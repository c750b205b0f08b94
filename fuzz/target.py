"""The atheris target: one input through one adapter; only NewsmetaError may escape.

Run through ``python -m fuzz.run`` (it seeds the corpus and summarises the
run); running this module directly passes every other argument to libFuzzer::

    python -m fuzz.target --adapter flat fuzz/corpus/flat -max_total_time=60

The first byte of each input picks how the rest is fed (raw bytes, UTF-8 text
with undecodable bytes as lone surrogates, text through format detection,
bytes through format detection), so one corpus exercises decoding, detection
and the adapter. A record must also survive its JSON round trip, as the CLI
prints it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsmeta"]):
    from fuzz.check import check
    from newsmeta.adapters import ADAPTERS


def main(argv: list[str]) -> None:
    args = list(argv)
    if "--adapter" not in args:
        raise SystemExit(
            f"usage: python -m fuzz.target --adapter {{{','.join(ADAPTERS)}}} [libFuzzer args]"
        )
    i = args.index("--adapter")
    adapter = args[i + 1]
    del args[i : i + 2]
    atheris.Setup(args, lambda data: check(adapter, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
