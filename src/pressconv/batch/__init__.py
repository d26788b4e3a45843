"""Many releases at once: sources (files, directories, corpora, web archives), safe output names,
collections, and the executor-agnostic batch run."""
