"""Linear-time guard for the DOCX writer: the time for n and 4n paragraphs (and links, and list items).

Prints the best of three timings and the 4n/n ratio; a ratio near 4 is linear, near 16 is
quadratic. Reported, never asserted (timings are not tests). Before the body
was built in one pass, 25k / 50k / 100k paragraphs took 2.3 / 11 / 76 s.

    python benchmarks/docx_linear.py [n]      # default n = 25,000
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import pressconv
from pressconv.model import Link, ListBlock, Paragraph, Release, Text

#: Within this ratio for 4× the work counts as linear (allowing for cache effects and noise).
LINEAR_ENOUGH = 5.0


def paragraphs(n: int) -> Release:
    return Release("Many paragraphs", None, tuple(Paragraph(f"Paragraph {number} of a long release.") for number in range(n)))


def links(n: int) -> Release:
    """Every paragraph with a link to a different address: one relationship each."""
    return Release("Many links", None, tuple(Paragraph(f"See www.example.org/{number} now.", (Link(4, 24, f"https://www.example.org/{number}"),))
                                             for number in range(n)))  # fmt: skip


def numbered_lists(n: int) -> Release:
    """n/4 numbered lists of four items: one numbering instance each."""
    items = tuple(Text(f"Item {number}") for number in range(4))
    return Release("Many lists", None, tuple(ListBlock(items, ordered=True, start=1 + number % 7) for number in range(n // 4)))


def seconds(release: Release, *, runs: int = 1) -> float:
    """The best of `runs` writes: the least disturbed by other work on the machine."""
    writer = pressconv.get_writer("docx")
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        writer.write(release, io.BytesIO())
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    seconds(paragraphs(10))  # warm: template parsed, libraries imported
    shapes: dict[str, Callable[[int], Release]] = {"paragraphs": paragraphs, "links": links, "numbered lists": numbered_lists}
    verdicts = []
    for name, build in shapes.items():
        small, large = seconds(build(n), runs=3), seconds(build(4 * n), runs=3)
        ratio = large / small
        verdicts.append(ratio <= LINEAR_ENOUGH)
        print(f"docx, {name:15} n={n:>7,}: {small:6.2f} s   4n={4 * n:>7,}: {large:6.2f} s   ratio {ratio:4.1f} "
              f"({'linear' if ratio <= LINEAR_ENOUGH else 'NOT linear'}; ≤ {LINEAR_ENOUGH} expected)")  # fmt: skip
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
