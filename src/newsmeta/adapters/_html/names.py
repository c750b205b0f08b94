"""Data tables for the HTML adapter, no logic.

Sources: the Open Graph protocol (https://ogp.me, ``og:*``, ``article:*``),
Twitter card markup, Dublin Core (``DC.*``/``dcterms.*``), Google Scholar's
``citation_*`` tags, Parse.ly (``parsely-*``) and Sailthru (``sailthru.*``)
documentation, schema.org types, and the meta names seen in the html-dev
corpus (``../shared/corpora``). Keys are lower-cased.

Precedence: a candidate's *rank* (lower wins) is the rank of its source
family. The table is documented in ``docs/html.md``; change both together.
"""

from __future__ import annotations

#: Rank of each source family. Lower wins; ranks at or above ``WEAK`` are
#: fallbacks, used only when no stronger source gave the field a value.
RANK: dict[str, int] = {
    "canonical": 10,  # <link rel=canonical>: the page says which URL it is
    "html-lang": 15,  # <html lang>
    "og-image": 15,  # og:image, for the og_image field only (it is what the field names)
    "jsonld": 20,  # JSON-LD, the article object
    "microdata": 25,  # schema.org microdata, the article item
    "jsonld-other": 30,  # JSON-LD/microdata: WebPage, WebSite, Organization, orphan itemprops
    "meta-publisher": 39,  # <meta name=publisher> (any case), for the publisher only
    "og": 40,  # OpenGraph og:* and article:*
    "og-publisher": 41,  # article:publisher when it is a name (after og:site_name)
    "meta": 45,  # <meta name=description|author|keywords|date...>, http-equiv
    "dc": 50,  # Dublin Core, citation_*, parsely-*, sailthru.*
    "twitter": 55,  # Twitter cards
    "orphan-name": 56,  # an itemprop="name" outside any item, as a title (it names anything)
    "time": 80,  # <time datetime> in the page body; hAtom <abbr class=published title>
    "data-date": 82,  # a date in a data-* attribute named for it (data-published-at, data-utime)
    "rel-author": 80,  # <a rel=author>Name</a>
    "rel-tag": 80,  # <a rel=tag>Tag</a>
    "title-tag": 85,  # <title>, the site name removed
    "h1": 86,  # the page's only <h1> (after <title>: a blog's <h1> is often its name)
    "byline": 88,  # an element whose class says author or byline
    "lead-image": 89,  # the article's first <img> at least 300 pixels wide
    "jsonld-embedded": 89,  # a video embedded in an article page: not the article's own object
    "standfirst": 87,  # a visible dek/standfirst/teaser element, itemprop=description on text
    "first-paragraph": 95,  # the article's first paragraph, as readability's excerpt
    "url-date": 90,  # a date spelled out in the URL
    "labelled-date": 91,  # a day after words that say published ("Veröffentlicht am", "Published on")
    "tag-links": 91,  # links into the site's tag pages, or in a list whose class says tags
    "text-byline": 91,  # a labelled line in the article's text ("Von Jane Doe", "Autor: ...")
    "text-date": 92,  # a date written in an element whose class says date
    "image-date": 93,  # a day in the page image's URL (its upload day)
    "script-date": 93,  # "published_at": "…" in a script's application state
    "body-date": 94,  # the first date written in the article's (or the body's) text
    "page-url": 96,  # the url= argument (where the page was fetched)
}
WEAK = 80
#: Added to a source's rank when its author is a user name (``gnaddrig``), not
#: a name as written: every source writing a person's name comes first.
HANDLE_AUTHOR = 100
#: Added to a source's rank when its author is an organisation (an agency such
#: as ``dpa``, a desk, the site, a schema.org ``Organization``), not a person:
#: every source naming a person (or a user) comes first, and among
#: organisations the sources keep their order.
ORG_AUTHOR = 200
#: Added again when the organisation is the site itself (its name, publisher or
#: host): an agency or a desk named as the author says more.
SITE_AUTHOR = 100

#: What a meta key (``property``/``name``, lower-cased) feeds, and its family.
#: Kinds: title, description, published, modified, created, url, image,
#: image:width, image:height, image:alt, site_name, author, tags, keywords,
#: section, language, publisher, parsely-page (a JSON blob).
META: dict[str, tuple[str, str]] = {
    # OpenGraph (property=, but name= is common and accepted)
    "og:title": ("title", "og"),
    "og:description": ("description", "og"),
    "og:url": ("url", "og"),
    "og:image": ("image", "og"),
    "og:image:url": ("image", "og"),
    "og:image:secure_url": ("image:secure", "og"),
    "og:image:width": ("image:width", "og"),
    "og:image:height": ("image:height", "og"),
    "og:image:alt": ("image:alt", "og"),
    "og:site_name": ("site_name", "og"),
    "og:type": ("page_kind", "og"),
    "og:locale": ("language", "og"),
    "og:updated_time": ("modified", "og"),
    "og:published_time": ("published", "og"),
    "og:article:published_time": ("published", "og"),
    "og:article:modified_time": ("modified", "og"),
    "og:article:author": ("author", "og"),
    "og:article:tag": ("tags", "og"),
    "og:article:section": ("section", "og"),
    "article:published_time": ("published", "og"),
    "article:published": ("published", "og"),
    "article:modified_time": ("modified", "og"),
    "article:modified": ("modified", "og"),
    "article:author": ("author", "og"),
    "article:tag": ("tags", "og"),
    "article:section": ("section", "og"),
    "article:publisher": ("publisher", "og-publisher"),
    # Twitter cards
    "twitter:title": ("title", "twitter"),
    "twitter:description": ("description", "twitter"),
    "twitter:image": ("image", "twitter"),
    "twitter:image:src": ("image", "twitter"),
    "twitter:image:alt": ("image:alt", "twitter"),
    "twitter:url": ("url", "twitter"),
    # Plain <meta name>
    "description": ("description", "meta"),
    "keywords": ("keywords", "meta"),
    "news_keywords": ("keywords", "meta"),
    "author": ("author", "meta"),
    "byl": ("author", "meta"),
    "title": ("title", "meta"),
    "headline": ("title", "meta"),
    "date": ("published", "meta"),
    "pubdate": ("published", "meta"),
    "publishdate": ("published", "meta"),
    "publish-date": ("published", "meta"),
    "publish_date": ("published", "meta"),
    "published_time": ("published", "meta"),
    "published-date": ("published", "meta"),
    "article.published": ("published", "meta"),
    "article_date_original": ("published", "meta"),
    "original-publish-date": ("published", "meta"),
    "date.available": ("published", "meta"),
    "displaydate": ("published", "meta"),
    "datepublished": ("published", "meta"),
    "last-modified": ("modified", "meta"),
    "lastmod": ("modified", "meta"),
    "article.updated": ("modified", "meta"),
    "datemodified": ("modified", "meta"),
    "datecreated": ("created", "meta"),
    "og:pubdate": ("published", "og"),
    "pub_date": ("published", "meta"),
    "publicationdate": ("published", "meta"),
    "publication_date": ("published", "meta"),
    "publication-date": ("published", "meta"),
    "last-updated": ("modified", "meta"),
    "last_updated_date": ("modified", "meta"),
    "article_date_updated": ("modified", "meta"),
    "dateupdated": ("modified", "meta"),
    "section": ("section", "meta"),
    "category": ("section", "meta"),
    "language": ("language", "meta"),
    "content-language": ("language", "meta"),
    "thumbnail": ("image", "meta"),
    "copyright": ("copyright", "meta"),
    "publisher": ("publisher", "meta-publisher"),
    # Dublin Core
    "dc.title": ("title", "dc"),
    "dcterms.title": ("title", "dc"),
    "dc.description": ("description", "dc"),
    "dcterms.description": ("description", "dc"),
    "dcterms.abstract": ("description", "dc"),
    "dc.creator": ("author", "dc"),
    "dcterms.creator": ("author", "dc"),
    "dc.creator.name": ("author", "dc"),
    "dc.contributor.author": ("author", "dc"),
    "dc.date": ("published", "dc"),
    "dcterms.date": ("published", "dc"),
    "dc.date.issued": ("published", "dc"),
    "dcterms.issued": ("published", "dc"),
    "dc.date.published": ("published", "dc"),
    "dc.date.created": ("created", "dc"),
    "dcterms.created": ("created", "dc"),
    "dc.date.modified": ("modified", "dc"),
    "dcterms.modified": ("modified", "dc"),
    "dc.issued": ("published", "dc"),
    "dc.date.available": ("published", "dc"),
    "dcterms.available": ("published", "dc"),
    "dc.created": ("created", "dc"),
    "dc.modified": ("modified", "dc"),
    "dc.date.updated": ("modified", "dc"),
    "prism.publicationdate": ("published", "dc"),
    "prism.coverdate": ("published", "dc"),
    "dc.language": ("language", "dc"),
    "dcterms.language": ("language", "dc"),
    "dc.publisher": ("site_name", "dc"),
    "dcterms.publisher": ("site_name", "dc"),
    "dc.subject": ("keywords", "dc"),
    "dcterms.subject": ("keywords", "dc"),
    # Google Scholar
    "citation_title": ("title", "dc"),
    "citation_author": ("author", "dc"),
    "citation_publication_date": ("published", "dc"),
    "citation_date": ("published", "dc"),
    "citation_online_date": ("published", "dc"),
    "citation_keywords": ("keywords", "dc"),
    "citation_language": ("language", "dc"),
    "citation_publisher": ("site_name", "dc"),
    "citation_abstract_html_url": ("url", "dc"),
    # Parse.ly
    "parsely-title": ("title", "dc"),
    "parsely-link": ("url", "dc"),
    "parsely-image-url": ("image", "dc"),
    "parsely-pub-date": ("published", "dc"),
    "parsely-author": ("author", "dc"),
    "parsely-section": ("section", "dc"),
    "parsely-tags": ("tags", "dc"),
    "parsely-page": ("parsely-page", "dc"),
    # cXense and Shareaholic (analytics tags that carry the article's dates)
    "cxenseparse:publishtime": ("published", "dc"),
    "cxenseparse:recs:publishtime": ("published", "dc"),
    "shareaholic:article_published_time": ("published", "dc"),
    "shareaholic:article_modified_time": ("modified", "dc"),
    # Sailthru
    "sailthru.title": ("title", "dc"),
    "sailthru.description": ("description", "dc"),
    "sailthru.author": ("author", "dc"),
    "sailthru.date": ("published", "dc"),
    "sailthru.tags": ("tags", "dc"),
    "sailthru.image.full": ("image", "dc"),
    "sailthru.image": ("image", "dc"),
}

#: Dublin Core written with a colon (``dc:date.created``, ``DCTERMS:issued``,
#: RDFa's spelling): read as the dotted names above.
DC_COLON: tuple[tuple[str, str], ...] = (("dc:", "dc."), ("dcterms:", "dcterms."))

#: ``<meta http-equiv>`` names (lower-cased) and what they feed.
HTTP_EQUIV: dict[str, str] = {
    "content-language": "language",
    "last-modified": "modified",
}

#: schema.org types whose object is the article itself.
ARTICLE_TYPES: frozenset[str] = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicQuestionArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "TechArticle",
        "APIReference",
        "Report",
        "SatiricalArticle",
        "AdvertiserContentArticle",
        "CreativeWork",
    }
)
#: Types of a page's subject when it is not an article, and the page kind
#: each makes (``newsmeta.records.PAGE_KINDS``). Such an object is the page's
#: own only when no article object stands on the page.
SUBJECT_KINDS: dict[str, str] = {
    "Review": "review",
    "CriticReview": "review",
    "UserReview": "review",
    "EmployerReview": "review",
    "Recipe": "recipe",
    "Event": "event",
    "BusinessEvent": "event",
    "ChildrensEvent": "event",
    "ComedyEvent": "event",
    "CourseInstance": "event",
    "DanceEvent": "event",
    "DeliveryEvent": "event",
    "EducationEvent": "event",
    "ExhibitionEvent": "event",
    "Festival": "event",
    "FoodEvent": "event",
    "Hackathon": "event",
    "LiteraryEvent": "event",
    "MusicEvent": "event",
    "PublicationEvent": "event",
    "SaleEvent": "event",
    "ScreeningEvent": "event",
    "SocialEvent": "event",
    "SportsEvent": "event",
    "TheaterEvent": "event",
    "VisualArtsEvent": "event",
    "Product": "product",
    "ProductGroup": "product",
    "ProductModel": "product",
    "IndividualProduct": "product",
    "Vehicle": "product",
    "Car": "product",
    "SoftwareApplication": "product",
    "MobileApplication": "product",
    "WebApplication": "product",
    "VideoGame": "product",
    "Book": "product",
    "JobPosting": "job",
    "Course": "other",
    "HowTo": "other",
    "Dataset": "other",
}
#: Media types: a page's subject on a video or podcast page, but most often a
#: video embedded in an article, which is not the article's own object.
MEDIA_KINDS: dict[str, str] = {
    "VideoObject": "video",
    "Clip": "video",
    "Movie": "video",
    "Episode": "video",
    "TVEpisode": "video",
    "AudioObject": "audio",
    "PodcastEpisode": "audio",
    "RadioEpisode": "audio",
    "MusicRecording": "audio",
}
#: Page types (and lists) that say what kind of page holds them. (Not
#: ``Blog``: WordPress themes wrap a single post in it as well as the index.)
PAGE_TYPE_KINDS: dict[str, str] = {
    "CollectionPage": "listing",
    "SearchResultsPage": "listing",
    "ItemList": "listing",
    "ProfilePage": "profile",
    "FAQPage": "faq",
    "QAPage": "faq",
}
#: ``og:type`` values (lower-cased; ``video.movie`` by its prefix) and the page
#: kind each says. ``website`` says nothing: article pages use it too.
OG_TYPE_KINDS: dict[str, str] = {
    "article": "article",
    "news": "article",
    "blog": "article",
    "product": "product",
    "product.item": "product",
    "video": "video",
    "music": "audio",
    "profile": "profile",
    "book": "product",
    "event": "event",
}
#: Types that describe the page around the article: weaker candidates.
PAGE_TYPES: frozenset[str] = frozenset(
    {
        "WebPage",
        "ItemPage",
        "AboutPage",
        "CollectionPage",
        "ContactPage",
        "FAQPage",
        "ProfilePage",
        "QAPage",
        "SearchResultsPage",
        "MedicalWebPage",
        "RealEstateListing",
    }
)
#: Types that are a publisher.
ORGANIZATION_TYPES: frozenset[str] = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "EducationalOrganization",
        "GovernmentOrganization",
        "LocalBusiness",
        "NGO",
        "OnlineBusiness",
        "PerformingGroup",
        "SportsOrganization",
        "Brand",
    }
)
PERSON_TYPES: frozenset[str] = frozenset({"Person"})
