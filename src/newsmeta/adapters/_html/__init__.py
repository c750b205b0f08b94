"""The HTML adapter's parts, one module per syntax (after extruct):
``encoding`` (bytes to text), ``jsonld``, ``microdata``, ``meta`` (OpenGraph,
Twitter, ``<meta name>``, ``<link>``, ``<time>``, ``<title>``), ``schema``
(schema.org objects to candidates, shared by JSON-LD and microdata),
``page`` (the candidate sink and value normalisers), ``names`` (data tables)
and ``fill`` (placeholders evaluated against a page).
"""
