"""Portuguese (português) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    # The same entry as Spanish's and Galician's: "publicado em" must not stop at "publicado".
    "published": (r"data\s+de\s+publicação", r"publicad[oa](?:\s+(?:el|em|en|o|a))?"),
    "date_word": ("data",),
    "updated": (r"última\s+atualização", r"atualizad[oa](?:\s+(?:em|a))?"),
    "label": (r"comunicado\s+(?:de\s+imprensa|à\s+imprensa)", r"nota\s+(?:de\s+imprensa|à\s+imprensa)"),
    "label_weak": (r"notícias",),
    "label_line": (r"nota\s+à\s+imprensa", r"comunicado\s+de\s+imprensa"),
    "tail_word": (r"publicad[oa]",),
    "organisation": ("prefeitura", "câmara", "ministério", "governo", "universidade", "polícia", "secretaria"),
    "notes_heading": (r"notas?\s+(?:aos|para\s+os)\s+(?:editores|jornalistas|redatores|redactores)",),
    # "Sobre a Acme", "Sobre nós".
    "about": (r"sobre(?:\s+(?:a|o|os|as))?",),
    "about_article": ("nós",),
    "background_heading": (r"enquadramento",),
    "contact_heading": (
        r"conta(?:c)?tos?\s+(?:para\s+(?:a\s+)?)?(?:imprensa|media|comunicação\s+social)",
        r"(?:assessoria|gabinete)\s+de\s+(?:imprensa|comunicação)",
        r"(?:para\s+)?mais\s+informações\s*(?:,\s*)?(?:contacte|contate|entre\s+em\s+conta(?:c)?to(?:\s+com)?)",
    ),
    "contact_heading_weak": (r"conta(?:c)?tos?", r"(?:para\s+)?mais\s+informações"),
    "contact_first_word": ("contacto", "contactos", "contato", "contatos", "assessoria", "gabinete", "para", "mais"),
    "contact_field": (r"telefone", r"telemóvel", r"celular"),
    "speech_verb": (r"disse", r"afirmou", r"declarou", r"explicou", r"acrescentou"),
    "conjunction": ("ou",),
    "share": (
        r"(?:partilhar|compartilhar)(?:\s+(?:no|via)\s+{network})?",
        r"siga-nos(?:\s+(?:no|nas\s+redes\s+sociais))?",
        r"copiar\s+(?:o\s+)?link|enviar\s+por\s+e-?mail",
    ),
    "print": (r"(?:descarregar|baixar)\s+(?:o\s+)?pdf", r"tamanho\s+(?:da\s+)?(?:letra|fonte)"),
    "navigation": (
        r"voltar(?:\s+(?:ao\s+topo|à\s+lista|às\s+notícias|atrás))?|topo",
        r"(?:notícia|artigo)\s+(?:seguinte|anterior)|(?:próxima|próximo)\s+(?:notícia|artigo)",
        r"notícias\s+relacionadas|mais\s+notícias|todas\s+as\s+notícias",
        r"leia\s+(?:mais|também)|ler\s+mais|saiba\s+mais",
        r"ir\s+para\s+o\s+conteúdo(?:\s+principal)?",
        r"(?:início|página\s+inicial)(?:\s*[>»›/|→•·]\s*[^>»›/|→•·]{1,80}){0,8}",
    ),
    "tags": (r"(?:etiquetas|temas|categorias?|palavras-chave)\s*:\s*[^.!?]{1,150}",),
    "comments": (r"(?:\d+\s+)?comentários?", r"deixe\s+(?:um|o\s+seu)\s+comentário"),
    "cookie_subject": (r"(?:este|o\s+nosso)\s+(?:site|sítio)\s+(?:utiliza|usa)",),
    "cookie_purpose": (r"experiência", r"navegação", r"site", r"análise", r"consentimento", r"serviços", r"publicidade"),
    "cookie": (
        r"(?:aceitar|rejeitar|recusar)\s+(?:todos|tudo|cookies|os\s+cookies)",
        r"(?:configurações|definições|preferências)\s+de\s+cookies|concordo",
    ),
    "caption_label": (r"fotografia", r"imagem", r"legenda"),
    "rights_reserved": (r"todos\s+os\s+direitos\s+reservados",),
    "rights_word": ("reservados",),
}
