"""Validation profiles from configuration: ``[tool.newsmeta]``, a TOML file, flags.

Strategy: every source is turned into the same plain mapping of keys
(``profile``, ``require``, ``error``, ...) and applied to a profile in order:
the named base profile, then the file, then the command line. Every key and
value is checked as it is applied, and a wrong one raises
:class:`~newsmeta.errors.ConfigError` whose message starts with where it came
from and the key (``pyproject.toml [tool.newsmeta] require: unknown field 'titel'``).

>>> p = profile_from_mapping({"profile": "strict", "require": ["title"], "info": ["truncated"]})
>>> p.name, p.require, p.severities["truncated"].value
('strict', ('title',), 'info')
>>> profile_from_mapping({"requires": ["title"]}, source="newsmeta.toml")
Traceback (most recent call last):
  ...
newsmeta.errors.ConfigError: newsmeta.toml: unknown key 'requires'; known keys: profile, require, error, warning, info, ignore, fail-on, crawl-date, site-names
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsmeta.errors import ConfigError
from newsmeta.recognizers.dates import parse_datetime
from newsmeta.validate import Profile, check_code, check_field, get_profile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["CONFIG_KEYS", "find_pyproject", "load_config", "profile_from_mapping"]

#: Keys ``[tool.newsmeta]`` (or a ``--config`` file) may hold, and what each takes.
CONFIG_KEYS: dict[str, str] = {
    "profile": "a profile name: default or strict",
    "require": "a list of field names that must not be empty",
    "error": "a list of issue codes to report as errors",
    "warning": "a list of issue codes to report as warnings",
    "info": "a list of issue codes to report as info",
    "ignore": "a list of issue codes to leave out",
    "fail-on": "the severity that fails a record: info, warning or error",
    "crawl-date": "a datetime with a UTC offset; later dates are future-date",
    "site-names": "a list of site names an author must not be",
}

_LEVEL_KEYS = {"error": "error", "warning": "warning", "info": "info", "ignore": "off"}


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` (default: cwd) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> tuple[dict[str, Any], str]:
    """The newsmeta settings in a TOML file, and a label naming where they are.

    In a ``pyproject.toml`` (or any file with a ``[tool]`` table) they are
    ``[tool.newsmeta]``; in any other file, the top-level keys.
    """
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8; tomllib lets this one through
        raise ConfigError(
            f"{path}: not valid TOML: not UTF-8 (byte {exc.object[exc.start]:#04x} at {exc.start})"
        ) from None
    if "tool" in data or path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("newsmeta", {}) if isinstance(tool, dict) else {}
        label = f"{path} [tool.newsmeta]"
        if not isinstance(section, dict):
            raise ConfigError(f"{label}: must be a table")
        return section, label
    return data, str(path)


def _str_list(value: object, key: str) -> list[str]:
    """A list of strings; a comma-separated string is accepted too (CLI style)."""
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value]
    raise ConfigError(f"{key}: expected a list of strings, got {value!r}")


def _datetime(value: object, key: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ConfigError(f"{key}: {value.isoformat()} needs a UTC offset")
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59, 59), dt.timezone.utc)
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is not None and not parsed.tz_assumed:
            return parsed.value
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return dt.datetime.combine(day, dt.time(23, 59, 59), dt.timezone.utc)
    raise ConfigError(
        f"{key}: expected a date or a datetime with a UTC offset "
        f"(2024-05-01 or 2024-05-01T12:00:00Z), got {value!r}"
    )


def profile_from_mapping(
    data: Mapping[str, Any],
    *,
    base: Profile | str | None = None,
    source: str = "config",
) -> Profile:
    """Apply config keys to ``base`` (or the profile the mapping names).

    Every error names ``source`` and the key.
    """
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(
                f"{source}: unknown key {key!r}; known keys: {', '.join(CONFIG_KEYS)}"
            )
    try:
        if "profile" in data:
            name = data["profile"]
            if not isinstance(name, str):
                raise ConfigError(f"profile: expected a profile name, got {name!r}")
            profile = get_profile(name)
        else:
            profile = get_profile(base)
        severities: dict[str, str] = {}
        for key, level in _LEVEL_KEYS.items():
            if key in data:
                for code in _str_list(data[key], key):
                    check_code(code, key)
                    if code in severities and severities[code] != level:
                        raise ConfigError(f"{key}: {code!r} is also given another severity")
                    severities[code] = level
        require = None
        if "require" in data:
            require = _str_list(data["require"], "require")
            for f in require:
                check_field(f, "require")
        fail_on = data.get("fail-on")
        if fail_on is not None and not isinstance(fail_on, str):
            raise ConfigError(f"fail-on: expected info, warning or error, got {fail_on!r}")
        crawl = _datetime(data["crawl-date"], "crawl-date") if "crawl-date" in data else None
        sites = _str_list(data["site-names"], "site-names") if "site-names" in data else None
        return profile.evolve(
            require=require,
            severities=severities,
            fail_on=fail_on,
            crawl_date=crawl,
            site_names=sites,
        )
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def assemble_profile(
    base: str | None = None,
    *,
    config: Path | None = None,
    flags: Mapping[str, Any] | None = None,
    start: Path | None = None,
) -> Profile:
    """The one place a validation profile is put together: the named ``base``
    profile, then the configuration file (``config``, else the nearest
    ``pyproject.toml`` with a ``[tool.newsmeta]`` table from ``start``), then
    ``flags`` (the command line's, as :func:`profile_from_mapping` keys).
    A ``profile`` key in the file counts only when no ``base`` is named.
    Raises :class:`~newsmeta.errors.ConfigError` naming the source and key.

    >>> assemble_profile("strict", flags={"require": "title,url"}, start=Path("/")).require
    ('title', 'url')
    """
    base_profile = get_profile(base) if base else None
    path = config if config is not None else find_pyproject(start)
    profile = get_profile(base_profile)
    if path is not None:
        data, label = load_config(path)
        if base_profile is not None:
            data = {k: v for k, v in data.items() if k != "profile"}
        profile = profile_from_mapping(data, base=profile, source=label)
    if flags:
        profile = profile_from_mapping(flags, base=profile, source="command line")
    return profile
