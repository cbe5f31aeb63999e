"""The label inventories of newsbench: the one definition every other part imports.

Changing a list here changes the document schema, the `datasets` Features and the
dataset card; it is a MAJOR corpus version change (see DESIGN.md, "Versions").
"""

from __future__ import annotations

BOILERPLATE_KINDS: tuple[str, ...] = (
    "navigation",
    "advertisement",
    "donation",
    "newsletter",
    "paywall",
    "cookie_notice",
    "related",
    "share",
    "comments",
    "footer",
    "other",
)

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")

# OntoNotes 5 names that users' systems commonly emit, mapped to the inventory above.
ONTONOTES_ENTITY_ALIASES: dict[str, str] = {"PERSON": "PER"}

CLAIM_FORMS: tuple[str, ...] = ("direct", "indirect", "mixed")

CASUALTY_CATEGORIES: tuple[str, ...] = ("killed", "injured", "missing")

QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "more_than", "about", "up_to", "range", "vague")

CASUALTY_EVENTS: tuple[str, ...] = ("main", "other")

# A figure's standing in its article: replaced by a later figure, or contradicted by another source's figure.
CASUALTY_STATUSES: tuple[str, ...] = ("current", "superseded", "disputed")

SPLITS: tuple[str, ...] = ("train", "dev", "test")

EVENT_TYPES: tuple[str, ...] = (
    "terror_attack",
    "shooting",
    "armed_conflict",
    "earthquake",
    "flood",
    "storm",
    "wildfire",
    "fire",
    "transport_accident",
    "industrial_accident",
    "building_collapse",
    "epidemic",
    "politics",
    "business",
    "science",
    "sports",
    "culture",
)

# Event types whose stories report no casualties of their own (a figure in such a page
# is about another incident, e.g. a related-article teaser).
NO_CASUALTY_EVENT_TYPES: frozenset[str] = frozenset({"politics", "business", "science", "sports", "culture"})

LAYERS: tuple[str, ...] = ("boilerplate", "entities", "claims", "casualties")

# Content roles of article blocks: not boilerplate, but rendered as their own HTML element.
CONTENT_ROLES: tuple[str, ...] = ("headline", "standfirst", "byline", "dateline", "subheading", "paragraph", "caption", "pullquote")

INVENTORIES: dict[str, tuple[str, ...]] = {
    "boilerplate.kind": BOILERPLATE_KINDS,
    "entities.type": ENTITY_TYPES,
    "claims.form": CLAIM_FORMS,
    "casualties.category": CASUALTY_CATEGORIES,
    "casualties.qualifier": QUALIFIERS,
    "casualties.event": CASUALTY_EVENTS,
    "casualties.status": CASUALTY_STATUSES,
    "split": SPLITS,
    "event_type": EVENT_TYPES,
}
