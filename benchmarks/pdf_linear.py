"""Linear-time check for the PDF writer: time for n and 4n, printed, never asserted.

Three shapes that used to be quadratic (issue 14 #3): one very long paragraph
(platypus re-split it page by page), a very long title (the running title
was shortened one character at a time, on every page), and many paragraphs.
For each, the ratio time(4n) / time(n) should stay near 4 (within ~5×).

    .venv/bin/python benchmarks/pdf_linear.py          # the linear-time check
    .venv/bin/python benchmarks/pdf_linear.py --seed   # the seed's warm PDF time (budget: 10 ms, tagged)
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

import pressconv
from pressconv.model import Paragraph


def _release(title: str, paragraphs: list[str]) -> pressconv.Release:
    return pressconv.Release(title, None, tuple(Paragraph(text) for text in paragraphs))


SHAPES: dict[str, tuple[Callable[[int], pressconv.Release], int]] = {
    "one long paragraph (characters)": (lambda n: _release("T", ["lorem ipsum dolor " * (n // 18)]), 400_000),
    "one long title (characters)": (lambda n: _release("Title " * (n // 6), ["Text."] * 200), 25_000),
    "many paragraphs": (lambda n: _release("T", [f"Paragraph {i} says something." for i in range(n)]), 5_000),
}


def seconds(release: pressconv.Release, repeat: int = 3) -> float:
    """Median wall time of writing `release` as PDF to memory."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        pressconv.write(release, "pdf", io.BytesIO())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seed(writes: int = 300) -> None:
    """The seed release's warm PDF write: median and fastest of `writes` writes to memory."""
    from pathlib import Path

    raw = (Path(__file__).resolve().parent.parent / "fixtures" / "blue-light-integration.txt").read_bytes()
    release = pressconv.clean(pressconv.parse(raw)).release
    for _ in range(20):
        pressconv.write(release, "pdf", io.BytesIO())
    times, size = [], 0
    for _ in range(writes):
        buffer = io.BytesIO()
        start = time.perf_counter()
        pressconv.write(release, "pdf", buffer)
        times.append(time.perf_counter() - start)
        size = len(buffer.getvalue())
    print(f"seed PDF, warm: median {statistics.median(times) * 1000:.2f} ms, fastest {min(times) * 1000:.2f} ms, {size:,} bytes")


def main() -> None:
    import sys

    if "--seed" in sys.argv:
        seed()
        return
    pressconv.write(pressconv.Release("warm-up", None, (Paragraph("x"),)), "pdf", io.BytesIO())
    for name, (make, n) in SHAPES.items():
        small, large = seconds(make(n)), seconds(make(4 * n))
        verdict = "linear" if large / small <= 5 else "SUPERLINEAR"
        print(f"{name:34} n={n:>9,}: {small:7.3f} s   4n={4 * n:>9,}: {large:7.3f} s   ratio {large / small:4.1f}  {verdict}")


if __name__ == "__main__":
    main()
