"""The plain baseline for the batch row: every release in a directory to four formats with the plain
library code, on all cores (multiprocessing), as a user would script it."""

from __future__ import annotations

import os
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import PLAIN

import pressconv


def convert(path: str) -> None:
    release = pressconv.clean(pressconv.parse(Path(path).read_bytes())).release
    for name, function in PLAIN.items():
        Path(f"{path}.plain.{name}").write_bytes(function(release))


if __name__ == "__main__":
    files = sorted(str(path) for path in Path(sys.argv[1]).glob("*.txt"))
    with Pool(len(os.sched_getaffinity(0))) as pool:
        pool.map(convert, files, chunksize=8)
