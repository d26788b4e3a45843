"""Galician (galego) (see `pressconv.lexicon`).

Many words are Spanish's or Portuguese's and stand in those files; this one holds Galician's own.
"""

WORDS: dict[str, tuple[str, ...]] = {
    # The Spanish and Portuguese entry: "publicado o" must not stop at "publicado".
    "published": (r"data\s+de\s+publicación", r"publicad[oa](?:\s+(?:el|em|en|o|a))?"),
    "updated": (r"última\s+actualización", r"actualizad[oa](?:\s+(?:el|o))?"),
    "label": (r"nota\s+de\s+prensa", r"comunicado\s+de\s+prensa"),
    "organisation": ("concello", "xunta", "consellería", "universidade", "deputación"),
    "notes_heading": (r"notas?\s+(?:para|aos)\s+(?:os\s+)?(?:editores|redactores|xornalistas|medios)",),
    "contact_heading": (r"gabinete\s+de\s+(?:prensa|comunicación)", r"contacto\s+(?:de\s+)?(?:prensa|medios)"),
    "contact_heading_weak": (r"(?:para\s+)?máis\s+información",),
    "contact_first_word": ("para", "máis"),
    "speech_verb": (r"dixo", r"afirmou", r"declarou", r"explicou", r"engadiu"),
    "share": (r"compárteo|compartir\s+en\s+{network}", r"ségue(?:nos|os)(?:\s+en\s+{network})?"),
    "navigation": (
        r"voltar(?:\s+(?:á\s+(?:lista|portada|listaxe)|arriba|atrás))?",
        r"(?:nova|noticia)\s+(?:seguinte|anterior)",
        r"novas\s+relacionadas|ler\s+máis|máis\s+novas",
        r"(?:inicio|portada)(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "cookie_subject": (r"(?:este|o\s+noso)\s+sitio(?:\s+web)?\s+(?:utiliza|usa)", r"esta\s+web\s+(?:utiliza|usa)"),
    "cookie": (
        r"(?:aceptar|rexeitar)\s+(?:todas(?:\s+as\s+cookies)?|todo|as\s+cookies|cookies)",
        r"configuración\s+(?:das\s+)?cookies",
    ),
    "caption_label": (r"imaxe", r"imaxes", r"pé\s+de\s+foto"),
    "rights_reserved": (r"todos\s+os\s+dereitos\s+reservados",),
    "rights_word": ("reservados",),
}
