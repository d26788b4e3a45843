"""Portuguese (português) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    # The same entry as Spanish's: "publicado em" must not stop at "publicado".
    "published": (r"publicad[oa](?:\s+(?:el|em|en))?",),
    "date_word": ("data",),
    "updated": (r"atualizad[oa](?:\s+em)?",),
    "tail_word": (r"publicad[oa]",),
    "about": (r"sobre",),
    "site_section": (r"leia\s+também|veja\s+também|notícias\s+relacionadas|mais\s+lidas",),
    "promo_lead": (r"leia\s+(?:também|mais)|veja\s+(?:também|mais)|assista",),
}
