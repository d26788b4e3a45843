"""Irish (Gaeilge) (see `pressconv.lexicon`).

Irish mutates a word's first letter after some words ("an fhoilsiú", "na bhfianán"): entries spell the
forms a press page prints.
"""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"dáta\s+(?:foilsithe|eisiúna)", r"(?:foilsithe|arna\s+fhoilsiú|foilsíodh)(?:\s+ar)?"),
    "date_word": ("dáta",),
    "updated": (
        r"(?:an\s+)?nuashonrú\s+(?:is\s+déanaí|deireanach)",
        r"(?:nuashonraithe|nuashonraíodh)(?:\s+(?:go\s+deireanach|ar))?",
    ),
    "label": (
        r"preasráiteas",
        r"preaseisiúint",
        r"ráiteas\s+(?:preasa|do\s+na\s+meáin)",
        r"eisiúint\s+(?:phreasa|nuachta)",
        r"fógra\s+(?:preasa|do\s+na\s+meáin)",
    ),
    "label_line": (r"preasráiteas", r"preaseisiúint"),
    "tail_word": ("foilsithe", "nuashonraithe"),
    "organisation": ("roinn", "comhairle", "ollscoil", "rialtas", "údarás", "oifig"),
    "connector": ("agus",),
    "end_mark": (r"críoch", r"deireadh"),
    "notes_heading": (r"nótaí?\s+(?:do|don|chuig)\s+(?:eagarthóirí|eagarthóir|an\s+eagarthóir|na\s+heagarthóirí)",),
    "about": (r"maidir\s+le",),
    "about_article": ("na",),
    "background_heading": (r"cúlra", r"eolas\s+cúlra"),
    "contact_heading": (
        r"(?:fiosruithe|fiosrúcháin|teagmháil)\s+(?:(?:ó|leis)\s+)?(?:na\s+)?(?:meáin|meán|preasa)",
        r"oifig\s+an\s+phreasa|preasoifig",
    ),
    "contact_heading_weak": (r"teagmháil", r"tuilleadh\s+eolais", r"eolas\s+breise"),
    "contact_first_word": ("fiosruithe", "fiosrúcháin", "teagmháil", "oifig", "preasoifig", "tuilleadh", "eolas"),
    "contact_field": (r"fón", r"guthán", r"ríomhphost", r"r-phost", r"teil"),
    "speech_verb": (r"a\s+dúirt", r"dúirt", r"arsa"),
    "conjunction": ("agus", "nó"),
    "share": (
        r"roinn(?:\s+ar\s+{network})?|comhroinn",
        r"lean\s+(?:muid|sinn|linn)(?:\s+ar\s+{network})?",
        r"cóipeáil\s+(?:an\s+)?nasc",
    ),
    "print": (r"priontáil(?:\s+(?:an\s+)?leathanach)?|clóbhuail", r"íoslódáil\s+(?:mar\s+)?pdf"),
    "navigation": (
        r"(?:ar\s+ais|siar)(?:\s+(?:go|chuig)\s+(?:barr|an\s+liosta|nuacht|an\s+leathanach\s+baile))?",
        r"barr\s+an\s+leathanaigh",
        r"léigh\s+(?:tuilleadh|níos\s+mó)|scéalta\s+gaolmhara|nuacht\s+ghaolmhar",
        r"téigh\s+chuig\s+(?:an\s+)?(?:bpríomhábhar|príomhábhar|ábhar)",
        r"baile(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){1,8}",
    ),
    "tags": (r"(?:clibeanna|catagóir|catagóirí|ábhair)\s*:\s*[^.!?]{1,150}",),
    "cookie_subject": (r"úsáidimid", r"úsáideann\s+(?:an\s+suíomh(?:\s+gréasáin)?\s+seo|ár\s+suíomh)"),
    "cookie_word": (r"fianáin",),
    "cookie_purpose": (r"suíomh\w*", r"taithí", r"anailís\w*", r"seirbhís\w*", r"toiliú"),
    "cookie": (
        r"glac\s+le\s+(?:gach\s+|na\s+)?fianáin|diúltaigh\s+(?:do\s+)?(?:gach\s+|na\s+)?(?:fianáin|fhianáin)",
        r"socruithe\s+fianán",
    ),
    "caption_label": (r"grianghraf", r"íomhá", r"pictiúr"),
    "rights_reserved": (r"gach\s+ceart\s+ar\s+cosaint",),
    "rights_word": ("cosaint",),
    "copyright": (r"cóipcheart.{0,150}",),
    "long_line_word": ("fianá",),
}
