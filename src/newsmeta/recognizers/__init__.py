"""Small, shared recognisers for values: dates, URLs, contacts, people,
XPath placeholders, language tags and text shapes.

Each takes one string and answers ``None`` when the string is not what it
recognises. None of them raises on any input. Adapters stay thin by calling
these; tests table them with real cases (``tests/test_recognizers.py``).
"""
