"""Italian (italiano) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"pubblicato(?:\s+il)?", r"data\s+di\s+pubblicazione"),
    "date_word": ("data",),
    "updated": (r"aggiornato(?:\s+il)?",),
    "label": (r"comunicato\s+stampa",),
    "tail_word": ("pubblicato",),
    "organisation": (
        "comune",
        "ministero",
        "regione",
        "università",
    ),
    "about": (r"informazioni\s+su",),
    "about_article": ("il", "lo", "gli"),
    "site_section": (
        r"leggi\s+anche|articoli\s+correlati|(?:ti\s+)?potrebbe\s+interessar(?:e|ti)|altre\s+notizie|i\s+più\s+letti",
    ),
    "promo_lead": (r"leggi\s+anche|guarda|ascolta",),
}
