"""Word tables for reading author strings, no logic (``recognizers.people``).

Sources: the bylines, author metas and JSON-LD authors of the html-dev corpus
(``../shared/corpora``: English, German, French and Spanish news sites and
blogs) and of the NewsAPI pool; the news agencies are those whose credits
stand in those bylines, and the world's large national agencies. All entries
are lower-cased; callers compare case-folded text.

>>> all(w == w.casefold() for table in (NOT_NAME, AGENCIES, DESK_WORDS, PLACES) for w in table)
True
>>> "dpa" in AGENCIES, "redaktion" in DESK_WORDS, "london" in PLACES
(True, True, True)
"""

from __future__ import annotations

#: Words that are never part of a person's name in a byline: the verbs and
#: labels around it, comment widgets, placeholder accounts, weekdays.
# fmt: off
NOT_NAME: frozenset[str] = frozenset(
    (
        "posted", "on", "am", "um", "published", "veröffentlicht", "publiziert", "updated",
        "aktualisiert", "antworten", "reply", "name", "says", "sagt", "follow", "folgen", "share",
        "shares", "comments", "kommentare", "kommentar", "no", "by", "articles", "posts",
        "beiträge", "artikel",
        # labels that name the role, not the person
        "author", "authors", "autor", "autoren", "auteur", "auteurs", "autore",
        # placeholder accounts
        "admin", "administrator", "webmaster", "wordpress",
        # picture credits
        "photo", "photos", "foto", "fotos", "фото", "bild", "bilder",
        # agencies as a group
        "agenturen", "agencies", "agences",
        # weekdays
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag",
        "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    )
)
# fmt: on

#: Words that are no name when they are all of it, but may be part of one
#: ("Maggie More", "Mehr Gill", "Rob Guest"): labels, placeholders.
# fmt: off
NOT_NAME_ALONE: frozenset[str] = frozenset(
    (
        "more", "mehr", "alle", "alles", "guest", "gast", "source", "quelle", "date", "datum",
        "fecha", "text", "texte", "texto", "user", "anonymous", "anonym", "unknown", "none",
        "null", "undefined",
    )
)
# fmt: on

#: Lead-in words that are part of a name only beside other words ("Alexa von Heyden").
LEAD_ONLY: frozenset[str] = frozenset(
    ("von", "vom", "par", "por", "de", "di", "door", "av", "af", "от")
)

#: Endings of German compound job titles (``Projektleiterin``, ``Pressesprecher``,
#: ``FOCUS-Online-Experte``), which no word boundary separates.
# fmt: off
ROLE_ENDINGS: tuple[str, ...] = (
    "leiter", "leiterin", "sprecher", "sprecherin", "redakteur", "redakteurin", "korrespondent",
    "korrespondentin", "experte", "expertin", "führer", "führerin", "präsident", "präsidentin",
)
# fmt: on

#: Degrees and post-nominal letters: "Grant Tinsley, PhD" names one person.
# fmt: off
DEGREES: frozenset[str] = frozenset(
    (
        "phd", "ph.d.", "md", "m.d.", "ma", "m.a.", "ms", "msc", "m.sc.", "bsc", "ba", "mba", "mph",
        "rd", "rn", "dr", "dr.", "prof", "prof.", "esq", "jr", "sr", "do", "dds", "lcsw", "cpa",
    )
)
# fmt: on

#: Places that stand in bylines as datelines ("Jane Doe, London"): capitals, the
#: cities news is filed from, and countries, in the spellings bylines use.
# fmt: off
PLACES: frozenset[str] = frozenset(
    (
        "london", "paris", "berlin", "rome", "roma", "madrid", "moscow", "moskau", "moscou",
        "washington", "washington d.c.", "brussels", "brüssel", "bruxelles", "vienna", "wien",
        "vienne", "zurich", "zürich", "geneva", "genf", "genève", "bern", "berne", "tokyo",
        "beijing", "peking", "shanghai", "hong kong", "delhi", "new delhi", "mumbai", "kabul",
        "kyiv", "kiew", "kiev", "jerusalem", "tel aviv", "beirut", "cairo", "kairo", "istanbul",
        "ankara", "athens", "athen", "lisbon", "lissabon", "warsaw", "warschau", "prague", "prag",
        "budapest", "stockholm", "oslo", "copenhagen", "kopenhagen", "helsinki", "dublin",
        "amsterdam", "hamburg", "munich", "münchen", "frankfurt", "cologne", "köln", "düsseldorf",
        "stuttgart", "dresden", "leipzig", "hannover", "bremen", "basel", "lausanne", "lyon",
        "marseille", "barcelona", "milan", "mailand", "st. petersburg", "sydney", "melbourne",
        "toronto", "ottawa", "montreal", "vancouver", "new york", "los angeles", "san francisco",
        "chicago", "boston", "houston", "miami", "seattle", "atlanta", "dallas", "denver",
        "detroit", "mexico city", "singapore", "seoul", "bangkok", "manila", "jakarta", "hanoi",
        "taipei", "dubai", "doha", "riyadh", "tehran", "teheran", "baghdad", "bagdad", "damascus",
        "damaskus", "johannesburg", "cape town", "nairobi", "lagos", "brasília", "brasilia",
        "rio de janeiro", "são paulo", "sao paulo", "buenos aires", "lima", "bogotá", "bogota",
        "caracas", "havana", "havanna", "santiago", "medellín", "medellin",
        # countries
        "germany", "deutschland", "france", "frankreich", "italy", "italien", "spain", "spanien",
        "austria", "österreich", "switzerland", "schweiz", "china", "japan", "india", "indien",
        "russia", "russland", "ukraine", "israel", "iran", "usa", "united states", "england",
        "britain", "great britain", "united kingdom", "scotland", "schottland",
    )
)
# fmt: on

#: Small words inside names, written lower-case ("Ludwig van Beethoven", "da Silva").
# fmt: off
PARTICLES: frozenset[str] = frozenset(
    (
        "von", "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la",
        "le", "zu", "zum", "zur", "ter", "ten", "bin", "ibn", "al", "el", "y", "e", "i", "v.", "d'",
    )
)
# fmt: on

#: News agencies and their groups: a credit naming one is an organisation's.
# fmt: off
AGENCIES: frozenset[str] = frozenset(
    (
        "dpa", "afp", "ap", "reuters", "efe", "apa", "sda", "ats", "kna", "epd", "sid", "ansa",
        "xinhua", "kyodo", "jiji", "aap", "anp", "belga", "tass", "upi", "ians", "pti", "dts",
        "kathpress", "ddp", "dapd", "ots", "bloomberg", "afx", "awp", "keystone-sda",
        "europa press", "associated press", "agence france-presse", "deutsche presse-agentur",
        "agencia efe", "ria novosti", "agenturen", "agencies", "agences", "agencias", "wires",
        "news agencies",
    )
)
# fmt: on

#: Words that make a credit a newsroom's or a desk's ("Redaktion", "Staff and
#: news service reports"), and endings of such compounds ("Webteam").
# fmt: off
DESK_WORDS: frozenset[str] = frozenset(
    (
        "redaktion", "redaction", "rédaction", "redazione", "redacción", "redaccion", "staff",
        "desk", "newsroom", "team", "editorial", "editors", "news service", "staff reports",
        "staff report", "pressestelle", "online-redaktion", "onlineredaktion",
        "nachrichtenredaktion",
    )
)
# fmt: on
DESK_ENDINGS: tuple[str, ...] = ("team", "redaktion", "desk")
