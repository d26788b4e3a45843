"""Norwegian Nynorsk (norsk nynorsk) (see `pressconv.lexicon`).

Most words are Bokmål's and stand in `nb.py` (every language file is read whatever the release's language);
this one holds the Nynorsk forms that differ.
"""

WORDS: dict[str, tuple[str, ...]] = {
    "label_weak": (r"nyheiter",),
    "notes_heading": (r"merknad(?:ar)?\s+til\s+redaksjonen",),
    "contact_heading": (r"(?:for\s+)?meir\s+informasjon,?\s+kontakt",),
    "contact_heading_weak": (r"(?:for\s+)?meir\s+informasjon",),
    "contact_first_word": ("meir",),
    "speech_verb": (r"seier", r"fortel"),
    "share": (r"del\s+(?:artikkelen|sida)", r"kopier\s+lenkja"),
    "print": (r"skriv\s+ut\s+sida",),
    "navigation": (
        r"attende(?:\s+til\s+(?:toppen|oversikta|nyheiter|framsida))?",
        r"(?:førre|neste)\s+(?:nyheit|artikkel|sak)",
        r"(?:relaterte|fleire|alle|siste)\s+(?:nyheiter|saker)|les\s+meir",
        r"hopp\s+til\s+hovudinnhald(?:et)?",
        r"framsid[ae](?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "comments": (r"(?:\d+\s+)?kommentarar",),
    "cookie_subject": (r"vi\s+(?:nyttar|brukar)", r"(?:denne\s+nettstaden|nettstaden)\s+(?:nyttar|brukar)"),
    "cookie_word": (r"informasjonskapslar",),
    "cookie_purpose": (r"oppleving\w*", r"nettstad\w*"),
    "cookie": (r"innstillingar\s+for\s+informasjonskapslar",),
    "rights_reserved": (r"alle\s+rettar\s+reserverte",),
    "rights_word": ("reserverte",),
}
