"""One module per language (an ISO 639 code), and `mul` for what belongs to none: see `pressconv.lexicon`."""
