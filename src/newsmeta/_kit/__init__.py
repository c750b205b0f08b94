"""The private kit every adapter writes through.

- :mod:`~newsmeta._kit.extraction`: :class:`Candidate` and :class:`Extraction`,
  with field names mypy checks (:data:`FieldName`) and issue severities taken
  from the code table (:data:`newsmeta._codes.ISSUE_CODES`);
- :mod:`~newsmeta._kit.titles`: the one site-name stripper for titles, fed by
  the page's own site names and host.

Adapters read their own format and report through these; nothing here knows
one format from another.
"""

from newsmeta._kit.extraction import (
    FIELD_NAMES,
    Candidate,
    Extraction,
    FieldName,
    as_field,
    severity_of,
)

__all__ = ["FIELD_NAMES", "Candidate", "Extraction", "FieldName", "as_field", "severity_of"]
