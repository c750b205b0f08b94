"""newsmeta: typed, trustworthy article records from what scrapers leave behind.

>>> import newsmeta
>>> a = newsmeta.parse(" date 2022-01-07 https://example.com/a.html\\n\\nA Title Of Some Length Here\\n")
>>> a.url, a.date.isoformat(), a.title
('https://example.com/a.html', '2022-01-07', 'A Title Of Some Length Here')
"""

from newsmeta._version import __version__
from newsmeta.adapters.html import fill_placeholders, parse_selector
from newsmeta.api import detect, parse, parse_all, parse_many
from newsmeta.errors import (
    ConfigError,
    DecodeError,
    FormatError,
    InputError,
    LimitError,
    NewsmetaError,
)
from newsmeta.merge import merge
from newsmeta.records import (
    Article,
    Image,
    Issue,
    Location,
    Organization,
    Person,
    Placeholder,
    Provenance,
    Severity,
    Truncation,
    Unrecognised,
)
from newsmeta.results import Result
from newsmeta.settings import Limits
from newsmeta.validate import Profile, validate
from newsmeta.warc import parse_warc

__all__ = [
    "Article",
    "ConfigError",
    "DecodeError",
    "FormatError",
    "Image",
    "InputError",
    "Issue",
    "LimitError",
    "Limits",
    "Location",
    "NewsmetaError",
    "Organization",
    "Person",
    "Placeholder",
    "Profile",
    "Provenance",
    "Result",
    "Severity",
    "Truncation",
    "Unrecognised",
    "__version__",
    "detect",
    "fill_placeholders",
    "merge",
    "parse",
    "parse_all",
    "parse_many",
    "parse_selector",
    "parse_warc",
    "validate",
]
