"""Danish (dansk) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"publiceret",),
    "updated": (r"opdateret",),
    "label": (r"pressemeddelelse",),
    "tail_word": ("publiceret",),
}
