"""Swedish (svenska) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"publicerad",),
    "updated": (r"uppdaterad",),
    "label": (r"pressmeddelande",),
    "tail_word": ("publicerad",),
}
