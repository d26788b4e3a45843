"""`python -m pressconv` and the `pressconv` command.

Before anything else is imported, a conversion into a directory forks the start-up
helper (`pressconv.batch.helper`): the sooner it forks, the more of its own start-up
(python-docx, ebooklib, the house template) overlaps this process's (the command-line
parser, the readers). Everything else is `pressconv.cli.main`.
"""

from __future__ import annotations

import sys


def main() -> int:
    from pressconv.batch.helper import start_for

    helper = start_for(sys.argv[1:])
    from pressconv.cli import main as run

    return run(helper=helper, started=True)


if __name__ == "__main__":
    sys.exit(main())
