"""Romanian (română) (see `pressconv.lexicon`).

"ș" and "ț" are written with a comma below or, on older pages, a cedilla ("ş", "ţ"): entries take both.
"""

WORDS: dict[str, tuple[str, ...]] = {
    # The Catalan entry: "publicat la", "publicat pe" must not stop at "publicat".
    "published": (
        r"data\s+public[ăa]rii(?:\s+articolului)?",
        r"publicat(?:\s+(?:el|la|pe|în))?",
        r"postat(?:\s+(?:la|pe|în))?",
    ),
    "updated": (r"ultima\s+actualizare", r"data\s+actualiz[ăa]rii", r"actualizat(?:\s+(?:la|pe|în))?"),
    "label": (r"comunicat\s+de\s+pres[ăa]", r"informare\s+de\s+pres[ăa]", r"comunicat\s+oficial"),
    "label_weak": (r"[șş]tiri",),
    "label_line": (r"comunicat\s+de\s+pres[ăa]",),
    "tail_word": ("publicat", "actualizat"),
    "organisation": ("ministerul", "primăria", "guvernul", "universitatea", "consiliul", "poliția", "agenția", "compania"),
    "notes_heading": (r"not(?:e|[ăa])\s+(?:pentru|c[ăa]tre)\s+(?:editori|redac[țţ]ii|redactori|jurnali[șş]ti)",),
    "about": (r"despre",),
    "about_article": ("noi", "companie"),
    "background_heading": (r"informa[țţ]ii\s+de\s+context",),
    "contact_heading": (
        r"(?:contact|persoan[ăa]\s+de\s+contact)\s+(?:pentru\s+)?(?:pres[ăa]|media)",
        r"biroul\s+de\s+pres[ăa]|rela[țţ]ii\s+cu\s+presa",
        r"(?:pentru\s+)?(?:mai\s+multe\s+informa[țţ]ii|informa[țţ]ii\s+suplimentare)\s*(?:,\s*)?"
        r"(?:v[ăa]\s+rug[ăa]m\s+s[ăa]\s+)?contacta[țţ]i",
    ),
    "contact_heading_weak": (
        r"contact",
        r"date\s+de\s+contact",
        r"persoan[ăa]\s+de\s+contact",
        r"(?:pentru\s+)?(?:mai\s+multe\s+informa[țţ]ii|informa[țţ]ii\s+suplimentare)",
    ),
    "contact_first_word": (
        "contact",
        "persoană",
        "persoana",
        "biroul",
        "pentru",
        "mai",
        "informații",
        "informaţii",
        "relații",
        "relaţii",
        "date",
    ),
    "contact_field": (r"telefon", r"mobil"),
    "speech_verb": (r"a\s+declarat", r"a\s+spus", r"a\s+afirmat", r"a\s+precizat"),
    "conjunction": ("și", "şi", "sau"),
    "share": (
        r"(?:distribuie|partajeaz[ăa])(?:\s+pe\s+{network})?",
        r"urm[ăa]re[șş]te-ne(?:\s+pe\s+{network})?",
        r"copiaz[ăa]\s+link(?:ul)?|trimite\s+prin\s+e-?mail",
    ),
    "print": (
        r"printeaz[ăa]|tip[ăa]re[șş]te|imprim[ăa]",
        r"descarc[ăa]\s+(?:în\s+format\s+)?pdf",
        r"dimensiune\s+text",
    ),
    "navigation": (
        r"[îi]napoi(?:\s+(?:la\s+(?:list[ăa]|[șş]tiri|[îi]nceput|pagina\s+principal[ăa])|sus))?",
        r"sus|mergi\s+sus",
        r"(?:articolul|[șş]tirea)\s+(?:anterior|anterioar[ăa]|urm[ăa]tor|urm[ăa]toare)",
        r"[șş]tiri\s+(?:similare|asem[ăa]n[ăa]toare|recente)|articole\s+similare",
        r"cite[șş]te\s+(?:[șş]i|mai\s+mult|tot)|salt\s+la\s+con[țţ]inut",
        r"(?:acas[ăa]|prima\s+pagin[ăa])(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "tags": (r"(?:etichete|tag-?uri|categorii|categorie|cuvinte\s+cheie)\s*:\s*[^.!?]{1,150}",),
    "comments": (
        r"(?:\d+\s+)?comentarii|comentariu",
        r"las[ăa]\s+un\s+comentariu|adaug[ăa]\s+(?:un\s+)?comentariu",
        r"vizualiz[ăa]ri\s*(?::\s*)?\d+",
    ),
    "cookie_subject": (
        r"folosim|utiliz[ăa]m",
        r"(?:acest\s+site|site-ul\s+nostru)\s+(?:folose[șş]te|utilizeaz[ăa])",
    ),
    "cookie_word": (r"module\s+cookie", r"cookie-?uri\w*"),
    "cookie_purpose": (
        r"experien[țţ]\w*",
        r"site\w*",
        r"navigare\w*",
        r"analiz\w*",
        r"consim[țţ]\w*",
        r"servicii\w*",
        r"publicit\w*",
        r"personaliz\w*",
    ),
    "cookie": (
        r"(?:accept[ăa]|respinge|refuz[ăa])(?:\s+(?:tot|toate(?:\s+cookie-?urile)?|cookie-?urile))?",
        r"set[ăa]ri\s+cookie(?:-?uri)?|politica\s+(?:de\s+)?cookie(?:-?uri)?",
        r"sunt\s+de\s+acord|am\s+[îi]n[țţ]eles",
    ),
    "caption_label": (r"fotografie", r"imagine", r"surs[ăa]\s+foto"),
    "rights_reserved": (r"toate\s+drepturile\s+(?:sunt\s+)?rezervate",),
    "rights_word": ("rezervate",),
}
