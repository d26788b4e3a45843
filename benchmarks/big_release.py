"""One very large release to every format: ``python benchmarks/big_release.py [--paragraphs 50000]``.

Issue 24's yardstick for "linear time on any input": a release of 50,000 distinct paragraphs that all end
the same way (the shape that once made the glued-repeat search quadratic) must convert to all five formats
in under 20 s on two cores. The release is built here (nothing is read from elsewhere), converted through
the public API in one process, and each stage is timed: reading, cleaning, then each writer. Wall times of one
run, with the load average, since a busy machine stretches them.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import time

import pressconv

FORMATS = ("json", "html", "epub", "docx", "pdf")


def build(paragraphs: int) -> bytes:
    """A release whose paragraphs all differ (ward and street numbers) and all share their last 50 characters."""
    draw = random.Random(7)
    lines = [f"{paragraphs:,} paragraphs that end the same way", "Published 7 March 2014"]
    lines += [
        f"Item {index} of the plan covers ward {draw.randrange(1000)} and street {index * 7 % 1000}, "
        "as the council agreed at its meeting on Tuesday."
        for index in range(paragraphs)
    ]
    return ("\n".join(lines) + "\n").encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=50_000)
    args = parser.parse_args(argv)
    data = build(args.paragraphs)
    pressconv.clean(pressconv.parse(b"Warm-up\nPublished 7 March 2014\nOne paragraph of text to read.\n"))
    started = time.perf_counter()
    release = pressconv.parse(data)
    read = time.perf_counter()
    cleaned, removals = pressconv.clean(release)
    stages = [("read", read - started), ("clean", time.perf_counter() - read)]
    for name in FORMATS:
        begun = time.perf_counter()
        pressconv.write(cleaned, name, io.BytesIO())
        stages.append((name, time.perf_counter() - begun))
    total = sum(seconds for _, seconds in stages)
    print(f"{args.paragraphs:,} paragraphs, {len(data) / 1e6:.1f} MB, {len(removals)} removals; "
          f"load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
    print("| stage | seconds |\n|---|---:|")
    for name, seconds in stages:
        print(f"| {name} | {seconds:.2f} |")
    print(f"| **all five formats** | **{total:.2f}** (goal < 20 s) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
