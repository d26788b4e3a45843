"""Instructions per conversion, counted by valgrind: a cost that other load on the machine does not move.

    python benchmarks/instructions.py                  # the seed: parse + clean, then each writer
    python benchmarks/instructions.py --only read -n 20
    python benchmarks/instructions.py --python /path/to/other/python   # another checkout's environment

Timings on a shared machine move by tens of per cent with the neighbours' load; the number of instructions
a conversion executes does not. Each stage runs under `valgrind --tool=callgrind` twice, in a fresh
interpreter: once warming up only (imports, the role model, the house templates, one conversion) and once
doing N more conversions; the difference divided by N is the cost of one warm conversion, start-up excluded.
Instructions are not time (a cache miss costs more than an add), but a change that lowers them by a tenth
saves about a tenth: compare two versions of the code with the same command. Needs valgrind (Debian package
`valgrind`); each stage takes about a minute.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "blue-light-integration.txt"  # the seed release, as bundled

#: Each stage: what one warm conversion does, given `data` (the seed's bytes) and `release` (cleaned).
STAGES = {
    "read": "pressconv.clean(pressconv.parse(data))",
    "html": "pressconv.write(release, 'html', io.BytesIO())",
    "docx": "pressconv.write(release, 'docx', io.BytesIO())",
    "epub": "pressconv.write(release, 'epub', io.BytesIO())",
    "pdf": "pressconv.write(release, 'pdf', io.BytesIO())",
    "json": "pressconv.write(release, 'json', io.BytesIO())",
}

_PROGRAM = """
import io, sys, pressconv
data = open(sys.argv[1], 'rb').read()
release = pressconv.clean(pressconv.parse(data)).release
for _ in range({runs}):
    {statement}
"""

_COLLECTED = re.compile(r"Collected : (\d+)")


def counted(python: str, statement: str, runs: int) -> int:
    """Instructions a fresh interpreter executes warming up and then running `statement` `runs` times."""
    program = _PROGRAM.format(runs=runs, statement=statement)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-c", program, str(SEED)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind said nothing countable:\n{done.stderr[-2000:]}")
    return int(found[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=list(STAGES), help="a stage (default: all)")
    parser.add_argument("-n", type=int, default=20, help="conversions counted per stage (default 20)")
    parser.add_argument("--python", default=None, help="the interpreter to run (default: this one, unwrapped)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    # valgrind does not follow a wrapper script (pyenv's shims) into the interpreter it starts: use the binary.
    python = args.python or str(Path(sys.executable).resolve())
    print(f"{'stage':6} {'instructions per warm conversion':>34}   (the seed, n={args.n})")
    for stage in args.only or list(STAGES):
        statement = STAGES[stage]
        per_run = (counted(python, statement, args.n) - counted(python, statement, 0)) / args.n
        print(f"{stage:6} {per_run / 1e6:>32.2f} M", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
