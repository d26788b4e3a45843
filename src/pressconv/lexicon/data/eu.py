"""Basque (euskara) (see `pressconv.lexicon`).

Basque puts case endings on the word ("Facebooken", "zerrendara"): entries spell them.
"""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"(?:argitaratze|argitalpen)\s+data", r"argitaratua|argitaratu\s+da"),
    "updated": (r"eguneratze\s+data", r"azken\s+eguneratzea", r"eguneratua"),
    "label": (r"prentsa[-\s]+oharra", r"komunikatua"),
    "label_line": (r"prentsa[-\s]+oharra",),
    "organisation": ("udala", "jaurlaritza", "saila", "unibertsitatea", "aldundia"),
    "notes_heading": (r"(?:editoreentzako|erredakzioarentzako|kazetarientzako)\s+oharrak",),
    "background_heading": (r"testuingurua", r"aurrekariak"),
    "contact_heading": (
        r"prentsa\s+(?:harremanak|kontaktua|bulegoa)",
        r"komunikazio\s+(?:saila|bulegoa)",
        r"hedabideentzako\s+(?:harremanak|kontaktua)",
    ),
    "contact_heading_weak": (r"harremanetarako", r"kontaktua", r"informazio\s+gehiago"),
    "contact_first_word": ("prentsa", "komunikazio", "hedabideentzako", "harremanetarako", "kontaktua", "informazio"),
    "contact_field": (r"telefonoa", r"posta\s+elektronikoa"),
    "share": (
        r"partekatu(?:\s+(?:{network})(?:n|en))?",
        r"jarraitu\s+gaitzazu",
        r"esteka\s+kopiatu",
    ),
    "print": (r"inprimatu(?:\s+orria)?", r"pdf\s+deskargatu|deskargatu\s+pdf", r"testuaren\s+tamaina"),
    "navigation": (
        r"itzuli(?:\s+(?:zerrendara|hasierara|gora|albisteetara))?|gora",
        r"(?:hurrengo|aurreko)\s+(?:albistea|berria)",
        r"lotutako\s+(?:albisteak|berriak)|gehiago\s+irakurri|irakurri\s+gehiago",
        r"hasiera(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "tags": (r"(?:etiketak|gaiak|kategoria)\s*:\s*[^.!?]{1,150}",),
    "cookie_subject": (r"(?:webgune|web\s+orri|atari)\s+honek",),
    "cookie_word": (r"cookie(?:ak|rik)",),
    "cookie_purpose": (r"nabigazio\w*", r"esperientzia\w*", r"zerbitzu\w*", r"analisi\w*", r"baimen\w*"),
    "cookie": (r"(?:onartu|baztertu|ukatu)\s+(?:guztiak|cookieak)", r"cookien\s+konfigurazioa"),
    "caption_label": (r"argazkia", r"irudia"),
    "rights_reserved": (r"eskubide\s+guztiak\s+erreserbatuta",),
    "rights_word": ("erreserbatuta",),
}
