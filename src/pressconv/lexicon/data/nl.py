"""Dutch (Nederlands) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"gepubliceerd(?:\s+op)?", r"publicatiedatum"),
    "date_word": ("datum",),
    "updated": (r"bijgewerkt(?:\s+op)?",),
    "label": (r"persbericht",),
    "tail_word": ("gepubliceerd",),
    "organisation": (
        "gemeente",
        "ministerie",
        "politie",
        "universiteit",
    ),
    "site_section": (r"lees\s+ook|gerelateerde\s+artikelen|meer\s+nieuws|meest\s+gelezen",),
}
