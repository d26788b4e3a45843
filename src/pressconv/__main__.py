"""`python -m pressconv` and the `pressconv` command: `pressconv.cli.main`."""

from __future__ import annotations

import sys


def main() -> int:
    from pressconv.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
