"""Polish (polski) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "label": (r"komunikat\s+prasowy",),
    "site_section": (
        r"czytaj\s+(?:także|też)|zobacz\s+(?:także|też)|powiązane\s+artykuły|inne\s+artykuły(?:\s+autora)?|najczęściej\s+czytane",
    ),
    "promo_lead": (r"czytaj\s+(?:także|też|więcej)|zobacz\s+(?:także|też)",),
}
