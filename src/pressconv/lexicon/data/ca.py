"""Catalan (català) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    # One entry for Catalan and Romanian: "publicat el", "publicat la" must not stop at "publicat".
    "published": (r"data\s+de\s+publicació", r"publicat(?:\s+(?:el|la|pe|în))?"),
    "updated": (r"darrera\s+actualització", r"data\s+d['’]actualització", r"actualitzat(?:\s+el)?"),
    "label": (r"nota\s+de\s+premsa", r"comunicat\s+de\s+premsa", r"nota\s+informativa"),
    "label_line": (r"nota\s+de\s+premsa",),
    "tail_word": ("publicat", "actualitzat"),
    "organisation": ("ajuntament", "generalitat", "departament", "conselleria", "universitat", "consell", "diputació"),
    "notes_heading": (r"notes?\s+(?:per\s+als|als|a\s+l['’]atenció\s+dels)\s+(?:editors|redactors|periodistes|mitjans)",),
    "about": (r"quant\s+a",),
    "about_article": ("els", "les"),
    "background_heading": (r"antecedents",),
    "contact_heading": (
        r"contacte\s+(?:de\s+)?(?:premsa|mitjans)",
        r"gabinet\s+de\s+(?:premsa|comunicació)",
        r"(?:per\s+a\s+)?més\s+informació\s*(?:,\s*)?(?:contacteu|poseu-vos\s+en\s+contacte)(?:\s+amb)?",
    ),
    "contact_heading_weak": (r"contacte", r"més\s+informació"),
    "contact_first_word": ("contacte", "gabinet", "per", "més"),
    "contact_field": (r"telèfon", r"correu(?:\s+electrònic)?", r"mòbil"),
    "speech_verb": (r"va\s+dir", r"ha\s+dit", r"ha\s+declarat", r"ha\s+afirmat", r"ha\s+explicat"),
    "conjunction": ("i",),
    "share": (
        r"comparteix(?:\s+(?:a|en)\s+{network})?|compartir\s+a\s+{network}",
        r"segueix-nos(?:\s+a\s+{network})?",
        r"envia(?:-ho)?\s+per\s+correu(?:\s+electrònic)?|copia\s+l['’]enllaç",
    ),
    "print": (r"imprimeix(?:\s+la\s+pàgina)?", r"descarrega\s+(?:el\s+)?pdf", r"mida\s+del\s+text"),
    "navigation": (
        r"torna(?:r)?(?:\s+(?:a\s+(?:l['’]inici|la\s+llista|les\s+notícies|dalt)|enrere|amunt))?",
        r"(?:notícia|article)\s+(?:següent|anterior)",
        r"notícies\s+relacionades|més\s+notícies|llegeix\s+més",
        r"inici(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "tags": (r"(?:etiquetes|temes|categories|categoria|paraules\s+clau)\s*:\s*[^.!?]{1,150}",),
    "comments": (r"(?:\d+\s+)?comentaris?", r"deixa\s+un\s+comentari"),
    "cookie_subject": (
        r"utilitzem|fem\s+servir",
        r"(?:aquest|el\s+nostre)\s+(?:lloc\s+web|web)\s+(?:utilitza|fa\s+servir)",
    ),
    "cookie_word": (r"galetes",),
    "cookie_purpose": (r"navegació", r"experiència", r"anàlisi", r"consentiment", r"serveis", r"publicitat", r"web"),
    "cookie": (
        r"(?:accepta|acceptar|rebutja|rebutjar)(?:\s+(?:totes(?:\s+les\s+galetes)?|tot|les\s+galetes|galetes))?",
        r"configuració\s+de\s+(?:les\s+)?galetes",
    ),
    "caption_label": (r"imatge", r"fotografia", r"peu\s+de\s+foto"),
    "rights_reserved": (r"tots\s+els\s+drets\s+reservats",),
    "rights_word": ("reservats",),
    "long_line_word": ("galetes",),
}
