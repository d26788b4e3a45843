"""Page furniture: the running title and "Page N of M", drawn as /Artifact so screen readers skip them."""

from __future__ import annotations

from collections.abc import Callable


def shortened(text: str, fits: Callable[[str], bool], ellipsis: str = "…") -> str:
    """`text`, or its longest prefix that fits with an ellipsis: found by binary search.

    About log2(len(text)) measurements, so a 100,000-character title costs
    seventeen measurements, not one per removed character; the caller
    computes it once per document, not once per page.
    """
    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle].rstrip() + ellipsis):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis
