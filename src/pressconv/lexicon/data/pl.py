"""Polish (polski) (see `pressconv.lexicon`)."""

WORDS: dict[str, tuple[str, ...]] = {
    "label": (r"komunikat\s+prasowy",),
}
