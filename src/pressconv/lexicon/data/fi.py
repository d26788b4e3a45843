"""Finnish (suomi) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "published": (r"julkaistu",),
    "updated": (r"päivitetty",),
    "label": (r"tiedote",),
    "tail_word": ("julkaistu",),
}
