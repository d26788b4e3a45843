"""Czech (čeština) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (
        r"datum\s+(?:zveřejnění|publikace|vydání)",
        r"(?:publikováno|zveřejněno|vydáno|vloženo)(?:\s+dne)?",
    ),
    "updated": (r"datum\s+aktualizace", r"poslední\s+(?:aktualizace|změna)", r"aktualizováno(?:\s+dne)?"),
    "label": (r"tisková\s+zpráva", r"tiskové\s+prohlášení", r"informace\s+pro\s+média"),
    "label_weak": (r"aktuality",),
    "label_line": (r"tisková\s+zpráva",),
    "tail_word": ("publikováno", "zveřejněno", "aktualizováno"),
    "organisation": ("ministerstvo", "úřad", "magistrát", "město", "univerzita", "policie", "společnost", "kraj"),
    "end_mark": (r"konec\s+tiskové\s+zprávy",),
    "notes_heading": (
        r"poznámk[ay]\s+pro\s+(?:editory|redakce|redaktory|novináře)",
        r"informace\s+pro\s+(?:editory|redakce|redaktory)",
    ),
    # "O společnosti Acme", "O nás": a bare "o" would also take Portuguese "O …" lines, so the whole heading.
    "background_heading": (r"o\s+(?:nás|společnosti(?:\s+\S.{0,60})?)",),
    "contact_heading": (
        r"kontakty?\s+pro\s+(?:média|novináře|tisk)",
        r"(?:tiskové|mediální)\s+(?:oddělení|centrum|kontakty?)",
        r"tiskov(?:ý|á)\s+mluvčí",
        r"pro\s+více\s+informací\s+kontaktujte",
    ),
    "contact_heading_weak": (r"kontakty?", r"více\s+informací", r"další\s+informace"),
    "contact_first_word": ("kontakt", "kontakty", "tiskové", "tiskový", "tisková", "mediální", "pro", "více", "další"),
    "contact_field": (r"tel", r"telefon", r"mobil"),
    "speech_verb": (r"řekl[ao]?", r"uvedl[ao]?", r"dodal[ao]?", r"uvádí"),
    "conjunction": ("nebo",),
    "share": (
        r"sdílet(?:\s+na\s+(?:{network})u?)?|sdílejte",
        r"sledujte\s+nás(?:\s+na\s+(?:{network})u?)?",
        r"kopírovat\s+odkaz|odkaz\s+zkopírován",
        r"poslat\s+(?:e-?mailem|příteli)",
    ),
    "print": (
        r"tisk(?:nout)?(?:\s+stránky)?|vytisknout(?:\s+stránku)?|verze\s+pro\s+tisk",
        r"stáhnout\s+(?:v\s+)?pdf",
        r"velikost\s+písma|(?:zvětšit|zmenšit)\s+písmo",
    ),
    "navigation": (
        r"zpět(?:\s+na\s+(?:seznam|začátek|hlavní\s+stránku|aktuality|zprávy))?",
        r"nahoru|na\s+začátek\s+stránky",
        r"(?:předchozí|další|následující)\s+(?:článek|zpráva|stránka)",
        r"(?:související|další|všechny)\s+(?:články|zprávy|aktuality)",
        r"(?:číst|zobrazit)\s+více|více\s+zpráv",
        r"přejít\s+(?:na|k)\s+(?:hlavnímu\s+)?obsahu?",
        r"hlavní\s+stránka|domů",
        r"(?:úvod|domů|hlavní\s+stránka)(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){1,8}",
    ),
    "tags": (r"(?:štítky|témata|kategorie|klíčová\s+slova|rubrika)\s*:\s*[^.!?]{1,150}",),
    "comments": (
        r"(?:\d+\s+)?komentář(?:e|ů)?",
        r"přidat\s+komentář",
        r"byla\s+pro\s+vás\s+tato\s+(?:stránka|informace)\s+užitečná\s*\??",
    ),
    "cookie_subject": (r"(?:tento\s+web|tyto\s+stránky|náš\s+web)\s+(?:používá|používají)", r"používáme"),
    "cookie_word": (r"(?:soubory\s+)?cookies?",),
    "cookie_purpose": (r"web\w*", r"služ\w*", r"analý\w*", r"reklam\w*", r"personaliz\w*", r"souhlas\w*", r"funkc\w*"),
    "cookie": (
        r"(?:přijmout|odmítnout|povolit)(?:\s+(?:vše|všechny(?:\s+cookies)?|cookies))?",
        r"nastavení\s+(?:souborů\s+)?cookies?|rozumím|souhlasím",
    ),
    "caption_label": (r"foto", r"fotografie", r"zdroj\s+foto", r"ilustrační\s+foto", r"obrázek"),
    "rights_reserved": (r"všechna\s+práva\s+vyhrazena",),
    "rights_word": ("vyhrazena",),
}
