"""Linear-time guard: time for n and for 4n must stay within ~5× (reported, never asserted in tests).

    python benchmarks/linear.py            # every case
    python benchmarks/linear.py --quick    # smaller sizes

Each case builds an input of size n and 4n, times the operation (median of a few runs) and prints
the ratio; a ratio near 4 is linear, near 16 quadratic.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable

import pressconv


def median_seconds(action: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def paragraphs(n: int) -> bytes:
    return (
        "Title Published 07/03/2014\n" + "\n".join(f"Paragraph {i} says something new about item {i}." for i in range(n))
    ).encode()


def long_paragraph(n: int) -> bytes:
    return ("Title Published 07/03/2014\n" + "word " * n).encode()


def long_title(n: int) -> bytes:
    return ("T" * n + " Published 07/03/2014\nBody.").encode()


def write(fmt: str, data: bytes) -> Callable[[], object]:
    release = pressconv.clean(pressconv.parse(data)).release
    return lambda: pressconv.write(release, fmt, io.BytesIO())


CASES: dict[str, tuple[Callable[[int], bytes], int, Callable[[bytes], Callable[[], object]]]] = {
    "parse+clean, many paragraphs": (paragraphs, 5_000, lambda data: lambda: pressconv.clean(pressconv.parse(data))),
    "parse+clean, one long paragraph": (long_paragraph, 50_000, lambda data: lambda: pressconv.clean(pressconv.parse(data))),
    "html, many paragraphs": (paragraphs, 5_000, lambda data: write("html", data)),
    "docx, many paragraphs": (paragraphs, 5_000, lambda data: write("docx", data)),
    "pdf, many paragraphs": (paragraphs, 1_000, lambda data: write("pdf", data)),
    "pdf, one long paragraph": (long_paragraph, 20_000, lambda data: write("pdf", data)),
    "pdf, long title": (long_title, 3_000, lambda data: write("pdf", data)),
    "epub, many paragraphs": (paragraphs, 5_000, lambda data: write("epub", data)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a quarter of the sizes")
    args = parser.parse_args()
    print(f"{'case':<34} {'n':>8} {'t(n) s':>9} {'t(4n) s':>9} {'ratio':>6}  verdict")
    for name, (build, full_n, operation) in CASES.items():
        n = max(1, full_n // 4) if args.quick else full_n
        small = median_seconds(operation(build(n)))
        large = median_seconds(operation(build(4 * n)))
        ratio = large / max(small, 1e-9)
        verdict = "linear" if ratio <= 5.5 else "SUPERLINEAR"
        print(f"{name:<34} {n:>8} {small:>9.3f} {large:>9.3f} {ratio:>6.1f}  {verdict}")


if __name__ == "__main__":
    main()
