"""Convert N releases to all four formats in one process (pressconv, or the plain libraries with --plain)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import PLAIN  # noqa: E402
from run import varied_release  # noqa: E402

import pressconv  # noqa: E402

count, plain = int(sys.argv[1]), "--plain" in sys.argv
writers = [pressconv.get_writer(name) for name in ("docx", "pdf", "epub", "html")]
for number in range(count):
    release = pressconv.clean(pressconv.parse(varied_release(number))).release
    if plain:
        for function in PLAIN.values():
            function(release)
    else:
        for writer in writers:
            writer.write(release, io.BytesIO())
