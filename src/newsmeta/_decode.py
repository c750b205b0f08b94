"""Decoding shared by every adapter: byte-order marks, UTF-16 without one, one stray-byte rule,
legacy detection; gzip and binary refusal; size limits and line splitting."""

from __future__ import annotations

import codecs
import re
import zlib

from newsmeta.errors import DecodeError, InputError, LimitError
from newsmeta.settings import DEFAULT_LIMITS, Limits

__all__ = [
    "BOMS",
    "as_text",
    "bom_of",
    "check_size",
    "detect_encoding",
    "gunzip",
    "mostly_utf8",
    "plausibility",
    "refuse_binary",
    "repair_lines",
    "split_lines",
    "utf16_without_bom",
]

_NEWLINE = re.compile(r"\r\n|\n|\r")


def check_size(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    size = len(data)
    # A str's UTF-8 size is at most 4x its length and at least its length:
    # compare the cheap bound first, encode only when it matters.
    if size > limits.max_input_bytes or (
        isinstance(data, str)
        and 4 * size > limits.max_input_bytes
        and len(data.encode("utf-8", "surrogatepass")) > limits.max_input_bytes
    ):
        raise LimitError(
            f"input is larger than max_input_bytes={limits.max_input_bytes:,}"
            " (raise it with Limits(max_input_bytes=...), --max-bytes on the command line)"
        )


#: The two bytes every gzip member starts with (RFC 1952).
GZIP_MAGIC = b"\x1f\x8b"


def gunzip(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes inside gzip data (several members are read one after another),
    never more than ``limits.max_input_bytes`` of them, so a gzip bomb cannot
    fill the memory.

    >>> import gzip
    >>> gunzip(gzip.compress(b"hello"))
    b'hello'
    >>> gunzip(b"\\x1f\\x8bnot gzip")
    Traceback (most recent call last):
    ...
    newsmeta.errors.DecodeError: gzip data is corrupt: ...
    """
    out: list[bytes] = []
    size = 0
    rest = raw
    try:
        while rest:
            d = zlib.decompressobj(wbits=31)
            while True:
                chunk = d.decompress(rest, limits.max_input_bytes + 1 - size)
                out.append(chunk)
                size += len(chunk)
                if size > limits.max_input_bytes:
                    raise LimitError(
                        f"input is larger than max_input_bytes={limits.max_input_bytes:,} once"
                        " decompressed (raise it with Limits(max_input_bytes=...), --max-bytes"
                        " on the command line)"
                    )
                if d.eof or not d.unconsumed_tail:
                    break
                rest = d.unconsumed_tail
            if not d.eof:
                raise DecodeError(
                    "gzip data ends early (a cut file); decompress what there is first"
                )
            rest = d.unused_data
            if rest and not rest.startswith(GZIP_MAGIC):
                break  # trailing garbage after the last member, as gzip(1) ignores it
    except zlib.error as exc:
        reason = str(exc).split(": ", 1)[-1].removeprefix("incorrect ")
        raise DecodeError(
            f"gzip data is corrupt: {reason}; decompress it first, or fix the file"
        ) from None
    return b"".join(out)


#: What binary files start with (file(1)'s magic numbers for the kinds that
#: turn up beside crawled text: images, archives, executables, documents).
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 stream"),
    (b"\xfd7zXZ\x00", "an xz stream"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard stream"),
    (b"\x04\x22\x4d\x18", "an LZ4 frame"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ARROW1", "an Arrow file"),
    (b"OggS", "an Ogg stream"),
    (b"fLaC", "a FLAC stream"),
    (b"ID3", "an MP3 file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
)
#: Bytes looked at to tell binary data from text.
_BINARY_PROBE = 65_536
#: Control bytes that text does not hold (C0 but tab, newline, form feed,
#: carriage return and escape; NUL and DEL count).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
#: Bytes at the start in which a NUL alone marks binary data (real pages hold
#: stray NULs further in: a template's padding, a bad copy).
_NUL_HEAD = 1024
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
#: Share of control bytes past which the probe is not text (random bytes hold
#: about 11%; text, even mojibake, nearly none).
_CONTROL_SHARE = 0.05


def refuse_binary(raw: bytes) -> None:
    """A :class:`~newsmeta.errors.DecodeError` if ``raw`` is not text at all: a
    known binary magic number, a NUL byte in its first KiB that no text
    encoding explains, or more than 5% control bytes and NULs. Text in UTF-16 or UTF-32 (with a byte-order mark, or
    UTF-16 told by its byte pattern) passes.

    >>> refuse_binary("Заголовок".encode("utf-16"))
    >>> refuse_binary(b"\\x89PNG\\r\\n\\x1a\\n...")
    Traceback (most recent call last):
    ...
    newsmeta.errors.DecodeError: not text: the bytes are a PNG image
    >>> refuse_binary(b"title\\x00\\x00\\x00\\x01body")
    Traceback (most recent call last):
    ...
    newsmeta.errors.DecodeError: not text: NUL byte at offset 5 (binary data)
    """
    for magic, what in BINARY_MAGIC:
        if raw.startswith(magic):
            if magic == b"MZ" and b"\x00" not in raw[:_BINARY_PROBE]:
                continue  # a text that happens to begin with "MZ"
            raise DecodeError(f"not text: the bytes are {what}")
    if bom_of(raw) is not None:
        return  # a byte-order mark: the decoder checks the rest
    if utf16_without_bom(raw) is not None:
        return  # UTF-16 without a mark: its high bytes are NULs and low controls
    probe = raw[:_BINARY_PROBE]
    nul = probe.find(b"\x00", 0, _NUL_HEAD)
    if nul >= 0:  # binary formats put NULs in their header; a page's stray ones come later
        raise DecodeError(f"not text: NUL byte at offset {nul} (binary data)")
    if probe:
        controls = len(probe.translate(None, _NOT_CONTROL))
        if controls > _CONTROL_SHARE * len(probe):
            raise DecodeError(
                f"not text: {controls:,} of the first {len(probe):,} bytes are control"
                " characters or NULs (binary data)"
            )


#: Byte-order marks and the codec each announces, longest first (UTF-32's LE
#: mark begins with UTF-16's): the one table every input's bytes are read by.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_of(raw: bytes) -> tuple[bytes, str] | None:
    """The byte-order mark ``raw`` opens with and its codec, or ``None``.

    >>> bom_of(b"\\x00\\x00\\xfe\\xff\\x00\\x00\\x00<")
    (b'\\x00\\x00\\xfe\\xff', 'utf-32-be')
    >>> bom_of(b"<p>") is None
    True
    """
    for bom, codec in BOMS:
        if raw.startswith(bom):
            return bom, codec
    return None


#: Bytes looked at to tell UTF-16 without a BOM.
_NUL_PROBE = 4096
#: Share of bytes 0x00-0x07 on one side of the byte pairs that marks UTF-16.
_HIGH_SHARE = 0.9
#: Bytes of not-UTF-8 lines given to detection (it is slow on large input).
_DETECT_BYTES = 200_000
#: Most line numbers a note lists.
_NOTE_LINES = 5


#: Every byte above 0x07 (what :func:`utf16_without_bom` deletes to count the rest).
_ABOVE_07 = bytes(range(8, 256))
#: The bytes 0x00-0x07, one at a time (the gate of :func:`utf16_without_bom`).
_LOW_BYTES = tuple(bytes([b]) for b in range(8))


def utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when one byte of each pair is a script's high byte.

    Text in UTF-16 has, for Latin, Cyrillic, Greek, Hebrew or Arabic, the high
    byte of nearly every character in U+0000..U+07FF: 0x00 to 0x07. On one side
    of the pairs those bytes dominate, on the other they are rare.

    Nearly no page has a byte 0x00-0x07 in the probe, and then both shares are
    0 and the answer is None: eight bounded ``find`` calls (``memchr`` in C,
    no copy of the probe) say so before anything is sliced.
    """
    for low in _LOW_BYTES:
        if raw.find(low, 0, _NUL_PROBE) >= 0:
            break
    else:
        return None
    probe = raw[:_NUL_PROBE]
    if len(probe) < 8 or (len(probe) % 2 and len(raw) == len(probe)):
        return None
    even, odd = probe[0::2], probe[1::2]

    def share(side: bytes) -> float:
        # The bytes 0x00..0x07 of this side, counted in C: delete all others, measure.
        return len(side.translate(None, _ABOVE_07)) / len(side)

    e, o = share(even), share(odd)
    codec = "utf-16-le" if o >= _HIGH_SHARE and e < 1 - _HIGH_SHARE else None
    if e >= _HIGH_SHARE and o < 1 - _HIGH_SHARE:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        raw[: len(raw) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


#: Legacy encodings tried on bytes that are not UTF-8: Russian pages come in
#: Windows-1251 and KOI8-R (and, rarer, these others); Western ones in 1252.
_LEGACY = ("cp1251", "koi8_r", "cp1252", "mac_cyrillic", "cp866", "iso8859_5", "iso8859_2")
#: Characters of a decoded text that the plausibility score looks at.
_SCORE_CHARS = 20_000


def _script(c: str) -> int:
    o = ord(c)
    if o < 0x250:
        return 0  # Latin
    if 0x400 <= o < 0x530:
        return 1  # Cyrillic
    return o >> 8


def plausibility(text: str) -> int:
    """How much ``text`` reads like human writing: letters in words of one script
    and one case shape count for it; mixed words, symbols and controls against.

    >>> plausibility("Президент приказал") > plausibility("оПЕЪХДЕМР ОПХЙЮГЮК")
    True
    >>> plausibility("café crème") > plausibility("cafй crиme")
    True
    """
    sample = text[:_SCORE_CHARS]
    score = -2 * len(_ODD_CHAR.findall(sample))
    for w in _LETTER_RUNS.findall(sample):  # "Алма-Ате": each part has its own shape
        one_script = (
            w.isascii()
            or _LATIN_RUN.fullmatch(w) is not None
            or _CYRILLIC_RUN.fullmatch(w) is not None
            or len({_script(c) for c in w}) == 1
        )
        shaped = w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower())
        score += len(w) if one_script and shaped else -len(w)
    return score


_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_PLAIN_PUNCT = frozenset(".,;:!?-–—()[]\"'«»„“”‘’/%&+@#*…")
# A character that is neither a letter or digit, nor white space, nor plain punctuation
# (``\w`` is ``str.isalnum`` plus the underscore, hence the second branch).
_ODD_CHAR = re.compile(r"[^\w\s" + re.escape("".join(sorted(_PLAIN_PUNCT))) + r"]|_")
# Letter runs in one script, tested in C before the per-character fallback.
_LATIN_RUN = re.compile(r"[\u0000-\u024f]+")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u052f]+")


def _lines_list(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:_NOTE_LINES])
    more = len(numbers) - _NOTE_LINES
    return shown + (f" and {more:,} more" if more > 0 else "")


def detect_encoding(raw: bytes) -> str | None:
    """The legacy encoding that reads ``raw`` most plausibly (never UTF-8 or ASCII).

    charset-normalizer's guess competes with :data:`_LEGACY` on
    :func:`plausibility`: on short Russian text it often names Mac Cyrillic
    or even Shift JIS where Windows-1251 or KOI8-R is meant.
    """
    from charset_normalizer import from_bytes

    sample = raw[:_DETECT_BYTES]
    best = from_bytes(sample).best()
    guess = None if best is None or best.encoding in ("utf_8", "ascii") else str(best.encoding)
    scored: list[tuple[int, int, str]] = []
    # Ties go to the usual encodings first, then the detector's guess.
    for rank, codec in enumerate(dict.fromkeys([c for c in (*_LEGACY, guess) if c])):
        try:
            text = sample.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((plausibility(text), -rank, codec))
    return max(scored)[2] if scored else None


#: One character beyond ASCII (a well-formed UTF-8 sequence once decoded).
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")
#: Consecutive replacement characters: one broken sequence.
_REPLACED_RUN = re.compile("\ufffd+")
#: Well-formed multi-byte sequences per broken one before bytes count as UTF-8.
_UTF8_EVIDENCE = 4


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: each byte UTF-8 cannot read, read as windows-1252 instead."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bytes(bad).decode("cp1252", "replace"), exc.end


codecs.register_error("newsmeta-stray-cp1252", _stray_as_cp1252)


def mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """The one stray-byte rule: ``raw`` read as UTF-8 with its stray bytes read
    as windows-1252 (where a stray byte in UTF-8 text usually comes from: a
    pasted or included legacy string), and how many broken sequences there
    are, if it is otherwise UTF-8: at least :data:`_UTF8_EVIDENCE` well-formed
    multi-byte sequences for each broken one (Windows-1251 or Latin-1 text has
    almost none); else ``None``. A byte windows-1252 leaves undefined becomes
    U+FFFD.

    >>> mostly_utf8("Küche ".encode() * 4 + "Küche".encode("cp1252"))
    ('Küche Küche Küche Küche Küche', 1)
    >>> mostly_utf8("Заголовок новости".encode() + b"\\x81")
    ('Заголовок новости\ufffd', 1)
    >>> mostly_utf8("Заголовок новости".encode("cp1251")) is None
    True
    """
    text = raw.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - raw.count("\ufffd".encode())
    if replaced <= 0:
        return None
    # A broken sequence is a run of replacements (a surrogate's three bytes are three).
    broken = len(_REPLACED_RUN.findall(text))
    well_formed = len(_BEYOND_ASCII.findall(text)) - text.count("\ufffd")
    if well_formed < _UTF8_EVIDENCE * broken:
        return None
    return raw.decode("utf-8", "newsmeta-stray-cp1252"), broken


def _decode_bytes(raw: bytes) -> tuple[str, list[str]]:
    mark = bom_of(raw)
    if mark is not None and mark[1] == "utf-8":
        raw = raw[len(mark[0]) :]  # UTF-8's mark; what follows is read like any bytes
    elif mark is not None:
        bom, codec = mark
        try:
            return raw[len(bom) :].decode(codec), []
        except UnicodeDecodeError as exc:
            # The mark promised an encoding the bytes do not keep: say so.
            name = codec.upper().removesuffix("-LE").removesuffix("-BE")
            raise DecodeError(
                f"bad {name} after its byte-order mark: {exc.reason} at byte {exc.start + len(bom)}"
            ) from None
    codec16 = utf16_without_bom(raw)
    if codec16 is not None:
        text = raw.decode(codec16, "replace")
        lossy = "\ufffd" in text and b"\xfd\xff" not in raw and b"\xff\xfd" not in raw
        return text, [
            f"no byte-order mark; read as {codec16.upper()} from its byte pattern"
            + ("; undecodable bytes replaced with U+FFFD" if lossy else "")
        ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Line by line: a file that is UTF-8 but for some lines (a paste from a
    # Windows-1251 page) keeps its UTF-8 lines as they are.
    lines = raw.split(b"\n")
    good: list[str | None] = []
    bad: list[int] = []
    utf8_beyond_ascii = False
    for i, line in enumerate(lines):
        try:
            good.append(line.decode("utf-8"))
            utf8_beyond_ascii = utf8_beyond_ascii or not line.isascii()
        except UnicodeDecodeError:  # noqa: PERF203 - one line's failure is the answer
            good.append(None)
            bad.append(i)
    numbers = [i + 1 for i in bad]
    if not utf8_beyond_ascii:
        mostly = mostly_utf8(raw)
        if mostly is not None:
            # UTF-8 but for a stray broken sequence or two (a cut, a bad copy):
            # legacy detection would garble every other character of the text.
            text, broken = mostly
            return text, [
                f"not valid UTF-8 (first bad byte at {first_bad}); read as UTF-8 with"
                f" {broken} stray byte sequence(s) read as windows-1252"
            ]
        # Nothing proves UTF-8: the whole input is in one legacy encoding.
        whole = detect_encoding(raw)
        if whole is not None:
            try:
                return raw.decode(whole), [
                    f"not UTF-8 (bad byte at {first_bad}); decoded as {whole} by detection"
                ]
            except (UnicodeDecodeError, LookupError):
                pass
        return raw.decode("utf-8", "replace"), [
            f"not valid UTF-8 (first bad byte at {first_bad}); undecodable bytes replaced"
            " with U+FFFD"
        ]
    legacy = detect_encoding(b"\n".join(lines[i] for i in bad))
    out: list[str] = []
    lossy = legacy is None
    for i, line_text in enumerate(good):
        if line_text is None:
            try:
                line_text = lines[i].decode(legacy or "utf-8", "strict" if legacy else "replace")
            except (UnicodeDecodeError, LookupError):
                line_text, lossy = lines[i].decode("utf-8", "replace"), True
        out.append(line_text)
    how = (
        f"decoded as {legacy} by detection"
        if not lossy
        else "undecodable bytes replaced with U+FFFD"
    )
    return "\n".join(out), [
        f"mixed encodings: line(s) {_lines_list(numbers)} are not UTF-8 though the rest is; {how}"
    ]


def repair_lines(text: str) -> tuple[str, list[str]]:
    """Undo mojibake (UTF-8 read as Latin-1 or Windows-1252 upstream) line by line.

    Only lines :func:`~newsmeta.recognizers.mojibake.repair_mojibake` repairs
    exactly change; a note names them.

    >>> repair_lines("Title\\nÐ\\x97Ð° Ð¼Ð¸Ð½Ñ\\x83Ð²Ñ\\x88Ð¸Ðµ Ñ\\x81Ñ\\x83Ñ\\x82ÐºÐ¸")
    ('Title\\nЗа минувшие сутки', ['mojibake (UTF-8 read as Latin-1 upstream) repaired on line(s) 2'])
    """
    from newsmeta.recognizers.mojibake import repair_mojibake

    if text.isascii():
        return text, []
    lines = text.split("\n")
    fixed: list[int] = []
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        # A truncation marker stays out of the repair: "Ä…" would read as "ą".
        cut = line.rfind("…")
        body, tail = (line[:cut], line[cut:]) if cut >= 0 and "[+" in line[cut:] else (line, "")
        repaired = repair_mojibake(body)
        if repaired is not None:
            lines[i] = repaired + tail
            fixed.append(i + 1)
    if not fixed:
        return text, []
    return "\n".join(lines), [
        f"mojibake (UTF-8 read as Latin-1 upstream) repaired on line(s) {_lines_list(fixed)}"
    ]


def as_text(
    data: object, limits: Limits = DEFAULT_LIMITS, *, mojibake: bool = False
) -> tuple[str, list[str]]:
    """Text from ``str`` or ``bytes``, and notes on anything guessed or lossy.

    Bytes: a byte-order mark (UTF-8, UTF-16, UTF-32) is honoured; UTF-16
    without one is told by its NUL bytes; then UTF-8. Bytes that are not UTF-8
    are decoded by detection (``charset-normalizer``): the whole input when no
    line of it is UTF-8 beyond ASCII, else only the lines that are not (mixed
    encodings). Failing that, undecodable bytes become U+FFFD. Every guess and
    every replacement is a note, never silent. Text with lone surrogates has
    them replaced, with a note. ``mojibake=True`` (line-based inputs) also
    repairs lines that are UTF-8 read as Latin-1 upstream (:func:`repair_lines`).
    """
    text, notes = _as_text(data, limits)
    if mojibake:
        text, more = repair_lines(text)
        notes += more
    return text, notes


def _as_text(data: object, limits: Limits) -> tuple[str, list[str]]:
    if isinstance(data, str):
        check_size(data, limits)
        if not data.isascii():
            try:
                data.encode("utf-8")
            except UnicodeEncodeError as exc:
                # Lone surrogates (from a bad ``\\ud800`` escape or a lax decoder) cannot be
                # written as UTF-8 or JSON. Pairs are joined, the rest replaced, and said so.
                fixed = data.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                return fixed, [
                    f"text holds lone surrogate code points (first at character {exc.start});"
                    " replaced with U+FFFD"
                ]
        return data, []
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        check_size(raw, limits)
        return _decode_bytes(raw)
    raise InputError(f"expected str or bytes, got {type(data).__name__}")


def split_lines(text: str, limits: Limits = DEFAULT_LIMITS) -> list[tuple[int, str]]:
    """``(line number, line)`` pairs, 1-based, splitting on CRLF, LF and lone CR.

    >>> split_lines("a\\r\\nb\\rc\\n")
    [(1, 'a'), (2, 'b'), (3, 'c'), (4, '')]
    """
    # One C-level split (the input size is bounded already); ``str.split`` when there
    # is no CR at all, which is most input and several times faster than the regex.
    parts = _NEWLINE.split(text) if "\r" in text else text.split("\n")
    if len(parts) - 1 > limits.max_lines:
        raise LimitError(f"input has more than max_lines={limits.max_lines:,} lines")
    return list(enumerate(parts, 1))
