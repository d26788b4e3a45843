"""Norwegian Bokmål (norsk bokmål) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"publisert",),
    "updated": (r"oppdatert",),
    "label": (r"pressemelding",),
    "tail_word": ("publisert",),
}
